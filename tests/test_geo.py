"""Province boundaries: every feature of the three maps is exactly one unit of the registry, the 34 units'
members are the crosswalk's, and bad geometry files fail clearly without touching data/processed."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import shape
from shapely.ops import unary_union

from cchc_research import provinces as reg
from cchc_research.clean import clean
from cchc_research.clean import boundaries
from cchc_research.clean.boundaries import MAPS, file_name
from cchc_research.errors import DataError
from cchc_research.io import tree_hash
from cchc_research.schema import read_table

from .conftest import replace_raw

RAW_34 = "GEO_ODM/vn_provinces_34.geojson"
RAW_63 = "GEO_ODM/vn_provinces_63.geojson"
ATTRIBUTION = ("Province boundaries: Open Development Mekong / Department of Survey and Mapping (Viet Nam), "
               "CC BY-SA 4.0 — simplified.")


def _map(project, units: str) -> dict:
    return json.loads((project.processed / file_name(units)).read_text(encoding="utf-8"))


def _raw(project, rel: str) -> dict:
    return json.loads((project.raw / rel).read_text(encoding="utf-8"))


@pytest.mark.parametrize("units, key, expected", [
    ("63", "province_code", lambda: {p.code for p in reg.all_provinces(include_ha_tay=False)}),
    ("64", "province_code", lambda: {p.code for p in reg.all_provinces()}),
    ("34", "province_2025_code", lambda: {u.code for u in reg.all_provinces_2025()}),
])
def test_each_feature_is_exactly_one_unit_of_the_registry(cleaned_project, units, key, expected):
    features = _map(cleaned_project, units)["features"]
    codes = [f["properties"][key] for f in features]
    assert len(codes) == len(set(codes)) == int(units)
    assert set(codes) == expected()
    raw_names = sorted(f["properties"]["name"] for f in _raw(cleaned_project, f"GEO_ODM/{MAPS[units]}")["features"])
    assert sorted(f["properties"]["name_as_written"] for f in features) == raw_names
    resolve = reg.resolve_2025 if units == "34" else reg.resolve
    for feature in features:  # the name as written resolves, independently, to the code written beside it
        assert resolve(feature["properties"]["name_as_written"]).code == feature["properties"][key]


def test_34_units_members_agree_with_the_crosswalk_without_ha_tay(cleaned_project):
    crosswalk = read_table(cleaned_project.processed, "crosswalk_2025")
    provinces = read_table(cleaned_project.processed, "provinces").set_index("province_code")
    in_force = crosswalk[provinces.loc[crosswalk["province_code"], "valid_to"].to_numpy() == "2025-06-30"]
    expected = in_force.groupby("province_2025_code")["province_code"].agg(sorted).to_dict()
    assert "28" in set(crosswalk["province_code"]) and "28" not in {c for v in expected.values() for c in v}
    raw = {f["properties"]["code"]: f["properties"]["members"] for f in _raw(cleaned_project, RAW_34)["features"]}
    for feature in _map(cleaned_project, "34")["features"]:
        props = feature["properties"]
        assert sorted(props["member_codes"]) == expected[props["province_2025_code"]]
        assert sorted(reg.resolve(n).code for n in raw[props["province_2025_code"]]) == sorted(props["member_codes"])
    lam_dong = next(f["properties"] for f in _map(cleaned_project, "34")["features"]
                    if f["properties"]["province_2025"] == "Lâm Đồng")
    assert lam_dong["members"] == ["Lâm Đồng", "Bình Thuận", "Đắk Nông"]


def test_34_units_are_the_union_of_their_members_63_geometries(cleaned_project):
    old = {f["properties"]["province_code"]: shape(f["geometry"]) for f in _map(cleaned_project, "63")["features"]}
    for feature in _map(cleaned_project, "34")["features"]:
        merged = unary_union([old[c] for c in feature["properties"]["member_codes"]])
        new = shape(feature["geometry"])
        assert merged.symmetric_difference(new).area < 1e-6 * new.area, feature["properties"]["province_2025"]


def test_geometry_is_carried_over_untouched_and_described(cleaned_project):
    raw = {f["properties"]["name"]: f["geometry"] for f in _raw(cleaned_project, RAW_63)["features"]}
    processed = _map(cleaned_project, "63")
    assert all(f["geometry"] == raw[f["properties"]["name_as_written"]] for f in processed["features"])
    meta = processed["metadata"]
    assert meta["attribution"] == ATTRIBUTION and meta["licence"] == "CC BY-SA 4.0"
    assert "Who's On First" in _map(cleaned_project, "64")["metadata"]["attribution"]
    table = read_table(cleaned_project.processed, "boundaries")
    assert table.groupby("map").size().to_dict() == {"34": 34, "63": 63, "64": 64}
    areas = table.set_index(["map", "unit_code"])["area_km2"]
    assert areas[("34", "68")] == pytest.approx(24251, abs=1)  # NOTES.md §7: Lâm Đồng from 2025
    assert areas[("63", "01")] == pytest.approx(3352, abs=1) and areas[("64", "28")] == pytest.approx(2271, abs=2)
    assert table.groupby("map")["area_km2"].sum().round(-1).nunique() == 1  # the same country three times


def _edit_features(project, rel: str, change) -> None:
    doc = _raw(project, rel)
    change(doc["features"])
    replace_raw(project, rel, json.dumps(doc, ensure_ascii=False).encode("utf-8"))


def _props(features, name):
    return next(f["properties"] for f in features if f["properties"]["name"] == name)


BAD_MAPS = {
    "misspelt name": (RAW_63, lambda fs: _props(fs, "Kon Tum").update(name="Kom Tum"),
                      r"row 20, column 'name'.*unknown province name; closest: Kon Tum.*'Kom Tum'"),
    "a unit twice": (RAW_63, lambda fs: _props(fs, "Kon Tum").update(name="Gia Lai"),
                     r"row 22.*a second feature for Gia Lai; the first is feature 20"),
    "a unit missing": (RAW_63, lambda fs: fs.pop(19), r"no feature for 1 unit\(s\) of the 63-unit map: Kon Tum"),
    "old province in the 34 map": (RAW_34, lambda fs: _props(fs, "Lâm Đồng").update(name="Đắk Nông"),
                                   r"row 26.*Đắk Nông merged into Lâm Đồng"),
    "members off the crosswalk": (RAW_34, lambda fs: _props(fs, "Lâm Đồng").update(members=["Lâm Đồng", "Đắk Nông"]),
                                  r"row 26, column 'members'.*members of Lâm Đồng disagree with the crosswalk.*"
                                  r"Lâm Đồng, Bình Thuận, Đắk Nông"),
    "wrong code": (RAW_34, lambda fs: _props(fs, "Huế").update(code="47"), r"row 20, column 'code'.*46 of Huế"),
    "not a polygon": (RAW_63, lambda fs: fs[0].update(geometry={"type": "Point", "coordinates": [103.0, 22.0]}),
                      r"row 1, column 'geometry'.*Polygon, MultiPolygon.*'Point'"),
}


@pytest.mark.parametrize("case", sorted(BAD_MAPS))
def test_bad_boundaries_fail_clearly(project_copy, case):
    rel, change, message = BAD_MAPS[case]
    _edit_features(project_copy, rel, change)
    with pytest.raises(DataError, match=message) as err:
        boundaries.build(project_copy)
    assert f"data/raw/{rel}" in str(err.value)


def test_bad_boundaries_stop_cleaning_and_keep_processed(project_copy):
    rel, change, message = BAD_MAPS["members off the crosswalk"]
    before = tree_hash(project_copy.processed)
    _edit_features(project_copy, rel, change)
    with pytest.raises(DataError, match=message):
        clean(project_copy, verbose=False)
    assert tree_hash(project_copy.processed) == before
