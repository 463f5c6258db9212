"""2011–2020 against 2021–2030, on what the data allow, each window labelled by the years it really uses.

Three bases:
- "level": mean values within the one methodology era that has complete years in both periods
  (PAPI 8 dimensions: 2018–2020 against 2021–2024);
- "percentile": mean national percentile over every complete year of each period; ranks are comparable
  across methodology changes, levels are not;
- "rank": for families without complete years in both periods (PAR INDEX, SIPAS, DTI), a province's
  published ranks, each out of all provinces the producer ranked that year; no statement about all
  provinces is possible.

Matched year sets: a province's value in a window is the mean over the window years it has; only
provinces with every window year in both periods enter the "n of N higher" statement, and the others
are listed with the years they miss.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..errors import CchcError
from .data import PERIODS, complete_years, period_of, series, year_span
from .ranks import rank_table, rankings

FIRST, SECOND = PERIODS
BASES = ("level", "percentile", "rank")
LONG_COLUMNS = ["family", "measure", "basis", "province_code", "province", "period", "window", "years", "n_years",
                "n_window_years", "value", "methodology", "matched"]


@dataclass(frozen=True)
class Window:
    """The years one side of a comparison uses, and their methodology eras."""

    period: str
    years: tuple[int, ...]
    methodologies: tuple[str, ...]

    @property
    def label(self) -> str:
        """"2018–2020" (or "2011–2016, 2018–2020" where a year is missing)."""
        return year_span(self.years)

    @property
    def n_years(self) -> int:
        return len(self.years)


@dataclass(frozen=True)
class PeriodComparison:
    """Per-province comparison of the two programme periods and what it rests on.

    `table`: province_code, province, region, the value of each period (mean level, mean percentile,
    or median published rank), the years the province has in each window, `matched` (every window year
    in both periods), change and improved. Statements about all provinces use matched rows only.
    """

    family: str
    measure: str
    basis: str
    methodology: str | None
    windows: dict[str, Window]
    table: pd.DataFrame

    @property
    def years_first(self) -> list[int]:
        return list(self.windows[FIRST].years)

    @property
    def years_second(self) -> list[int]:
        return list(self.windows[SECOND].years)

    @property
    def national(self) -> bool:
        """True when the comparison rests on complete years, so statements about all provinces hold."""
        return self.basis in ("level", "percentile")

    @property
    def matched(self) -> pd.DataFrame:
        return self.table[self.table["matched"]]

    @property
    def unmatched(self) -> pd.DataFrame:
        """Provinces with values in the comparison that miss a window year, with the years they miss."""
        return self.table[~self.table["matched"]]

    @property
    def n(self) -> int:
        return len(self.matched)

    @property
    def n_improved(self) -> int:
        return int(self.matched["improved"].sum())

    @property
    def share_improved(self) -> float:
        return self.n_improved / self.n if self.n else float("nan")

    @property
    def median_change(self) -> float:
        return float(self.matched["change"].median()) if self.n else float("nan")

    def long(self) -> pd.DataFrame:
        """One row per province and period (LONG_COLUMNS): the window, the province's years, the value."""
        rows = []
        for r in self.table.itertuples(index=False):
            for period, window in self.windows.items():
                years = getattr(r, f"years_{_side(period)}")
                if not years:
                    continue
                rows.append({"family": self.family, "measure": self.measure, "basis": self.basis,
                             "province_code": r.province_code, "province": r.province, "period": period,
                             "window": window.label, "years": year_span(years), "n_years": len(years),
                             "n_window_years": window.n_years, "value": getattr(r, _side(period)),
                             "methodology": " + ".join(window.methodologies), "matched": r.matched})
        return pd.DataFrame(rows, columns=LONG_COLUMNS)


def _side(period: str) -> str:
    return "first" if period == FIRST else "second"


def _eras(rows: pd.DataFrame, years) -> tuple[str, ...]:
    return tuple(dict.fromkeys(rows.loc[rows["year"].isin(list(years)), "methodology"].sort_values()))


def _windows(rows: pd.DataFrame, years) -> dict[str, Window]:
    split = {p: tuple(sorted(int(y) for y in set(years) if period_of(int(y)) == p)) for p in PERIODS}
    return {p: Window(p, ys, _eras(rows, ys)) for p, ys in split.items()}


