"""Analysis functions against values read by hand from the raw extracts (data/raw) of the shipped sources."""

from __future__ import annotations

import math
import statistics

import pandas as pd
import pytest

from cchc_research import analysis as A
from cchc_research.errors import CchcError
from cchc_research.provinces import resolve
from cchc_research.schema import read_table


@pytest.fixture(scope="module")
def tables(cleaned_project):
    def read(name):
        return read_table(cleaned_project.processed, name)
    return {name: read(name) for name in ("indicators", "coverage", "programme_targets", "reported_figures")}


@pytest.fixture(scope="module")
def ind(tables):
    return tables["indicators"]


@pytest.fixture(scope="module")
def raw(cleaned_project):
    """The raw extracts the hand-checks below read, province spellings mapped to official names."""
    def read(rel):
        df = pd.read_csv(cleaned_project.raw / rel, dtype={"value": "float64"})
        return df.assign(province=df["province"].map(lambda name: resolve(name).name))
    tunah = read("TUNAH/papi_tunah72_papi-dashboard_2020_2021_2024.csv")
    hung = read("HUNG/papi_HungNT1st_CS571_2015-2019_2022-2023.csv")
    ltn = read("LTN/pci_letrinhandn_panel_2012_2021.csv")
    return {"tunah": tunah, "hung": hung, "ltn": ltn}


def _papi_totals_2024(raw) -> pd.Series:
    t = raw["tunah"]
    return t[(t["year"] == 2024) & (t["level"] == "total")].set_index("province")["value"].dropna()


def test_trajectory_values_and_intervals_come_from_the_sources(ind, raw):
    traj = A.trajectory(ind, "Quảng Ninh", "PAPI", "total").set_index("year")
    # TUNAH row "Quảng Ninh,2024,PAPI,total,PAPI_total_unweighted": 47.821236…
    assert traj.loc[2024, "value"] == pytest.approx(_papi_totals_2024(raw)["Quảng Ninh"])
    # HUNG sheet 2019, row7/8/9 col16: unweighted total 46.6628, 95% CI 45.4299–47.8956
    hung = raw["hung"]
    qn = hung[(hung["province"] == "Quảng Ninh") & (hung["year"] == 2019)].set_index("component_code")["value"]
    assert traj.loc[2019, "value"] == pytest.approx(qn["PAPI_total_unweighted"])
    assert traj.loc[2019, "ci_low"] == pytest.approx(qn["PAPI_total_unweighted_ci_low"])
    assert traj.loc[2019, "ci_high"] == pytest.approx(qn["PAPI_total_unweighted_ci_high"])
    # 2017 has no total in any source, 2018/2021/2023 are documented source gaps for Quảng Ninh
    assert not {2017, 2018, 2021, 2023} & set(traj.index)
    assert set(traj["programme"]) == {"2011-2020", "2021-2030"}


def test_rank_table_national_region_and_2025_province(ind, raw):
    ranks = A.rank_table(ind, "PAPI", "total", [2024]).set_index("province")
    totals = _papi_totals_2024(raw)
    # 63 rows in the TUNAH 2024 file, Vĩnh Phúc and Tiền Giang without a total → 61 ranked
    assert len(totals) == 61 and (ranks["n_national"] == 61).all()
    best = totals.idxmax()
    assert ranks.loc[best, "rank_national"] == 1 and ranks.loc[best, "percentile"] == 100
    assert ranks.loc[totals.idxmin(), "rank_national"] == 61 and ranks.loc[totals.idxmin(), "percentile"] == 0
    # Đồng bằng sông Hồng has 11 provinces; Vĩnh Phúc has no 2024 total → 10 ranked in the region
    assert ranks.loc["Hà Nội", "n_region"] == 10
    # Hà Giang merged into Tuyên Quang on 2025-07-01: two members, ranked by their 2024 totals
    pair = ranks.loc[["Hà Giang", "Tuyên Quang"]]
    assert (pair["n_2025"] == 2).all()
    higher = "Hà Giang" if totals["Hà Giang"] > totals["Tuyên Quang"] else "Tuyên Quang"
    assert pair.loc[higher, "rank_2025"] == 1


