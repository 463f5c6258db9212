"""The gate between claims and the data tables: which claims may become rows of `reported_figures`
(an index value or rank: PAR INDEX, SIPAS, PCI, PAPI) or of `self_reported` (a province's own result:
dossiers received, resolved, on time; procedures in force; staff and units cut; tasks planned and done).

A claim passes when it is a result (not a target) for one province, its province, year and index or
measure were each read from the text with a stated reason (`Claim.province_reason`, `year_reason`,
`indicator_reason`), and it is not a change, a gap, a bound or threshold, an average, a rank within a
region, or a value off the scale. Every other claim stays in the claims output with the reason it was
held back (`held_back`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .indicators import family_measure

if TYPE_CHECKING:
    from .claims import Claim

TABLE_FAMILIES = ("PAR_INDEX", "SIPAS", "PCI", "PAPI")  # the families of the indicators table
TABLE_KINDS = ("rank", "score", "percent")
FULL_RANKINGS = (63, 64, 34)     # provinces ranked: 63 (2008-2025), 64 (with Hà Tây), 34 (from 2025-07-01)
FIRST_YEAR = {"PAR_INDEX": 2012, "SIPAS": 2017, "PCI": 2005, "PAPI": 2009}
# Plausible headline values: a "score" of 9,12 for SIPAS is on another scale, a PAPI of 50,77 is a share.
HEADLINE_RANGE = {"PAR_INDEX": (40.0, 100.0), "SIPAS": (40.0, 100.0), "PCI": (30.0, 100.0), "PAPI": (20.0, 80.0)}
_QUALIFIED = {
    "threshold": "a threshold for a group ('12 sở đạt trên 90%', 'từ 90 điểm trở lên'), not a value",
    "aggregate": "an average or aggregate, not one province's value",
    "unnamed": "about an unnamed province ('tỉnh cao nhất')",
    "group rank": "a rank within a region or group, not among all provinces",
    "part": "a part (online, direct, by post, one level of service), not the whole",
}


# (extractor indicator, kind) → (self_reported measure, unit): the results a document may add to that table
SELF_MEASURES: dict[tuple[str, str], tuple[str, str]] = {
    ("dossiers_received", "count"): ("dossiers_received", "count"),
    ("dossiers_resolved", "count"): ("dossiers_resolved", "count"),
    ("dossiers_on_time", "percent"): ("on_time_rate", "percent"),
    ("tthc_in_force", "count"): ("procedures_in_force", "count"),
    ("staff_cut", "count"): ("staff_cut", "positions"),
    ("staff_cut", "percent"): ("staff_cut", "percent"),
    ("organisations_cut", "count"): ("units_cut", "units"),
    ("tasks_planned", "count"): ("tasks_planned", "count"),
    ("tasks_done", "count"): ("tasks_done", "count"),
}


def table_of(indicator: str | None, kind: str) -> str:
    """The table a claim of this indicator and kind is for: "reported_figures", "self_reported" or ""."""
    if indicator and family_measure(indicator)[0] in TABLE_FAMILIES and kind in (*TABLE_KINDS, "change"):
        return "reported_figures"
    return "self_reported" if (indicator, kind) in SELF_MEASURES else ""


def held_back(claim: Claim, document_year: int | None = None) -> str:
    """Why `claim` reaches neither reported_figures nor self_reported; "" when it reaches one."""
    table = table_of(claim.indicator, claim.kind)
    if claim.indicator is None:
        return "no index or measure named for it"
    if not table:
        return f"{claim.indicator} ({claim.kind}) is not a figure of the data tables"
    if claim.kind == "change":
        return "a gap between units, not a level" if claim.qualifier == "gap" else "a change, not a level"
    if claim.is_target:
        return "a target, not a result"
    if claim.qualifier in _QUALIFIED:
        return _QUALIFIED[claim.qualifier]
    if claim.bound:
        return f"a bound ('{claim.bound}'), not a value"
    if claim.unit_level != "province":
        return f"about a {claim.unit_level}, not a province"
    if claim.province_code is None:
        return claim.province_reason if claim.province_reason.startswith("ambiguous") else "province not stated"
    if claim.year is None:
        return claim.year_reason or "year not stated"
    if table == "self_reported":
        return _measure_checks(claim, document_year)
    family, measure = family_measure(claim.indicator)
    if claim.kind == "rank" and claim.of is not None and claim.of not in FULL_RANKINGS:
        return _QUALIFIED["group rank"]
    if claim.kind == "rank" and claim.value > max(FULL_RANKINGS):
        return "a rank beyond the number of provinces"
    if measure == "total" and claim.kind != "rank":
        low, high = HEADLINE_RANGE[family]
        if claim.kind == "percent" and family in ("PCI", "PAPI"):
            return f"a percentage of {family}, which is scored in points"
        if not low <= claim.value <= high:
            return f"{claim.value:g} is off the scale of {family}"
    if claim.year < FIRST_YEAR[family] or document_year is not None and claim.year > document_year:
        return f"{claim.year}: not a year {family} could have been published for by the document's date"
    return ""


def _measure_checks(claim: Claim, document_year: int | None) -> str:
    if claim.kind == "percent" and not 0 <= claim.value <= 100:
        return f"{claim.value:g} % is not a share"
    if document_year is not None and claim.year > document_year:
        return f"{claim.year}: after the document's date"
    return ""
