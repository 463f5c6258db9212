"""Maps in the house style, drawn offline from the processed province boundaries (no tiles, nothing fetched).

Every map shows the mainland, with Hoàng Sa and Trường Sa (drawn under Đà Nẵng and Khánh Hòa) in an
inset; colour-blind-safe ColorBrewer schemes; a legend; provinces without a value hatched grey as "no
data" (never a class colour, never zero); the source and n; and the boundaries' attribution line and
licence (CC BY-SA 4.0), both in the image and in its caption. A `Map` shows in Jupyter and on the report
pages as an <img> whose alt text, written from the data, begins "Bản đồ" / "Map"; its PNG carries no
timestamp or software tag, so the same inputs give the same bytes. Each map keeps the rows it drew
(`Map.data`), and each layer of shapes is a collection with a gid ("group-4", "missing", …).

    geo = maps.Boundaries.load(project)
    maps.latest_map(geo, ind, coverage, L, "PAPI")          # latest complete year, quartile groups
    maps.small_multiples(geo, ind, coverage, L, "PAPI")     # every complete year of both programmes
    maps.merger_map(geo, L)                                 # 63 → 34
    maps.locator_map(geo, L, "Đắk Nông")                    # an old province and its 2025 province
    maps.members_map(geo, L, "Lâm Đồng")                    # a 2025 province and its members
"""

from __future__ import annotations

import base64
import html
import io
import json
import math
import textwrap
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..analysis.data import PERIODS, complete_years, period_of, series
from ..paths import Project
from .labels import Labels, fmt_years
from .plots import house_rc, palette

if TYPE_CHECKING:
    import geopandas as gpd

DPI = 200  # pixels per inch of the PNG, shown at half its pixel width: sharp on 2x screens
SCREEN_DPI = 100
COLOURS = 64  # palette of the PNG
MAINLAND_EAST = 110.0  # parts east of 110°E are Hoàng Sa and Trường Sa (source NOTES.md §8)
EAST_MARGIN = 3.35  # degrees of sea added east of the mainland for the islands' inset
INSET = (0.72, 0.0, 0.28, 0.42)  # the inset in the map axes' fraction: the open sea to the south-east
ARCHIPELAGOS = {"48": "map_hoang_sa", "56": "map_truong_sa"}  # unit owning them (same code in 63 and 34)
SMALL_TOLERANCE, SMALL_PART = 0.01, 0.002  # small maps: simplify to 0.01°, drop parts under 0.002 deg² (~24 km²)
QUARTILE_COLOURS = ("#ffffcc", "#a1dab4", "#41b6c4", "#225ea8")  # ColorBrewer YlGnBu-4, bottom → top group
MERGER_COLOURS = ("#fee8c8", "#fdbb84", "#e34a33")  # ColorBrewer OrRd-3: 1, 2, 3 members
MISSING_COLOUR, MISSING_EDGE, MISSING_HATCH = "#e6e6e6", "#8c8c8c", "////"
CONTEXT_COLOUR, LINE_COLOUR = "#eeeeee", "white"


