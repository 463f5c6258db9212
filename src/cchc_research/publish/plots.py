"""Figures in one house style: seaborn "whitegrid" with the colour-blind-safe palette, programme periods
shaded, methodology breaks marked, and a footer that names the source and n.

Figures are `matplotlib.figure.Figure` objects on the Agg canvas, made without pyplot: nothing global to
close or leak, and Jupyter shows a figure that is a cell's result. Labels come from `labels.Labels`.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterable

import matplotlib
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..analysis.data import PERIODS
from .labels import Labels, fmt_years

DPI = 100
WIDTH = 8.0
PERIOD_SHADES = {"2011-2020": "#f2f2f2", "2021-2030": "#e3eef7"}


def house_rc() -> dict:
    """matplotlib rc parameters of the house style."""
    import seaborn as sns
    from cycler import cycler

    return {**sns.axes_style("whitegrid"), **sns.plotting_context("notebook", font_scale=0.85),
            "axes.prop_cycle": cycler(color=palette(10)), "font.family": "DejaVu Sans",
            "figure.dpi": DPI, "savefig.dpi": DPI, "legend.frameon": False}


def palette(n: int) -> list:
    """n colours from seaborn's colour-blind-safe palette (cycled beyond its ten)."""
    import seaborn as sns

    return sns.color_palette("colorblind", n)


class HouseFigure(Figure):
    """A Figure that Jupyter shows as a PNG (tight box, unless `tight` is off for a figure whose margins
    are set by hand) without pyplot or an inline backend."""

    tight = True

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", bbox_inches="tight" if self.tight else None)
        return buffer.getvalue()


