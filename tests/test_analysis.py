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
    cov = tables["coverage"]
    level = A.compare_periods(ind, cov, "PAPI", "total")
    # PAPI-8D is the only era with complete years in both periods: 2018-2020 against 2021-2024
    assert (level.basis, level.methodology) == ("level", "PAPI-8D")
    assert level.years_first == [2018, 2019, 2020] and level.years_second == [2021, 2022, 2023, 2024]
    qn = level.table.set_index("province").loc["Quảng Ninh"]
    tunah = raw["tunah"]
    qn2020 = tunah[(tunah["province"] == "Quảng Ninh") & (tunah["year"] == 2020) & (tunah["level"] == "total")]
    # Quảng Ninh has no 2018 total (source gap): mean of 2019 (HUNG 46.6628) and 2020 (TUNAH 48.8114) …
    assert qn["first"] == pytest.approx((46.66279220581055 + qn2020["value"].iloc[0]) / 2)
    assert qn["years_first"] == (2019, 2020) and qn["years_second"] == (2022, 2024)
    # … so it is named, not counted: statements about all provinces rest on the matched provinces only
    assert not qn["matched"] and "Quảng Ninh" in set(level.unmatched["province"])
    assert level.n == int(level.table["matched"].sum()) == 56
    assert level.n_improved == int((level.matched["change"] > 0).sum())
    assert level.share_improved == pytest.approx(level.n_improved / level.n)
    pct = A.compare_periods(ind, cov, "PAPI", "total", basis="percentile")
    assert pct.basis == "percentile" and pct.methodology is None
    assert pct.table[["first", "second"]].stack().between(0, 100).all()
    # PAR INDEX has no complete year: only published ranks, no statement about all provinces
    par = A.compare_periods(ind, cov, "PAR_INDEX", "total")
    assert par.basis == "rank" and not par.national and par.n == 0
    hanoi = par.table.set_index("province").loc["Hà Nội"]
    assert hanoi["years_second"] == (2021, 2022, 2023, 2024) and hanoi["second"] == 3


def test_window_labels_match_the_years_used(ind, tables):
    """Every window is labelled by the years it really uses, with its methodology eras; every province's
    row says which of them it has."""
    cov = tables["coverage"]
    for family in ("PAPI", "PCI", "PAR_INDEX", "SIPAS", "DTI"):
        for c in A.programme_comparisons(ind, cov, family, "total", 4 if family == "DTI" else 2):
            for period, window in c.windows.items():
                assert window.label == A.year_span(window.years)
                assert all(A.period_of(y) == period for y in window.years)
                used = A.series(ind, family, "total", window.years, values_only=c.basis != "rank")
                assert tuple(sorted(used["methodology"].unique())) == window.methodologies
            long = c.long()
            assert (long["n_years"] == long["years"].map(lambda s: len(_years_of(s)))).all()
            for r in long.itertuples(index=False):
                assert set(_years_of(r.years)) <= set(_years_of(r.window)), (family, r)
    pci = A.compare_periods(ind, cov, "PCI", "total")
    assert (pci.windows["2011-2020"].label, pci.windows["2021-2030"].label) == ("2013–2020", "2021")
    assert pci.windows["2021-2030"].n_years == 1  # PCI 2022-2024 are partial: a one-year window, said as such


def _years_of(label: str) -> list[int]:
    out = []
    for part in label.split(", "):
        a, _, b = part.partition("–")
        out += list(range(int(a), int(b or a) + 1))
    return out


def test_period_comparison_refuses_levels_across_methodologies(ind, tables):
    with pytest.raises(CchcError, match="no methodology era has complete years in both periods"):
        A.compare_periods(ind, tables["coverage"], "SIPAS", "total", basis="level")


def test_a_partial_year_never_reaches_a_distribution(ind, tables):
    """Medians, quartiles, box plots and dispersion use complete years only (config/coverage.yml)."""
    cov = tables["coverage"]
    for (family, measure), rows in cov.groupby(["family", "measure"]):
        complete = set(rows.loc[rows["complete"], "year"])
        dist = A.national_distribution(ind, cov, family, measure)
        assert set(dist["year"]) == complete, (family, measure)
        assert (dist["n_provinces"] >= 0.9 * dist["n_expected"]).all()
    pci = A.national_distribution(ind, cov, "PCI", "total")
    assert 2021 in set(pci["year"]) and not {2005, 2022, 2023, 2024} & set(pci["year"])
    assert not {2022, 2023, 2024} & set(A.distribution_rows(ind, cov, "PCI", "total")["year"])
    assert set(A.quoted_points(ind, cov, "PCI", "total")["year"]) == {2005, 2022, 2023, 2024}
    assert A.national_distribution(ind, cov, "PAR_INDEX", "total").empty
    assert set(A.sigma(ind, cov, "PCI", "total")["year"]) == set(range(2006, 2022))
    with pytest.raises(CchcError, match="2022 is not a complete year"):
        A.beta(ind, cov, "PCI", "total", 2013, 2022)
    q = A.quoted_years(ind, cov, "PCI", "total").set_index("year")
    assert (q.loc[2022, "n_values"], q.loc[2022, "n_expected"]) == (25, 63)