def _per_province(values: pd.DataFrame, windows: dict[str, Window], column: str, how: str) -> pd.DataFrame:
    """Per province: the aggregate of `column` over its years in each window, and those years."""
    keys = ["province_code", "province", "region"]
    out = values[keys].drop_duplicates().set_index("province_code")
    for period, window in windows.items():
        part = values[values["year"].isin(window.years)]
        g = part.groupby("province_code")
        out[_side(period)] = g[column].agg(how)
        out[f"years_{_side(period)}"] = g["year"].agg(lambda ys: tuple(sorted(int(y) for y in ys)))
    for side in ("first", "second"):
        out[f"years_{side}"] = out[f"years_{side}"].map(lambda ys: ys if isinstance(ys, tuple) else ())
    out["matched"] = [len(a) == windows[FIRST].n_years and len(b) == windows[SECOND].n_years
                      and windows[FIRST].n_years > 0 and windows[SECOND].n_years > 0
                      for a, b in zip(out["years_first"], out["years_second"])]
    return out.reset_index()


def compare_periods(ind: pd.DataFrame, coverage: pd.DataFrame, family: str, measure: str, basis: str = "auto",
                    digits: int = 2) -> PeriodComparison:
    """Compare the two periods on `basis` (see the module docstring). "auto": level where one era has
    complete years in both periods, else percentile where both periods have complete years, else rank."""
    if basis not in ("auto", *BASES):
        raise CchcError(f"basis must be auto, level, percentile or rank, not {basis!r}")
    complete = [y for y in complete_years(coverage, family, measure) if period_of(y)]
    rows = series(ind, family, measure, complete)
    era = rows.groupby("year")["methodology"].first()
    by_period = {p: [y for y in era.index if period_of(y) == p] for p in PERIODS}
    shared = [m for m in dict.fromkeys(era[by_period[SECOND]]) if m in set(era[by_period[FIRST]])]
    both = all(by_period.values())
    if basis == "auto":
        basis = "level" if shared else "percentile" if both else "rank"
    if basis == "level" and not shared:
        raise CchcError(f"{family} {measure}: no methodology era has complete years in both periods; "
                        "compare percentiles or published ranks")
    if basis == "level":
        methodology = shared[-1]
        used = [y for y in era.index if era[y] == methodology]
        windows = _windows(rows, used)
        table = _per_province(rows[rows["year"].isin(used)], windows, "value", "mean")
    elif basis == "percentile":
        methodology, windows = None, _windows(rows, era.index)
        ranks = rank_table(ind, family, measure, list(era.index), digits)
        table = _per_province(ranks, windows, "percentile", "mean")
    else:
        methodology = None
        ranked = rankings(ind, coverage, family, measure, digits)
        ranked = ranked[ranked["year"].map(period_of).notna() & (ranked["rank_kind"] == "published")]
        windows = _windows(ranked, ranked["year"].unique())
        table = _per_province(ranked, windows, "rank", "median").assign(matched=False)
    if table.empty:
        table = table.assign(first=pd.Series(dtype=float), second=pd.Series(dtype=float))
    table["change"] = table["second"] - table["first"]
    table["improved"] = (table["change"] < 0) if basis == "rank" else (table["change"] > 0)
    table = table.sort_values(["matched", "change"], ascending=[False, basis == "rank"], kind="stable")
    return PeriodComparison(family, measure, basis, methodology, windows, table.reset_index(drop=True))


def programme_comparisons(ind: pd.DataFrame, coverage: pd.DataFrame, family: str, measure: str = "total",
                          digits: int = 2) -> list[PeriodComparison]:
    """Every comparison of the periods the data allow for a measure: level (one era in both periods)
    and percentile where complete years exist in both periods, published ranks otherwise."""
    complete = [y for y in complete_years(coverage, family, measure) if period_of(y)]
    periods = {period_of(y) for y in complete}
    if len(periods) < 2:
        comparison = compare_periods(ind, coverage, family, measure, "rank", digits)
        return [comparison] if len(comparison.table) else []
    level = compare_periods(ind, coverage, family, measure, "auto", digits)
    return [level] if level.basis == "percentile" else [level, compare_periods(ind, coverage, family, measure,
                                                                               "percentile", digits)]