def new_figure(height: float = 4.2, width: float = WIDTH):
    """A Figure with one Axes on the Agg canvas, constrained layout and room for the footer."""
    with matplotlib.rc_context(house_rc()):
        fig = HouseFigure(figsize=(width, height), dpi=DPI, layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.subplots()
    fig.get_layout_engine().set(rect=(0, 0.07, 1, 0.93))
    return fig, ax


def footer(fig, L: Labels, family: str | Iterable[str], source_ids: Iterable[str], n_text: str) -> None:
    """The caption every figure carries: source(s) and n."""
    families = [family] if isinstance(family, str) else list(family)
    ids = sorted(set(source_ids))
    source = "; ".join(L.source(f, ids if len(families) == 1 else ()) for f in families)
    if len(families) > 1 and ids:
        source += f" ({', '.join(ids)})"
    text = "\n".join(textwrap.wrap(L.t("caption", source=source, n=n_text), 125))
    fig.text(0.01, 0.005, text, ha="left", va="bottom", fontsize=7.5, color="0.3")


def n_text(L: Labels, rows: pd.DataFrame) -> str:
    """"882 values; 63 provinces; 2011–2024" for the plotted rows."""
    return L.t("n_detail", n=len(rows), provinces=rows["province"].nunique(), years=fmt_years(rows["year"]))


def _format_axes(ax, L: Labels, x: str = "year", y: str = "number") -> None:
    """Tick labels: "year" = whole years, "number" = decimals as `L.lang` writes them, "none" = as is."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    decimal = FuncFormatter(lambda v, _: f"{v:g}".replace(".", ",") if L.lang == "vi" else f"{v:g}")
    for axis, kind in ((ax.xaxis, x), (ax.yaxis, y)):
        if kind == "year":
            axis.set_major_locator(MaxNLocator(integer=True))
            axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}"))
        elif kind == "number":
            axis.set_major_formatter(decimal)


def mark_periods_and_breaks(ax, L: Labels, years: Iterable[int], breaks: Iterable[tuple[int, str]]) -> None:
    """Shade the two programme periods and draw a dashed line with a label at each methodology break."""
    ys = sorted(int(y) for y in years)
    if not ys:
        return
    lo, hi = ys[0] - 0.5, ys[-1] + 0.5
    for period, (first, last) in PERIODS.items():
        a, b = max(first - 0.5, lo), min(last + 0.5, hi)
        if a < b:
            ax.axvspan(a, b, color=PERIOD_SHADES[period], zorder=0, lw=0)
            ax.text((a + b) / 2, 1.01, L.t("period_short", period=period.replace("-", "–")),
                    transform=ax.get_xaxis_transform(), ha="center", va="bottom", fontsize=7.5, color="0.35")
    for year, era in breaks:
        ax.axvline(year - 0.5, color="0.25", ls="--", lw=1, zorder=1)
        ax.text(year - 0.4, 0.98, f"{L.t('methodology_break')} {year}: {era}", transform=ax.get_xaxis_transform(),
                rotation=90, ha="left", va="top", fontsize=7, color="0.25", zorder=4,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})
    ax.set_xlim(lo, hi)


def lines(rows: pd.DataFrame, L: Labels, family: str | Iterable[str], y: str, ylabel: str, breaks=(),
          band: pd.DataFrame | None = None, hue: str = "province", invert: bool = False, title: str | None = None,
          n_caption: str | None = None, breaks_by: dict | None = None, quoted: pd.DataFrame | None = None,
          quoted_notes: dict[int, str] | None = None, jumps: pd.DataFrame | None = None):
    """One line per `hue` value (province, family, …) over the years; a line stops at each methodology
    break and at missing years. `band`: the national median and quartiles (`national_distribution`,
    complete years only). `quoted`: values of partial years, drawn as hollow points that no line joins,
    with `quoted_notes` (year → "quoted: 15 of 63") written under the axis. `jumps`: flagged changes
    (year_b, value_b) ringed in red. Published 95% intervals appear as vertical bars when `rows` has
    ci_low/ci_high; `invert` for ranks (1 at the top). `n_caption` replaces the default n; `breaks_by`
    (hue value → break years) cuts each line only at its own family's breaks."""
    fig, ax = new_figure()
    starts = [b for b, _ in breaks]
    keys = list(dict.fromkeys(rows[hue]))
    colours = dict(zip(keys, palette(len(keys))))
    name = {"province": L.province, "family": L.family}.get(hue, str)
    extra = [] if quoted is None else list(quoted["year"])
    years = sorted(set(rows["year"]) | set(extra) | (set(band["year"]) if band is not None else set()))
    if band is not None and not band.empty:
        for seg in _segments(band, starts):
            ax.fill_between(seg["year"], seg["q1"], seg["q3"], color="0.8", alpha=0.6, lw=0, zorder=1)
            ax.plot(seg["year"], seg["median"], color="0.45", lw=1.2, ls=":", zorder=2)
        ax.fill_between([], [], color="0.8", label=L.t("interquartile"))
        ax.plot([], [], color="0.45", ls=":", label=L.t("national_median"))
    has_ci = False
    for k, key in enumerate(keys):
        own = rows[rows[hue] == key].sort_values("year")
        style = "-" if k < 10 else "--"  # the palette has ten colours
        own_starts = breaks_by.get(key, []) if breaks_by is not None else starts
        for i, seg in enumerate(_segments(own, own_starts)):
            ax.plot(seg["year"], seg[y], marker="o", ms=3.5, lw=1.8, ls=style, color=colours[key], zorder=3,
                    label=name(key) if i == 0 else None)
        if {"ci_low", "ci_high"} <= set(own.columns) and own["ci_low"].notna().any():
            ci = own[own["ci_low"].notna()]
            ax.vlines(ci["year"], ci["ci_low"], ci["ci_high"], color=colours[key], lw=1, alpha=0.7, zorder=3)
            has_ci = True
    if has_ci:
        ax.plot([], [], color="0.3", lw=1, marker="|", ms=8, ls="none", label=L.t("legend_ci"))
    if quoted is not None and not quoted.empty:
        for key, own in quoted.groupby(hue, sort=False):
            ax.scatter(own["year"], own[y], s=30, facecolors="white", edgecolors=[colours.get(key, "0.3")], lw=1.4,
                       zorder=4)
        ax.scatter([], [], s=30, facecolors="white", edgecolors="0.3", lw=1.4, label=L.t("legend_quoted"))
    if jumps is not None and not jumps.empty:
        ax.scatter(jumps["year_b"], jumps["value_b"], s=150, facecolors="none", edgecolors="#d62728", lw=1.6, zorder=5,
                   label=L.t("legend_jump"))
    mark_periods_and_breaks(ax, L, years, breaks)
    _note_quoted_years(ax, quoted_notes)
    if invert:
        ax.invert_yaxis()
    _label_axes(ax, L, ylabel, title)
    shown = rows if quoted is None or quoted.empty else pd.concat([rows, quoted])
    footer(fig, L, family, shown["source_id"] if "source_id" in shown else (), n_caption or n_text(L, shown))
    return fig


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _note_quoted_years(ax, quoted_notes: dict[int, str] | None) -> None:
    """Write each partial year's note ("quoted: 15 of 63, mostly top 10") upright at the foot of its year."""
    for year, note in (quoted_notes or {}).items():
        ax.text(year, 0.02, note, transform=ax.get_xaxis_transform(), rotation=90, ha="center", va="bottom",
                fontsize=6.5, color="0.3", zorder=6, bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8,
                                                           "pad": 1})


