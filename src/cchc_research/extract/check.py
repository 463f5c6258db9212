"""Claim check: does a document's figure for an index agree with the indices table?

A claim is checked when it is a result (not a target) about a province's PAR INDEX, SIPAS, PCI or
PAPI value or rank (not a bound, threshold or average). It is compared with the `primary` row of `indicators` for the same
province, year, family and measure:

- rank: agree when the ranks are equal;
- value (score or percentage): agree when they are equal at the claim's printed precision, i.e.
  |claimed − index| ≤ half a unit of the claim's last printed digit (89,30 → 0.005; 91 → 0.5);
- cannot check: the claim names no province or year, or the table has no such row, or the row has
  no rank (no value) to compare with.
"""

from __future__ import annotations

import math

import pandas as pd

from ..errors import DataError
from ..provinces import resolve
from .documents import QUOTE_FAMILIES
from .indicators import family_measure

COLUMNS = ["document", "start", "evidence", "family", "measure", "year", "province_code", "province", "kind",
           "claimed_value", "index_value", "claimed_rank", "index_rank", "tolerance", "outcome", "reason"]


def _decimals(value: float) -> int:
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".")[1])


def _province_codes(claims: pd.DataFrame) -> list[str | None]:
    if "province_code" in claims.columns:
        return [None if pd.isna(c) else str(c) for c in claims["province_code"]]
    codes = []
    for name in claims["province"]:
        try:
            codes.append(None if pd.isna(name) else resolve(str(name)).code)
        except DataError:
            codes.append(None)
    return codes


def _checkable(claims: pd.DataFrame) -> pd.DataFrame:
    indicator = claims["indicator"].fillna("")
    family = indicator.str.split(".").str[0]
    keep = (family.isin(QUOTE_FAMILIES) & claims["kind"].isin(["rank", "score", "percent"])
            & (claims["target_or_result"] == "result") & (claims["unit_level"] == "province"))
    for column in ("qualifier", "bound"):  # bounds, thresholds, averages are no values to compare
        if column in claims.columns:
            keep &= claims[column].fillna("") == ""
    return claims[keep]


def _outcome(claim, row) -> tuple[str, float, str]:
    """(outcome, tolerance, reason) for one claim and its index row (None if the table has none)."""
    if claim["province_code"] is None or pd.isna(claim["year"]):
        return "cannot check", math.nan, "the claim names no province or no year"
    if row is None:
        return "cannot check", math.nan, "the indices table has no primary row for this province, year and measure"
    if claim["kind"] == "rank":
        if pd.isna(row["rank"]):
            return "cannot check", 0.0, "the indices table gives no rank"
        same = int(row["rank"]) == int(claim["value"])
        return ("agree" if same else "disagree"), 0.0, "ranks compared exactly"
    if pd.isna(row["value"]):
        return "cannot check", math.nan, "the indices table gives no value"
    decimals = int(claim["decimals"]) if "decimals" in claim and not pd.isna(claim["decimals"]) \
        else _decimals(claim["value"])
    tolerance = 0.5 * 10.0 ** -decimals
    same = abs(float(claim["value"]) - float(row["value"])) <= tolerance + 1e-9
    return ("agree" if same else "disagree"), tolerance, f"equal at the claim's {decimals} printed decimal(s)"


def check_claims(claims_df: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per checkable claim of `claims_df` (`claims_frame` output, or the `cchc extract` CSV) with
    the claimed and the index value or rank, the tolerance used and `outcome`: agree / disagree / cannot check."""
    claims = _checkable(claims_df).copy()
    claims["province_code"] = _province_codes(claims)
    primary = indicators[indicators["primary"].astype(bool)]
    table = {(r.province_code, int(r.year), r.family, r.measure): r._asdict()
             for r in primary[["province_code", "year", "family", "measure", "value", "rank", "province"]]
             .itertuples(index=False)}
    rows = []
    for _, claim in claims.iterrows():
        family, measure = family_measure(claim["indicator"])
        key = (claim["province_code"], None if pd.isna(claim["year"]) else int(claim["year"]), family, measure)
        row = table.get(key)
        outcome, tolerance, reason = _outcome(claim, row)
        is_rank = claim["kind"] == "rank"
        rows.append({
            "document": claim["document"], "start": claim["start"], "evidence": claim["evidence"], "family": family,
            "measure": measure, "year": claim["year"], "province_code": claim["province_code"],
            "province": claim.get("province"),
            "kind": claim["kind"], "claimed_value": math.nan if is_rank else float(claim["value"]),
            "index_value": row["value"] if row is not None else math.nan,
            "claimed_rank": int(claim["value"]) if is_rank else pd.NA,
            "index_rank": row["rank"] if row is not None else pd.NA,
            "tolerance": tolerance, "outcome": outcome, "reason": reason,
        })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype({"year": "Int64", "claimed_value": "float64", "index_value": "float64",
                         "claimed_rank": "Int64", "index_rank": "Int64", "tolerance": "float64"})
