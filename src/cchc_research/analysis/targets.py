"""Programme targets against the provincial figures that measure the same thing, with coverage."""

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

COLUMNS = ["target_id", "programme", "description_vi", "comparator", "target_value", "unit", "deadline_year",
           "confidence", "family", "measure", "match", "year", "n_observed", "n_expected", "n_meeting",
           "province_value", "province_meets", "national_value", "national_meets"]


def _national(reported: pd.DataFrame | None, family: str, measure: str) -> dict[int, float]:
    """Year → national average quoted in `reported_figures` (selected or undisputed claims only)."""
    if reported is None:
        return {}
    rows = reported[(reported["unit_level"] == "national") & (reported["family"] == family)
                    & (reported["measure"] == measure) & reported["value"].notna()
                    & ~reported["status"].isin(["conflict-rejected", "conflict-unresolved"])]
    return dict(zip(rows["year"], rows["value"]))


def _check(comparator: str, value, target: float) -> bool | None:
    return None if value is None or pd.isna(value) else bool(COMPARATORS[comparator](value, target))


def target_progress(ind: pd.DataFrame, targets: pd.DataFrame, coverage: pd.DataFrame,
                    reported: pd.DataFrame | None = None, province: str | None = None) -> pd.DataFrame:
    """One row per target and observed year (from the programme's first year to the deadline): how many
    provinces have a figure (n_observed of n_expected) and how many of them meet the target; with
    `province`, its own figure; with `reported` (reported_figures), the national average quoted for
    that year. Targets no provincial figure observes get one row with n_observed 0."""
    out = []
    for t in targets.itertuples(index=False):
        base = {"target_id": t.target_id, "programme": t.programme, "description_vi": t.description_vi,
                "comparator": t.comparator, "target_value": t.value, "unit": t.unit,
                "deadline_year": t.deadline_year, "confidence": t.confidence}
        family, measure, match = TARGET_MEASURES.get(t.metric, (None, None, None))
        first = PERIODS[t.programme][0] if t.programme in PERIODS else t.deadline_year
        window = range(first, t.deadline_year + 1)
        rows = series(ind, family, measure, window) if family else ind.iloc[0:0]
        national = {y: v for y, v in _national(reported, family, measure).items() if y in window} if family else {}
        if rows.empty and not national:
            out.append({**base, "family": family, "measure": measure, "match": match, "n_observed": 0})
            continue
        cov = coverage[(coverage["family"] == family) & (coverage["measure"] == measure)].set_index("year")
        for year in sorted(set(rows["year"]) | set(national)):
            g = rows[rows["year"] == year]
            own = g.loc[g["province"] == province, "value"]
            own_value = own.iloc[0] if len(own) else None
            out.append({**base, "family": family, "measure": measure, "match": match, "year": year,
                        "n_observed": len(g), "n_expected": cov["n_expected"].get(year),
                        "n_meeting": int(COMPARATORS[t.comparator](g["value"], t.value).sum()),
                        "province_value": own_value, "province_meets": _check(t.comparator, own_value, t.value),
                        "national_value": national.get(year),
                        "national_meets": _check(t.comparator, national.get(year), t.value)})
    result = pd.DataFrame(out, columns=COLUMNS)
    return result.astype({"year": "Int64", "n_observed": "int64", "n_expected": "Int64", "n_meeting": "Int64",
                          "province_value": "float64", "province_meets": "boolean",
                          "national_value": "float64", "national_meets": "boolean"})