def _label_axes(ax, L: Labels, ylabel: str, title: str | None) -> None:
    """Year axis, value label, title and the legend outside the plot: the finish of every yearly chart."""
    ax.set_xlabel(L.t("year"))
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(_capital(title), loc="left", fontsize=11, pad=14)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    _format_axes(ax, L)


def _segments(rows: pd.DataFrame, starts: list[int]) -> list[pd.DataFrame]:
    """Split rows (sorted by year) where a methodology era starts or a year is missing."""
    if rows.empty:
        return []
    years = rows["year"].to_numpy()
    cut = [0] + [i for i in range(1, len(years)) if years[i] != years[i - 1] + 1 or years[i] in starts] + [len(years)]
    return [rows.iloc[a:b] for a, b in zip(cut, cut[1:])]


def distribution(rows: pd.DataFrame, L: Labels, family: str, ylabel: str, breaks=(), title: str | None = None,
                 quoted: pd.DataFrame | None = None, quoted_notes: dict[int, str] | None = None):
    """Box plot of all provinces' values per complete year (`rows`: `distribution_rows`), periods shaded and
    breaks marked; partial years (`quoted`) as hollow points with their note, never as a box.
    (matplotlib's boxplot: seaborn 0.13's calls a keyword matplotlib 3.11 deprecates.)"""
    fig, ax = new_figure()
    years = sorted(int(y) for y in rows["year"].unique())
    colour = palette(1)[0]
    if years:
        ax.boxplot([rows.loc[rows["year"] == y, "value"].to_numpy() for y in years], positions=years, widths=0.6,
                   orientation="vertical", patch_artist=True, zorder=2,
                   boxprops={"facecolor": colour, "alpha": 0.75, "lw": 0.8}, medianprops={"color": "black"},
                   flierprops={"markersize": 2.5, "markerfacecolor": colour, "markeredgecolor": colour})
        ax.fill_between([], [], color=colour, alpha=0.75, label=L.t("legend_box"))
    shown = years
    if quoted is not None and not quoted.empty:
        ax.scatter(quoted["year"], quoted["value"], s=18, facecolors="white", edgecolors="0.3", lw=1, zorder=3,
                   label=L.t("legend_quoted"))
        shown = sorted(set(years) | {int(y) for y in quoted["year"]})
    mark_periods_and_breaks(ax, L, shown, breaks)
    _note_quoted_years(ax, quoted_notes)
    _label_axes(ax, L, ylabel, title)
    everything = rows if quoted is None else pd.concat([rows, quoted])
    footer(fig, L, family, everything["source_id"], n_text(L, everything))
    return fig


