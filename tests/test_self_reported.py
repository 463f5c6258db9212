"""What provinces report about themselves: the reader of data/raw/SELF_REPORTED, the processed table
`self_reported` (provenance, bounds kept as bounds, flags, reconciliation with documents), its
validation suite, and the analysis functions the pages call. Real data unless a test says otherwise;
documents and corrupted tables here are written by the tests."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from cchc_research.analysis import self_reported as S
from cchc_research.cli import main
from cchc_research.errors import DataError
from cchc_research.io import csv_bytes
from cchc_research.paths import Project
from cchc_research.schema import TABLES, read_table
from cchc_research.sources.readers.self_reported import read_self_reported
from cchc_research.validate import rules
from cchc_research.validate.gate import validate_project
from tests.conftest import copy_repo

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw" / "SELF_REPORTED" / "province_self_reported_results_2018_2025.csv"


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    return read_self_reported(RAW, "SELF_REPORTED.csv")


@pytest.fixture(scope="module")
def table(cleaned_project) -> pd.DataFrame:
    return read_table(cleaned_project.processed, "self_reported")


@pytest.fixture(scope="module")
def config() -> dict:
    return S.load_config(Project(REPO))


# --- the reader ----------------------------------------------------------------------------------

def test_reader_keeps_every_row_and_every_bound_as_a_bound(raw):
    assert len(raw) == 296 and raw["province_raw"].nunique() == 49  # NOTES.md: 296 rows, 49 provinces
    bounds = raw[raw["bound"] != ""]
    assert bounds["bound"].value_counts().to_dict() == {">": 25, "<": 7, "~": 3}  # as NOTES.md counts them
    assert bounds["value"].isna().all() and bounds["limit"].notna().all()
    assert raw.loc[raw["bound"] == "", "value"].notna().all() and raw.loc[raw["bound"] == "", "limit"].isna().all()
    assert (raw["target_or_result"] == "target").sum() == 8 and raw["full_year"].sum() == 62


def test_reader_flags_the_caveats_the_notes_describe(raw):
    merged = raw[raw["post_merger"]]
    assert len(merged) == 32 and merged["province_raw"].nunique() == 9  # NOTES.md: 32 rows in 9 provinces
    core = raw[(raw["target_or_result"] == "result") & ~raw["post_merger"] & ~raw["central_source"]]
    assert (len(core), core["province_raw"].nunique()) == (238, 40)  # NOTES.md: core subset 238 rows, 40 provinces
    emc = raw[(raw["province_raw"] == "Ha Nam") & (raw["measure"] == "online_dossier_rate")]
    assert emc["central_source"].all()
    assert raw.loc[raw["note"].str.contains("provincial centre only"), "centre_only"].all()


@pytest.mark.parametrize("column, bad, message", [
    ("value", "about 98", "malformed number"),
    ("level", "city", "level must be one of"),
    ("source_url", "javascript:alert(1)", r"not an http\(s\) address"),
    ("unit", "percentage", "unit must be one of"),
])
def test_reader_errors_name_file_row_and_value(tmp_path, column, bad, message):
    frame = pd.read_csv(RAW, dtype=str, keep_default_na=False)
    frame.loc[10, column] = bad
    path = tmp_path / "self.csv"
    frame.to_csv(path, index=False)
    with pytest.raises(DataError, match=message) as info:
        read_self_reported(path, "self.csv")
    assert "self.csv, row 12" in str(info.value) and bad in str(info.value)


# --- the processed table ----------------------------------------------------------------------------

def test_table_has_provenance_and_provinces_resolved(table, raw):
    assert list(table.columns) == TABLES["self_reported"].names and table["figure_id"].is_unique
    assert len(table) == 296 and table["province_code"].notna().all()
    for written, code in (("Thua Thien Hue", "46"), ("Ho Chi Minh City", "79"), ("Ba Ria - Vung Tau", "77")):
        assert (table["province_code"] == code).sum() == (raw["province_raw"] == written).sum() > 0
    first = table[table["source_ref"].str.endswith(", row 2")].iloc[0]
    assert first["source_ref"] == "data/raw/SELF_REPORTED/province_self_reported_results_2018_2025.csv, row 2"
    assert (first["province"], first["year"], first["measure"], first["value"]) == ("An Giang", 2020,
                                                                                    "procedures_in_force", 189)
    assert first["source_url"] == raw.iloc[0]["source_url"] and first["evidence"] == raw.iloc[0]["evidence"]
    assert set(table.loc[table["year"] <= 2020, "programme"]) == {"2011-2020"}
    assert set(table.loc[table["year"] >= 2021, "programme"]) == {"2021-2030"}


def test_bounds_are_never_values_in_the_table(table):
    bounds = table[table["bound"].notna()]
    assert len(bounds) == 35 and bounds["value"].isna().all()
    over = bounds[(bounds["province"] == "Hải Dương") & (bounds["measure"] == "dossiers_received")].iloc[0]
    assert (over["bound"], over["limit"]) == (">", 1_000_000)


def test_conflicts_the_extract_flags_are_conflicts(table):
    conflicts = table[table["status"] == "conflict"]
    assert len(conflicts) == 10 and conflicts["note"].str.contains("CONFLICT|differs from").all()
    assert conflicts["conflict_id"].notna().all() and set(table["status"]) == {"single", "conflict"}


def test_config_describes_every_measure_and_the_flow_measures_agree_with_the_gate(table, config):
    assert set(table["measure"]) == set(config["measures"])
    flows = {m for m, spec in config["measures"].items() if spec["kind"] == "flow"}
    assert flows == set(rules.SELF_REPORTED_FLOWS)


@pytest.fixture(scope="module")
def with_documents(tmp_path_factory) -> Project:
    """A repository copy with three documents giving Bình Phước's dossiers received in 2023: two agree,
    one differs; and a fourth sentence that is only a part (online dossiers)."""
    project = copy_repo(tmp_path_factory.mktemp("self") / "repo")
    docs = project.raw / "documents"
    texts = {"a.txt": "Năm 2023, toàn tỉnh tiếp nhận 245.110 hồ sơ, trong đó 98.300 hồ sơ trực tuyến.",
             "b.txt": "Trong năm 2023, toàn tỉnh đã tiếp nhận 245.110 hồ sơ.",
             "c.txt": "Năm 2023, toàn tỉnh tiếp nhận 250.004 hồ sơ."}
    for name, text in texts.items():
        (docs / name).write_text(text, encoding="utf-8")
    entries = [{"file": n, "title": n, "date": "2024-01-20", "url": f"https://binhphuoc.gov.vn/{n}",
                "licence": "written for this test", "province": "Bình Phước"} for n in texts]
    (docs / "manifest.yml").write_text(yaml.safe_dump({"documents": entries}, allow_unicode=True), encoding="utf-8")
    assert main(["clean", "--quiet", "--root", str(project.root)]) == 0
    return project


def test_documents_add_read_by_machine_rows_reconciled_by_the_same_rule(with_documents):
    table = read_table(with_documents.processed, "self_reported")
    mine = table[table["source_type"] != "self-reported extract"].sort_values("source_ref")
    assert mine[["province", "year", "measure", "value", "unit", "full_year", "status"]].astype(object).values.tolist() \
        == [["Bình Phước", 2023, "dossiers_received", 245110.0, "count", False, "conflict"],
            ["Bình Phước", 2023, "dossiers_received", 245110.0, "count", False, "conflict"],
            ["Bình Phước", 2023, "dossiers_received", 250004.0, "count", False, "conflict"]]
    assert set(mine["source_type"]) == {"document (read by machine)"} and mine["conflict_id"].nunique() == 1
    assert mine["source_ref"].tolist()[0].startswith("a.txt@") and mine["period"].str.contains("not read").all()
    assert 98300 not in set(table["value"])  # online dossiers are a part, not the province's total
    assert len(table[table["source_type"] == "self-reported extract"]) == 296


def test_agreeing_documents_are_agreed(with_documents, tmp_path):
    project = copy_repo(tmp_path / "repo")
    shutil.copytree(with_documents.raw / "documents", project.raw / "documents", dirs_exist_ok=True)
    manifest = yaml.safe_load((project.raw / "documents" / "manifest.yml").read_text(encoding="utf-8"))
    manifest["documents"] = [e for e in manifest["documents"] if e["file"] != "c.txt"]
    (project.raw / "documents" / "c.txt").unlink()
    (project.raw / "documents" / "manifest.yml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    assert main(["clean", "--quiet", "--root", str(project.root)]) == 0
    table = read_table(project.processed, "self_reported")
    assert table.loc[table["source_type"] != "self-reported extract", "status"].tolist() == ["agreed", "agreed"]


# --- validation ------------------------------------------------------------------------------------

def test_validation_catches_what_the_table_must_not_hold(cleaned_project, tmp_path):
    project = Project(shutil.copytree(cleaned_project.root, tmp_path / "repo"))
    frame = read_table(project.processed, "self_reported")
    percent = frame.index[(frame["unit"] == "percent") & frame["value"].notna()]
    frame.loc[percent[0], "value"] = 120.5                                        # a percentage above 100
    bounded = frame.index[frame["bound"].notna()]
    frame.loc[bounded[0], "value"] = frame.loc[bounded[0], "limit"]               # a bound turned into a value
    counts = frame.index[frame["unit"] == "count"]
    frame.loc[counts[0], "value"] = -5                                            # a negative count
    full = frame.loc[(frame["measure"] == "dossiers_received") & frame["full_year"] & frame["value"].notna()].iloc[0]
    part = full.copy()
    part["figure_id"], part["full_year"], part["period"] = full["figure_id"] + "-part", False, "first 9 months"
    part["value"] = full["value"] + 1000                                          # a part of the year above the whole
    frame = pd.concat([frame, part.to_frame().T], ignore_index=True).astype(frame.dtypes.to_dict())
    (project.processed / "self_reported.csv").write_bytes(csv_bytes(frame))
    lines: list[str] = []
    summary = validate_project(project, tables=["self_reported"], say=lines.append, data_docs=False)
    failed = {e["name"] for t in summary["tables"] for e in t["expectations"] if not e["success"]}
    assert {"percentage_within_0_100", "value_or_bound", "count_not_negative", "full_year_not_below_part"} <= failed
    assert not summary["success"]


# --- analysis --------------------------------------------------------------------------------------

def test_a_provinces_measures_over_time_keep_bounds_caveats_and_sources(table, config):
    quang_nam = S.province_reports(table, "49", config, "en")
    assert len(quang_nam) == len(table[table["province_code"] == "49"]) and quang_nam["source_url"].str.match("https?://").all()
    bound = quang_nam[quang_nam["bound"].notna()].iloc[0]
    assert bound["figure"] == "> 87 %" and "a bound, not a value" in bound["caveats"]
    first_measure = quang_nam[quang_nam["measure"] == quang_nam["measure"].iloc[0]]
    assert first_measure["year"].is_monotonic_increasing
    assert S.reports_sentence(table, "49", config, "en").startswith("Quảng Nam reports 19 figures")


def test_nothing_reported_gets_an_honest_sentence(table, config):
    assert table[table["province_code"] == "06"].empty  # Bắc Kạn: no row found (NOTES.md)
    assert S.province_reports(table, "06", config, "vi").empty
    assert "không có nghĩa là tỉnh không báo cáo" in S.reports_sentence(table, "06", config, "vi")


def test_who_reports_what_covers_every_province_and_only_own_results(table, config):
    grid = S.who_reports_what(table, config, "en")
    assert len(grid) == 63 and grid["province_code"].is_unique
    none = set(grid.loc[grid["n_measures"] == 0, "province"])
    for name in ("Bắc Kạn", "Long An", "Trà Vinh", "Bắc Ninh", "Hà Nam", "Nam Định"):  # no row, or EMC shares only
        assert name in none
    assert grid.set_index("province").loc["Quảng Nam", "Dossiers received"] == "2022–2023, 2025"


def test_comparison_only_where_definitions_match_with_the_caveat(table, config):
    result = S.comparable(table, "on_time_rate", 2023, config, "en", level="province")
    assert len(result.table) == 2
    chosen = table.set_index("figure_id").loc[result.table["figure_id"]]
    assert chosen["full_year"].all() and chosen["bound"].isna().all() and (chosen["level"] == "province").all()
    assert not chosen["centre_only"].any() and not chosen["central_source"].any()
    assert "2023" in result.caveat and "2 provinces" in result.caveat and "share of resolved dossiers" in result.caveat
    assert result.left_out and "Left out" in result.caveat
    province_wide = S.comparable(table, "on_time_rate", 2023, config, "en")
    assert len(province_wide.table) < 2 and province_wide.caveat.startswith("No province has")
    available = S.comparisons_available(table, config, "en")
    assert (available["n_provinces"] >= 2).all() and len(available) >= 3


def test_claim_check_agree_disagree_and_cannot_check():
    reported = pd.DataFrame({
        "figure_id": ["PAR_INDEX-2022-49-total-1", "SIPAS-2022-49-total-1", "PAR_INDEX-2021-49-total-1",
                      "PCI-2022-49-total-1"],
        "family": ["PAR_INDEX", "SIPAS", "PAR_INDEX", "PCI"], "measure": "total", "year": [2022, 2022, 2021, 2022],
        "unit_level": "province", "province_code": "49", "value": [84.56, 81.26, 83.0, math.nan],
        "rank": pd.array([41, pd.NA, pd.NA, 10], dtype="Int64"), "source_type": "official",
        "source_urls": "https://quangnam.gov.vn/a"})
    indicators = pd.DataFrame({
        "province_code": "49", "year": [2022, 2022, 2021, 2022], "family": ["PAR_INDEX", "SIPAS", "PAR_INDEX", "PCI"],
        "measure": "total", "value": [84.564, 81.2, 83.0, 66.1], "rank": pd.array([41, pd.NA, pd.NA, pd.NA], dtype="Int64"),
        "source_id": ["MOHA", "MOHA", "reported", "LTN"], "primary": True,
        "source_ref": ["moha.csv, row 5", "moha.csv, row 9", "PAR_INDEX-2021-49-total-1: https://x", "ltn.csv, row 3"]})
    result = S.claim_check(reported, indicators, "49")
    assert dict(zip(result["family"] + result["year"].astype(str), result["outcome"])) == {
        "PAR_INDEX2021": "cannot check", "PAR_INDEX2022": "agree", "PCI2022": "cannot check", "SIPAS2022": "disagree"}
    assert "only this statement" in result.loc[result["year"] == 2021, "reason"].iloc[0]
    assert result.loc[result["family"] == "SIPAS", "tolerance"].iloc[0] == pytest.approx(0.005)


def test_claim_check_on_real_data_keeps_own_statements_only(cleaned_project):
    reported = read_table(cleaned_project.processed, "reported_figures")
    indicators = read_table(cleaned_project.processed, "indicators")
    rows = pd.concat([S.claim_check(reported, indicators, c) for c in reported["province_code"].dropna().unique()])
    assert len(rows) > 0 and set(rows["outcome"]) <= {"agree", "disagree", "cannot check"}
    assert rows["reason"].str.len().gt(0).all()
    everyone = pd.concat([S.claim_check(reported, indicators, c, own_only=False)
                          for c in reported["province_code"].dropna().unique()])
    assert len(everyone) > len(rows)