@dataclass(frozen=True)
class Boundaries:
    """The processed maps as GeoDataFrames ("63", "34", "64"): unit `code`, `name`, `en`, `members`, `area_km2`
    (table `boundaries`), the whole `geometry`, and its `mainland` and `islands` parts; with the
    attribution line of each map."""

    units: dict[str, gpd.GeoDataFrame]
    attribution: dict[str, str]
    _paths: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, project: Project) -> "Boundaries":
        import geopandas as gpd

        from ..clean.boundaries import MAPS, file_name
        from ..schema import read_table

        areas = read_table(project.processed, "boundaries")
        units, attribution = {}, {}
        for key in MAPS:
            doc = json.loads((project.processed / file_name(key)).read_text(encoding="utf-8"))
            gdf = gpd.GeoDataFrame.from_features(doc["features"], crs="EPSG:4326")
            prefix = "province_2025" if key == "34" else "province"
            gdf = gdf.rename(columns={f"{prefix}_code": "code", prefix: "name", f"{prefix}_en": "en"})
            if "members" not in gdf:
                gdf["members"] = [[n] for n in gdf["name"]]
            gdf["area_km2"] = gdf["code"].map(areas[areas["map"] == key].set_index("unit_code")["area_km2"])
            parts = [_split(g) for g in gdf.geometry]
            gdf["mainland"] = gpd.GeoSeries([m for m, _ in parts], crs=gdf.crs)
            gdf["islands"] = gpd.GeoSeries([i for _, i in parts], crs=gdf.crs)
            units[key] = gdf[["code", "name", "en", "members", "area_km2", "geometry", "mainland", "islands"]]
            attribution[key] = doc["metadata"]["attribution"]
        return cls(units, attribution)

    def paths(self, key: str, part: str, small: bool = False) -> list:
        """One matplotlib Path per unit of map `key` for its "mainland" or "islands" part, made once.
        `small`: simplified, and without the tiny mainland parts, for maps a few centimetres wide."""
        if (key, part, small) not in self._paths:
            self._paths[(key, part, small)] = [
                _path(g, SMALL_TOLERANCE if small else 0.0, SMALL_PART if small and part == "mainland" else 0.0)
                for g in self.units[key][part]]
        return self._paths[(key, part, small)]

    def for_year(self, year: int) -> str:
        """The map of the provinces in force in `year`: "64" (with Hà Tây) to 2008, else "63"."""
        from ..provinces import in_force

        return "64" if len(in_force(year)) == 64 else "63"


def _split(geometry):
    """(mainland, islands): the parts west and east of MAINLAND_EAST."""
    from shapely.geometry import MultiPolygon

    parts = list(getattr(geometry, "geoms", [geometry]))
    return (MultiPolygon([p for p in parts if p.representative_point().x < MAINLAND_EAST]),
            MultiPolygon([p for p in parts if p.representative_point().x >= MAINLAND_EAST]))


def _path(geometry, tolerance: float, min_area: float):
    """A compound Path of a (Multi)Polygon, exteriors counter-clockwise and holes clockwise; parts below
    `min_area` are left out (but never a unit's largest)."""
    from matplotlib.path import Path
    from shapely.geometry.polygon import orient

    parts = list(getattr(geometry, "geoms", [geometry]))
    if min_area and parts:
        largest = max(parts, key=lambda g: g.area)
        parts = [g for g in parts if g.area >= min_area or g is largest]
    rings = []
    for part in parts:
        part = orient(part.simplify(tolerance) if tolerance else part)
        if not part.is_empty:
            rings += [part.exterior, *part.interiors]
    if not rings:
        return Path(np.empty((0, 2)))
    return Path.make_compound_path(*(Path(np.asarray(r.coords)[:, :2], closed=True) for r in rings))


@dataclass
class Map:
    """A rendered map: the figure, its alt text, its caption (attribution and licence) and the rows drawn."""

    figure: Figure
    alt: str
    caption: str
    data: pd.DataFrame = field(repr=False)

    def png(self) -> bytes:
        """The PNG in COLOURS palette colours (a quarter of the bytes of full colour, no visible loss on flat
        map colours), without timestamp or software tag: the same map always gives the same bytes."""
        from PIL import Image

        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        image = Image.open(buffer).convert("RGB").quantize(COLOURS, method=Image.Quantize.MEDIANCUT,
                                                            dither=Image.Dither.NONE)
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)
        return out.getvalue()

    def _repr_html_(self) -> str:
        width = round(self.figure.get_figwidth() * SCREEN_DPI)
        data = base64.b64encode(self.png()).decode("ascii")
        return (f'<figure class="cchc-map"><img src="data:image/png;base64,{data}" width="{width}" '
                f'alt="{html.escape(self.alt)}"><figcaption>{html.escape(self.caption)}</figcaption></figure>')

    def __repr__(self) -> str:
        return self.alt