def dimension_bars(profile: pd.DataFrame, L: Labels, family: str, province: str, year: int, source_ids,
                   title: str | None = None):
    """Horizontal bars: the province's score on each dimension, with the national median as a marker."""
    import seaborn as sns

    fig, ax = new_figure(height=0.42 * len(profile) + 1.6)
    data = profile.assign(label=[L.measure(family, m) for m in profile["measure"]])
    sns.barplot(data=data, y="label", x="value", color=palette(1)[0], ax=ax, label=L.province(province))
    ax.scatter(data["national_median"], range(len(data)), marker="D", color=palette(2)[1], zorder=3,
               label=L.t("national_median"))
    ax.set_xlabel(L.t("value"))
    ax.set_ylabel("")
    ax.legend(loc="lower right", fontsize=8)
    if title:
        ax.set_title(_capital(title), loc="left", fontsize=11)
    _format_axes(ax, L, x="number", y="none")
    n = int(data["n"].min()) if data["n"].notna().any() else 0
    footer(fig, L, family, source_ids, L.t("n_profile", n=n, year=year))
    return fig


def scatter(data: pd.DataFrame, L: Labels, families, x: str, y: str, xlabel: str, ylabel: str, source_ids,
            fit: bool = False, diagonal: bool = False, highlight: Iterable[str] = (), title: str | None = None):
    """Provinces as points (x against y); optional least-squares line, 45° line, and named provinces."""
    import seaborn as sns

    fig, ax = new_figure(height=4.6, width=6.8)
    sns.scatterplot(data=data, x=x, y=y, color=palette(1)[0], s=22, ax=ax, edgecolor="none")
    if fit and len(data) >= 3:
        sns.regplot(data=data, x=x, y=y, scatter=False, ci=None, color=palette(4)[3], ax=ax,
                    line_kws={"lw": 1.2})
    if diagonal:
        lo = min(data[x].min(), data[y].min())
        hi = max(data[x].max(), data[y].max())
        ax.plot([lo, hi], [lo, hi], color="0.5", lw=0.8, ls="--")
    for name in highlight:
        point = data[data["province"] == name]
        if not point.empty:
            ax.scatter(point[x], point[y], color=palette(2)[1], s=40, zorder=3)
            ax.annotate(L.province(name), (point[x].iloc[0], point[y].iloc[0]), xytext=(4, 4),
                        textcoords="offset points", fontsize=8)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(_capital(title), loc="left", fontsize=11)
    _format_axes(ax, L, x="number")
    footer(fig, L, families, source_ids, L.t("n_points", n=len(data)))
    return fig


def heatmap(matrix: pd.DataFrame, L: Labels, families, n_caption: str, source_ids=(), title: str | None = None,
            cmap: str = "Blues", colorbar: str | None = None, fmt: str = "g", vmin: float | None = None,
            vmax: float | None = None):
    """Heat map of a table (rows: provinces, families or measures; columns: years), each cell annotated, a
    colour bar (`colorbar`: its label) and explicit no-data cells: hatched, marked "–" and named in the
    legend, so that a year without data (PAPI 2017) stays visible instead of being dropped."""
    import seaborn as sns
    from matplotlib.patches import Rectangle

    fig, ax = new_figure(height=0.45 * len(matrix) + 2.0, width=max(WIDTH, 0.42 * matrix.shape[1] + 3.2))
    values = matrix.astype("float64")
    sns.heatmap(values, annot=True, fmt=fmt, cmap=cmap, cbar=True, linewidths=0.5, linecolor="white", vmin=vmin, vmax=vmax,
                annot_kws={"fontsize": 7}, ax=ax, cbar_kws={"label": colorbar or "", "shrink": 0.8})
    for i, j in zip(*values.isna().to_numpy().nonzero()):
        ax.add_patch(Rectangle((j, i), 1, 1, facecolor="0.93", edgecolor="0.75", hatch="///", lw=0, zorder=2))
        ax.text(j + 0.5, i + 0.5, "–", ha="center", va="center", fontsize=7, color="0.35", zorder=3)
    if values.isna().any().any():
        ax.legend(handles=[Patch(facecolor="0.93", edgecolor="0.75", hatch="///", label=L.t("legend_no_data"))],
                  loc="upper left", bbox_to_anchor=(0, -0.12), fontsize=8, frameon=False)
    ax.tick_params(axis="y", labelrotation=0)
    ax.set_xlabel(L.t("year"))
    ax.set_ylabel("")
    if title:
        ax.set_title(_capital(title), loc="left", fontsize=11)
    footer(fig, L, families, source_ids, n_caption)
    return fig