def test_rank_correlations_between_years(ind, raw):
    corr = A.year_correlations(ind, "PAPI", "total", [2023, 2024]).iloc[0]
    hung = raw["hung"]
    y2023 = hung[(hung["year"] == 2023) & (hung["component_code"] == "PAPI_total_unweighted")]
    both = pd.concat([y2023.set_index("province")["value"], _papi_totals_2024(raw)], axis=1, join="inner").dropna()
    # 2023 lacks Quảng Ninh, Bình Dương; 2024 lacks Vĩnh Phúc, Tiền Giang → 59 provinces in both
    assert corr["n"] == len(both) == 59
    # Spearman's rho is Pearson's r of the ranks
    ranks = both.rank()
    assert corr["spearman"] == pytest.approx(ranks.iloc[:, 0].corr(ranks.iloc[:, 1]))
    assert -1 <= corr["kendall"] <= 1 and corr["same_methodology"]
    consecutive = A.year_correlations(ind, "PAPI", "total", [2016, 2018])
    assert not consecutive.iloc[0]["same_methodology"]  # PAPI-6D → PAPI-8D


def test_least_stable_step_is_the_2020_2021_reshuffle_of_papi(ind, tables, raw):
    corr = A.year_correlations(ind, "PAPI", "total", A.complete_years(tables["coverage"], "PAPI", "total"))
    step = A.least_stable_step(corr)

    # Both years come from the TUNAH transcription: recompute rho from its raw totals.
    t = raw["tunah"][raw["tunah"]["level"] == "total"]
    wide = t.pivot_table(index="province", columns="year", values="value")[[2020, 2021]].dropna()
    assert (step["year_a"], step["year_b"], step["n"]) == (2020, 2021, len(wide)) == (2020, 2021, 60)
    assert step["spearman"] == pytest.approx(wide[2020].rank().corr(wide[2021].rank()))
    assert step["same_methodology"]  # PAPI-8D on both sides: not a methodology break
    others = corr[~((corr["year_a"] == 2020) & (corr["year_b"] == 2021))]["spearman"]
    assert (step["n_others"], step["median_others"]) == (len(others), pytest.approx(others.median()))
    assert step["spearman"] < others.min()
    assert A.least_stable_step(corr.head(1)) is None


def test_period_comparison_uses_one_methodology_or_percentiles(ind, tables, raw):
    years = A.complete_years(tables["coverage"], "PAPI", "total")
    level = A.compare_periods(ind, "PAPI", "total", years)
    # PAPI-8D is the only era with years in both periods: 2018-2020 against 2021-2024
    assert (level.basis, level.methodology) == ("level", "PAPI-8D")
    assert level.years_first == [2018, 2019, 2020] and level.years_second == [2021, 2022, 2023, 2024]
    qn = level.table.set_index("province").loc["Quảng Ninh"]
    tunah = raw["tunah"]
    qn2020 = tunah[(tunah["province"] == "Quảng Ninh") & (tunah["year"] == 2020) & (tunah["level"] == "total")]
    # Quảng Ninh has no 2018 total (source gap): mean of 2019 (HUNG 46.6628) and 2020 (TUNAH 48.8114)
    assert qn["2011-2020"] == pytest.approx((46.66279220581055 + qn2020["value"].iloc[0]) / 2)
    assert level.n_improved == int((level.table["change"] > 0).sum())
    assert level.share_improved == pytest.approx(level.n_improved / level.n)
    pct = A.compare_periods(ind, "PAPI", "total", years, basis="percentile")
    assert pct.basis == "percentile" and pct.methodology is None
    assert pct.table[["2011-2020", "2021-2030"]].stack().between(0, 100).all()
    sipas = A.compare_periods(ind, "SIPAS", "total", [])
    assert sipas.n == 0


def test_period_comparison_refuses_levels_across_methodologies(ind):
    with pytest.raises(CchcError, match="no methodology era has years in both periods"):
        A.compare_periods(ind, "PAPI", "total", [2016, 2024], basis="level")


def test_sigma_and_beta_convergence(ind, raw):
    sigma = A.sigma(ind, "PAPI", "total").set_index("year")
    totals = _papi_totals_2024(raw)
    assert sigma.loc[2024, "n"] == 61
    assert sigma.loc[2024, "sd"] == pytest.approx(statistics.stdev(totals))
    assert sigma.loc[2024, "cv"] == pytest.approx(statistics.stdev(totals) / statistics.mean(totals))
    beta = A.beta(ind, "PAPI", "total", 2018, 2024)
    # 2018 lacks Quảng Ninh, Đồng Tháp; 2024 lacks Vĩnh Phúc, Tiền Giang → 59 provinces with both
    assert beta.n == 59 and beta.methodology == "PAPI-8D"
    assert math.isfinite(beta.slope) and 0 <= beta.p <= 1
    with pytest.raises(CchcError, match="different methodology eras"):
        A.beta(ind, "PAPI", "total", 2016, 2018)
    # PAPI-6D totals span 2011-2016 (no total in 2017), PAPI-8D 2018-2024: the longer span wins
    assert A.comparable_span(ind, "PAPI", "total", list(range(2011, 2025))) == (2018, 2024)
    assert A.comparable_span(ind, "PAPI", "total", list(range(2011, 2021))) == (2011, 2016)


