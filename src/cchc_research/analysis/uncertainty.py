"""PAPI's published 95% confidence intervals: which provinces a province cannot be told apart from."""

from __future__ import annotations

import pandas as pd

from .data import series


def intervals(ind: pd.DataFrame, family: str = "PAPI", measure: str = "total") -> pd.DataFrame:
    """Rows of the measure that carry a published interval: province, year, value, ci_low, ci_high."""
    rows = series(ind, family, measure)
    rows = rows[rows["ci_low"].notna() & rows["ci_high"].notna()]
    return rows[["province", "region", "year", "value", "ci_low", "ci_high", "source_id"]].reset_index(drop=True)


def overlapping(ind: pd.DataFrame, province: str, year: int, family: str = "PAPI",
                measure: str = "total") -> pd.DataFrame:
    """Every other province's interval in `year` and whether it overlaps the province's: overlapping
    intervals mean the published scores do not separate the two provinces at the 95% level."""
    ci = intervals(ind, family, measure)
    ci = ci[ci["year"] == year]
    own = ci[ci["province"] == province]
    if own.empty:
        return ci.iloc[0:0].assign(overlaps=pd.Series(dtype=bool))
    low, high = own.iloc[0]["ci_low"], own.iloc[0]["ci_high"]
    others = ci[ci["province"] != province].copy()
    others["overlaps"] = (others["ci_low"] <= high) & (others["ci_high"] >= low)
    return others.sort_values("value", ascending=False, kind="stable").reset_index(drop=True)
