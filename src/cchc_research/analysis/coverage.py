"""What each family-year's coverage allows (the rule of config/coverage.yml, applied in `coverage`):
distributions over complete years only; partial years as the quoted points they are."""

from __future__ import annotations

import pandas as pd

from .data import complete_years, series

DISTRIBUTION_COLUMNS = ["family", "measure", "year", "n_provinces", "n_expected", "median", "q1", "q3", "min",
                        "max", "methodology"]


def year_coverage(coverage: pd.DataFrame, family: str, measure: str) -> pd.DataFrame:
    """Per year of the measure: provinces with a value / a rank / either, of how many, and the status:
    "complete" (values), "ranking" (only the published ranking is complete) or "partial"."""
    rows = coverage[(coverage["family"] == family) & (coverage["measure"] == measure)].copy()
    rows["status"] = ["complete" if c else "ranking" if r else "partial"
                      for c, r in zip(rows["complete"], rows["ranking_complete"])]
    return rows.drop(columns=["family", "measure"]).sort_values("year").reset_index(drop=True)


def national_distribution(ind: pd.DataFrame, coverage: pd.DataFrame, family: str, measure: str) -> pd.DataFrame:
    """Per complete year (never a partial one): provinces with a value, provinces in force, median,
    quartiles, minimum, maximum and the methodology era."""
    years = complete_years(coverage, family, measure)
    rows = series(ind, family, measure, years)
    if rows.empty:
        return pd.DataFrame(columns=DISTRIBUTION_COLUMNS)
    expected = coverage[(coverage["family"] == family) & (coverage["measure"] == measure)].set_index("year")
    g = rows.groupby("year")
    out = pd.DataFrame({"n_provinces": g.size(), "median": g["value"].median(), "q1": g["value"].quantile(0.25),
                        "q3": g["value"].quantile(0.75), "min": g["value"].min(), "max": g["value"].max(),
                        "methodology": g["methodology"].first()})
    out["n_expected"] = expected["n_expected"].reindex(out.index)
    return out.reset_index().assign(family=family, measure=measure)[DISTRIBUTION_COLUMNS]


def distribution_rows(ind: pd.DataFrame, coverage: pd.DataFrame, family: str, measure: str) -> pd.DataFrame:
    """The values a box plot or a dispersion statistic may use: primary values of complete years only."""
    return series(ind, family, measure, complete_years(coverage, family, measure))


def quoted_points(ind: pd.DataFrame, coverage: pd.DataFrame, family: str, measure: str) -> pd.DataFrame:
    """Values of partial years: what some source happened to quote, to be drawn as labelled points."""
    complete = complete_years(coverage, family, measure)
    rows = series(ind, family, measure)
    return rows[~rows["year"].isin(complete)].reset_index(drop=True)


def quoted_years(ind: pd.DataFrame, coverage: pd.DataFrame, family: str, measure: str,
                 top: int = 10) -> pd.DataFrame:
    """Per partial year with a value: how many provinces have a value, a value or a rank, of how many, and
    how many of those with a value hold a published rank within the `top` ("mostly top 10" when more
    than half do)."""
    points = quoted_points(ind, coverage, family, measure)
    cov = year_coverage(coverage, family, measure).set_index("year")
    out = []
    for year, g in points.groupby("year", sort=True):
        n_top = int((g["rank"] <= top).sum())
        out.append({"year": int(year), "n_values": len(g), "n_quoted": int(cov.loc[year, "n_quoted"]),
                    "n_expected": int(cov.loc[year, "n_expected"]), "n_top": n_top, "top": top,
                    "mostly_top": n_top > len(g) / 2, "status": cov.loc[year, "status"]})
    return pd.DataFrame(out, columns=["year", "n_values", "n_quoted", "n_expected", "n_top", "top", "mostly_top",
                                      "status"])
