"""The province registry: data facts, resolution of every shipped spelling, errors, CLI."""

from __future__ import annotations

import argparse
import csv
import functools
import importlib.util
import json
import sqlite3
import time
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from cchc_research import provinces as P
from cchc_research.provinces import cli as provinces_cli
from cchc_research.errors import CchcError, DataError
from cchc_research.paths import Project
from cchc_research.schema import TABLES

ROOT = Path(__file__).resolve().parents[1]
NAME_COLUMNS = ("province", "province_en", "name_as_written", "province_vi_mapped")
SOURCE_DIRS = {"data/raw": ROOT / "data" / "raw", "shared sources": ROOT.parent / "shared" / "data" / "sources"}
VAU = Path(importlib.util.find_spec("vietnamadminunits").origin).parent / "data"  # not imported: slow
GSO_REGION_SIZES = {  # the 63 provinces of 2008-2025 (data/README.md)
    "Trung du và miền núi phía Bắc": 14, "Đồng bằng sông Hồng": 11, "Bắc Trung Bộ và duyên hải miền Trung": 14,
    "Tây Nguyên": 5, "Đông Nam Bộ": 6, "Đồng bằng sông Cửu Long": 13,
}
# (table, code) -> (ours, theirs): the only allowed disagreements with vietnamadminunits (data/README.md)
KNOWN_DIFFERENCES = {
    ("legacy", "46"): (("Thừa Thiên Huế", "tỉnh"), ("Huế", "thành phố trực thuộc trung ương")),
    ("legacy", "79"): (("Thành phố Hồ Chí Minh", "thành phố trực thuộc trung ương"),
                       ("Hồ Chí Minh", "thành phố trực thuộc trung ương")),
    ("2025", "79"): (("Thành phố Hồ Chí Minh", "thành phố trực thuộc trung ương"),
                     ("Hồ Chí Minh", "thành phố trực thuộc trung ương")),
}


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@functools.cache
def source_cells(folder: Path) -> list[tuple[Path, int, dict[str, str]]]:
    """(file, CSV row number, {name column: value}) for every row with a province name column."""
    cells = []
    for path in sorted(folder.rglob("*.csv")):
        for number, row in enumerate(read_rows(path), start=2):
            names = {c: row[c] for c in NAME_COLUMNS if row.get(c)}
            if names:
                cells.append((path, number, names))
    return cells


# --- every spelling in the shipped sources -------------------------------------------------------------

@pytest.mark.parametrize("label", sorted(SOURCE_DIRS))
def test_every_province_string_in_the_sources_resolves(label):
    cells = source_cells(SOURCE_DIRS[label]) if SOURCE_DIRS[label].is_dir() else []
    if not cells:
        pytest.skip(f"{label}: no CSV with a province column at {SOURCE_DIRS[label]}")
    failures = {}
    for path, number, names in cells:
        for column, value in names.items():
            if value not in failures:
                try:
                    P.resolve(value, file=path, row=number, column=column)
                except DataError as exc:
                    failures[value] = str(exc)
    assert not failures, "\n".join(failures.values())


@pytest.mark.parametrize("label", sorted(SOURCE_DIRS))
def test_paired_columns_resolve_to_the_same_province(label):
    """Where a row gives a name as written next to the mapped name, both mean the same province."""
    pairs = [(path, number, names) for path, number, names in
             (source_cells(SOURCE_DIRS[label]) if SOURCE_DIRS[label].is_dir() else []) if len(names) > 1]
    if not pairs:
        pytest.skip(f"{label}: no rows with two province columns")
    for path, number, names in pairs:
        codes = {column: P.resolve(value).code for column, value in names.items()}
        assert len(set(codes.values())) == 1, (path, number, names, codes)


def test_japanese_and_chinese_spellings_resolve():
    assert P.resolve("クアンニン省").name == "Quảng Ninh"
    assert P.resolve("ビンフック省").name == "Vĩnh Phúc"
    assert P.resolve("ビンフオック省").name == "Bình Phước"
    assert P.resolve("トゥアティエン・フエ省").code == "46"
    assert P.resolve("承天-顺化省").code == "46"
    assert P.resolve("广义省").name == "Quảng Ngãi"
    assert P.resolve("广宁省").name == "Quảng Ninh"