def small_multiples(rows: pd.DataFrame, L: Labels, family: str, provinces: list[str], ylabel: str,
                    band: pd.DataFrame | None = None, quoted: pd.DataFrame | None = None, breaks=(),
                    rank_of: int | None = None, title: str | None = None, n_caption: str | None = None,
                    digits: int = 2):
    """One small panel per province (in `provinces` order), each against the national band (complete
    years), its line labelled directly with its latest value; partial-year values as hollow points.
    Panels share both axes. With `rank_of` (values are ranks out of that many), 1 is at the top.
    (Fixed margins rather than constrained layout: a dozen panels lay out ten times faster.)"""
    n = max(len(provinces), 1)
    ncols = 3 if n > 4 else n
    nrows = -(-n // ncols)
    height = 1.75 * nrows + 1.9
    with matplotlib.rc_context(house_rc()):
        fig = HouseFigure(figsize=(WIDTH + 1, height), dpi=DPI)
        FigureCanvasAgg(fig)
        axes = fig.subplots(nrows, ncols, sharex=True, sharey=True, squeeze=False)
    fig.tight = False
    fig.subplots_adjust(left=0.07, right=0.97, top=1 - 1.0 / height, bottom=0.95 / height, hspace=0.32, wspace=0.07)
    axes = axes.ravel()
    starts = [b for b, _ in breaks]
    colour = palette(1)[0]
    years = sorted(set(rows["year"]) | (set(quoted["year"]) if quoted is not None else set())
                   | (set(band["year"]) if band is not None else set()))
    for ax, province in zip(axes, provinces):
        if band is not None and not band.empty:
            for seg in _segments(band, starts):
                ax.fill_between(seg["year"], seg["q1"], seg["q3"], color="0.85", lw=0, zorder=1)
                ax.plot(seg["year"], seg["median"], color="0.5", lw=0.9, ls=":", zorder=2)
        own = rows[rows["province"] == province].sort_values("year")
        for seg in _segments(own, starts):
            ax.plot(seg["year"], seg["value"], color=colour, lw=1.6, marker="o", ms=2.5, zorder=3)
        mine = quoted[quoted["province"] == province] if quoted is not None else own.iloc[0:0]
        if len(mine):
            ax.scatter(mine["year"], mine["value"], s=16, facecolors="white", edgecolors=colour, lw=1.1, zorder=4)
        last = pd.concat([own, mine])
        if len(last):
            end = last.sort_values("year").iloc[-1]
            ax.annotate(L.num(end["value"], digits), (end["year"], end["value"]), xytext=(3, 0),
                        textcoords="offset points", fontsize=7, color=colour, va="center")
        ax.set_title(L.province(province), loc="left", fontsize=8.5, pad=2)
        if years:
            lo, hi = years[0] - 0.5, years[-1] + 1.5
            for period, (first, last_year) in PERIODS.items():
                a, b = max(first - 0.5, lo), min(last_year + 0.5, hi)
                if a < b:
                    ax.axvspan(a, b, color=PERIOD_SHADES[period], zorder=0, lw=0)
            for year, _ in breaks:
                ax.axvline(year - 0.5, color="0.4", ls="--", lw=0.7, zorder=1)
            ax.set_xlim(lo, hi)
        ax.tick_params(labelsize=7)
    for ax in axes[len(provinces):]:
        ax.set_visible(False)
    _format_axes(axes[0], L)
    if rank_of is not None:
        axes[0].set_ylim(rank_of + 1, 0)
    handles = [Line2D([], [], color=colour, marker="o", ms=3, lw=1.6, label=ylabel)]
    if band is not None and not band.empty:
        handles += [Patch(color="0.85", label=L.t("interquartile")),
                    Line2D([], [], color="0.5", ls=":", label=L.t("national_median"))]
    if quoted is not None and not quoted.empty:
        handles.append(Line2D([], [], color=colour, marker="o", mfc="white", ls="none", label=L.t("legend_quoted")))
    if breaks:
        handles.append(Line2D([], [], color="0.4", ls="--", lw=0.7, label=L.t("methodology_break")))
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.06, 1 - 0.42 / height), ncols=min(len(handles), 4),
               fontsize=7.5)
    if title:
        fig.suptitle(_capital(title), x=0.01, y=1 - 0.08 / height, ha="left", va="top", fontsize=11)
    everything = rows if quoted is None else pd.concat([rows, quoted])
    footer(fig, L, family, everything["source_id"] if "source_id" in everything else (),
           n_caption or n_text(L, everything))
    return fig


