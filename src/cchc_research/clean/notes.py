"""What the collectors' notes say about a quoted figure, as rules reconciliation applies.

The quoted-figure files carry free-text `note`s (NOTES.md and NOTES_pass3.md of par_index_tables/ and
indices_2021_2030/). Four recurring statements change what a figure means:

- "rank from listed order" (or "rank inferred from listed order", "rank from order"): the rank was read
  from the order in which a page lists provinces, not stated; it is marked `listed-order` wherever shown.
  "rank inferred from score order" marks `score-order`. Any other rank is `stated`.
- "prior-year figure" / "prior-year comparison": a figure about the previous year quoted in a later
  article; it is a fact about its own year (the row's `year`) from a later source.
- "corroboration" / "corroborates" / "duplicate of existing": the row adds no new figure; it must agree
  with a figure another source gives (else it is a conflict, or, with nothing to corroborate, a flag).
- "rounded" ("value rounded in source"): the quote gives a rounded value; where exactly one other quote
  of the same figure gives a precise value that rounds to it, the two agree (the precise value is kept).
- Index 766 rows are dated snapshots: `as_of` is the date (or period) the evidence or note names.
"""

from __future__ import annotations

import re

LISTED_ORDER = re.compile(r"\brank (?:inferred )?from (?:the )?(?:listed )?order\b", re.IGNORECASE)
SCORE_ORDER = re.compile(r"\brank inferred from score order\b", re.IGNORECASE)
PRIOR_YEAR = re.compile(r"\bprior-year (?:figure|comparison)\b", re.IGNORECASE)
CORROBORATION = re.compile(r"\bcorroborat|\bduplicate of existing\b", re.IGNORECASE)
ROUNDED = re.compile(r"\brounded\b", re.IGNORECASE)

# Families whose figures are dated snapshots, not annual scores.
SNAPSHOT_FAMILIES = ("INDEX_766",)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY = re.compile(r"\b(\d{1,2}) (" + "|".join(_MONTHS) + r")[a-z]* (\d{4})\b", re.IGNORECASE)
_PERIOD = re.compile(r"\b((?:late|early|mid|around)\b[^;,()]*?\b\d{4})\b", re.IGNORECASE)


def rank_basis(note: str) -> str:
    """stated, listed-order or score-order, for a quote that gives a rank."""
    if LISTED_ORDER.search(note):
        return "listed-order"
    if SCORE_ORDER.search(note):
        return "score-order"
    return "stated"


def is_prior_year(note: str) -> bool:
    return bool(PRIOR_YEAR.search(note))


def is_corroboration(note: str) -> bool:
    return bool(CORROBORATION.search(note))


def is_rounded(note: str) -> bool:
    return bool(ROUNDED.search(note))


def decimals(value: float) -> int:
    """Decimals a quoted value is written with (80.0 → 0, 88.2 → 1)."""
    text = repr(float(value))
    return len(text.split(".")[1].rstrip("0")) if "." in text and "e" not in text else 0


def snapshot_date(evidence: str, note: str) -> str:
    """The day a snapshot refers to as YYYY-MM-DD, else the period as worded ("late Jul-early Aug 2025"),
    else "" (the source does not date it)."""
    day = _DAY.search(f"{evidence} {note}")
    if day:
        d, month, year = day.groups()
        return f"{year}-{_MONTHS.index(month[:3].lower()) + 1:02d}-{int(d):02d}"
    period = _PERIOD.search(note) or _PERIOD.search(evidence)
    return period.group(1).strip() if period else ""
