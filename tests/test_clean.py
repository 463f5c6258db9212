"""Cleaning on the real shipped data: coverage, provenance, conflicts, determinism, bad input."""

from __future__ import annotations

import csv
import io
import math
import os
import re
import shutil
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
import yaml

from cchc_research.clean import clean
from cchc_research.errors import CchcError, DataError
from cchc_research.io import tree_hash
from cchc_research.provinces import resolve
from cchc_research.schema import TABLES, read_table

from .conftest import REPO, replace_raw

TUNAH = "TUNAH/papi_tunah72_papi-dashboard_2020_2021_2024.csv"
HUNG = "HUNG/papi_HungNT1st_CS571_2015-2019_2022-2023.csv"


@pytest.fixture(scope="module")
def tables(cleaned_project):
    return {name: read_table(cleaned_project.processed, name) for name in TABLES}


def primary(tables, family, measure="total"):
    ind = tables["indicators"]
    return ind[ind["primary"] & (ind["family"] == family) & (ind["measure"] == measure)]


# --- coverage ----------------------------------------------------------------------------------

def test_papi_covers_63_provinces_a_year_except_documented_gaps(tables):
    gaps = yaml.safe_load((REPO / "config/completeness.yml").read_text(encoding="utf-8"))["gaps"]
    d1 = primary(tables, "PAPI", "D1").groupby("year")["province_code"].nunique()
    assert list(d1.index) == list(range(2011, 2025))
    for year, n in d1.items():
        missing = {p for g in gaps if g["family"] == "PAPI" and g["year"] == year
                   and (g["measures"] == "all" or "D1" in g["measures"]) for p in g["provinces"]}
        assert n == 63 - len(missing), (year, n, missing)


def test_papi_2017_has_no_total_and_8_dimensions_start_2018(tables):
    totals = set(primary(tables, "PAPI")["year"])
    assert 2017 not in totals and {2016, 2018} <= totals
    assert primary(tables, "PAPI", "D8")["year"].min() == 2018


def test_pci_coverage_42_then_64_with_ha_tay_then_63(tables):
    """SOURCES.md: 2005 covers 42 provinces; 2006-2008 include Hà Tây (merged into Hà Nội in 2008)."""
    n = primary(tables, "PCI").groupby("year")["province_code"].nunique()
    assert n[2005] == 42
    assert all(n[y] == 64 for y in (2006, 2007, 2008))
    assert all(n[y] == 63 for y in range(2009, 2022))
    ha_tay = primary(tables, "PCI")
    assert sorted(ha_tay.loc[ha_tay["province_code"] == "28", "year"])[-3:] == [2006, 2007, 2008]
    assert ha_tay.loc[ha_tay["province_code"] == "28", "year"].max() == 2008


def test_coverage_table_marks_complete_years(tables):
    cov = tables["coverage"]
    papi = cov[(cov["family"] == "PAPI") & (cov["measure"] == "total")]
    assert papi["complete"].all()
    row = papi[papi["year"] == 2021].iloc[0]
    assert row["n_provinces"] == 60 and set(row["missing"].split(";")) == {"Bắc Giang", "Bắc Ninh", "Quảng Ninh"}
    par = cov[(cov["family"] == "PAR_INDEX") & (cov["measure"] == "total")]
    assert not par["complete"].any() and not par["ranking_complete"].any()
    pci = cov[(cov["family"] == "PCI") & (cov["measure"] == "total")].set_index("year")
    assert pci.loc[2021, "complete"] and not pci.loc[[2005, 2022, 2023, 2024], "complete"].any()
    assert (cov["complete"] == (cov["n_provinces"] >= 0.9 * cov["n_expected"])).all()


def test_methodology_and_programme_follow_the_year(tables):
    papi = primary(tables, "PAPI")
    assert set(papi.loc[papi["year"] <= 2017, "methodology"]) == {"PAPI-6D"}
    assert set(papi.loc[papi["year"] >= 2018, "methodology"]) == {"PAPI-8D"}
    assert set(papi.loc[papi["year"] <= 2017, "scale_max"]) == {60.0}
    assert set(papi.loc[papi["year"] >= 2018, "scale_max"]) == {80.0}
    ind = tables["indicators"]
    assert set(ind.loc[ind["year"] <= 2010, "programme"]) == {"2001-2010"}
    assert set(ind.loc[ind["year"].between(2011, 2020), "programme"]) == {"2011-2020"}
    assert set(ind.loc[ind["year"] >= 2021, "programme"]) == {"2021-2030"}


