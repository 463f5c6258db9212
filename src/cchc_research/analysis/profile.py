"""One province in one index family: everything a profile says about it, computed once."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .data import complete_years, family_digits
from .jumps import jumps
from .periods import PeriodComparison, programme_comparisons
from .ranks import rankings, standing
from .trajectories import trajectory

_URL = re.compile(r"https?://[^\s|]+")


@dataclass(frozen=True)
class FamilySummary:
    """A province's series of one measure, its ranks as the data allow, its latest standing (with the
    provinces missing from that year's computed ranking), the programme comparisons and its jumps."""

    family: str
    measure: str
    trajectory: pd.DataFrame
    ranks: pd.DataFrame
    standing: dict | None
    missing: str
    comparisons: list[PeriodComparison]
    jumps: pd.DataFrame
    complete_years: list[int]

    @property
    def has_data(self) -> bool:
        return self.standing is not None


def family_summary(ind: pd.DataFrame, coverage: pd.DataFrame, methodologies: dict, jump_rule: dict,
                   province: str, family: str, measure: str = "total") -> FamilySummary:
    """Everything a profile needs about `province` in one family (see FamilySummary)."""
    rows = ind[(ind["family"] == family) & (ind["measure"] == measure) & ind["primary"]]
    digits = family_digits(methodologies, family)
    quartiles = bool(methodologies["families"][family].get("quartile_groups"))
    ranked = rankings(rows, coverage, family, measure, digits, quartiles)
    traj = trajectory(rows, province, family, measure)
    mine = ranked[ranked["province"] == province]
    state = standing(mine, traj)
    missing = ""
    if state is not None and state["rank"] is not None and state["rank"]["rank_kind"] == "computed":
        cov = coverage[(coverage["family"] == family) & (coverage["measure"] == measure)
                       & (coverage["year"] == state["year"])]
        missing = "" if cov.empty or pd.isna(cov.iloc[0]["missing"]) else str(cov.iloc[0]["missing"])
    flagged = jumps(rows, family, measure, jump_rule)
    return FamilySummary(family, measure, traj, mine.reset_index(drop=True), state, missing,
                         programme_comparisons(rows, coverage, family, measure, digits),
                         flagged[flagged["province"] == province].reset_index(drop=True),
                         complete_years(coverage, family, measure))


def history_points(traj: pd.DataFrame) -> pd.DataFrame:
    """A trajectory's rows with a value or a rank, numbered (`ref` 1, 2, …) and with the URLs of their
    sources (`urls`, read from source_ref), for a figure whose every point leads to its source."""
    points = traj[traj["value"].notna() | traj["rank"].notna()].sort_values("year").reset_index(drop=True)
    return points.assign(ref=range(1, len(points) + 1),
                         urls=[_URL.findall(str(ref)) or [str(ref)] for ref in points["source_ref"]])
