"""Programme targets against the provincial figures that measure the same thing.

Two tables, so that no series is repeated: the targets a provincial figure observes (target text and
value, the measure, the province's latest figure in the target's window where it has one), and each
observing measure's yearly series once (the province's values where it has some, how many provinces
have a figure, the national average quoted)."""

from __future__ import annotations

import operator

import pandas as pd

from .data import PERIODS, series

COMPARATORS = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt, "=": operator.eq}

# Which indicator observes a target metric. "direct": SIPAS is defined as the satisfaction of people
# and organisations with the service of state administrative agencies, the target's own wording.
# "proxy": SIPAS covers the handling of administrative procedures as one of its elements, so it only
# approximates satisfaction with procedures. No other target metric is measured per province here.
TARGET_MEASURES: dict[str, tuple[str, str, str]] = {
    "satisfaction_with_state_administrative_agencies": ("SIPAS", "total", "direct"),
    "satisfaction_with_administrative_procedures": ("SIPAS", "total", "proxy"),
}

TARGET_COLUMNS = ["target_id", "programme", "description_vi", "comparator", "target_value", "unit", "deadline_year",
                  "confidence", "family", "measure", "match", "first_year", "province_year", "province_value",
                  "province_meets"]
SERIES_COLUMNS = ["family", "measure", "year", "province_value", "n_provinces", "n_expected", "national_value"]


def _national(reported: pd.DataFrame | None, family: str, measure: str) -> dict[int, float]:
    """Year → national average quoted in `reported_figures` (selected or undisputed claims only)."""
    if reported is None:
        return {}
    rows = reported[(reported["unit_level"] == "national") & (reported["family"] == family)
                    & (reported["measure"] == measure) & reported["value"].notna()
                    & ~reported["status"].isin(["conflict-rejected", "conflict-unresolved"])]
    return dict(zip(rows["year"], rows["value"]))


def _meets(comparator: str, value, target: float):
    return pd.NA if value is None or pd.isna(value) else bool(COMPARATORS[comparator](value, target))


def target_table(ind: pd.DataFrame, targets: pd.DataFrame, province: str | None = None) -> pd.DataFrame:
    """The targets some provincial figure observes (TARGET_MEASURES), one row each: the target as written,
    its value and deadline, the measure and how closely it matches, and the province's latest figure
    from the programme's first year to the deadline, where it has one."""
    out = []
    for t in targets.itertuples(index=False):
        if t.metric not in TARGET_MEASURES:
            continue
        family, measure, match = TARGET_MEASURES[t.metric]
        first = PERIODS[t.programme][0] if t.programme in PERIODS else t.deadline_year
        own = series(ind, family, measure, range(first, t.deadline_year + 1))
        own = own[own["province"] == province] if province else own.iloc[0:0]
        last = own.iloc[-1] if len(own) else None
        out.append({"target_id": t.target_id, "programme": t.programme, "description_vi": t.description_vi,
                    "comparator": t.comparator, "target_value": t.value, "unit": t.unit,
                    "deadline_year": t.deadline_year, "confidence": t.confidence, "family": family, "measure": measure,
                    "match": match, "first_year": first, "province_year": None if last is None else int(last["year"]),
                    "province_value": None if last is None else float(last["value"]),
                    "province_meets": pd.NA if last is None else _meets(t.comparator, last["value"], t.value)})
    return pd.DataFrame(out, columns=TARGET_COLUMNS).astype(
        {"province_year": "Int64", "province_value": "float64", "province_meets": "boolean"})


def target_series(ind: pd.DataFrame, coverage: pd.DataFrame, reported: pd.DataFrame | None, family: str,
                  measure: str, province: str | None = None) -> pd.DataFrame:
    """One observing measure's years (each once): the province's value where it has one, how many provinces
    have a value of how many, and the national average quoted in the news."""
    rows = series(ind, family, measure)
    national = _national(reported, family, measure)
    cov = coverage[(coverage["family"] == family) & (coverage["measure"] == measure)].set_index("year")
    out = []
    for year in sorted(set(rows["year"]) | set(national)):
        g = rows[rows["year"] == year]
        own = g.loc[g["province"] == province, "value"] if province else g.iloc[0:0]["value"]
        out.append({"family": family, "measure": measure, "year": int(year),
                    "province_value": float(own.iloc[0]) if len(own) else None, "n_provinces": len(g),
                    "n_expected": cov["n_expected"].get(year), "national_value": national.get(year)})
    return pd.DataFrame(out, columns=SERIES_COLUMNS).astype(
        {"province_value": "float64", "n_expected": "Int64", "national_value": "float64"})