def test_sigma_and_beta_convergence(ind, tables, raw):
    cov = tables["coverage"]
    sigma = A.sigma(ind, cov, "PAPI", "total").set_index("year")
    totals = _papi_totals_2024(raw)
    assert sigma.loc[2024, "n"] == 61
    assert sigma.loc[2024, "sd"] == pytest.approx(statistics.stdev(totals))
    assert sigma.loc[2024, "cv"] == pytest.approx(statistics.stdev(totals) / statistics.mean(totals))
    beta = A.beta(ind, cov, "PAPI", "total", 2018, 2024)
    # 2018 lacks Quảng Ninh, Đồng Tháp; 2024 lacks Vĩnh Phúc, Tiền Giang → 59 provinces with both
    assert beta.n == 59 and beta.methodology == "PAPI-8D"
    assert math.isfinite(beta.slope) and 0 <= beta.p <= 1
    with pytest.raises(CchcError, match="different methodology eras"):
        A.beta(ind, cov, "PAPI", "total", 2016, 2018)
    # PAPI-6D totals span 2011-2016 (no total in 2017), PAPI-8D 2018-2024: the longer span wins
    assert A.comparable_span(ind, cov, "PAPI", "total") == (2018, 2024)
    assert A.comparable_span(ind, cov, "PAPI", "total", range(2011, 2021)) == (2011, 2016)


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


def test_targets_against_sipas_once_with_the_provinces_values(ind, tables):
    targets = tables["programme_targets"]
    observed = A.target_table(ind, targets, "Lào Cai")
    # the SIPAS targets (satisfaction with agencies, and with procedures as a proxy), each with its text
    assert set(observed["target_id"]) == {"P1-SAT-01", "P1-SAT-01b", "P1-TTHC-01", "P2-ORG-03", "P2-ORG-06",
                                          "P2-TTHC-07", "P2-TTHC-08"}
    assert observed["description_vi"].str.contains("hài lòng").all()
    row = observed.set_index("target_id").loc["P2-ORG-03"]
    # NEWS_PAR_SIPAS_PASS3: Lào Cai SIPAS 2023 88.76 — below the 90% target
    assert (row["province_year"], row["province_value"], row["province_meets"]) == (2023, pytest.approx(88.76), False)
    series = A.target_series(ind, tables["coverage"], tables["reported_figures"], "SIPAS", "total", "Lào Cai")
    assert series["year"].is_unique  # one series, each year once, however many targets it observes
    y2023 = series.set_index("year").loc[2023]
    assert y2023["n_provinces"] == len(A.series(ind, "SIPAS", "total", [2023])) and y2023["n_expected"] == 63
    # NEWS_AVERAGES: "SIPAS,2023,national average,82.66"
    assert y2023["national_value"] == pytest.approx(82.66)
    assert series.set_index("year")["province_value"].dropna().to_dict() == {2023: pytest.approx(88.76)}


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


def test_ties_at_the_shown_precision_share_a_rank(ind, tables, raw):
    ranked = A.rankings(ind, tables["coverage"], "PAPI", "total", digits=2, quartiles=True)
    y2011 = ranked[ranked["year"] == 2011].set_index("province")
    # MDT 2011: Lạng Sơn 38.3837 and Nam Định 38.3841 are both shown as 38.38: one rank, "8=" for both
    pair = y2011.loc[["Lạng Sơn", "Nam Định"]]
    assert pair["value"].nunique() == 2 and (pair["value"].round(2) == 38.38).all()
    assert list(pair["rank"]) == [8, 8] and list(pair["rank_label"]) == ["8=", "8="] and pair["tied"].all()
    assert y2011.loc[y2011["rank"] == 10, "rank_label"].tolist() == ["10"]  # the next rank skips the shared place
    # with more decimals they are no longer tied
    finer = A.rankings(ind, tables["coverage"], "PAPI", "total", digits=4).query("year == 2011").set_index("province")
    assert finer.loc["Nam Định", "rank"] == 8 and finer.loc["Lạng Sơn", "rank"] == 9


