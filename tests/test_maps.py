"""Maps from the processed boundaries: what is drawn where (read back from the figure and the PNG's pixels),
missing drawn as missing and never as zero, islands in the inset, alt text and attribution, byte-stable PNG,
nothing fetched."""

from __future__ import annotations

import io
import socket

import numpy as np
import pytest
from matplotlib.colors import to_rgb, to_rgba
from PIL import Image

from cchc_research import analysis as A
from cchc_research.publish import maps
from cchc_research.publish.labels import Labels
from cchc_research.schema import read_table

ATTRIBUTION = "Province boundaries: Open Development Mekong / Department of Survey and Mapping (Viet Nam), CC BY-SA 4.0"
HA_GIANG = "02"


@pytest.fixture(scope="module")
def data(cleaned_project):
    processed = cleaned_project.processed
    return {"geo": maps.Boundaries.load(cleaned_project), "ind": read_table(processed, "indicators"),
            "coverage": read_table(processed, "coverage"),
            "L": {lang: Labels.for_project(cleaned_project, lang) for lang in ("vi", "en")}}


def _papi_2024(data, ha_giang_value):
    rows = A.series(data["ind"], "PAPI", "total", [2024]).copy()
    assert HA_GIANG in set(rows["province_code"])
    rows.loc[rows["province_code"] == HA_GIANG, "value"] = ha_giang_value
    return maps.choropleth(data["geo"], rows, data["L"]["vi"], "PAPI", "total", 2024)


def _collections(figure, gid):
    return [c for ax in figure.axes for c in ax.collections if c.get_gid() == gid]


def _has_path(collection, path) -> bool:
    return any(len(p.vertices) == len(path.vertices) and np.allclose(p.vertices, path.vertices)
               for p in collection.get_paths())


