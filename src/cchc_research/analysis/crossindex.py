"""How two measures of different index families move together across provinces, where both exist."""

from __future__ import annotations

import pandas as pd

from .data import series
from .ranks import correlate

# PAPI D5 (public administrative procedures) and D6 (public service delivery) against the headline
# scores of the indices that assess the same administrations from other angles.
DEFAULT_PAIRS: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = (
    (("PAPI", "D5"), ("PCI", "total")),
    (("PAPI", "D6"), ("PCI", "total")),
    (("PAPI", "D5"), ("PAR_INDEX", "total")),
    (("PAPI", "D6"), ("PAR_INDEX", "total")),
)


def paired_values(ind: pd.DataFrame, x: tuple[str, str], y: tuple[str, str], years=None) -> pd.DataFrame:
    """Province-years that have a value of both measures: province, region, year, x, y."""
    keys = ["province_code", "province", "region", "year"]
    a = series(ind, *x, years)[keys + ["value"]].rename(columns={"value": "x"})
    b = series(ind, *y, years)[keys + ["value"]].rename(columns={"value": "y"})
    return a.merge(b, on=keys, how="inner")


def cross_index(ind: pd.DataFrame, x: tuple[str, str], y: tuple[str, str], years=None) -> pd.DataFrame:
    """Per overlapping year: n provinces with both values, Spearman and Kendall (NaN below 3 provinces).

    Association across provinces only: no causal or cross-year claim.
    """
    pairs = paired_values(ind, x, y, years)
    out = [{"year": year, **correlate(g["x"], g["y"])} for year, g in pairs.groupby("year")]
    return pd.DataFrame(out, columns=["year", "n", "spearman", "spearman_p", "kendall", "kendall_p"])


def cross_index_summary(ind: pd.DataFrame, pairs=DEFAULT_PAIRS) -> pd.DataFrame:
    """One row per pair and overlapping year (see `cross_index`), pairs without overlap left out."""
    frames = [cross_index(ind, x, y).assign(family_x=x[0], measure_x=x[1], family_y=y[0], measure_y=y[1])
              for x, y in pairs]
    frames = [f for f in frames if not f.empty]
    cols = ["family_x", "measure_x", "family_y", "measure_y", "year", "n", "spearman", "spearman_p",
            "kendall", "kendall_p"]
    return pd.concat(frames, ignore_index=True)[cols] if frames else pd.DataFrame(columns=cols)