# --- drawing ---------------------------------------------------------------------------------------

def _figure(width: float, height: float) -> Figure:
    with matplotlib.rc_context(house_rc()):
        fig = Figure(figsize=(width, height), dpi=SCREEN_DPI)
    FigureCanvasAgg(fig)
    return fig


def _frame(ax, west: float, south: float, east: float, north: float, border: bool = False) -> None:
    """Fit the axes to a lon/lat box with the aspect of its middle latitude; no ticks, a border if asked."""
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    for spine in ax.spines.values():
        spine.set_visible(border)
        spine.set_edgecolor("0.6")
        spine.set_linewidth(0.5)


def _pick(values, mask):
    """The items of a list where `mask` holds; a single value as it is."""
    return [v for v, keep in zip(values, mask) if keep] if isinstance(values, list) else values


def _draw(ax, paths, colours, *, gid: str, edge=LINE_COLOUR, lw: float = 0.3, hatch: str | None = None,
          zorder: int = 1) -> None:
    """One collection of unit shapes, tagged with `gid`."""
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import PathPatch

    keep = [len(path.vertices) > 0 for path in paths]
    if not any(keep):
        return
    ax.add_collection(PatchCollection([PathPatch(p) for p in _pick(paths, keep)], facecolors=_pick(colours, keep),
                                      edgecolors=_pick(edge, keep), linewidths=lw, hatch=hatch, zorder=zorder,
                                      gid=gid), autolim=False)


def _country(ax, L: Labels, geo: Boundaries, key: str, layers, *, small: bool = False, outline=(),
             labels=()) -> None:
    """The mainland of map `key` fitted to `ax` and the islands in an inset; each layer is (gid, unit mask,
    colour or one colour per unit, options of `_draw`); `outline`: paths drawn in bold lines; `labels`:
    (lon, lat, text), moved apart where they would overlap."""
    gdf = geo.units[key]
    west, south, east, north = gdf["mainland"].total_bounds
    _frame(ax, west - 0.15, south - 0.15, east + EAST_MARGIN, north + 0.15)
    box = ax.inset_axes(INSET)
    mainland, islands = geo.paths(key, "mainland", small), geo.paths(key, "islands", small)
    for gid, mask, colours, options in layers:
        options = dict(options)
        edge_islands = options.pop("edge_islands", _pick(colours, mask))  # outlined in its fill: specks show
        _draw(ax, _pick(mainland, mask), _pick(colours, mask), gid=gid, **options)
        _draw(box, _pick(islands, mask), _pick(colours, mask), gid=f"{gid}-islands", edge=edge_islands,
              lw=0.3 if small else 0.6)
    _draw(ax, list(outline), "none", gid="outline", edge="black", lw=1.1, zorder=5)
    _place_labels(ax, labels)
    west, south, east, north = gdf["islands"].total_bounds
    _frame(box, west - 0.4, south - 0.4, east + 0.4, north + (0.4 if small else 1.7), border=True)
    if not small:
        for code, text in ARCHIPELAGOS.items():
            own = gdf.loc[gdf["code"] == code, "islands"]
            if len(own) and not own.iloc[0].is_empty:
                x0, _, x1, y1 = own.iloc[0].bounds
                box.text((x0 + x1) / 2, y1 + 0.2, L.t(text), ha="center", va="bottom", fontsize=5.5, color="0.25")


