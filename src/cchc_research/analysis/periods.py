"""2011–2020 against 2021–2030: levels within one methodology, otherwise national percentiles."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..errors import CchcError
from .data import PERIODS, period_of, series
from .ranks import period_percentiles

FIRST, SECOND = PERIODS


@dataclass(frozen=True)
class PeriodComparison:
    """Per-province comparison of the two programme periods and what it rests on.

    basis: "level" (mean values, one methodology in both periods) or "percentile" (mean national
    percentile, 100 = best). `table` has province, mean of each period, change and improved.
    """

    family: str
    measure: str
    basis: str
    methodology: str | None
    years_first: list[int]
    years_second: list[int]
    table: pd.DataFrame

    @property
    def n(self) -> int:
        return len(self.table)

    @property
    def n_improved(self) -> int:
        return int(self.table["improved"].sum())

    @property
    def share_improved(self) -> float:
        return self.n_improved / self.n if self.n else float("nan")

    @property
    def median_change(self) -> float:
        return float(self.table["change"].median()) if self.n else float("nan")


def _years_by_period(years) -> dict[str, list[int]]:
    return {p: sorted(y for y in years if period_of(y) == p) for p in PERIODS}


def compare_periods(ind: pd.DataFrame, family: str, measure: str, years, basis: str = "auto") -> PeriodComparison:
    """Compare the periods over `years` (normally the complete years of the measure).

    basis="auto": levels if one methodology era has years in both periods (only those years are used),
    else percentiles over all `years`; "level" insists on levels; "percentile" forces percentiles.
    """
    if basis not in ("auto", "level", "percentile"):
        raise CchcError(f"basis must be auto, level or percentile, not {basis!r}")
    rows = series(ind, family, measure, years)
    era = rows.groupby("year")["methodology"].first()
    split = _years_by_period(era.index)
    shared = [m for m in dict.fromkeys(era[split[SECOND]]) if m in set(era[split[FIRST]])]
    if basis == "level" and not shared:
        raise CchcError(f"{family} {measure}: no methodology era has years in both periods; compare percentiles")
    if basis != "percentile" and shared:
        methodology = shared[-1]
        used = [y for y in era.index if era[y] == methodology]
        wide = rows[rows["year"].isin(used)].assign(period=lambda d: d["year"].map(period_of)).pivot_table(
            index=["province_code", "province", "region"], columns="period", values="value", aggfunc="mean"
        ).reset_index()
        kind = "level"
    else:
        methodology, used, kind = None, list(era.index), "percentile"
        wide = period_percentiles(ind, family, measure, used)
    split = _years_by_period(used)
    if not all(p in wide for p in PERIODS):
        table = pd.DataFrame(columns=["province_code", "province", "region", FIRST, SECOND, "change", "improved"])
    else:
        table = wide.dropna(subset=list(PERIODS)).copy()
        table["change"] = table[SECOND] - table[FIRST]
        table["improved"] = table["change"] > 0
        table = table.sort_values("change", ascending=False, kind="stable").reset_index(drop=True)
    table.columns.name = None
    return PeriodComparison(family, measure, kind, methodology, split[FIRST], split[SECOND], table)