# --- the registry and the crosswalk ----------------------------------------------------------------------

def test_registry_has_63_provinces_plus_ha_tay_with_unique_codes_and_names():
    everyone = P.all_provinces()
    current = P.all_provinces(include_ha_tay=False)
    assert len(current) == 63 and len(everyone) == 64
    assert [p.name for p in everyone if p not in current] == ["Hà Tây"]
    assert len({p.code for p in everyone}) == len({p.name for p in everyone}) == 64
    assert all(len(p.code) == 2 and p.code.isdigit() for p in everyone)
    assert Counter(p.kind for p in current) == {"tỉnh": 58, "thành phố trực thuộc trung ương": 5}


def test_crosswalk_maps_every_old_province_to_exactly_one_of_the_34():
    crosswalk, new = P.crosswalk_table(), P.provinces_2025()
    assert len(new) == 34 and new["province_2025_code"].is_unique and new["province_2025"].is_unique
    assert crosswalk["province_code"].is_unique
    assert set(crosswalk["province_code"]) == {p.code for p in P.all_provinces()}
    assert crosswalk["province_2025"].notna().all() and set(crosswalk["province_2025"]) == set(new["province_2025"])
    assert new["members"].notna().all()
    assert sorted(m for ms in new["members"] for m in ms.split("; ")) == sorted(
        p.name for p in P.all_provinces(include_ha_tay=False))
    assert crosswalk.drop_duplicates("province_2025")["n_members"].sum() == 63
    ha_tay = crosswalk.set_index("province").loc["Hà Tây"]
    assert (ha_tay["province_2025"], ha_tay["province_2025_code"]) == ("Hà Nội", "01")


def test_tables_have_the_schema_columns():
    assert list(P.provinces_table().columns) == TABLES["provinces"].names
    assert list(P.crosswalk_table().columns) == TABLES["crosswalk_2025"].names
    assert list(P.provinces_2025().columns) == [*read_rows(P.DATA / "provinces_2025.csv")[0], "members"]


def test_regions_are_the_six_gso_regions_with_gso_sizes():
    current = P.all_provinces(include_ha_tay=False)
    assert Counter(p.region for p in current) == GSO_REGION_SIZES
    assert P.resolve("Hà Tây").region == "Đồng bằng sông Hồng"
    assert P.resolve("Quảng Ninh").region == "Đồng bằng sông Hồng"
    assert len({(p.region, p.region_en) for p in P.all_provinces()}) == 6


def _vau_tables() -> dict[str, dict[str, tuple[str, str, str]]]:
    """code -> (short name, full name, kind) in vietnamadminunits' legacy (63) and 2025 (34) tables."""
    tables = {}
    with sqlite3.connect(VAU / "dataset.db") as db:
        for label, table in (("legacy", "admin_units_legacy"), ("2025", "admin_units")):
            rows = db.execute(f"SELECT DISTINCT provinceCode, provinceShort, province FROM {table}").fetchall()
            tables[label] = {code: (short, full, "thành phố trực thuộc trung ương" if full.startswith("Thành phố ")
                                    else "tỉnh") for code, short, full in rows}
    return tables


def test_names_codes_and_kinds_agree_with_vietnamadminunits_except_documented_differences():
    ours = {"legacy": {p.code: (p.name, p.kind) for p in P.all_provinces(include_ha_tay=False)},
            "2025": {r["province_2025_code"]: (r["province_2025"], r["kind"])
                     for r in read_rows(P.DATA / "provinces_2025.csv")}}
    theirs = _vau_tables()
    differences = {}
    for label in ours:
        assert set(ours[label]) == set(theirs[label]), label
        for code, mine in ours[label].items():
            short, _, kind = theirs[label][code]
            if mine != (short, kind):
                differences[(label, code)] = (mine, (short, kind))
    assert differences == KNOWN_DIFFERENCES


