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
    """A Figure that Jupyter shows as a PNG (tight box) without pyplot or an inline backend."""

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", bbox_inches="tight")
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
          n_caption: str | None = None, breaks_by: dict | None = None):
    """One line per `hue` value (province, family, …) over the years; a line stops at each methodology
    break and at missing years. Optional national band (median, q25, q75 by year); published 95%
    intervals as vertical bars when `rows` has ci_low/ci_high; `invert` for ranks (1 at the top).
    `n_caption` replaces the default n (values, provinces, years) when rows are not province values;
    `breaks_by` (hue value → break years) cuts each line only at its own family's breaks."""
    fig, ax = new_figure()
    starts = [b for b, _ in breaks]
    keys = list(dict.fromkeys(rows[hue]))
    colours = dict(zip(keys, palette(len(keys))))
    name = {"province": L.province, "family": L.family}.get(hue, str)
    years = sorted(set(rows["year"]) | (set(band["year"]) if band is not None else set()))
    if band is not None and not band.empty:
        for seg in _segments(band, starts):
            ax.fill_between(seg["year"], seg["q25"], seg["q75"], color="0.8", alpha=0.6, lw=0, zorder=1)
            ax.plot(seg["year"], seg["median"], color="0.45", lw=1.2, ls=":", zorder=2)
        ax.fill_between([], [], color="0.8", label=L.t("interquartile"))
        ax.plot([], [], color="0.45", ls=":", label=L.t("national_median"))
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
    mark_periods_and_breaks(ax, L, years, breaks)
    if invert:
        ax.invert_yaxis()
    ax.set_xlabel(L.t("year"))
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(_capital(title), loc="left", fontsize=11, pad=14)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    _format_axes(ax, L)
    footer(fig, L, family, rows["source_id"] if "source_id" in rows else (), n_caption or n_text(L, rows))
    return fig


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _segments(rows: pd.DataFrame, starts: list[int]) -> list[pd.DataFrame]:
    """Split rows (sorted by year) where a methodology era starts or a year is missing."""
    if rows.empty:
        return []
    years = rows["year"].to_numpy()
    cut = [0] + [i for i in range(1, len(years)) if years[i] != years[i - 1] + 1 or years[i] in starts] + [len(years)]
    return [rows.iloc[a:b] for a, b in zip(cut, cut[1:])]


def distribution(rows: pd.DataFrame, L: Labels, family: str, ylabel: str, breaks=(), title: str | None = None):
    """Box plot of all provinces' values per year, periods shaded and breaks marked (matplotlib's boxplot:
    seaborn 0.13's calls a keyword matplotlib 3.11 deprecates)."""
    fig, ax = new_figure()
    years = sorted(int(y) for y in rows["year"].unique())
    colour = palette(1)[0]
    ax.boxplot([rows.loc[rows["year"] == y, "value"].to_numpy() for y in years], positions=years, widths=0.6,
               orientation="vertical", patch_artist=True, zorder=2,
               boxprops={"facecolor": colour, "alpha": 0.75, "lw": 0.8}, medianprops={"color": "black"},
               flierprops={"markersize": 2.5, "markerfacecolor": colour, "markeredgecolor": colour})
    mark_periods_and_breaks(ax, L, years, breaks)
    ax.set_xlabel(L.t("year"))
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(_capital(title), loc="left", fontsize=11, pad=14)
    _format_axes(ax, L)
    footer(fig, L, family, rows["source_id"], n_text(L, rows))
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
            cmap: str = "Blues"):
    """Heat map of a table (rows: provinces, families or measures; columns: years), each cell annotated."""
    import seaborn as sns

    fig, ax = new_figure(height=0.45 * len(matrix) + 1.8, width=max(WIDTH, 0.42 * matrix.shape[1] + 2.5))
    sns.heatmap(matrix.astype("float64"), annot=True, fmt="g", cmap=cmap, cbar=False, linewidths=0.5, linecolor="white",
                annot_kws={"fontsize": 7}, ax=ax)
    ax.tick_params(axis="y", labelrotation=0)
    ax.set_xlabel(L.t("year"))
    ax.set_ylabel("")
    if title:
        ax.set_title(_capital(title), loc="left", fontsize=11)
    footer(fig, L, families, source_ids, n_caption)
    return fig
