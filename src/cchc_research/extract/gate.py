"""The gate between claims and the data tables: which claims may become rows of `reported_figures`.

A claim passes when it is a result (not a target) giving a value or rank of PAR INDEX, SIPAS, PCI or
PAPI for one province, and its province, year and index were each read from the text with a stated
reason (`Claim.province_reason`, `year_reason`, `indicator_reason`); and it is not a change, a gap, a
bound or threshold, an average, a rank within a region, or a value off the index's scale. Every other
claim stays in the claims output with the reason it was held back (`held_back`).
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
}


def held_back(claim: Claim, document_year: int | None = None) -> str:
    """Why `claim` does not reach reported_figures; "" when it does."""
    if claim.indicator is None:
        return "no index named for it" if claim.kind in TABLE_KINDS else "not an index figure"
    family, measure = family_measure(claim.indicator)
    if family not in TABLE_FAMILIES:
        return f"{claim.indicator} is not an index of the data tables"
    if claim.kind == "change":
        return "a gap between units, not a level" if claim.qualifier == "gap" else "a change, not a level"
    if claim.kind not in TABLE_KINDS:
        return f"a {claim.kind}, not an index value or rank"
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