def test_ranks_say_of_how_many_and_how_they_were_given(ind, tables):
    cov = tables["coverage"]
    papi = A.rankings(ind, cov, "PAPI", "total", quartiles=True)
    y2024 = papi[papi["year"] == 2024]
    # complete year: computed among the 61 provinces with a total; Vĩnh Phúc and Tiền Giang are named missing
    assert set(y2024["rank_kind"]) == {"computed"} and set(y2024["n_ranked"]) == {61} and len(y2024) == 61
    assert A.ranked_years(cov, "PAPI", "total").set_index("year").loc[2024, "missing"] == "Vĩnh Phúc;Tiền Giang"
    # PAPI publishes quartile groups, not ranks: four groups of about a quarter each
    assert y2024["quartile_group"].value_counts().sort_index().tolist() == [16, 15, 15, 15]
    assert (y2024.loc[y2024["rank"] == 1, "quartile_group"] == 1).all()
    # rank ranges from the published 95% intervals exist only in the years with intervals
    assert set(papi.loc[papi["rank_best"].notna(), "year"]) == {2019, 2022, 2023}
    assert (papi["rank_best"] <= papi["rank"]).dropna().all() and (papi["rank"] <= papi["rank_worst"]).dropna().all()
    # DTI 2022: the complete official ranking of 63, values for 6 — ranks, never a distribution
    dti = A.rankings(ind, cov, "DTI", "total", digits=4)
    y2022 = dti[dti["year"] == 2022]
    assert len(y2022) == 63 and set(y2022["ranking"]) == {"complete"} and set(y2022["rank_kind"]) == {"published"}
    assert A.complete_years(cov, "DTI", "total", basis="rank") == [2022] and A.complete_years(cov, "DTI", "total") == []
    shared = y2022[y2022["rank"] == 15]  # dti.gov.vn: Thanh Hóa and Yên Bái tied 15th, no values published
    assert set(shared["province"]) == {"Thanh Hóa", "Yên Bái"} and set(shared["rank_label"]) == {"15="}
    # PAR INDEX 2024: published ranks out of the 63 MoHA ranks; Quảng Ninh's 4th is read from a listed order
    par = A.rankings(ind, cov, "PAR_INDEX", "total").query("year == 2024").set_index("province")
    assert set(par["n_ranked"]) == {63} and set(par["ranking"]) == {"partial"}
    assert (par.loc["Quảng Ninh", "rank"], par.loc["Quảng Ninh", "rank_basis"]) == (4, "listed-order")
    assert par.loc["Hà Nội", "rank_basis"] == "stated"


def test_jumps_flag_tay_ninh_papi_2024(ind, cleaned_project):
    from cchc_research.config import CoverageRule

    rule = CoverageRule.load(cleaned_project).jumps
    flagged = A.jumps(ind, "PAPI", "total", rule)
    tay_ninh = flagged[(flagged["province"] == "Tây Ninh") & (flagged["year_b"] == 2024)]
    assert len(tay_ninh) == 1
    j = tay_ninh.iloc[0]
    # HUNG 2023 39.24 → TUNAH 2024 47.35: far beyond 3 sd of that year's changes, and a change of source
    assert j["value_a"] == pytest.approx(39.24, abs=0.005) and j["value_b"] == pytest.approx(47.35, abs=0.005)
    assert j["z"] > rule["sd"] and (j["source_a"], j["source_b"]) == ("HUNG", "TUNAH") and j["source_change"]
    changes = A.year_changes(ind, "PAPI", "total", rule)
    step = changes[(changes["year_a"] == 2023) & (changes["year_b"] == 2024)]
    assert j["z"] == pytest.approx((j["change"] - step["change"].mean()) / step["change"].std())
    # levels are not compared across methodology eras: no 2016 → 2018 step
    assert not ((changes["year_a"] == 2016) & (changes["year_b"] == 2018)).any()
    assert flagged["flagged"].all() and (flagged["z"].abs() > rule["sd_source_change"]).all()


def test_merger_facts_come_from_the_2025_merger_only():
    hanoi = A.merger_2025("Hà Nội")
    assert hanoi["others"] == [] and hanoi["in_force"]  # Hà Tây joined Hà Nội in 2008, not 2025
    assert A.merger_2025("Hà Giang")["others"] == ["Tuyên Quang"]
    hcmc = A.merger_2025("TP.HCM")
    assert hcmc["province_2025"] == "Thành phố Hồ Chí Minh" and hcmc["others"] == ["Bình Dương", "Bà Rịa - Vũng Tàu"]
    assert not A.merger_2025("Hà Tây")["in_force"]