def test_nearest_peers_and_best_performers(ind, raw):
    dims = A.dimension_measures(ind, "PAPI", 2024)
    assert dims == [f"D{i}" for i in range(1, 9)]
    peers = A.nearest_peers(ind, "Quảng Ninh", "PAPI", 2024, dims, k=3)
    assert "Quảng Ninh" not in set(peers["province"]) and len(peers) == 3
    assert peers["distance"].is_monotonic_increasing
    t = raw["tunah"]
    d = t[(t["year"] == 2024) & (t["level"] == "dimension")].pivot(index="province", columns="component_code",
                                                                      values="value")
    nearest = peers.iloc[0]
    expected = math.dist(d.loc["Quảng Ninh", dims], d.loc[nearest["province"], dims])
    assert nearest["distance"] == pytest.approx(expected)
    best = A.best_performers(ind, "PCI", "total", [2021]).iloc[0]
    ltn = raw["ltn"]
    pci2021 = ltn[(ltn["year"] == 2021) & (ltn["component_code"] == "PCI")].set_index("province")["value"]
    assert (best["province"], best["n"]) == (pci2021.idxmax(), 63)
    assert best["value"] == pytest.approx(pci2021.max())


def test_cross_index_reports_n_per_overlapping_year(ind):
    rows = A.cross_index(ind, ("PAPI", "D6"), ("PCI", "total")).set_index("year")
    assert rows.loc[2021, "n"] == 60  # PAPI 2021 lacks Bắc Giang, Bắc Ninh, Quảng Ninh; PCI 2021 has 63
    par = A.cross_index(ind, ("PAPI", "D5"), ("PAR_INDEX", "total")).set_index("year")
    assert par["n"].max() < 63  # PAR INDEX exists only as quoted figures
    assert par.loc[par["n"] < 3, "spearman"].isna().all()


def test_targets_against_sipas_with_coverage(ind, tables):
    progress = A.target_progress(ind, tables["programme_targets"], tables["coverage"], tables["reported_figures"],
                                 "Quảng Ninh")
    row = progress[(progress["target_id"] == "P2-ORG-03") & (progress["year"] == 2023)].iloc[0]
    sipas = A.series(ind, "SIPAS", "total", [2023])
    assert row["n_observed"] == len(sipas) and row["n_expected"] == 63
    assert row["n_meeting"] == int((sipas["value"] >= 90).sum())
    # NEWS_AVERAGES: "SIPAS,2023,national average,82.66" – below the 90% target
    assert row["national_value"] == pytest.approx(82.66) and not row["national_meets"]
    assert row["match"] == "direct" and row["deadline_year"] == 2025
    unobserved = progress[progress["target_id"] == "P2-EG-01"]  # 100% national databases: no provincial data
    assert len(unobserved) == 1 and unobserved.iloc[0]["n_observed"] == 0


def test_overlapping_confidence_intervals(ind, raw):
    over = A.overlapping(ind, "Quảng Ninh", 2019)
    hung = raw["hung"]
    ci = hung[(hung["year"] == 2019) & hung["component_code"].isin(
        ["PAPI_total_unweighted_ci_low", "PAPI_total_unweighted_ci_high"])].pivot(
        index="province", columns="component_code", values="value")
    ci = ci.rename(columns={"PAPI_total_unweighted_ci_low": "low", "PAPI_total_unweighted_ci_high": "high"})
    low, high = ci.loc["Quảng Ninh", "low"], ci.loc["Quảng Ninh", "high"]
    others = ci.drop(index="Quảng Ninh")
    expected = (others["low"] <= high) & (others["high"] >= low)
    assert len(over) == 62 and int(over["overlaps"].sum()) == int(expected.sum())


def test_methodology_breaks_and_lookups(cleaned_project, ind):
    config = A.load_methodologies(cleaned_project)
    assert A.methodology_breaks(config, "PAPI", range(2011, 2025)) == [(2018, "PAPI-8D")]
    assert A.methodology_breaks(config, "PAR_INDEX", [2012, 2024]) == [(2017, "PAR-2017"), (2022, "PAR-2022")]
    with pytest.raises(CchcError, match="closest"):
        A.resolve_province("Atlantis")
    assert A.resolve_province("TP.HCM").name == "Thành phố Hồ Chí Minh"
    with pytest.raises(CchcError, match="no measure 'D9'"):
        A.check_measure(ind, "PAPI", "D9")