def _place_labels(ax, labels, fontsize: float = 5.8, rounds: int = 200) -> None:
    """Name places at (lon, lat); labels that would overlap are pushed apart (deterministically), and a
    thin leader line joins a moved label to its place."""
    if not labels:
        return
    ax.apply_aspect()
    box = ax.get_position()
    fig_w, fig_h = ax.figure.get_size_inches()
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    per_pt_x, per_pt_y = (x1 - x0) / (box.width * fig_w * 72), (y1 - y0) / (box.height * fig_h * 72)
    anchor = np.array([(x, y) for x, y, _ in labels], dtype=float)
    at = anchor.copy()
    half = np.array([(0.3 * fontsize * len(t) + 2, 0.65 * fontsize + 1.5) for _, _, t in labels])
    half *= [per_pt_x, per_pt_y]
    for _ in range(rounds):
        moved = False
        for i in range(len(at)):
            for j in range(i + 1, len(at)):
                dx, dy = at[j] - at[i]
                over_x, over_y = half[i, 0] + half[j, 0] - abs(dx), half[i, 1] + half[j, 1] - abs(dy)
                if over_x > 0 and over_y > 0:
                    step = np.array([0.0, over_y / 2 + 1e-9]) * (1 if dy > 0 or (dy == 0 and j > i) else -1)
                    at[i] -= step
                    at[j] += step
                    moved = True
        if not moved:
            break
    for (x, y), (lx, ly), (_, _, text) in zip(anchor, at, labels):
        far = abs(ly - y) > half[0, 1] * 0.5
        ax.annotate(text, (x, y), xytext=(lx, ly), textcoords="data", ha="center", va="center", fontsize=fontsize,
                    zorder=6, color="0.1", arrowprops={"arrowstyle": "-", "color": "0.3", "lw": 0.4} if far else None,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.75})


def _label(L: Labels, name: str, en: str) -> str:
    """A place name in the report's language, short enough for a map ("TP. Hồ Chí Minh")."""
    return en if L.lang == "en" else name.replace("Thành phố ", "TP. ")


def _footer(fig, L: Labels, attribution: str, source: str | None = None, n: str | None = None,
            width: int = 120) -> str:
    """Source and n (when the map shows data), then the attribution line and licence; returns the caption."""
    lines = [L.t("caption", source=source, n=n)] if source else []
    lines.append(f"{attribution} {L.t('map_licence')}")
    fig.text(0.01, 0.006, "\n".join(textwrap.fill(line, width) for line in lines), ha="left", va="bottom",
             fontsize=6.5, color="0.3")
    return " ".join(lines + [L.t("map_islands_note")])


def _title(fig, text: str, y: float = 0.985) -> None:
    width = int(fig.get_figwidth() * 10.5)  # characters of 10.5 pt bold in the figure's width
    fig.text(0.01, y, textwrap.fill(text[:1].upper() + text[1:], width), ha="left", va="top", fontsize=10.5,
             weight="bold")


def _names(L: Labels, names) -> str:
    return ", ".join(L.province(n) for n in names) or L.t("map_none")


def _missing_patch(L: Labels, n: int | None = None) -> Patch:
    label = L.t("map_missing_short") if n is None else L.t("map_missing", n=n)
    return Patch(facecolor=MISSING_COLOUR, edgecolor=MISSING_EDGE, hatch=MISSING_HATCH, label=label)


MISSING_LAYER = {"edge": MISSING_EDGE, "hatch": MISSING_HATCH, "edge_islands": MISSING_EDGE}


# --- classes -----------------------------------------------------------------------------------------

def quartile_groups(values: pd.Series) -> pd.Series:
    """4 for the top quarter … 1 for the bottom (cut at the 25th, 50th and 75th percentiles of the values,
    a value on a cut going up, as PAPI groups provinces); <NA> where there is no value."""
    known = values.dropna()
    cuts = np.quantile(known.to_numpy(float), [0.25, 0.5, 0.75]) if len(known) else np.array([])
    groups = pd.Series(pd.NA, index=values.index, dtype="Int64")
    groups[known.index] = [1 + int(np.sum(v >= cuts)) for v in known]
    return groups


def _group_label(L: Labels, family: str, group: int) -> str:
    return L.t(f"map_group_papi_{group}" if family == "PAPI" else f"map_group_{group}")