def _pixel(figure, ax, lon, lat, png: bytes):
    """The RGB colour the PNG shows at (lon, lat) of `ax`."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    x, y = ax.transData.transform((lon, lat)) * (maps.DPI / maps.SCREEN_DPI)
    return np.array(image.getpixel((int(round(x)), int(round(image.height - y))))) / 255


def test_a_province_without_value_is_hatched_as_missing_not_drawn_as_zero(data):
    geo = data["geo"]
    path = geo.paths("63", "mainland")[int(np.flatnonzero(geo.units["63"]["code"] == HA_GIANG)[0])]
    missing = _papi_2024(data, np.nan)
    zero = _papi_2024(data, 0.0)
    assert missing.data.set_index("code").loc[HA_GIANG, "group"] is pd_na()
    assert zero.data.set_index("code").loc[HA_GIANG, "group"] == 1  # a zero is a value: the bottom group
    [drawn] = [c for c in _collections(missing.figure, "missing") if _has_path(c, path)]
    assert tuple(drawn.get_facecolor()[0]) == to_rgba(maps.MISSING_COLOUR) and drawn.get_hatch() == maps.MISSING_HATCH
    assert not any(_has_path(c, path) for g in range(1, 5) for c in _collections(missing.figure, f"group-{g}"))
    assert any(_has_path(c, path) for c in _collections(zero.figure, "group-1"))
    assert not any(_has_path(c, path) for c in _collections(zero.figure, "missing"))
    # and in the picture: Hà Giang's pixels are the missing grey (or its hatch), not the bottom group's colour
    point = geo.units["63"].set_index("code").loc[HA_GIANG, "mainland"].representative_point()
    ax = missing.figure.axes[0]
    seen = _pixel(missing.figure, ax, point.x, point.y, missing.png())
    nearest = min([maps.MISSING_COLOUR, maps.MISSING_EDGE, *maps.QUARTILE_COLOURS],
                  key=lambda c: np.abs(np.array(to_rgb(c)) - seen).sum())
    assert nearest in (maps.MISSING_COLOUR, maps.MISSING_EDGE)
    seen_zero = _pixel(zero.figure, zero.figure.axes[0], point.x, point.y, zero.png())
    assert np.abs(seen_zero - np.array(to_rgb(maps.QUARTILE_COLOURS[0]))).sum() < 0.1
    assert "Hà Giang" in missing.alt.split("Không có số liệu")[1]
    assert _missing_in_legend(missing) == _missing_in_legend(zero) + 1 == len(missing.data) - missing.data["value"].count()


def _missing_in_legend(m) -> int:
    [text] = [t.get_text() for t in m.figure.legends[0].get_texts() if t.get_text().startswith("Không có số liệu")]
    return int(text.split("(")[1].rstrip(")"))


def pd_na():
    import pandas as pd

    return pd.NA


def test_quartile_groups_follow_the_percentiles_and_keep_missing():
    import pandas as pd

    groups = maps.quartile_groups(pd.Series([1, 2, 3, 4, 5, 6, 7, 8, None], dtype="float64"))
    assert groups.tolist()[:8] == [1, 1, 2, 2, 3, 3, 4, 4] and groups.isna().tolist()[8]


def test_view_is_the_mainland_and_the_islands_are_in_the_inset(data):
    m = _papi_2024(data, 40.0)
    main, inset = m.figure.axes[0], m.figure.axes[0].child_axes[0]
    west, south, east, north = data["geo"].units["63"]["mainland"].total_bounds
    assert east < maps.MAINLAND_EAST and main.get_xlim()[1] < maps.MAINLAND_EAST + maps.EAST_MARGIN
    assert main.get_ylim()[0] > 7 and inset.get_xlim()[1] > 116.9 and inset.get_ylim()[0] < 7  # Trường Sa
    owners = {code: data["geo"].units["63"].set_index("code").loc[code, "islands"] for code in ("48", "56")}
    assert all(not g.is_empty for g in owners.values())  # Hoàng Sa under Đà Nẵng, Trường Sa under Khánh Hòa
    island_paths = sum(len(c.get_paths()) for c in inset.collections)
    assert island_paths == 2 and {c.get_gid() for c in inset.collections} <= {f"group-{g}-islands" for g in range(1, 5)}


@pytest.mark.parametrize("lang, first", [("vi", "Bản đồ"), ("en", "Map")])
def test_every_map_has_alt_text_attribution_and_licence(data, lang, first):
    L, geo = data["L"][lang], data["geo"]
    made = [maps.latest_map(geo, data["ind"], data["coverage"], L, "PAPI"),
            maps.latest_map(geo, data["ind"], data["coverage"], L, "PAR_INDEX"),
            maps.small_multiples(geo, data["ind"], data["coverage"], L, "PCI"),
            maps.merger_map(geo, L), maps.locator_map(geo, L, "Đắk Nông"), maps.members_map(geo, L, "Lâm Đồng")]
    for m in made:
        assert m.alt.startswith(first), m.alt
        assert ATTRIBUTION in m.caption and "CC BY-SA 4.0" in m.caption
        texts = " ".join(t.get_text() for t in m.figure.texts).replace("\n", " ")
        assert ATTRIBUTION in texts
        html = m._repr_html_()
        assert html.startswith('<figure class="cchc-map"><img src="data:image/png;base64,') and "alt=\"" in html
    papi, par, pci, merger, locator, members = made
    assert "2024" in papi.alt and ("Quảng Ninh" in papi.alt or "Quang Ninh" in papi.alt)
    assert _collections(par.figure, "quoted") and "19" in par.alt  # PAR INDEX: quoted figures, no groups
    assert [ax.get_title() for ax in pci.figure.axes if ax.get_title()] == [
        str(y) for y in A.complete_years(data["coverage"], "PCI", "total") if y >= 2011]
    assert ("11" in merger.alt and "17" in merger.alt and "6" in merger.alt)
    assert all(n in members.alt for n in (["Lâm Đồng", "Bình Thuận", "Đắk Nông"] if lang == "vi"
                                          else ["Lam Dong", "Binh Thuan", "Dak Nong"]))


def test_same_inputs_give_byte_identical_png_without_metadata(cleaned_project, data):
    again = maps.Boundaries.load(cleaned_project)
    first = maps.merger_map(data["geo"], data["L"]["vi"]).png()
    second = maps.merger_map(again, Labels.for_project(cleaned_project, "vi")).png()
    assert first == second
    assert first.startswith(b"\x89PNG") and b"tIME" not in first and b"Software" not in first


def test_maps_render_with_the_network_cut_off(data, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access while drawing a map: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    fresh = maps.Boundaries(data["geo"].units, data["geo"].attribution)  # no cached paths: draw from scratch
    for m in (maps.latest_map(fresh, data["ind"], data["coverage"], data["L"]["en"], "PAPI"),
              maps.members_map(fresh, data["L"]["en"], "Hà Nội")):
        assert m.png().startswith(b"\x89PNG")
