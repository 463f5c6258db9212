"""Do provinces converge? Sigma (dispersion by year) and beta (gain against initial level)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..errors import CchcError
from .data import complete_years, series


def sigma(ind: pd.DataFrame, coverage: pd.DataFrame, family: str, measure: str) -> pd.DataFrame:
    """Per complete year (coverage rule): n, mean, standard deviation, coefficient of variation (sd / mean),
    interquartile range and the methodology era (dispersion is comparable only within one era)."""
    rows = series(ind, family, measure, complete_years(coverage, family, measure))
    g = rows.groupby("year")["value"]
    out = pd.DataFrame({"n": g.size(), "mean": g.mean(), "sd": g.std(ddof=1),
                        "iqr": g.quantile(0.75) - g.quantile(0.25),
                        "methodology": rows.groupby("year")["methodology"].first()})
    out["cv"] = out["sd"] / out["mean"]
    return out.reset_index()[["year", "n", "mean", "sd", "cv", "iqr", "methodology"]]


@dataclass(frozen=True)
class Beta:
    """OLS of the annual gain (value_end - value_start) / (end - start) on value_start.

    slope < 0 with a small p means provinces that started lower gained more (beta convergence).
    """

    family: str
    measure: str
    start: int
    end: int
    methodology: str
    n: int
    slope: float
    intercept: float
    r: float
    p: float
    stderr: float
    data: pd.DataFrame


def beta(ind: pd.DataFrame, coverage: pd.DataFrame, family: str, measure: str, start: int, end: int) -> Beta:
    """Beta convergence between two complete years of the same methodology era (provinces with both values)."""
    from scipy import stats

    if end <= start:
        raise CchcError(f"beta convergence needs start < end, got {start} and {end}")
    partial = [y for y in (start, end) if y not in complete_years(coverage, family, measure)]
    if partial:
        raise CchcError(f"{family} {measure}: {', '.join(map(str, partial))} is not a complete year "
                        "(config/coverage.yml); convergence needs complete years")
    rows = series(ind, family, measure, [start, end])
    eras = rows.groupby("year")["methodology"].first()
    missing = [y for y in (start, end) if y not in eras.index]
    if missing:
        raise CchcError(f"{family} {measure} has no values in {', '.join(map(str, missing))}")
    if eras[start] != eras[end]:
        raise CchcError(f"{family} {measure}: {start} ({eras[start]}) and {end} ({eras[end]}) are different "
                        "methodology eras; levels are not comparable")
    wide = rows.pivot(index="province", columns="year", values="value").dropna()
    data = pd.DataFrame({"initial": wide[start], "gain": (wide[end] - wide[start]) / (end - start)}).reset_index()
    if len(data) < 3:
        raise CchcError(f"{family} {measure}: only {len(data)} provinces have values in both {start} and {end}")
    fit = stats.linregress(data["initial"], data["gain"])
    return Beta(family, measure, start, end, str(eras[start]), len(data), float(fit.slope), float(fit.intercept),
                float(fit.rvalue), float(fit.pvalue), float(fit.stderr), data)


def comparable_span(ind: pd.DataFrame, coverage: pd.DataFrame, family: str, measure: str,
                    years=None) -> tuple[int, int]:
    """The first and last complete year (of `years`, if given) in the era with the longest span of them."""
    years = [y for y in complete_years(coverage, family, measure) if years is None or y in years]
    rows = series(ind, family, measure, years)
    spans = rows.groupby("methodology")["year"].agg(["min", "max"])
    spans = spans[spans["max"] > spans["min"]]
    if spans.empty:
        raise CchcError(f"{family} {measure}: no methodology era has two of the years {sorted(years)}")
    best = (spans["max"] - spans["min"]).sort_values(kind="stable").index[-1]
    return int(spans.loc[best, "min"]), int(spans.loc[best, "max"])