def _classified(geo: Boundaries, rows: pd.DataFrame, year: int) -> tuple[str, pd.DataFrame]:
    """The units in force in `year` with the rows' value (by province_code) and quartile group; a unit
    without a row or with an empty value keeps <NA>: it is missing, not zero."""
    key = geo.for_year(year)
    units = geo.units[key][["code", "name"]].copy()
    values = rows.drop_duplicates("province_code").set_index("province_code")["value"]
    units["value"] = units["code"].map(values).astype("float64")
    units["group"] = quartile_groups(units["value"])
    return key, units


def _group_layers(units: pd.DataFrame, **options) -> list:
    layers = [(f"group-{g}", (units["group"] == g).fillna(False).to_numpy(), QUARTILE_COLOURS[g - 1], options)
              for g in range(1, 5)]
    return layers + [("missing", units["group"].isna().to_numpy(), MISSING_COLOUR, {**MISSING_LAYER, **options})]


def _source(L: Labels, family: str, rows: pd.DataFrame) -> str:
    return L.source(family, rows["source_id"] if "source_id" in rows else ())


# --- the maps ------------------------------------------------------------------------------------------

def choropleth(geo: Boundaries, rows: pd.DataFrame, L: Labels, family: str, measure: str, year: int,
               title: str | None = None) -> Map:
    """A complete year by quartile group (PAPI's four groups for PAPI), provinces without a value hatched as
    missing. `rows`: that year's primary rows of the measure (province_code, value, source_id). Pass a year
    the coverage rule calls complete: the groups are quartiles of the provinces with a value."""
    key, units = _classified(geo, rows, year)
    fig = _figure(7.0, 8.0)
    _country(fig.add_axes((0.0, 0.06, 0.66, 0.87)), L, geo, key, _group_layers(units))
    measure_label = L.measure_full(family, measure)
    missing = units["group"].isna()
    n = int((~missing).sum())
    _title(fig, title or L.t("map_title_choropleth", measure=measure_label, year=year, n=n))
    handles = [Patch(facecolor=QUARTILE_COLOURS[g - 1], edgecolor="0.5", linewidth=0.4,
                     label=L.t("map_group_range", group=_group_label(L, family, g), n=len(own),
                               lo=L.num(own["value"].min()), hi=L.num(own["value"].max())))
               for g in range(4, 0, -1) if len(own := units[units["group"] == g])]
    fig.legend(handles=[*handles, _missing_patch(L, int(missing.sum()))], loc="upper left",
               bbox_to_anchor=(0.47, 0.93), fontsize=7, title=L.t("map_legend_quartiles"), title_fontsize=7,
               alignment="left")
    caption = _footer(fig, L, geo.attribution[key], _source(L, family, rows), L.t("n_points", n=n), width=110)
    ordered = units.dropna(subset=["value"]).sort_values(["value", "name"], ascending=[False, True])
    alt = L.t("map_alt_choropleth", measure=measure_label, year=year, n=n,
              top_group=_group_label(L, family, 4), top=_names(L, ordered.loc[ordered["group"] == 4, "name"]),
              bottom_group=_group_label(L, family, 1),
              bottom=_names(L, ordered.loc[ordered["group"] == 1, "name"][::-1]))
    if missing.any():
        alt += " " + L.t("map_alt_missing", names=_names(L, units.loc[missing, "name"]))
    return Map(fig, alt, caption, units.assign(year=year))


