"""House-style figures and labels on the real processed data: source and n in every footer, periods and
methodology breaks marked, Vietnamese and English labels, no warnings."""

from __future__ import annotations

import io
import unicodedata
import warnings

import pandas as pd
import pytest

from cchc_research import analysis as A
from cchc_research import plots
from cchc_research.errors import CchcError
from cchc_research.labels import Labels, fmt_number, fmt_years
from cchc_research.schema import read_table


@pytest.fixture(scope="module")
def ind(cleaned_project):
    return read_table(cleaned_project.processed, "indicators")


@pytest.fixture(scope="module", params=["vi", "en"])
def L(request, cleaned_project):
    return Labels.for_project(cleaned_project, request.param)


def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]


def _render(fig) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(buffer, format="png")
    return buffer.getvalue()


def test_trajectory_marks_periods_breaks_source_and_n(ind, L, cleaned_project):
    config = A.load_methodologies(cleaned_project)
    rows = A.series(ind, "PAPI", "total")
    mine = rows[rows["province"].isin(["Quảng Ninh", "Hà Nội"])]
    band = A.national_distribution(ind, read_table(cleaned_project.processed, "coverage"), "PAPI", "total")
    breaks = A.methodology_breaks(config, "PAPI", band["year"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = plots.lines(mine, L, "PAPI", "value", L.measure_full("PAPI", "total"), breaks, band, title="x")
    ax = fig.axes[0]
    texts = _texts(fig)
    footer = next(t for t in texts if t.startswith(("Nguồn:", "Source:")))
    assert f"n = {len(mine)}" in footer and "MDT" in footer and "UNDP" in footer
    assert any("2018" in t and "PAPI-8D" in t for t in texts)  # the 6 → 8 dimension break is labelled
    assert [line.get_xdata()[0] for line in ax.get_lines() if line.get_linestyle() == "--"] == [2017.5]
    shaded = [p for p in ax.patches if p.get_facecolor()[:3] != (1.0, 1.0, 1.0)]
    assert len(shaded) >= 2  # both programme periods
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert L.province("Quảng Ninh") in legend
    assert (L.t("national_median") in legend) and fig.dpi == plots.DPI
    png = _render(fig)
    assert png.startswith(b"\x89PNG") and len(png) < 300_000


def test_every_figure_kind_has_a_footer_and_renders_without_warnings(ind, L, cleaned_project):
    rows = A.series(ind, "PCI", "total", [2019, 2020, 2021])
    dims = A.dimension_measures(ind, "PAPI", 2024)
    profile = A.dimension_profile(ind, "Quảng Ninh", "PAPI", 2024, dims)
    beta = A.beta(ind, read_table(cleaned_project.processed, "coverage"), "PCI", "total", 2013, 2021)
    grid = rows.pivot(index="province", columns="year", values="value").head(5)
    figures = [
        plots.distribution(rows, L, "PCI", "PCI"),
        plots.dimension_bars(profile, L, "PAPI", "Quảng Ninh", 2024, ["TUNAH"]),
        plots.scatter(beta.data, L, "PCI", "initial", "gain", "a", "b", ["LTN"], fit=True, highlight=["Quảng Ninh"]),
        plots.heatmap(grid, L, "PCI", "5", ["LTN"]),
    ]
    for fig in figures:
        footer = [t for t in _texts(fig) if t.startswith(("Nguồn:", "Source:"))]
        assert len(footer) == 1 and "n = " in footer[0]
        _render(fig)
    labels = [t.get_text() for t in figures[1].axes[0].get_yticklabels()]
    assert labels[0] == L.measure("PAPI", "D1")
    if L.lang == "vi":
        assert labels[0] == unicodedata.normalize("NFC", "Tham gia của người dân ở cấp cơ sở")
    else:
        assert labels[0].startswith("Participation")


def test_labels_numbers_years_and_languages(cleaned_project):
    assert fmt_number(1234.567, "vi") == "1.234,57" and fmt_number(1234.567, "en") == "1,234.57"
    assert fmt_number(float("nan"), "vi") == "–"
    assert fmt_years([2011, 2012, 2013, 2016, 2018, 2019]) == "2011–2013, 2016, 2018–2019"
    vi, en = (Labels.for_project(cleaned_project, lang) for lang in ("vi", "en"))
    delta = "Đồng bằng sông Hồng"
    assert vi.region(delta) == delta and en.region(delta) not in ("", delta)
    assert en.province("Thành phố Hồ Chí Minh") != "Thành phố Hồ Chí Minh"
    assert vi.programme("2021-2030").startswith("Chương trình") and "76" in en.programme("2021-2030")
    assert vi.pvalue(0.00001) == "p < 0,001" and en.pvalue(0.0123) == "p = 0.012"
    with pytest.raises(CchcError, match="unknown language"):
        Labels("fr")


def test_partial_years_are_points_and_no_data_cells_are_explicit(ind, L, cleaned_project):
    coverage = read_table(cleaned_project.processed, "coverage")
    rows = A.series(ind, "PCI", "total")
    mine = rows[rows["province"] == "Thanh Hóa"]
    complete = A.complete_years(coverage, "PCI", "total")
    band = A.national_distribution(ind, coverage, "PCI", "total")
    partial = mine[~mine["year"].isin(complete)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = plots.lines(mine[mine["year"].isin(complete)], L, "PCI", "value", "PCI", band=band, quoted=partial,
                          quoted_notes={2022: "q22"}, title="x")
    ax = fig.axes[0]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert L.t("legend_quoted") in legend and L.t("interquartile") in legend
    assert "q22" in _texts(fig)
    # the band (quartile polygons) spans complete years only: no partial year reaches it
    from matplotlib.collections import FillBetweenPolyCollection, PolyCollection

    band_x = {round(x) for coll in ax.collections if isinstance(coll, (PolyCollection, FillBetweenPolyCollection))
              for path in coll.get_paths() for x in path.vertices[:, 0]}
    assert set(range(2006, 2022)) <= band_x and not band_x & {2005, 2022, 2023, 2024}
    grid = pd.DataFrame({2016: [1.0, None], 2017: [None, None], 2018: [3.0, 4.0]}, index=["a", "b"])
    heat = plots.heatmap(grid, L, "PAPI", "n", colorbar="rank")
    assert len(heat.axes) == 2 and heat.axes[1].get_ylabel() == "rank"  # the colour bar, labelled
    assert [t.get_text() for t in heat.axes[0].texts].count("–") == 3  # three no-data cells, marked
    assert L.t("legend_no_data") in [t.get_text() for t in heat.axes[0].get_legend().get_texts()]
    _render(heat)


def test_rank_history_marks_listed_order_ranks(ind, L, cleaned_project):
    traj = A.trajectory(ind, "Quảng Ninh", "PAR_INDEX", "total")
    points = A.history_points(traj)
    assert points["ref"].tolist() == list(range(1, len(points) + 1)) and points["urls"].map(len).gt(0).all()
    fig = plots.rank_history(points, L, "PAR_INDEX", title="x")
    rank_ax = fig.axes[1]
    hollow = [c for c in rank_ax.collections if len(c.get_offsets()) and
              tuple(c.get_facecolors()[0][:3]) == (1.0, 1.0, 1.0)]
    listed = points[points["rank_basis"] == "listed-order"]
    assert len(listed) and len(hollow) == 1 and len(hollow[0].get_offsets()) == len(listed)
    assert rank_ax.get_ylim()[0] > rank_ax.get_ylim()[1]  # rank 1 at the top
    assert any(t == f"[{len(points)}]" for t in _texts(fig))
    _render(fig)
