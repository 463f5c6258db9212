"""Shared selections on the processed tables: primary rows, one measure's series, eras, complete years."""

from __future__ import annotations

import pandas as pd

from ..errors import CchcError
from ..paths import Project

PERIODS: dict[str, tuple[int, int]] = {"2011-2020": (2011, 2020), "2021-2030": (2021, 2030)}
ORDER = ["province_code", "year"]


def load_methodologies(project: Project) -> dict:
    """config/methodologies.yml: programmes, families with methodology eras, measure labels."""
    from ..config import load_yaml

    return load_yaml(project, "methodologies.yml")


def primary(ind: pd.DataFrame) -> pd.DataFrame:
    """The rows analyses use: one per province × year × family × measure (`primary == True`)."""
    return ind[ind["primary"]]


def series(ind: pd.DataFrame, family: str, measure: str, years=None, values_only: bool = True) -> pd.DataFrame:
    """Primary rows of one measure (optionally only `years`; by default only rows with a value)."""
    rows = primary(ind)
    rows = rows[(rows["family"] == family) & (rows["measure"] == measure)]
    if years is not None:
        rows = rows[rows["year"].isin(list(years))]
    if values_only:
        rows = rows[rows["value"].notna()]
    return rows.sort_values(ORDER, kind="stable").reset_index(drop=True)


def check_measure(ind: pd.DataFrame, family: str, measure: str) -> None:
    """Raise CchcError naming the choices when `family`/`measure` has no primary row."""
    rows = primary(ind)
    families = sorted(rows["family"].unique())
    if family not in families:
        raise CchcError(f"unknown index family {family!r}; choose one of {', '.join(families)}")
    measures = sorted(rows.loc[rows["family"] == family, "measure"].unique())
    if measure not in measures:
        raise CchcError(f"{family} has no measure {measure!r}; choose one of {', '.join(measures)}")


def methodology_breaks(methodologies: dict, family: str, years) -> list[tuple[int, str]]:
    """(first year, era id) of every methodology era of `family` that starts after the first of `years`
    and not after the last: the points where levels stop being comparable."""
    ys = sorted(int(y) for y in years)
    if not ys:
        return []
    eras = methodologies["families"][family]["eras"]
    return [(era["years"][0], era["id"]) for era in eras if ys[0] < era["years"][0] <= ys[-1]]


def complete_years(coverage: pd.DataFrame, family: str, measure: str, basis: str = "value") -> list[int]:
    """Years complete by the coverage rule (config/coverage.yml, applied in the `coverage` table).

    basis="value": enough provinces have a value — the years value statistics (medians, quartiles,
    ranks computed from scores, convergence, "n of 63 higher") may use. basis="rank": those, plus the
    years whose published ranking is complete (DTI 2022) — the years rank statements may use.
    """
    if basis not in ("value", "rank"):
        raise CchcError(f"basis must be value or rank, not {basis!r}")
    rows = coverage[(coverage["family"] == family) & (coverage["measure"] == measure)]
    ok = rows["complete"] | (rows["ranking_complete"] if basis == "rank" else False)
    return sorted(int(y) for y in rows.loc[ok, "year"])


def family_digits(methodologies: dict, family: str) -> int:
    """Decimals a family's values are shown with (config/methodologies.yml `digits`; 2 by default)."""
    return int(methodologies["families"].get(family, {}).get("digits", 2))


def era_of(methodologies: dict, family: str, year: int) -> str | None:
    """The methodology era id of a family in a year, or None when no era covers it."""
    for era in methodologies["families"][family]["eras"]:
        if era["years"][0] <= year <= era["years"][1]:
            return era["id"]
    return None


def year_span(years) -> str:
    """Years as compact ranges: [2011, 2012, 2013, 2016] → "2011–2013, 2016" (how windows are labelled)."""
    ys = sorted({int(y) for y in years})
    parts, start = [], None
    for i, y in enumerate(ys):
        start = y if start is None else start
        if i + 1 == len(ys) or ys[i + 1] != y + 1:
            parts.append(str(y) if start == y else f"{start}–{y}")
            start = None
    return ", ".join(parts)


def period_of(year: int) -> str | None:
    """"2011-2020" or "2021-2030" for a year of one of the two programmes, else None."""
    for period, (first, last) in PERIODS.items():
        if first <= year <= last:
            return period
    return None


def dimension_measures(ind: pd.DataFrame, family: str, year: int) -> list[str]:
    """The measures that make up the headline score of a family in a year: PAPI D1..D8, PCI sub-indices,
    PAR INDEX fields (no totals, no sub-dimensions such as D1.1, no survey parts)."""
    rows = primary(ind)
    rows = rows[(rows["family"] == family) & (rows["year"] == year) & rows["value"].notna()]
    measures = sorted(set(rows["measure"]))
    if family == "PAPI":
        return [m for m in measures if m.startswith("D") and "." not in m]
    if family == "PAR_INDEX":
        return [m for m in measures if m.startswith("field_")]
    return [m for m in measures if not m.startswith(("total", "score_")) and m != "sipas_component"]


def resolve_province(name: str):
    """The registry's province for a notebook parameter (any known spelling); UnknownProvince /
    AmbiguousProvince (CchcError) name the input and the closest candidates."""
    from ..provinces import resolve

    return resolve(name, column="province parameter")


def resolve_region(provinces: pd.DataFrame, name: str) -> str:
    """The Vietnamese name of a GSO region given in Vietnamese or English (case-insensitive)."""
    wanted = name.strip().casefold()
    for vi, en in zip(provinces["region"], provinces["region_en"]):
        if wanted in (vi.casefold(), en.casefold()):
            return vi
    choices = "; ".join(dict.fromkeys(provinces["region"]))
    raise CchcError(f"unknown region {name!r}; choose one of: {choices}")


def merger_2025(name: str) -> dict:
    """The 2025 merger (Resolution 202/2025/QH15, in force 2025-07-01) as it concerns a province: the
    province it belongs to from that date, its kind, the other provinces in force on 2025-06-30 that formed
    it (empty: not merged), and whether the province itself was in force then. Only dated membership
    counts: Hà Tây, merged into Hà Nội in 2008, is no member of the 2025 Hà Nội."""
    from ..provinces import provinces_2025, resolve

    province = resolve(name)
    new = provinces_2025().set_index("province_2025").loc[province.province_2025]
    members = str(new["members"]).split("; ")
    return {"province_2025": province.province_2025, "kind": str(new["kind"]), "date": "2025-07-01",
            "others": [m for m in members if m != province.name], "in_force": province.name in members}
