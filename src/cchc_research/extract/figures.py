"""What a FIGURE_RE match holds: kind, value, denominator, unit and what is counted (`Reading`).

Numbers are read as Vietnamese text writes them ("1.204" = 1204, "89,30" = 89.3); where a dot could be
either a decimal point or a thousands separator, the reading that fits the figure wins ("44.396 điểm"
is 44.396 points; the numerator of "1.204/21.870" is 1204, as it cannot exceed 21870).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..numbers import parse_number
from . import patterns as P
from .document import Document
from .indicators import NOUN_CLASS


class Reading(NamedTuple):
    kind: str
    value: float
    of: float | None
    unit: str
    noun: str          # noun class of what is counted or shared ("" if none)
    share: bool        # a percentage of something ("100% cơ quan") rather than a level
    value_start: int   # where the figure's own words start: names and cues before it are about it
    decimals: int
    level: str | None  # unit level from a rank's denominator noun
    bare: bool = False
    gap: bool = False  # a difference between two units ("thấp hơn Đà Nẵng 4,2 điểm"), not over time


_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_NEXT_WORD = re.compile(r" ?([^\W\d]+)")
_TIME_REFERENCE = re.compile(r"(?<!\w)(?:năm|kỳ|lần|trước|ngoái|đợt|tháng|quý)(?!\w)")
# "xếp hạng 17 bộ", "xếp hạng 63 tỉnh": how many units are ranked, not a rank.
_RANKED_UNITS = re.compile(r" (?:bộ|ubnd|tỉnh|địa phương|đơn vị|cơ quan|sở|huyện|xã)(?!\w)")


def number(token: str, plausible_max: float | None = None) -> tuple[float, int]:
    """(value, decimals) of a number as Vietnamese text writes it; "44.396 điểm" is read as 44,396 when
    the thousands reading exceeds `plausible_max` (scores and percentages)."""
    if token.isdigit():
        return float(token), 0
    head, sep, tail = token.partition(",")
    if sep and head.isdigit() and tail.isdigit():  # "84,56": the common case, read without parse_number
        return float(f"{head}.{tail}"), len(tail)
    value = parse_number(token, "vi")
    thousands = "," not in token and _THOUSANDS.fullmatch(token)
    if thousands and token.count(".") == 1 and plausible_max is not None and value > plausible_max:
        return parse_number(token, "en"), 3
    if "," in token and "." in token:
        mark = max(token.rfind(","), token.rfind("."))
    elif "," in token or "." in token and not thousands:
        mark = max(token.rfind(","), token.rfind("."))
    else:
        return value, 0
    return value, len(token) - mark - 1


def _is_share(low: str, end: int) -> bool:
    word = _NEXT_WORD.match(low, end)
    return bool(word) and word.group(1) not in P.LEVEL_FOLLOWERS


def _rank_level(noun: str | None) -> str | None:
    if not noun:
        return None
    return next((level for key, level in P.RANK_NOUN_LEVEL if noun.startswith(key)), None)


def read(m: re.Match[str], doc: Document, previous: tuple[int, Reading] | None = None) -> Reading | None:
    """The figure a FIGURE_RE match holds, or None when it is not one (e.g. 12/3 is not a fraction).
    `previous`: the figure before it (end, reading), for lists that leave out the noun."""
    kind = m.lastgroup
    try:
        if kind == "RANK" and m.group("rank_word"):
            return Reading("rank", float(P.RANK_WORDS[m.group("rank_word")]), None, "hạng", "", False, m.start(), 0, None)
        if kind == "RANK":
            return _rank(m, doc)
        if kind == "TOP":
            if P.GROUP_LEADS_RE.search(doc.low, max(0, m.start() - 45), m.start()):
                return None  # "nhóm 10 tỉnh dẫn đầu": a group, not a rank
            return Reading("rank", 2.0 if m.group().endswith("á quân") else 1.0, None, "hạng", "", False, m.start(), 0, None)
        if kind == "CHANGE_RANK":
            value, dec = number(m.group("crank"))
            return Reading("change", value if m.group("crank_up") else -value, None, "bậc", "", False,
                           m.start(), dec, None)
        if kind == "CHANGE":
            value, dec = number(m.group("cval"), 100)
            return Reading("change", value if m.group("cval_up") else -value, None, m.group("cval_unit"), "", False,
                           m.start(), dec, None)
        if kind == "GAP":
            value, dec = number(m.group("gap"), 100)
            signed = value if m.group("gap_up") else -value
            over_time = bool(_TIME_REFERENCE.search(m.group("gap_ref")))
            return Reading("change", signed, None, m.group("gap_unit"), "", False, m.start(), dec, None,
                           gap=not over_time)
        if kind == "FRACTION":
            return _fraction(m, doc)
        if kind == "PERCENT":
            value, dec = number(m.group("pc"), 100)
            noun = m.group("pc_noun")
            return Reading("percent", value, None, "%", NOUN_CLASS.get(noun or "", ""),
                           bool(noun) or _is_share(doc.low, m.end()), m.start("pc"), dec, None)
        if kind == "SCORE":
            value, dec = number(m.group("sc"), 100)
            return Reading("score", value, None, "điểm", "", False, m.start("sc"), dec, None)
        if kind in ("COUNT", "COUNT_AFTER"):
            key = "ct" if kind == "COUNT" else "cp"
            noun = m.group(f"{key}_noun")
            value = number(m.group(key))[0] * P.MULTIPLIERS.get(m.group("ct_mult") or "", 1.0)
            level = P.LEVEL_AFTER_RE.match(doc.low, m.end())
            return Reading("count", value, None, doc.text[m.start(f"{key}_noun"):m.end(f"{key}_noun")],
                           NOUN_CLASS[noun], True, m.start(key), 0, P.LEVEL_WORDS[level.group(1)] if level else None)
        if kind == "LEVEL_COUNT":
            return _level_count(m, previous)
        value, dec = number(m.group("bare"), 100)
        return Reading("score", value, None, "", "", False, m.start(), dec, None, bare=True)
    except ValueError:  # digits that are no number as written ("1,2,3")
        return None


_LIST_GAP = re.compile(r"[^.;:!?\d]{0,40}")


def _level_count(m: re.Match[str], previous: tuple[int, Reading] | None) -> Reading | None:
    """"287 cấp huyện" after "1.612 thủ tục cấp tỉnh, ": a count of the same noun at another level."""
    if previous is None or previous[1].kind != "count" or not _LIST_GAP.fullmatch(m.string, previous[0], m.start()):
        return None
    before = previous[1]
    return Reading("count", number(m.group("lc"))[0], None, before.unit, before.noun, True, m.start(), 0,
                   P.LEVEL_WORDS[m.group("lc_level").split()[-1]])


def _rank(m: re.Match[str], doc: Document) -> Reading | None:
    value, dec = number(m.group("rank"))
    of = number(m.group("rank_of"))[0] if m.group("rank_of") else None
    if value < 1 or dec or (of is not None and value > of):
        return None
    if of is None and (m.group("rank_lead").startswith("xếp hạng") and m.group("rank_noun")
                       or _RANKED_UNITS.match(doc.low, m.end("rank"))):
        return None  # "xếp hạng 17 bộ": the number of units ranked
    return Reading("rank", value, of, "hạng", "", False, m.start(), 0, _rank_level(m.group("rank_noun")))


def _fraction(m: re.Match[str], doc: Document) -> Reading | None:
    """"40/42 nhiệm vụ" (fraction), "13,25/14,5 điểm" or "đạt 89,30/100" (score); None for "12/3" alone.
    The numerator is read so that it does not exceed the denominator ("1.204/21.870" = 1204 of 21870)."""
    of = number(m.group("fr_of"))[0]
    value, dec = number(m.group("fr"), of if of > 100 else 100)
    if of <= 0 or value > of:
        return None
    unit = m.group("fr_unit")
    led = doc.low.endswith(P.FRACTION_LEADS, max(0, m.start() - 12), m.start())
    if unit == "điểm" or not unit and led and (of == 100 or dec):
        return Reading("score", value, of, "điểm" if unit else "", "", False, m.start("fr"), dec, None)
    if not unit:
        return None
    return Reading("fraction", value, of, doc.text[m.start("fr_unit"):m.end("fr_unit")], NOUN_CLASS[unit], True,
                   m.start("fr"), dec, None)
