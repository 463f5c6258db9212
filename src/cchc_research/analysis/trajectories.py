"""A province's values over the years, beside the national distribution."""

from __future__ import annotations

import pandas as pd

from .data import primary, series

TRAJECTORY_COLUMNS = ["year", "value", "rank", "rank_basis", "ci_low", "ci_high", "scale_min", "scale_max", "methodology",
                      "programme", "source_id", "source_ref"]


def trajectory(ind: pd.DataFrame, province: str, family: str, measure: str) -> pd.DataFrame:
    """One province's primary rows of a measure, by year (rank-only rows kept: their value is empty)."""
    rows = series(ind, family, measure, values_only=False)
    return rows.loc[rows["province"] == province, TRAJECTORY_COLUMNS].reset_index(drop=True)


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
