"""The analysis tables published in reports/data/: computed from data/processed by the package,
deterministic, complete years only in the distribution, windows labelled by the years they use."""

from __future__ import annotations

import pandas as pd
import pytest

from cchc_research.publish import downloads
from cchc_research.schema import read_table


@pytest.fixture(scope="module")
def written(cleaned_project, tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    paths = downloads.write(cleaned_project, site)
    return {p.name: p for p in paths}


def _read(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"province_code": "string", "years": "string", "window": "string"},
                       keep_default_na=False, na_values=[""])


def test_the_three_tables_with_their_columns(written):
    assert set(written) == {"national_distribution.csv", "period_comparison.csv", "rankings.csv"}
    required = {
        "national_distribution.csv": {"family", "measure", "year", "n_provinces", "n_expected", "median", "q1", "q3"},
        "period_comparison.csv": {"family", "measure", "province", "period", "window", "years", "n_years", "value"},
        "rankings.csv": {"family", "measure", "year", "province", "value", "rank", "n_ranked"},
    }
    for name, columns in required.items():
        assert columns <= set(_read(written[name]).columns), name


def test_distribution_holds_complete_years_only(written, cleaned_project):
    dist = _read(written["national_distribution.csv"])
    coverage = read_table(cleaned_project.processed, "coverage")
    complete = set(zip(coverage.loc[coverage["complete"], "family"], coverage.loc[coverage["complete"], "measure"],
                       coverage.loc[coverage["complete"], "year"]))
    assert set(zip(dist["family"], dist["measure"], dist["year"])) == complete
    assert not ((dist["family"] == "PCI") & dist["year"].isin([2022, 2023, 2024])).any()
    assert not dist["family"].isin(["PAR_INDEX", "SIPAS", "DTI"]).any()
    papi = dist[(dist["family"] == "PAPI") & (dist["measure"] == "total")].set_index("year")
    assert 2017 not in papi.index and papi.loc[2024, "n_provinces"] == 61 and papi.loc[2024, "n_expected"] == 63
    assert (papi["q1"] <= papi["median"]).all() and (papi["median"] <= papi["q3"]).all()


def test_period_windows_list_the_years_used(written):
    periods = _read(written["period_comparison.csv"])
    papi = periods[(periods["family"] == "PAPI") & (periods["measure"] == "total") & (periods["basis"] == "level")]
    assert set(zip(papi["period"], papi["window"])) == {("2011-2020", "2018–2020"), ("2021-2030", "2021–2024")}
    qn = papi[papi["province"] == "Quảng Ninh"].set_index("period")
    assert qn.loc["2011-2020", "years"] == "2019–2020" and qn.loc["2021-2030", "years"] == "2022, 2024"
    assert (qn["n_years"] == 2).all() and not qn["matched"].any()
    assert set(periods["basis"]) == {"level", "percentile", "rank"}
    par = periods[(periods["family"] == "PAR_INDEX") & (periods["province"] == "Hà Nội")].set_index("period")
    assert par.loc["2021-2030", "years"] == "2021–2024" and par.loc["2021-2030", "value"] == 3


def test_rankings_carry_denominators_ties_and_bases(written):
    ranks = _read(written["rankings.csv"])
    papi = ranks[(ranks["family"] == "PAPI") & (ranks["measure"] == "total")]
    assert set(papi.loc[papi["year"] == 2024, "n_ranked"]) == {61}
    y2011 = papi[papi["year"] == 2011].set_index("province")
    assert y2011.loc["Lạng Sơn", "rank_label"] == y2011.loc["Nam Định", "rank_label"] == "8="
    dti = ranks[(ranks["family"] == "DTI") & (ranks["measure"] == "total") & (ranks["year"] == 2022)]
    assert len(dti) == 63 and set(dti["ranking"]) == {"complete"}
    par = ranks[(ranks["family"] == "PAR_INDEX") & (ranks["year"] == 2024)].set_index("province")
    assert par.loc["Quảng Ninh", "rank_basis"] == "listed-order"


def test_tables_are_deterministic(written, cleaned_project, tmp_path):
    again = {p.name: p for p in downloads.write(cleaned_project, tmp_path)}
    assert all(again[name].read_bytes() == path.read_bytes() for name, path in written.items())