def test_crosswalk_agrees_with_vietnamadminunits():
    key_to_code = {}
    for name in ("parser_legacy.json", "parser_from_2025.json"):
        provinces = json.loads((VAU / name).read_text(encoding="utf-8"))["DICT_PROVINCE"]
        key_to_code[name] = {key: value["provinceCode"] for key, value in provinces.items()}
    merger = json.loads((VAU / "converter_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    theirs = {key_to_code["parser_legacy.json"][old]: key_to_code["parser_from_2025.json"][new]
              for new, olds in merger.items() for old in olds}
    crosswalk = P.crosswalk_table()
    ours = dict(zip(crosswalk["province_code"], crosswalk["province_2025_code"]))
    del ours["28"]  # Hà Tây: gone before the package's data begin
    assert ours == theirs


def test_in_force_counts_ha_tay_until_2008():
    assert len(P.in_force(2008)) == 64 and "Hà Tây" in {p.name for p in P.in_force(2008)}
    assert len(P.in_force(2005)) == 64
    assert len(P.in_force(2009)) == 63 and "Hà Tây" not in {p.name for p in P.in_force(2009)}
    assert {p.code for p in P.in_force(2025)} == {p.code for p in P.all_provinces(include_ha_tay=False)}
    for year in (2003, 2026):
        with pytest.raises(CchcError, match=str(year)):
            P.in_force(year)


# --- data files ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["provinces.csv", "provinces_2025.csv", "province_aliases.csv", "README.md"])
def test_data_files_are_nfc_utf8(name):
    text = (P.DATA / name).read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    assert "\r" not in text


def test_ascii_columns_are_the_names_without_diacritics():
    for p in P.all_provinces():
        stripped = unicodedata.normalize("NFD", p.name).replace("đ", "d").replace("Đ", "D")
        assert p.ascii == "".join(c for c in stripped if not unicodedata.combining(c)), p


def test_no_two_provinces_share_a_key_with_or_without_diacritics():
    for index in (0, 1):
        owners = {}
        for p in P.all_provinces():
            for spelling in (p.name, p.ascii, p.en):
                key = P.lookup_keys(spelling)[index]
                assert owners.setdefault(key, p.code) == p.code, (spelling, key, owners[key])


def test_aliases_are_needed_and_point_to_known_provinces():
    aliases = read_rows(P.DATA / "province_aliases.csv")
    codes = {p.code for p in P.all_provinces()}
    official = {key for p in P.all_provinces() for s in (p.name, p.ascii, p.en) for key in P.lookup_keys(s)}
    per_alias = Counter(row["alias"] for row in aliases)
    assert len({(row["alias"], row["province_code"]) for row in aliases}) == len(aliases)
    for row in aliases:
        assert row["province_code"] in codes, row
        assert row["note"].strip(), row
        assert official.isdisjoint(P.lookup_keys(row["alias"])), f"derivable without an alias: {row}"
        if per_alias[row["alias"]] == 1:
            assert P.resolve(row["alias"]).code == row["province_code"], row
        else:
            with pytest.raises(P.AmbiguousProvince):
                P.resolve(row["alias"])


# --- normalisation ---------------------------------------------------------------------------------------

def test_nfd_input_resolves_like_nfc():
    aliases = [r["alias"] for r in read_rows(P.DATA / "province_aliases.csv")]
    for spelling in [p.name for p in P.all_provinces()] + aliases:
        assert P.lookup_keys(unicodedata.normalize("NFD", spelling)) == P.lookup_keys(spelling), spelling
    for p in P.all_provinces():
        assert P.resolve(unicodedata.normalize("NFD", p.name)) == p


@pytest.mark.parametrize("spelling, code", [
    ("Hoà Bình", "17"), ("Hòa Bình", "17"), ("HOA BINH", "17"), ("Khánh Hoà", "56"), ("Thanh Hoá", "38"),
    ("Tỉnh Hà Tĩnh", "42"), ("Ha Tinh", "42"), ("tinh ha tinh", "42"), ("Thành phố Hà Nội", "01"), ("Hanoi", "01"),
    ("Thừa Thiên - Huế", "46"), ("Thừa Thiên–Huế", "46"), ("TT. Huế", "46"), ("Thua Thien-Hue", "46"),
    ("Ba Ria – Vung Tau", "77"), ("  Bà  Rịa-Vũng Tàu ", "77"), ("TP. Hồ Chí Minh", "79"), ("Tp.HCM", "79"),
    ("HCM City", "79"), ("Ho Chi Minh City", "79"), ("Quảng Ninh province", "22"), ("Đăk Lăk", "66"),
    ("\u00d0ắk Nông", "67"), ("Ｈà Ｎội", "01"),
])
def test_spelling_variants_resolve(spelling, code):
    assert P.resolve(spelling).code == code


@pytest.mark.parametrize("spelling", ["Hà", "Tỉnh", "Quảng", "Hà Nội Hà Tây", "Ninh"])
def test_fragments_are_not_guessed(spelling):
    with pytest.raises(P.UnknownProvince):
        P.resolve(spelling)


# --- errors ----------------------------------------------------------------------------------------------

def test_unknown_name_error_names_input_file_row_and_three_candidates():
    with pytest.raises(P.UnknownProvince) as caught:
        P.resolve("Quang Nihn", file="data/raw/x.csv", row=12)
    message = str(caught.value)
    assert isinstance(caught.value, DataError)
    assert "'Quang Nihn'" in message and "data/raw/x.csv" in message and "row 12" in message
    candidates = message.split("closest: ")[1].split(". ")[0].split(", ")
    assert len(candidates) == 3 and candidates[0] == "Quảng Ninh (22)"
    with pytest.raises(P.UnknownProvince, match="Atlantis"):
        P.resolve("Atlantis")


def test_ambiguous_name_error_lists_the_provinces_it_fits():
    with pytest.raises(P.AmbiguousProvince) as caught:
        P.resolve("ĐN", file="data/raw/y.csv", row=3)
    message = str(caught.value)
    assert isinstance(caught.value, DataError)
    assert "'ĐN'" in message and "data/raw/y.csv" in message and "row 3" in message
    for fit in ("Đà Nẵng (48)", "Đắk Nông (67)", "Đồng Nai (75)"):
        assert fit in message


@pytest.mark.parametrize("value", ["", "  ", None, float("nan")])
def test_empty_or_non_text_is_unknown(value):
    with pytest.raises(P.UnknownProvince):
        P.resolve(value)


def test_resolve_many_maps_distinct_names_and_is_fast():
    names = [p.name for p in P.all_provinces()] + [r["alias"] for r in read_rows(P.DATA / "province_aliases.csv")
                                                   if r["alias"] != "ĐN"]
    cells = (names * (40_000 // len(names) + 1))[:40_000]
    P._matches.cache_clear()
    start = time.perf_counter()
    resolved = P.resolve_many(cells, file="big.csv")
    elapsed = time.perf_counter() - start
    assert set(resolved) == set(names)
    assert all(resolved[n] == P.resolve(n) for n in names)
    assert elapsed < 0.1, f"{elapsed:.3f} s for 40k cells"
    with pytest.raises(P.UnknownProvince, match="big.csv"):
        P.resolve_many(["Hà Nội", "Atlantis"], file="big.csv")


# --- CLI -------------------------------------------------------------------------------------------------

def run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    provinces_cli.add_arguments(parser)
    return provinces_cli.run(parser.parse_args(argv), Project(ROOT))


def test_cli_describes_each_name(capsys):
    assert run_cli("TP.HCM", "Đăk Lăk", "广宁省") == 0
    out = capsys.readouterr().out
    assert "TP.HCM → Thành phố Hồ Chí Minh [79]" in out and "Bình Dương; Bà Rịa - Vũng Tàu" in out
    assert "Đăk Lăk → Đắk Lắk [66]" in out and "Phú Yên; Đắk Lắk" in out
    assert "广宁省 → Quảng Ninh [22]" in out and "Đồng bằng sông Hồng" in out


def test_cli_fails_on_unknown_and_ambiguous_names(capsys):
    assert run_cli("Hà Nội", "Atlantis", "ĐN") == 1
    captured = capsys.readouterr()
    assert "Hà Nội → Hà Nội [01]" in captured.out
    assert "'Atlantis'" in captured.err and "'ĐN'" in captured.err


def test_cli_lists_registry_and_new_provinces(capsys):
    assert run_cli("--list") == 0
    assert len(capsys.readouterr().out.splitlines()) == len(P.all_provinces())
    assert run_cli("--new") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 34 and any("Hòa Bình; Phú Thọ; Vĩnh Phúc" in line for line in lines)