def quoted_map(geo: Boundaries, rows: pd.DataFrame, L: Labels, family: str, measure: str, year: int) -> Map:
    """A partial year (figures quoted for some provinces only): those provinces in one colour with their
    value, the rest hatched as missing; no groups, since quartiles of a partial year say nothing."""
    key, units = _classified(geo, rows, year)
    have = units["value"].notna().to_numpy()
    points = geo.units[key].loc[have, "mainland"].representative_point()
    labels = [(p.x, p.y, L.num(v)) for p, v in zip(points, units.loc[have, "value"])]
    fig = _figure(7.0, 8.0)
    _country(fig.add_axes((0.0, 0.06, 0.66, 0.87)), L, geo, key,
             [("quoted", have, QUARTILE_COLOURS[2], {}), ("missing", ~have, MISSING_COLOUR, MISSING_LAYER)],
             labels=labels)
    measure_label = L.measure_full(family, measure)
    n, n_expected = int(have.sum()), len(units)
    _title(fig, L.t("map_title_quoted", measure=measure_label, year=year, n=n, n_expected=n_expected))
    fig.legend(handles=[Patch(facecolor=QUARTILE_COLOURS[2], edgecolor="0.5", label=L.t("map_quoted", n=n)),
                        _missing_patch(L, n_expected - n)], loc="upper left", bbox_to_anchor=(0.47, 0.93),
               fontsize=7)
    caption = _footer(fig, L, geo.attribution[key], _source(L, family, rows), L.t("n_points", n=n), width=110)
    shown = units[have].sort_values(["value", "name"], ascending=[False, True])
    alt = L.t("map_alt_quoted", measure=measure_label, year=year, n=n, n_expected=n_expected,
              names="; ".join(f"{L.province(p)} {L.num(v)}" for p, v in zip(shown["name"], shown["value"])))
    return Map(fig, alt, caption, units.assign(year=year))


def latest_map(geo: Boundaries, ind: pd.DataFrame, coverage: pd.DataFrame, L: Labels, family: str,
               measure: str = "total") -> Map | None:
    """The family's latest complete year by quartile group; without a complete year, the year with the most
    quoted values, as they are; None when the measure has no value at all."""
    complete = complete_years(coverage, family, measure)
    if complete:
        return choropleth(geo, series(ind, family, measure, complete[-1:]), L, family, measure, complete[-1])
    rows = series(ind, family, measure)
    if rows.empty:
        return None
    counts = rows.groupby("year")["province_code"].nunique()
    year = int(counts[counts == counts.max()].index.max())
    return quoted_map(geo, rows[rows["year"] == year], L, family, measure, year)


def small_multiples(geo: Boundaries, ind: pd.DataFrame, coverage: pd.DataFrame, L: Labels, family: str,
                    measure: str = "total", columns: int = 5) -> Map | None:
    """One small map per complete year of the two master programmes, each by that year's quartile groups
    (groups, unlike levels, compare across methodology changes); one block of rows per programme."""
    years = [y for y in complete_years(coverage, family, measure) if period_of(y)]
    if not years:
        return None
    rows = series(ind, family, measure, years)
    blocks = [(p, ys) for p in PERIODS if (ys := [y for y in years if period_of(y) == p])]
    panel_w, panel_h, head, top_margin, bottom_margin = 1.5, 2.2, 0.3, 0.75, 0.5
    height = top_margin + sum(math.ceil(len(ys) / columns) * panel_h + head for _, ys in blocks) + bottom_margin
    fig = _figure(panel_w * columns, height)
    y = height - top_margin
    drawn = []
    for period, ys in blocks:
        fig.text(0.01, y / height, L.t("period_short", period=period.replace("-", "–")), ha="left", va="top",
                 fontsize=8.5, weight="bold", color="0.25")
        y -= head
        for i, year in enumerate(ys):
            row, col = divmod(i, columns)
            bottom = y - (row + 1) * panel_h
            ax = fig.add_axes((col / columns, bottom / height, 1 / columns, panel_h * 0.92 / height))
            key, units = _classified(geo, rows[rows["year"] == year], year)
            _country(ax, L, geo, key, _group_layers(units, lw=0.15), small=True)
            ax.set_title(str(year), fontsize=8, pad=1)
            drawn.append(units.assign(year=year))
        y -= math.ceil(len(ys) / columns) * panel_h
    measure_label = L.measure_full(family, measure)
    _title(fig, L.t("map_title_multiples", measure=measure_label), y=1 - 0.08 / height)
    handles = [Patch(facecolor=QUARTILE_COLOURS[g - 1], edgecolor="0.5", linewidth=0.4,
                     label=_group_label(L, family, g)) for g in range(4, 0, -1)]
    fig.legend(handles=[*handles, _missing_patch(L)], loc="upper left", bbox_to_anchor=(0.0, 1 - 0.35 / height),
               ncols=5, fontsize=6.5, handlelength=1.2, columnspacing=0.8)
    data = pd.concat(drawn, ignore_index=True)
    n = data.groupby("year")["value"].count()
    caption = _footer(fig, L, geo.attribution["63"], _source(L, family, rows),
                      L.t("n_per_year", lo=int(n.min()), hi=int(n.max()), years=fmt_years(years)), width=135)
    every = data.groupby("name")["group"].agg(lambda g: set(g.dropna()) if g.notna().all() else set())
    alt = L.t("map_alt_multiples", measure=measure_label, k=len(years), years=fmt_years(years),
              always_top=_names(L, sorted(n for n, g in every.items() if g == {4})),
              always_bottom=_names(L, sorted(n for n, g in every.items() if g == {1})))
    return Map(fig, alt, caption, data)