# --- provenance: every workbook-sourced value traced back to its cell in data/raw -----------------

@cache
def _sheet(path: Path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8").splitlines()))


def test_mdt_papi_values_equal_their_workbook_cells(tables):
    rows = tables["indicators"]
    rows = rows[(rows["source_id"] == "MDT") & (rows["family"] == "PAPI")]
    assert len(rows) > 10_000
    for ref, value in zip(rows["source_ref"], rows["value"]):
        book, sheet, cell = ref.split("!")
        r, c = map(int, re.fullmatch(r"row(\d+)_col(\d+)", cell).groups())
        text = _sheet(REPO / "data/raw/MDT/workbooks" / Path(book).stem / f"{sheet}.csv")[r - 1][c - 1]
        assert float(text) == pytest.approx(value, rel=1e-12), ref


def test_hung_values_equal_their_sheet_cells(tables):
    rows = tables["indicators"]
    rows = rows[(rows["source_id"] == "HUNG") & rows["measure"].str.fullmatch(r"D\d|total")]
    assert len(rows) > 3000
    for ref, value in zip(rows["source_ref"], rows["value"]):
        book, sheet_cell = ref.split("!", 1)
        sheet, cell = sheet_cell.split("!")
        r, c = map(int, re.fullmatch(r"row(\d+)_col(\d+)", cell).groups())
        text = _sheet(REPO / "data/raw/HUNG/sheets" / f"PAPI-2015-2023_vie__{sheet}.csv")[r - 1][c - 1]
        assert float(text) == pytest.approx(value, rel=1e-12), ref


def test_mdt_pci_values_equal_their_workbook_cells(tables):
    manifest = yaml.safe_load((REPO / "data/raw/manifest.yml").read_text(encoding="utf-8"))
    sheets = {Path(e["upstream"]).name: [x["path"] for x in e["extracts"]]
              for e in manifest["sources"]["MDT"]["files"]}
    rows = tables["indicators"]
    rows = rows[(rows["source_id"] == "MDT") & (rows["family"] == "PCI")]
    assert len(rows) > 7000
    for ref, value in zip(rows["source_ref"], rows["value"]):
        book, index, r, c = re.fullmatch(r"(\S+) sheet (\d+) row (\d+) col (\d+)", ref).groups()
        sheet = REPO / "data/raw" / sheets[book][int(index) - 1]
        assert float(_sheet(sheet)[int(r) - 1][int(c) - 1]) == pytest.approx(value, rel=1e-9), ref


def test_ltn_values_cite_their_workbook_cell(tables):
    """LTN's long files come from one workbook sheet: each value names the row and column holding it."""
    rows = tables["indicators"]
    rows = rows[rows["source_id"] == "LTN"]
    assert len(rows) > 9000
    sheet = _sheet(REPO / "data/raw/LTN/workbooks/vietnam_provincial_panel_2012_2019/Sheet1.csv")
    for ref, value, province, year in zip(rows["source_ref"], rows["value"], rows["province"], rows["year"]):
        book, name, cell = ref.split("!")
        assert (book, name) == ("vietnam_provincial_panel_2012_2019.xlsx", "Sheet1"), ref
        r, c = map(int, re.fullmatch(r"row(\d+)_col(\d+)", cell).groups())
        assert float(sheet[r - 1][c - 1]) == pytest.approx(value, rel=1e-12), ref
        assert int(sheet[r - 1][1]) == year and resolve(sheet[r - 1][2]).name == province, ref


def test_tunah_values_cite_the_line_of_the_upstream_file(tables):
    """TUNAH's file is copied byte for byte: "line N" is line N of it, upstream and in data/raw alike."""
    rows = tables["indicators"]
    rows = rows[rows["source_id"] == "TUNAH"]
    lines = (REPO / "data/raw" / TUNAH).read_text(encoding="utf-8").splitlines()
    assert len(rows) > 1500
    for ref, value, province, year in zip(rows["source_ref"], rows["value"], rows["province"], rows["year"]):
        name, n = re.fullmatch(r"(\S+) line (\d+)", ref).groups()
        assert name == Path(TUNAH).name, ref
        cells = next(csv.reader([lines[int(n) - 1]]))
        assert float(cells[7]) == pytest.approx(value) and int(cells[2]) == year, ref
        assert resolve(cells[1]).name == province, ref


def test_spot_values_per_source(tables):
    """Figures named in SOURCES.md, read back from the processed table."""
    ind = tables["indicators"].set_index(["province", "year", "family", "measure", "source_id"])
    assert ind.loc[("Tuyên Quang", 2020, "PAPI", "total", "TUNAH"), "value"] == pytest.approx(44.396, abs=5e-4)
    assert ind.loc[("Lâm Đồng", 2024, "PAPI", "total", "TUNAH"), "value"] == pytest.approx(41.02, abs=5e-3)
    assert ind.loc[("Quảng Ninh", 2022, "PCI", "total", "reported"), "rank"] == 1
    assert ind.loc[("Quảng Ninh", 2022, "PCI", "total", "reported"), "value"] == pytest.approx(72.95)
    assert ind.loc[("Hải Phòng", 2024, "PAR_INDEX", "total", "reported"), "value"] == pytest.approx(96.17)


def test_overlapping_papi_sources_agree(tables):
    assert not (tables["quality_flags"]["flag"] == "source-disagreement").any()
    ind = tables["indicators"]
    both = ind[(ind["family"] == "PAPI") & (ind["year"].isin([2015, 2016])) & ind["measure"].str.fullmatch(r"D\d")]
    pivot = both.pivot_table(index=["province_code", "year", "measure"], columns="source_id", values="value")
    pair = pivot[["MDT", "HUNG"]].dropna()
    assert len(pair) == 63 * 6 * 2 and (pair["MDT"] - pair["HUNG"]).abs().max() < 5e-6


# --- reported figures ----------------------------------------------------------------------------

def test_conflicts_kept_side_by_side_and_resolved_by_rule(tables):
    rep = tables["reported_figures"]
    conflict = rep[rep["conflict_id"] == "PAR_INDEX-2018-22-total"].set_index("status")
    assert conflict.loc["conflict-selected", "value"] == pytest.approx(89.06)
    assert conflict.loc["conflict-rejected", "value"] == pytest.approx(89.6)
    assert conflict["resolution"].str.startswith("R2").all()
    assert rep.loc[rep["status"].str.startswith("conflict"), "resolution"].ne("").all()
    used = primary(tables, "PAR_INDEX").set_index(["province", "year"])
    assert used.loc[("Quảng Ninh", 2018), "value"] == pytest.approx(89.06)
    assert used.loc[("Hải Phòng", 2023), "value"] == pytest.approx(91.87)


def test_agreeing_quotes_collapse(tables):
    rep = tables["reported_figures"]
    row = rep[(rep["family"] == "PAR_INDEX") & (rep["year"] == 2024) & (rep["province"] == "Hải Phòng")
              & (rep["measure"] == "total")]
    assert len(row) == 1 and row.iloc[0]["status"] == "agreed" and row.iloc[0]["n_sources"] >= 3
    assert row.iloc[0]["value"] == pytest.approx(96.17) and row.iloc[0]["rank"] == 1
    assert rep["evidence"].str.len().gt(0).all() and rep["source_urls"].str.len().gt(0).all()


def test_unlisted_conflict_stays_unresolved_and_stale_entry_fails(project_copy):
    rel = "NEWS_PAR_SIPAS/sipas_news_snippets.csv"
    text = (project_copy.raw / rel).read_text(encoding="utf-8")
    extra = 'Quảng Ninh,2019,SIPAS,91.00,1,percent satisfied,https://example.org/x,"chỉ số SIPAS đạt 91,00%",test\n'
    replace_raw(project_copy, rel, (text + extra).encode("utf-8"))
    rep = clean(project_copy, verbose=False)["reported_figures"]
    open_rows = rep[rep["conflict_id"] == "SIPAS-2019-22-total"]
    assert len(open_rows) == 2 and set(open_rows["status"]) == {"conflict-unresolved"}
    assert (open_rows["resolution"] == "").all()
    path = project_copy.config / "resolutions.yml"
    conf = yaml.safe_load(path.read_text(encoding="utf-8"))
    conf["resolutions"].append({"conflict": "SIPAS-2030-01-total", "select": {"value": 1}, "reason": "x"})
    path.write_text(yaml.safe_dump(conf, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CchcError, match="SIPAS-2030-01-total"):
        clean(project_copy, verbose=False)


def test_national_and_regional_averages_are_reported(tables):
    rep = tables["reported_figures"]
    national = rep[(rep["unit_level"] == "national") & (rep["family"] == "SIPAS") & (rep["year"] == 2023)]
    assert national["value"].tolist() == [82.66]
    regional = rep[(rep["unit_level"] == "region") & (rep["year"] == 2023)]
    assert set(regional["region"]) <= set(tables["provinces"]["region"]) and len(regional) >= 5


# --- third pass and the 2021-2030 indices: the collectors' notes as rules ----------------------------

PASS3 = ("NEWS_PAR_SIPAS_PASS3/par_index_2013_2024_news_pass3.csv", "NEWS_PAR_SIPAS_PASS3/sipas_2018_2024_news_pass3.csv")
INDICES = "NEWS_INDICES_2021_2030/pci_dti_psi766_2020_2025_news.csv"


def _raw_rows(rel: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO((REPO / "data/raw" / rel).read_text(encoding="utf-8"))))


def test_new_sources_are_snapshotted_and_reach_the_coverage_asked(tables):
    manifest = yaml.safe_load((REPO / "data/raw/manifest.yml").read_text(encoding="utf-8"))["sources"]
    assert {e["extracts"][0]["path"] for e in manifest["NEWS_PAR_SIPAS_PASS3"]["files"]} == set(PASS3)
    assert manifest["NEWS_INDICES_2021_2030"]["files"][0]["extracts"][0]["path"] == INDICES
    cov = tables["coverage"].set_index(["family", "year", "measure"])
    # a value or a rank for: PAR INDEX 2023 ≥ 32, SIPAS 2023 ≥ 15, PCI 2024 ≥ 18, DTI 2022 all 63
    assert cov.loc[("PAR_INDEX", 2023, "total"), "n_quoted"] >= 32
    assert cov.loc[("SIPAS", 2023, "total"), "n_quoted"] >= 15
    assert cov.loc[("PCI", 2024, "total"), "n_quoted"] >= 18
    assert cov.loc[("DTI", 2022, "total"), "n_ranked"] == 63
    dti = primary(tables, "DTI")
    assert dti.loc[dti["year"] == 2022, "province_code"].nunique() == 63
    for (family, year), n in {("PAR_INDEX", 2023): 32, ("SIPAS", 2023): 15, ("PCI", 2024): 18}.items():
        rows = primary(tables, family)
        assert rows.loc[rows["year"] == year, "province_code"].nunique() >= n


def test_listed_order_ranks_are_marked(tables):
    rep = tables["reported_figures"].set_index(["family", "year", "province", "measure"])
    for key in [("PAR_INDEX", 2013, "Hải Phòng"), ("PAR_INDEX", 2024, "Quảng Ninh"), ("SIPAS", 2019, "Cà Mau"),
                ("SIPAS", 2024, "Hải Dương"), ("DTI", 2020, "Quảng Ninh"), ("PCI", 2023, "Hải Phòng")]:
        assert rep.loc[(*key, "total"), "rank_basis"] == "listed-order", key
    # a rank stated by one source and read from a listed order by another counts as stated
    assert rep.loc[("SIPAS", 2024, "Thái Nguyên", "total"), "rank_basis"] == "stated"
    ind = tables["indicators"]
    marked = ind[(ind["rank_basis"] == "listed-order")]
    assert {("PAR_INDEX", 2024, "Quảng Ninh"), ("DTI", 2024, "Hà Nội")} <= set(zip(marked["family"], marked["year"],
                                                                                  marked["province"]))
    assert (ind["rank"].notna() == ind["rank_basis"].notna()).all()
    # every raw row whose note says the rank comes from a listed order, when it is the figure's only source
    checked = 0
    for rel in (*PASS3, INDICES):
        for r in _raw_rows(rel):
            if "rank from listed order" not in r["note"] or not r["rank"] or r.get("of", "63") != "63":
                continue
            family = {"PSI766": "INDEX_766"}.get(r.get("family"), r.get("family")) or (
                "SIPAS" if "sipas" in rel else "PAR_INDEX")
            fig = rep.loc[[(family, int(r["year"]), resolve(r["province"]).name, r.get("measure", "total"))]]
            fig = fig[fig["rank"] == int(r["rank"])]
            if len(fig) == 1 and fig.iloc[0]["n_sources"] == 1:
                assert fig.iloc[0]["rank_basis"] == "listed-order", r
                checked += 1
    assert checked >= 10


def test_corroborations_agree_prior_year_figures_and_resolved_conflicts(tables):
    rep = tables["reported_figures"]
    by_key = rep.set_index(["family", "year", "province", "measure"])
    # "corroboration only" rows join the figure they corroborate
    assert by_key.loc[("PAR_INDEX", 2022, "Quảng Ninh", "total"), ["status", "rank"]].tolist() == ["agreed", 1]
    assert by_key.loc[("PAR_INDEX", 2022, "Quảng Ninh", "total"), "n_sources"] >= 2
    assert not (tables["quality_flags"]["flag"] == "corroboration-unmatched").any()
    # prior-year figures are facts about their own year from a later article
    assert by_key.loc[("SIPAS", 2018, "Tiền Giang", "total"), "prior_year"]
    assert not by_key.loc[("SIPAS", 2019, "Tiền Giang", "total"), "prior_year"]
    # conflicts of the third pass: resolved by a written rule (R3, R4)
    for conflict, rank, rule in (("PAR_INDEX-2019-83-total", 63, "R3"), ("PAR_INDEX-2023-80-total", 8, "R4")):
        rows = rep[rep["conflict_id"] == conflict].set_index("status")
        assert rows.loc["conflict-selected", "rank"] == rank and rows["resolution"].str.startswith(rule).all()
    # a rounded quote ("about 85 %") agrees with the precise one it rounds from
    hanoi = by_key.loc[("SIPAS", 2020, "Hà Nội", "total")]
    assert (hanoi["value"], hanoi["rank"], hanoi["status"]) == (pytest.approx(85.15), 33, "agreed")
    # two provinces claiming PAR INDEX 2023 rank 32 with different scores: listed, left open
    collisions = tables["quality_flags"].loc[tables["quality_flags"]["flag"] == "rank-collision", "detail"]
    assert any("Đồng Nai" in d and "Cà Mau" in d and "rank 32" in d for d in collisions)


def test_new_provinces_and_snapshots_are_kept_apart(tables):
    rep = tables["reported_figures"]
    new = rep[rep["unit_level"] == "province_2025"]
    # DTI 2024 on the 34 provinces from 2025-07-01: the new Hà Nội first with 0.8241, never an old province's figure
    hanoi = new[(new["family"] == "DTI") & (new["province_2025"] == "Hà Nội")]
    assert (hanoi["value"].max(), hanoi["rank"].max(), hanoi["rank_of"].max()) == (pytest.approx(0.8241), 1, 34)
    assert new["province_code"].isna().all() and new["province"].isna().all() and (new["rank"] <= 34).all()
    hue = new[(new["family"] == "DTI") & (new["province_2025"] == "Huế")]
    assert len(hue) == 1 and hue.iloc[0]["rank"] == 2
    ind = tables["indicators"]
    dti2024 = ind[(ind["family"] == "DTI") & (ind["year"] == 2024)].set_index("province")
    assert dti2024.loc["Hà Nội", "rank"] == 4 and "Hà Nội" in set(dti2024.index)  # the 63-unit ranking only
    assert dti2024.loc["Đà Nẵng", "value"] == pytest.approx(0.8335)  # old Đà Nẵng; the merged one had 0.7069
    # Index 766: weekly snapshots with their dates, never annual scores
    assert "INDEX_766" not in set(ind["family"])
    bac_ninh = rep[(rep["family"] == "INDEX_766") & (rep["province_2025"] == "Bắc Ninh") & (rep["measure"] == "total")]
    assert len(bac_ninh) == 4 and bac_ninh["as_of"].is_unique and "2025-12-08" in set(bac_ninh["as_of"])
    assert set(bac_ninh["status"]) == {"single"}
    assert rep.loc[rep["family"] != "INDEX_766", "as_of"].isna().all()


def test_coverage_rule_is_read_from_config(project_copy):
    path = project_copy.config / "coverage.yml"
    conf = yaml.safe_load(path.read_text(encoding="utf-8"))
    conf["complete_share"] = 0.98
    path.write_text(yaml.safe_dump(conf, allow_unicode=True), encoding="utf-8")
    cov = clean(project_copy, verbose=False)["coverage"].set_index(["family", "year", "measure"])
    assert not cov.loc[("PAPI", 2021, "total"), "complete"]  # 60 of 63 = 95%
    assert cov.loc[("PAPI", 2019, "total"), "complete"]
    conf["complete_share"] = 1.5
    path.write_text(yaml.safe_dump(conf, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CchcError, match="complete_share"):
        clean(project_copy, verbose=False)


# --- special cases in the sources ----------------------------------------------------------------

def _drop_year_and_copy(text: str, drop: int, copy_from: int) -> str:
    df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    copied = df[df["year"] == str(copy_from)].assign(year=str(drop))
    out = pd.concat([df[df["year"] != str(drop)], copied])
    return out.to_csv(index=False, lineterminator="\n")


def test_duplicated_year_block_is_flagged_and_not_loaded(project_copy):
    text = (project_copy.raw / HUNG).read_text(encoding="utf-8")
    replace_raw(project_copy, HUNG, _drop_year_and_copy(text, 2022, 2019).encode("utf-8"))
    result = clean(project_copy, verbose=False)
    flags = result["quality_flags"]
    assert flags["detail"].str.contains("PAPI 2022: all .* values repeat 2019", regex=True).any()
    ind = result["indicators"]
    assert ind[(ind["source_id"] == "HUNG") & (ind["year"] == 2022)].empty
    assert not ind[(ind["source_id"] == "HUNG") & (ind["year"] == 2019)].empty


def test_zero_means_no_data(project_copy):
    text = (project_copy.raw / TUNAH).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    target = next(i for i, l in enumerate(lines) if l.startswith("TUNAH,Hà Giang,2020,PAPI,dimension,D1,"))
    cells = next(csv.reader([lines[target]]))
    cells[7] = "0"  # the value column
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(cells)
    lines[target] = buf.getvalue()
    replace_raw(project_copy, TUNAH, "".join(lines).encode("utf-8"))
    result = clean(project_copy, verbose=False)
    ind = result["indicators"]
    hit = ind[(ind["province"] == "Hà Giang") & (ind["year"] == 2020) & (ind["measure"] == "D1")
              & (ind["source_id"] == "TUNAH")]
    assert hit.empty
    flags = result["quality_flags"]
    assert ((flags["flag"] == "zero-as-missing") & flags["detail"].str.contains(f"row {target + 1}:")).any()


def test_official_table_flows_through(project_copy):
    for suffix in (".csv", ".yml"):
        shutil.copy(REPO / f"tests/fixtures/official/par_index_2023_SYNTHETIC{suffix}", project_copy.raw / "official")
    result = clean(project_copy, verbose=False)
    ind = result["indicators"]
    official = ind[ind["source_id"] == "official:par_index_2023_SYNTHETIC"]
    assert set(official["measure"]) == {"total"} | {f"field_{i}" for i in range(1, 9)}
    total = official[official["measure"] == "total"]
    assert len(total) == 63 and total["primary"].all() and total["rank"].tolist() != []
    cov = result["coverage"].set_index(["family", "year", "measure"])
    assert bool(cov.loc[("PAR_INDEX", 2023, "total"), "complete"])
    news = ind[(ind["source_id"] == "reported") & (ind["family"] == "PAR_INDEX") & (ind["year"] == 2023)]
    assert len(news) > 0 and not news["primary"].any()


# --- determinism and atomicity -------------------------------------------------------------------

def test_cleaning_is_deterministic(project_copy, cleaned_project):
    clean(project_copy, verbose=False)
    assert tree_hash(project_copy.processed) == tree_hash(cleaned_project.processed)


def test_processed_follows_the_umask_and_killed_runs_leave_nothing(project_copy, capsys):
    """data/processed/ used to be created 0700 (mkdtemp); a SIGKILLed run's staging folder stayed forever."""
    killed = project_copy.root / "data" / ".processed.staging.k1ll3d"
    killed.mkdir()
    (killed / "indicators.csv").write_text("half written", encoding="utf-8")
    umask = os.umask(0o027)
    try:
        clean(project_copy, verbose=True)
    finally:
        os.umask(umask)
    assert project_copy.processed.stat().st_mode & 0o777 == 0o750
    assert (project_copy.processed / "indicators.csv").stat().st_mode & 0o777 == 0o640
    assert not killed.exists()
    assert "cchc clean: removed what an interrupted run left behind: data/.processed.staging.k1ll3d" in \
        capsys.readouterr().err


def _rewrite(text: str, line_no: int, column: str, value: str) -> str:
    rows = list(csv.reader(text.splitlines()))
    rows[line_no - 1][rows[0].index(column)] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


BAD_INPUTS = {
    "unknown province": (lambda t: _rewrite(t, 5, "province", "Atlantis"), r"row 5.*Atlantis"),
    "malformed number": (lambda t: _rewrite(t, 7, "value", "4,97,1"), r"row 7.*'value'.*malformed number.*4,97,1"),
    "duplicate rows": (lambda t: t + t.splitlines(keepends=True)[3], r"duplicate rows"),
    "missing column": (lambda t: pd.read_csv(io.StringIO(t), dtype=str, keep_default_na=False)
                       .drop(columns="value").to_csv(index=False), r"missing column\(s\) \['value'\]"),
    "empty file": (lambda t: "", r"file is empty"),
    "non-UTF-8 file": (lambda t: t.encode("utf-8").decode("utf-8").encode("cp1258", errors="replace").decode("latin-1"),
                       r"not UTF-8"),
    # issue 15: losses that used to pass silently, and a guess that used to go unnoted
    "header only": (lambda t: t.splitlines(keepends=True)[0], r"no data rows: the file holds only its header"),
    "row cut short mid-line": (lambda t: t[: t.rindex(",2024,PAPI,") + 8],
                               r"row 1702: 4 fields where the header has 11: the row is cut short.*Cà Mau,2024,PA"),
    "row longer than the header": (lambda t: t.replace("\n", ",extra\n", 9).replace(",extra\n", "\n", 8),
                                   r"row 9: 12 fields where the header has 11: the row is longer than the header"),
    "ambiguous number": (lambda t: _rewrite(t, 7, "value", "6,413"),
                         r"row 7, column 'value': ambiguous number: 6413 with a thousands comma, or 6\.413 with a "
                         r"decimal comma"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_fails_clearly_and_keeps_processed(project_copy, case):
    change, message = BAD_INPUTS[case]
    before = tree_hash(project_copy.processed)
    text = (project_copy.raw / TUNAH).read_text(encoding="utf-8")
    data = change(text)
    payload = data.encode("latin-1") if case == "non-UTF-8 file" else data.encode("utf-8")
    replace_raw(project_copy, TUNAH, payload)
    with pytest.raises(DataError, match=message) as err:
        clean(project_copy, verbose=False)
    assert TUNAH in str(err.value)
    assert tree_hash(project_copy.processed) == before


def test_duplicate_key_names_both_rows_and_both_values(project_copy):
    text = (project_copy.raw / TUNAH).read_text(encoding="utf-8")
    line = text.splitlines(keepends=True)[4]  # Hà Giang 2020 D4 = 6.4134583
    again = line.replace("Hà Giang", "Ha Giang").replace("6.4134583", "6.5")
    replace_raw(project_copy, TUNAH, (text + again).encode("utf-8"))
    with pytest.raises(DataError) as err:
        clean(project_copy, verbose=False)
    assert str(err.value) == (f"data/raw/{TUNAH}, row 5: 2 rows give PAPI 2020 D4 for Hà Giang: "
                              "row 5 ('Hà Giang': 6.4134583) and row 1703 ('Ha Giang': 6.5); keep one")


def test_checksum_mismatch_fails_and_keeps_processed(project_copy):
    before = tree_hash(project_copy.processed)
    path = project_copy.raw / TUNAH
    path.write_bytes(path.read_bytes().replace(b"4.9710565", b"4.9710566"))
    with pytest.raises(CchcError, match=r"papi_tunah72.*sha256 .* differs from the manifest"):
        clean(project_copy, verbose=False)
    assert tree_hash(project_copy.processed) == before


def test_unknown_province_error_names_candidates(project_copy):
    text = (project_copy.raw / TUNAH).read_text(encoding="utf-8")
    replace_raw(project_copy, TUNAH, _rewrite(text, 3, "province", "Ha Giangg").encode("utf-8"))
    with pytest.raises(DataError, match=r"Hà Giang") as err:
        clean(project_copy, verbose=False)
    assert "row 3" in str(err.value)
