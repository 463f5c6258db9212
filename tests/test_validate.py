"""The validation gate on the real processed data: it passes, publishes offline HTML, re-runs, works
without network, and fails (without touching reports/) on each kind of corruption it guards against.

Validation runs three times per session (shipped data, a re-run, one copy carrying every corruption at
once, each in a different table/group so that each guard is asserted on its own failing rows).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from cchc_research import validate
from cchc_research.io import csv_bytes, tree_hash
from cchc_research.paths import Project
from cchc_research.schema import TABLES, read_table
from cchc_research.validate.context import gx_name
from cchc_research.validate.datadocs import offline_html, remote_references
from cchc_research.validate import latest_run_dir
from cchc_research.validate.gate import validate_project
from cchc_research.validate.suites import all_suites


@dataclass
class Run:
    project: Project
    summary: dict
    output: list[str]


def _copy(cleaned_project: Project, target: Path) -> Project:
    shutil.copytree(cleaned_project.root, target)
    return Project(target)


def _validate(project: Project, **kwargs) -> Run:
    lines: list[str] = []
    summary = validate_project(project, say=lines.append, **kwargs)
    return Run(project, summary, lines)


def _no_network(*_args, **_kwargs):
    raise OSError("network access attempted during validation")


EPOCH = "1790000000"  # SOURCE_DATE_EPOCH of the shipped runs: pages must not depend on the clock


@pytest.fixture(scope="module")
def shipped(cleaned_project, tmp_path_factory) -> Run:
    """Validation of the shipped data, Data Docs included, with every socket connection refused, the
    build date pinned by SOURCE_DATE_EPOCH, and umask 022."""
    project = _copy(cleaned_project, tmp_path_factory.mktemp("shipped") / "repo")
    umask = os.umask(0o022)
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(socket.socket, "connect", _no_network)
            mp.setattr(socket.socket, "connect_ex", _no_network)
            mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
            return _validate(project)
    finally:
        os.umask(umask)


def test_shipped_data_pass_offline(shipped: Run) -> None:
    failures = [line for line in shipped.output if line.startswith("ERROR")]
    assert shipped.summary["success"], "\n".join(failures)
    assert shipped.summary["n_failed_error"] == 0


def test_summary_json_published(shipped: Run) -> None:
    project = shipped.project
    on_disk = json.loads((project.reports / "validation" / "summary.json").read_text(encoding="utf-8"))
    assert on_disk == validate.load_summary(project) == shipped.summary
    assert set(on_disk) == {"success", "generated_at", "data_hash", "n_expectations", "n_failed_error",
                            "n_failed_warning", "tables"}
    assert on_disk["data_hash"] == tree_hash(project.processed, "*.csv")
    tables = {t["table"]: t for t in on_disk["tables"]}
    assert set(TABLES) <= set(tables)
    assert tables["indicators"]["rows"] == len(read_table(project.processed, "indicators"))
    for table in on_disk["tables"]:
        for e in table["expectations"]:
            assert set(e) == {"name", "severity", "description", "success", "unexpected_count", "examples"}
            assert e["severity"] in ("error", "warning")
    assert on_disk["n_expectations"] == sum(len(s.checks) for s in all_suites())


def test_reports_are_offline(shipped: Run) -> None:
    reports = shipped.project.reports
    page = (reports / "validation" / "index.html").read_text(encoding="utf-8")
    assert "<script" not in page and "indicators.papi_sums" in page
    docs = list((reports / "data-docs").rglob("*.html"))
    assert (reports / "data-docs" / "index.html") in docs and len(docs) > len(TABLES)
    for path in [*reports.rglob("*.html"), *reports.rglob("*.css")]:
        assert remote_references(path.read_text(encoding="utf-8")) == [], path


def test_suites_saved_with_severity(shipped: Run) -> None:
    folder = shipped.project.expectations / "gx" / "expectations"
    for suite in all_suites():
        saved = json.loads((folder / f"{gx_name(suite.name)}.json").read_text(encoding="utf-8"))
        assert [e["meta"]["name"] for e in saved["expectations"]] == [c.name for c in suite.checks]
        for e, c in zip(saved["expectations"], suite.checks):
            assert e["severity"] == {"error": "critical", "warning": "warning"}[c.severity]
            assert e["meta"]["severity"] == c.severity


def test_rerun_in_another_clone_gives_the_same_pages(shipped: Run, tmp_path: Path, monkeypatch) -> None:
    """A second run, in a copy at another path (GX objects of the first run included), passes, keeps one
    run's results, leaves the suites byte for byte, and publishes byte-identical pages that name no
    absolute path of either clone."""
    clone = _copy(shipped.project, tmp_path / "elsewhere" / "clone")
    shutil.rmtree(clone.reports)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    again = _validate(clone)
    assert again.summary["success"]
    suites = clone.expectations / "gx" / "expectations"
    assert {p.name: p.read_bytes() for p in suites.glob("*.json")} == {
        p.name: p.read_bytes() for p in (shipped.project.expectations / "gx" / "expectations").glob("*.json")}
    results = clone.expectations / "gx" / "uncommitted" / "validations"
    assert len({p.relative_to(results).parts[1:3] for p in results.rglob("*.json")}) == 1  # this run only

    def pages(project: Project) -> dict[str, bytes]:
        return {p.relative_to(project.reports).as_posix(): p.read_bytes()
                for p in sorted(project.reports.rglob("*")) if p.is_file()}

    first, second = pages(shipped.project), pages(clone)
    assert first.keys() == second.keys() and len(first) > 30
    assert [name for name in first if first[name] != second[name]] == []
    assert "Generated 2026-09-21T14:13:20+00:00" in first["validation/index.html"].decode("utf-8")
    for project in (shipped.project, clone):
        for root in {str(project.root), str(project.root.resolve())}:
            assert not [name for name, data in second.items() if root.encode() in data], root


def test_published_validation_follows_the_umask(shipped: Run) -> None:
    """Folders and files are world-readable under umask 022, as a web server needs (not 0700/0600)."""
    reports = shipped.project.reports
    for folder in (reports / "validation", reports / "data-docs", latest_run_dir(shipped.project)):
        assert folder.stat().st_mode & 0o777 == 0o755, folder
    for page in (reports / "validation" / "index.html", reports / "validation" / "summary.json"):
        assert page.stat().st_mode & 0o777 == 0o644, page


# --- corruptions: each guard against the failure it exists for ---------------------------------------

def _rewrite(project: Project, table: str, change) -> None:
    frame = read_table(project.processed, table)
    (project.processed / TABLES[table].file_name).write_bytes(csv_bytes(change(frame)))


def _first(frame: pd.DataFrame, **where) -> int:
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == value
    assert mask.any(), where
    return int(frame.index[mask][0])


def _corrupt_indicators(f: pd.DataFrame) -> pd.DataFrame:
    f = f.copy()
    primary = f["primary"]
    # value out of scale: a PAPI dimension above 10
    f.loc[_first(f, family="PAPI", year=2015, measure="D1", province_code="01", primary=True), "value"] = 11.5
    # PAPI sum mismatch: a total 0.5 off its dimensions
    f.loc[_first(f, family="PAPI", year=2019, measure="total", province_code="79", primary=True), "value"] += 0.5
    # unknown province code (in a family without complete years, so coverage is not affected)
    f.loc[_first(f, family="PAR_INDEX", year=2019, measure="total"), "province_code"] = "99"
    # rank above the number of provinces
    ranked = f[(f["family"] == "SIPAS") & (f["year"] == 2017) & f["rank"].notna()].index[0]
    f.loc[ranked, "rank"] = 70
    # a complete ranked table (PAPI 2016 total) whose ranks follow the scores, then best and worst swapped
    table = f[(f["family"] == "PAPI") & (f["year"] == 2016) & (f["measure"] == "total") & primary]
    order = table["value"].rank(method="min", ascending=False).astype("Int64")
    f.loc[table.index, "rank"] = order
    best, worst = table["value"].idxmax(), table["value"].idxmin()
    f.loc[[best, worst], "rank"] = [order[worst], order[best]]
    # a DTI value outside its 0-1 scale
    f.loc[_first(f, family="DTI", year=2022, measure="total", province_code="48"), "value"] = 1.5
    # a rank read from a listed order shown as stated in indicators (its figure still says listed-order)
    f.loc[f.index[f["rank_basis"] == "listed-order"][0], "rank_basis"] = "stated"
    # missing province in a complete year: every row of PAPI 2013 D3 for Cà Mau (96)
    f = f[~((f["family"] == "PAPI") & (f["year"] == 2013) & (f["measure"] == "D3") & (f["province_code"] == "96"))]
    # measures lost upstream, totals kept: PAPI 2020's D2-D8 (441 values, issue 15)
    f = f[~((f["family"] == "PAPI") & (f["year"] == 2020) & f["measure"].isin([f"D{i}" for i in range(2, 9)]))]
    # duplicate key
    return pd.concat([f, f[(f["family"] == "PCI") & (f["year"] == 2010)].head(1)], ignore_index=True)


def _corrupt_reported(f: pd.DataFrame) -> pd.DataFrame:
    f = f.copy()
    f.loc[_first(f, status="single"), "evidence"] = None  # a figure without evidence
    conflicts = sorted(f["conflict_id"].dropna().unique())
    open_claims = f["conflict_id"] == conflicts[0]  # left open, but one claim lost its reason
    f.loc[open_claims, "status"] = "conflict-unresolved"
    f.loc[f.index[open_claims][0], "resolution"] = None
    f.loc[f["conflict_id"] == conflicts[1], "status"] = "conflict-selected"  # two claims selected
    # a single-source rank from a listed order marked as stated
    f.loc[f.index[(f["rank_basis"] == "listed-order") & (f["n_sources"] == 1)][-1], "rank_basis"] = "stated"
    f.loc[_first(f, unit_level="province_2025", family="DTI"), "rank"] = 40  # beyond the 34 new provinces
    return f


CORRUPTIONS = {
    "indicators": _corrupt_indicators,
    "reported_figures": _corrupt_reported,
    "programme_targets": lambda f: f.assign(comparator=f["comparator"].where(f.index != 0, "≥")),
    "coverage": lambda f: f.assign(complete=f["complete"] | ((f["family"] == "PCI") & (f["year"] == 2022))),
    "measures": lambda f: f.astype({"scale_min": "string"}).assign(
        scale_min=lambda m: m["scale_min"].where(m.index != 0, "zero")),
    "boundaries": lambda f: f.assign(  # Lâm Đồng (2025) without Bình Thuận; Kon Tum's feature given code 99
        members=f["members"].where((f["map"] != "34") | (f["unit_code"] != "68"), "Lâm Đồng; Đắk Nông"),
        unit_code=f["unit_code"].where((f["map"] != "63") | (f["unit_code"] != "62"), "99")),
}

# table or view, expectation, text that must appear in a printed example of the failing rows
GUARDS = [
    ("indicators", "value_in_published_scale_papi_dimensions", "value=11.5"),
    ("indicators", "key_unique", "family=PCI, measure="),
    ("indicators", "province_in_registry", "province_code=99"),
    ("indicators.ranks", "rank_within_provinces", "rank=70"),
    ("indicators.ranks", "rank_order_not_below_score_order", "year=2016"),
    ("indicators.ranks", "rank_order_not_above_score_order", "year=2016"),
    ("indicators.papi_sums", "dimensions_sum_to_total", "province_code=79"),
    ("indicators.completeness", "complete_table_has_every_value", "family=PAPI, year=2013, n_missing=1, "
                                                                  "missing=D3: Cà Mau, files=data/raw/MDT/"),
    ("indicators.completeness", "complete_table_has_every_value",
     "family=PAPI, year=2020, n_missing=441, missing=D2, D3, D4, D5, D6, D7, D8: all 63 provinces, "
     "files=data/raw/TUNAH/papi_tunah72_papi-dashboard_2020_2021_2024.csv"),
    ("reported_figures", "not_null_evidence", "status=single"),
    ("reported_figures", "conflict_has_resolution", "status=conflict-unresolved"),
    ("reported_figures.conflicts", "conflict_settled", "conflict_id="),
    ("programme_targets", "comparator_well_formed", "comparator=≥"),
    ("indicators", "value_in_published_scale_dti", "value=1.5"),
    ("indicators.rank_marks", "rank_basis_as_reported", "rank_basis=stated"),
    ("reported_figures", "single_listed_order_rank_is_marked", "status=single"),
    ("reported_figures", "new_province_rank_within_34", "rank=40"),
    ("coverage.rule", "complete_by_coverage_rule", "family=PCI, year=2022"),
    ("column_types", "column_parses_as_schema_type", "table=measures, column=scale_min"),
    ("boundaries", "members_as_crosswalk", "unit_code=68"),
    ("boundaries", "unit_in_registry", "map=63, unit_code=99"),
]


@pytest.fixture(scope="module")
def corrupted(cleaned_project, tmp_path_factory) -> Run:
    project = _copy(cleaned_project, tmp_path_factory.mktemp("corrupted") / "repo")
    for table, change in CORRUPTIONS.items():
        _rewrite(project, table, change)
    return _validate(project, data_docs=False)


@pytest.mark.parametrize(("table", "expectation", "example"), GUARDS, ids=[f"{t}:{e}" for t, e, _ in GUARDS])
def test_gate_fails_on_corruption(corrupted: Run, table: str, expectation: str, example: str) -> None:
    header = f"ERROR {table}: {expectation}: "
    at = next((i for i, line in enumerate(corrupted.output) if line.startswith(header)), None)
    assert at is not None, f"{header!r} not reported:\n" + "\n".join(corrupted.output)
    examples = []
    for line in corrupted.output[at + 1:]:
        if not line.startswith("    "):
            break
        examples.append(line)
    assert any(example in line for line in examples), examples
    assert not corrupted.summary["success"]
    assert not (corrupted.project.reports / "validation").exists()
    assert not (corrupted.project.reports / "data-docs").exists()
    written = json.loads((latest_run_dir(corrupted.project) / "summary.json").read_text(encoding="utf-8"))
    assert written["success"] is False and written["n_failed_error"] == corrupted.summary["n_failed_error"]
    assert "Failed:" in (latest_run_dir(corrupted.project) / "index.html").read_text(encoding="utf-8")


def test_failure_names_only_the_guards_hit(corrupted: Run) -> None:
    """Nothing else fails: each error above comes from its own corruption."""
    failed = {(t["table"], e["name"]) for t in corrupted.summary["tables"] for e in t["expectations"]
              if not e["success"] and e["severity"] == "error"}
    expected = {(t, e) for t, e, _ in GUARDS}
    side_effects = {  # consequences of the same corruptions, by design
        ("indicators", "one_primary_row"), ("indicators", "value_at_most_scale_max"),
        ("indicators.labels", "province_matches_registry"), ("indicators.labels", "province_2025_matches_registry"),
        ("indicators.labels", "region_matches_registry"), ("reported_figures", "evidence_not_blank"),
        ("measures", "scale_ordered"),  # compares the corrupted (text) scale_min
        ("indicators.rank_marks", "rank_has_basis"),  # the PAPI 2016 ranks written in without a basis
        ("reported_figures", "rank_within_rank_of"),  # the rank 40 of 34
    }
    assert expected <= failed <= expected | side_effects


def test_cli_exit_code_on_failure(corrupted: Run) -> None:
    import argparse

    parser = argparse.ArgumentParser()
    validate.add_arguments(parser)
    args = parser.parse_args(["--tables", "programme_targets", "--no-data-docs"])
    assert validate.run(args, corrupted.project) == 1


def test_unknown_table_is_refused(tmp_path: Path) -> None:
    from cchc_research.errors import CchcError
    from cchc_research.validate.gate import select_tables

    with pytest.raises(CchcError, match="unknown table.*nope"):
        select_tables(["indicators", "nope"])


def test_offline_html_strips_remote_resources() -> None:
    page = ('<html><head><link rel="stylesheet" href="https://cdn.example/b.css">'
            '<link rel="stylesheet" href="static/local.css"><script src="//cdn.example/j.js"></script>'
            '<style>.x{background:url("https://cdn.example/i.png")}</style></head>'
            '<body><script>$(function(){})</script><img src="https://cdn.example/l.png">'
            '<a href="https://greatexpectations.io">GX</a></body></html>')
    assert len(remote_references(page)) == 4
    clean = offline_html(page)
    assert remote_references(clean) == []
    assert 'href="static/local.css"' in clean and 'href="https://greatexpectations.io"' in clean
    assert "<script" not in clean