def merger_map(geo: Boundaries, L: Labels) -> Map:
    """The 34 provinces from 2025-07-01 shaded by how many old provinces each joins, the 63 old boundaries
    as thin dashed lines, each new province named."""
    new = geo.units["34"]
    k = new["members"].map(len)
    fig = _figure(7.0, 8.4)
    ax = fig.add_axes((0.0, 0.06, 0.66, 0.87))
    points = new["mainland"].representative_point()
    _country(ax, L, geo, "34", [(f"members-{m}", (k == m).to_numpy(), MERGER_COLOURS[m - 1], {"edge": "0.2",
                                                                                                "lw": 0.9})
                                for m in sorted(set(k))],
             labels=[(p.x, p.y, _label(L, name, en)) for p, name, en in zip(points, new["name"], new["en"])])
    _draw(ax, geo.paths("63", "mainland"), "none", gid="old-boundaries", edge="0.25", lw=0.35, zorder=2)
    ax.collections[-1].set_linestyle((0, (2, 1.5)))
    _title(fig, L.t("map_title_merger"))
    counts = k.value_counts().sort_index()
    handles = [Patch(facecolor=MERGER_COLOURS[m - 1], edgecolor="0.2",
                     label=L.t("map_merger_1" if m == 1 else "map_merger_k", k=m, n=int(c))) for m, c in counts.items()]
    handles.append(Line2D([], [], color="0.25", lw=0.6, ls=(0, (2, 1.5)), label=L.t("map_old_lines")))
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.5, 0.93), fontsize=7)
    caption = _footer(fig, L, geo.attribution["34"], width=110)
    merged = "; ".join(L.t("map_merger_count", n=int(c), k=m) for m, c in counts.items() if m > 1)
    alt = L.t("map_alt_merger", n_new=len(new), n_old=len(geo.units["63"]), kept=int(counts.get(1, 0)),
              merged=merged)
    return Map(fig, alt, caption, new[["code", "name"]].assign(n_members=k.to_numpy()))


