"""A researcher's review of claims read by machine: `reviewed.csv` in the documents folder.

One row per reviewed claim, keyed by the claim id that `cchc extract` prints (`file@offset`):

| column | meaning |
|---|---|
| claim_id | the claim reviewed |
| decision | accept (the reading is right), correct (right after the corrections below), reject (not a figure for the tables) |
| reviewer | who reviewed it |
| reason | why, in a few words |
| indicator, year, province, value, of | corrections (only with `correct`; empty keeps the machine's reading) |

A review wins over the gate: an accepted or corrected claim reaches `reported_figures` as "document
(reviewed)" even if the gate held it back; a rejected one never does. Errors name the file, row and value.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import NamedTuple

from ..errors import DataError
from ..numbers import parse_number
from ..provinces import resolve
from .claims import Claim
from .gate import TABLE_FAMILIES, TABLE_KINDS
from .indicators import CODES, family_measure

REVIEWED = "reviewed.csv"
COLUMNS = ("claim_id", "decision", "reviewer", "reason", "indicator", "year", "province", "value", "of")
DECISIONS = ("accept", "correct", "reject")


class Review(NamedTuple):
    claim_id: str
    decision: str
    reviewer: str
    reason: str
    corrections: dict
    row: int


def _cell(row: dict, key: str) -> str:
    return (row.get(key) or "").strip()


def _corrections(row: dict, file: Path, line: int) -> dict:
    """The corrected fields of a row, typed; errors name file, row, column and value."""
    out: dict = {}
    if indicator := _cell(row, "indicator"):
        if indicator not in CODES:
            raise DataError(f"unknown indicator; use one of {', '.join(CODES)}", file=file, row=line,
                            column="indicator", value=indicator)
        out["indicator"] = indicator
    if year := _cell(row, "year"):
        if not (year.isdigit() and 1990 <= int(year) <= 2100):
            raise DataError("year is not a year", file=file, row=line, column="year", value=year)
        out["year"] = int(year)
    if province := _cell(row, "province"):
        out["province_code"] = resolve(province, file=file, row=line, column="province").code
        out["province_as_written"] = province
        out["unit_level"] = "province"
    for key in ("value", "of"):
        if text := _cell(row, key):
            try:
                out[key] = parse_number(text, "vi")
            except ValueError as exc:
                raise DataError("malformed number", file=file, row=line, column=key, value=text) from exc
    return out


def read_reviews(documents_dir: Path) -> dict[str, Review]:
    """The reviews of `documents_dir/reviewed.csv` by claim id (empty when there is no such file)."""
    file = Path(documents_dir) / REVIEWED
    if not file.is_file():
        return {}
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 (byte {exc.start})", file=file) from exc
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS[:4] if c not in (reader.fieldnames or [])]
    if missing:
        raise DataError(f"missing column(s) {missing}; expected {list(COLUMNS)}", file=file)
    reviews: dict[str, Review] = {}
    for line, row in enumerate(reader, start=2):
        claim_id, decision = _cell(row, "claim_id"), _cell(row, "decision")
        if decision not in DECISIONS:
            raise DataError(f"decision must be one of {DECISIONS}", file=file, row=line, column="decision",
                            value=decision)
        for key in ("claim_id", "reviewer", "reason"):
            if not _cell(row, key):
                raise DataError(f"{key} is empty: say which claim, who reviewed it and why", file=file, row=line,
                                column=key)
        if claim_id in reviews:
            raise DataError(f"claim reviewed twice (rows {reviews[claim_id].row} and {line})", file=file, row=line,
                            value=claim_id)
        corrections = _corrections(row, file, line)
        if decision == "correct" and not corrections:
            raise DataError("`correct` needs at least one corrected column", file=file, row=line, value=claim_id)
        if decision != "correct" and corrections:
            raise DataError(f"corrections are only read with `correct`, not `{decision}`", file=file, row=line,
                            value=claim_id)
        reviews[claim_id] = Review(claim_id, decision, _cell(row, "reviewer"), _cell(row, "reason"), corrections, line)
    return reviews


def apply_reviews(claims: list[Claim], reviews: dict[str, Review], file: Path) -> list[tuple[Claim, Review | None]]:
    """The claims that reach the tables, each with its review (None: read by machine, passed the gate).

    A reviewed claim is taken as the researcher says; the others as the gate says. A review of a claim
    id the documents no longer hold (the text changed) is an error naming the row.
    """
    by_id = {c.claim_id: c for c in claims}
    for review in reviews.values():
        if review.claim_id not in by_id:
            raise DataError("no such claim in the documents (was the document edited? run `cchc extract` for the "
                            "current ids)", file=file, row=review.row, column="claim_id", value=review.claim_id)
    out: list[tuple[Claim, Review | None]] = []
    for claim in claims:
        review = reviews.get(claim.claim_id)
        if review is None:
            if claim.held_back == "":
                out.append((claim, None))
            continue
        if review.decision == "reject":
            continue
        reviewed = claim._replace(**review.corrections, held_back="")
        family = family_measure(reviewed.indicator or "")[0]
        if family not in TABLE_FAMILIES or reviewed.kind not in TABLE_KINDS or reviewed.year is None \
                or reviewed.province_code is None:
            raise DataError("a reviewed claim for the tables needs an index value or rank with its province and "
                            "year: give them with `correct`", file=file, row=review.row, value=review.claim_id)
        out.append((reviewed, review))
    return out
