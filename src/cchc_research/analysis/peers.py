"""Peers of a province: its region, the provinces with the nearest dimension profile, the best performer."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .data import primary, series


def nearest_peers(ind: pd.DataFrame, province: str, family: str, year: int, measures: list[str],
                  k: int = 5) -> pd.DataFrame:
    """The `k` provinces whose scores on `measures` in `year` are nearest to the province's
    (Euclidean distance on the published scales; only provinces with every measure present)."""
    rows = primary(ind)
    rows = rows[(rows["family"] == family) & (rows["year"] == year) & rows["measure"].isin(measures)]
    wide = rows.pivot(index="province", columns="measure", values="value").reindex(columns=measures).dropna()
    if province not in wide.index:
        return pd.DataFrame(columns=["province", "region", "distance", "n_measures"])
    diffs = wide.drop(index=province) - wide.loc[province]
    distance = np.sqrt((diffs ** 2).sum(axis=1)).rename("distance")
    regions = rows.drop_duplicates("province").set_index("province")["region"]
    out = distance.sort_values(kind="stable").head(k).to_frame().join(regions)
    out["n_measures"] = len(measures)
    return out.reset_index()[["province", "region", "distance", "n_measures"]]


def best_performers(ind: pd.DataFrame, family: str, measure: str, years=None) -> pd.DataFrame:
    """Per year: the province(s) with the highest value (ties listed together), that value and n."""
    rows = series(ind, family, measure, years)
    top = rows[rows["value"] == rows.groupby("year")["value"].transform("max")]
    out = top.groupby("year").agg(province=("province", " · ".join), value=("value", "first"))
    out["n"] = rows.groupby("year").size()
    return out.reset_index()
