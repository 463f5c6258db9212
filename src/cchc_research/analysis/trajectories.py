"""A province's values over the years, beside the national distribution."""

from __future__ import annotations

import pandas as pd

from .data import primary, series

TRAJECTORY_COLUMNS = ["year", "value", "rank", "ci_low", "ci_high", "scale_min", "scale_max", "methodology",
                      "programme", "source_id", "source_ref"]


def trajectory(ind: pd.DataFrame, province: str, family: str, measure: str) -> pd.DataFrame:
    """One province's primary rows of a measure, by year (rank-only rows kept: their value is empty)."""
    rows = series(ind, family, measure, values_only=False)
    return rows.loc[rows["province"] == province, TRAJECTORY_COLUMNS].reset_index(drop=True)


def national_band(ind: pd.DataFrame, family: str, measure: str) -> pd.DataFrame:
    """Per year: n provinces with a value, median, quartiles, min, max and the methodology era."""
    rows = series(ind, family, measure)
    grouped = rows.groupby("year")["value"]
    band = pd.DataFrame({
        "n": grouped.size(), "median": grouped.median(), "q25": grouped.quantile(0.25),
        "q75": grouped.quantile(0.75), "min": grouped.min(), "max": grouped.max(),
        "methodology": rows.groupby("year")["methodology"].first(),
    })
    return band.reset_index()


def families_overview(ind: pd.DataFrame, province: str) -> pd.DataFrame:
    """Per family, the province's headline measure ('total'): years with a value or a rank, the latest
    year, its value and published rank, and the sources."""
    rows = primary(ind)
    rows = rows[(rows["province"] == province) & (rows["measure"] == "total")
                & (rows["value"].notna() | rows["rank"].notna())]
    out = []
    for family, g in rows.groupby("family", sort=True):
        last = g.sort_values("year").iloc[-1]
        out.append({"family": family, "n_years": g["year"].nunique(), "first_year": int(g["year"].min()),
                    "last_year": int(last["year"]), "last_value": last["value"], "last_rank": last["rank"],
                    "methodology": last["methodology"], "source_ids": ", ".join(sorted(set(g["source_id"])))})
    return pd.DataFrame(out, columns=["family", "n_years", "first_year", "last_year", "last_value", "last_rank",
                                      "methodology", "source_ids"])


def dimension_profile(ind: pd.DataFrame, province: str, family: str, year: int, measures: list[str]) -> pd.DataFrame:
    """The province's value of each dimension in a year beside the national median and n."""
    rows = primary(ind)
    rows = rows[(rows["family"] == family) & (rows["year"] == year) & rows["measure"].isin(measures)
                & rows["value"].notna()]
    national = rows.groupby("measure")["value"].agg(national_median="median", n="size")
    own = rows[rows["province"] == province].set_index("measure")["value"].rename("value")
    return national.join(own).reindex(measures).reset_index()


def province_coverage(ind: pd.DataFrame, province: str) -> pd.DataFrame:
    """Family × year: how many measures the province has a value for (primary rows)."""
    rows = primary(ind)
    rows = rows[(rows["province"] == province) & rows["value"].notna()]
    return rows.pivot_table(index="family", columns="year", values="measure", aggfunc="nunique", fill_value=0)