def locator_map(geo: Boundaries, L: Labels, province: str) -> Map:
    """Where an old province lies: it in dark, the rest of its 2025 province in light, the 2025 province
    outlined in bold. Hà Tây (to 2008) is drawn on the map of 2004-2008."""
    from ..provinces import resolve, resolve_2025

    p = resolve(province)
    unit = resolve_2025(p.province_2025)
    key = "63" if p.valid_to.year == 2025 else "64"
    old = geo.units[key]
    partners = [m for m in unit.members if m.code != p.code] if key == "63" else []
    this, others = (old["code"] == p.code).to_numpy(), old["code"].isin([m.code for m in partners]).to_numpy()
    fig = _figure(4.4, 6.0)
    _country(fig.add_axes((0.0, 0.08, 1.0, 0.82)), L, geo, key,
             [("context", ~(this | others), CONTEXT_COLOUR, {"edge": "0.75", "lw": 0.2}),
              ("partners", others, QUARTILE_COLOURS[1], {"edge": "0.5", "lw": 0.3}),
              ("province", this, QUARTILE_COLOURS[3], {"edge": "0.2", "lw": 0.3})],
             outline=_pick(geo.paths("34", "mainland"), (geo.units["34"]["code"] == unit.code).to_numpy()))
    fields = {"province": L.province(p.name), "region": L.region(p.region), "new": _label(L, unit.name, unit.en)}
    if key == "64":
        fields["date"] = (p.valid_to + timedelta(days=1)).isoformat()
    _title(fig, L.t("map_title_locator" if key == "63" else "map_title_locator_former", **fields), y=0.99)
    caption = _footer(fig, L, geo.attribution[key], width=75)
    template = "map_alt_locator" if partners else "map_alt_locator_single" if key == "63" else "map_alt_locator_former"
    alt = L.t(template, partners=_names(L, [m.name for m in partners]), **fields)
    return Map(fig, alt, caption, pd.DataFrame({"code": [p.code], "name": [p.name], "province_2025": [unit.name]}))


def members_map(geo: Boundaries, L: Labels, province_2025: str) -> Map:
    """A province from 2025-07-01 close up: each member in its own colour and named, neighbours in grey,
    and a small map of the country locating it."""
    from ..provinces import resolve_2025

    unit = resolve_2025(province_2025)
    old, new = geo.units["63"], geo.units["34"]
    codes = [m.code for m in unit.members]
    mine = new[new["code"] == unit.code]
    west, south, east, north = mine["mainland"].total_bounds
    pad = max(east - west, north - south) * 0.12
    fig = _figure(7.2, 6.4)
    ax = fig.add_axes((0.01, 0.08, 0.7, 0.83))
    _frame(ax, west - pad, south - pad, east + pad, north + pad)
    paths = geo.paths("63", "mainland")
    is_member = old["code"].isin(codes).to_numpy()
    _draw(ax, _pick(paths, ~is_member), CONTEXT_COLOUR, gid="context", edge="0.7", lw=0.3)
    position = {code: i for i, code in enumerate(old["code"])}
    colours = palette(len(codes))
    _draw(ax, [paths[position[c]] for c in codes], colours, gid="members", lw=0.6)
    here = (new["code"] == unit.code).to_numpy()
    _draw(ax, _pick(geo.paths("34", "mainland"), here), "none", gid="outline", edge="black", lw=1.2, zorder=5)
    for code in codes:
        row = old.iloc[position[code]]
        largest = max(getattr(row["mainland"], "geoms", [row["mainland"]]), key=lambda g: g.area)
        point = largest.representative_point()
        ax.annotate(L.province(row["name"]), (point.x, point.y), ha="center", va="center", fontsize=8,
                    weight="bold", zorder=6,
                    bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})
    _country(fig.add_axes((0.72, 0.36, 0.27, 0.55)), L, geo, "34",
             [("context", ~here, CONTEXT_COLOUR, {"edge": "0.75", "lw": 0.15}),
              ("province", here, "black", {"edge": "black", "lw": 0.3})], small=True)
    names = [m.name for m in unit.members]
    _title(fig, L.t("map_title_members", province=_label(L, unit.name, unit.en), members=_names(L, names)))
    caption = _footer(fig, L, geo.attribution["63"], width=110)
    key = "map_alt_members" if len(codes) > 1 else "map_alt_members_single"
    alt = L.t(key, province=_label(L, unit.name, unit.en), members=_names(L, names),
              area=L.num(mine["area_km2"].iloc[0], 0))
    return Map(fig, alt, caption, pd.DataFrame({"code": codes, "name": names, "province_2025": unit.name}))