def rank_history(points: pd.DataFrame, L: Labels, family: str, title: str | None = None, breaks=(),
                 n_ranked: int = 63, digits: int = 2):
    """A province's scores (top panel) and ranks (bottom panel, 1 at the top, out of `n_ranked`) over the
    years, programme periods shaded, methodology breaks marked. Each point is numbered; the number leads
    to its source in the list printed under the figure. Ranks read from a listed order are hollow.
    `points`: year, value, rank, rank_basis, source_id, and `ref` (the point's number)."""
    with matplotlib.rc_context(house_rc()):
        fig = HouseFigure(figsize=(WIDTH, 5.6), dpi=DPI, layout="constrained")
        FigureCanvasAgg(fig)
        top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [1, 1.1]})
    fig.get_layout_engine().set(rect=(0, 0.06, 1, 0.94))
    colour = palette(1)[0]
    starts = [b for b, _ in breaks]
    valued = points[points["value"].notna()].sort_values("year")
    for seg in _segments(valued.drop_duplicates("year"), starts):
        top.plot(seg["year"], seg["value"], color=colour, lw=1.4, marker="o", ms=4, zorder=3)
    ranked = points[points["rank"].notna()].sort_values("year")
    for seg in _segments(ranked.drop_duplicates("year"), []):
        bottom.plot(seg["year"], seg["rank"].astype(float), color=colour, lw=1.4, zorder=2)
    listed = ranked["rank_basis"].isin(["listed-order", "score-order"])
    bottom.scatter(ranked.loc[~listed, "year"], ranked.loc[~listed, "rank"].astype(float), s=28, color=colour, zorder=3,
                   label=L.t("legend_rank_stated"))
    bottom.scatter(ranked.loc[listed, "year"], ranked.loc[listed, "rank"].astype(float), s=28, facecolors="white",
                   edgecolors=colour, lw=1.4, zorder=3, label=L.t("legend_rank_listed"))
    for ax, frame, column in ((top, valued, "value"), (bottom, ranked, "rank")):
        for r in frame.itertuples(index=False):
            ax.annotate(f"[{r.ref}]", (r.year, float(getattr(r, column))), xytext=(4, 4), textcoords="offset points",
                        fontsize=6.5, color="0.3")
    years = sorted(points["year"].unique())
    for ax in (top, bottom):
        mark_periods_and_breaks(ax, L, years, breaks if ax is top else ())
        _format_axes(ax, L)
    for year, _ in breaks:
        bottom.axvline(year - 0.5, color="0.25", ls="--", lw=1, zorder=1)
    bottom.set_ylim(n_ranked + 1, 0)
    bottom.set_ylabel(L.t("rank_of_n", n=n_ranked))
    top.set_ylabel(L.measure_full(family, "total"))
    bottom.set_xlabel(L.t("year"))
    bottom.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    if title:
        top.set_title(_capital(title), loc="left", fontsize=11, pad=14)
    footer(fig, L, family, points["source_id"], L.t("n_points_refs", n=len(points)))
    return fig
