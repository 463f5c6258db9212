"""Quantitative claims in Vietnamese report text: what figure, about what, when, for whom.

`extract_claims(text, meta)` reads every figure of a known form (ranks, percentages, scores,
fractions, counts of known nouns, changes) and decides for each, from the same sentence only:

- the indicator: the nearest indicator name or cue before the figure (figures after it inherit it
  across linking words such as "đạt … , xếp thứ … (tăng … bậc)"), or one right after it ("đứng thứ 3
  về Chỉ số PCI"); none when the sentence does not say. Precision first: other measures' names block.
- the year: "năm 2022" right after the figure, else the nearest year before it in the sentence, else
  the first after it in the clause; "so với năm 2021" is a baseline and never the figure's year.
- the unit: the rank's denominator noun ("3/11 huyện" → district), else the nearest subject before the
  figure (province name, "huyện X", "xã Y", "Sở Z", "trung bình cả nước"), else the document's province.
- target or result: the last of "phấn đấu / mục tiêu / dự kiến …" and "đã / kết quả …" before the
  figure in its clause.

Change values are signed (+ up / improved, − down); ranks and counts are as written.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from ..numbers import parse_number
from ..provinces import Province
from . import patterns as P
from .indicators import (COMPATIBLE, CUE_RE, CUT_CODES, CUT_SUBJECT_RE, INDEX_FAMILIES, NOUN_CLASS, NOUN_INDICATORS,
                         PAR_CONTEXT_RE, cue_code)
from .places import spellings, document_province, province_of, subject_re
from .text import canonical_tones, clean_text, sentence_at, sentence_bounds

KINDS = ("rank", "percent", "score", "fraction", "count", "change")
UNIT_LEVELS = ("national", "province", "department", "district", "commune")
_INDEX_KINDS = frozenset({"rank", "score", "change", "level"})  # "level": a percentage that is not a share
_AFTER_NAME = re.compile(r"[ ,]*(?:tỉnh, thành phố|tỉnh, thành|cả nước|toàn quốc)?[ ,]*(?:về|trong|ở|theo|của|đối với) "
                         r"(?:bảng xếp hạng |kết quả |các )?$")
_DIRECT_YEAR = re.compile(r" ?(?:\(|trong |vào )?(?:năm )?$")
_NEXT_WORD = re.compile(r" ?([^\W\d]+)")
_GAP_AFTER = re.compile(r" ?(?:(đã được|đã) |được )?")


@dataclass(frozen=True)
class Claim:
    """One figure read from a document. Offsets are into `clean_text(text)`."""

    document: str
    kind: str                  # rank | percent | score | fraction | count | change
    value: float
    of: float | None           # denominator: 63 in 12/63, 100 in 89,30/100
    unit: str                  # "%", "điểm", "hạng", "bậc", or the noun counted ("hồ sơ", "thủ tục", …)
    indicator: str | None      # indicators.CODES
    year: int | None
    province_code: str | None
    unit_level: str            # national | province | department | district | commune
    unit_name: str | None      # "Tuy Phước" for "huyện Tuy Phước"
    is_target: bool
    evidence: str              # the sentence
    start: int
    end: int
    province_as_written: str | None = None
    decimals: int = 0          # digits after the decimal mark, as printed


class _Reading(NamedTuple):
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


_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _number(token: str, plausible_max: float | None = None) -> tuple[float, int]:
    """(value, decimals) of a number as Vietnamese text writes it; "44.396 điểm" is read as 44,396 when
    the thousands reading exceeds `plausible_max` (scores and percentages)."""
    if token.isdigit():
        return float(token), 0
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


def _read(m: re.Match[str], doc: _Document) -> _Reading | None:
    """The figure a FIGURE_RE match holds, or None when it is not one (e.g. 12/3 is not a fraction)."""
    kind = m.lastgroup
    try:
        if kind == "RANK":
            value, dec = _number(m.group("rank"))
            of = _number(m.group("rank_of"))[0] if m.group("rank_of") else None
            if value < 1 or dec or (of is not None and value > of):
                return None
            return _Reading("rank", value, of, "hạng", "", False, m.start(), 0, _rank_level(m.group("rank_noun")))
        if kind == "TOP":
            return _Reading("rank", 1.0, None, "hạng", "", False, m.start(), 0, None)
        if kind == "CHANGE_RANK":
            value, dec = _number(m.group("crank"))
            return _Reading("change", value if m.group("crank_up") else -value, None, "bậc", "", False,
                            m.start(), dec, None)
        if kind == "CHANGE":
            value, dec = _number(m.group("cval"), 100)
            return _Reading("change", value if m.group("cval_up") else -value, None, m.group("cval_unit"), "", False,
                            m.start(), dec, None)
        if kind == "FRACTION":
            return _fraction(m, doc)
        if kind == "PERCENT":
            value, dec = _number(m.group("pc"), 100)
            noun = m.group("pc_noun")
            return _Reading("percent", value, None, "%", NOUN_CLASS.get(noun or "", ""),
                            bool(noun) or _is_share(doc.low, m.end()), m.start("pc"), dec, None)
        if kind == "SCORE":
            value, dec = _number(m.group("sc"), 100)
            return _Reading("score", value, None, "điểm", "", False, m.start("sc"), dec, None)
        if kind in ("COUNT", "COUNT_AFTER"):
            key = "ct" if kind == "COUNT" else "cp"
            noun = m.group(f"{key}_noun")
            value = _number(m.group(key))[0] * P.MULTIPLIERS.get(m.group("ct_mult") or "", 1.0)
            return _Reading("count", value, None, doc.text[m.start(f"{key}_noun"):m.end(f"{key}_noun")],
                            NOUN_CLASS[noun], True, m.start(key), 0, None)
        value, dec = _number(m.group("bare"), 100)
        return _Reading("score", value, None, "", "", False, m.start(), dec, None, bare=True)
    except ValueError:  # digits that are no number as written ("1,2,3")
        return None


def _fraction(m: re.Match[str], doc: _Document) -> _Reading | None:
    """"40/42 nhiệm vụ" (fraction), "13,25/14,5 điểm" or "đạt 89,30/100" (score); None for "12/3" alone."""
    value, dec = _number(m.group("fr"), 100)
    of = _number(m.group("fr_of"))[0]
    if of <= 0 or value > of:
        return None
    unit = m.group("fr_unit")
    led = doc.low.endswith(P.FRACTION_LEADS, max(0, m.start() - 12), m.start())
    if unit == "điểm" or not unit and led and (of == 100 or dec):
        return _Reading("score", value, of, "điểm" if unit else "", "", False, m.start("fr"), dec, None)
    if not unit:
        return None
    return _Reading("fraction", value, of, doc.text[m.start("fr_unit"):m.end("fr_unit")], NOUN_CLASS[unit], True,
                    m.start("fr"), dec, None)


class _Spans:
    """Matches of one pattern over the whole document, searchable by position."""

    def __init__(self, items: list[tuple[int, int, object]]):
        self.items = items
        self.starts = [s for s, _, _ in items]

    def before(self, lo: int, hi: int) -> list[tuple[int, int, object]]:
        """Items that start in [lo, hi), nearest to `hi` first."""
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return self.items[i:j][::-1]

    def after(self, lo: int, hi: int) -> list[tuple[int, int, object]]:
        """Items that start in [lo, hi), nearest to `lo` first."""
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return self.items[i:j]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the spans (sorted by start, may overlap) replaced by "_" (same length)."""
    out, last = [], 0
    for s, e in spans:
        if e > last:
            s = max(s, last)
            out += [text[last:s], "_" * (e - s)]
            last = e
    return "".join(out + [text[last:]])


def _web_spans(low: str) -> list[tuple[int, int]]:
    """Whole whitespace-delimited words that hold a web address or e-mail."""
    spans = []
    for m in P.WEB_TRIGGER_RE.finditer(low):
        start = max(low.rfind(" ", 0, m.start()), low.rfind("\n", 0, m.start())) + 1
        ends = [i for i in (low.find(" ", m.end()), low.find("\n", m.end())) if i >= 0]
        spans.append((start, min(ends) if ends else len(low)))
    return spans


def _mask(view: str, low: str) -> tuple[str, _Spans]:
    """`low` with non-figures blanked out, and the years it names (value, is_baseline)."""
    spans = [m.span() for m in P.MASK_CASED_RE.finditer(view)] + [m.span() for m in P.MASK_RE.finditer(low)]
    masked = _blank(low, sorted(spans + _web_spans(low)))
    years = []
    for m in P.YEAR_RE.finditer(masked):
        baseline = bool(P.YEAR_BASELINE_RE.search(low, max(0, m.start() - 25), m.start()))
        years.append((m.start(), m.end(), (int(m.group()), baseline)))
    return _blank(masked, [(s, e) for s, e, _ in years]), _Spans(years)


def _lower(view: str) -> str:
    """`view` in lower case, character by character (so offsets hold)."""
    low = view.lower()
    return low if len(low) == len(view) else "".join(c if len(c.lower()) != 1 else c.lower() for c in view)


class _Subject(NamedTuple):
    level: str
    province: Province | None
    written: str | None
    name: str | None


def _subject(m: re.Match[str], text: str, home: Province | None, home_written: str | None) -> _Subject:
    """The subject a subject_re match names (a province name after "thành phố" is a province)."""
    group = m.lastgroup
    if group == "province" or group == "district" and canonical_tones(m.group("dname")) in spellings():
        key = "province" if group == "province" else "dname"
        return _Subject("province", province_of(m.group(key)), text[m.start(key):m.end(key)], None)
    if group == "province_any":
        return _Subject("province", home, home_written, None)
    if group == "national":
        return _Subject("national", None, None, None)
    level = {"district": "district", "district_any": "district", "commune": "commune", "commune_any": "commune",
             "department": "department"}[group or ""]
    return _Subject(level, None, None, m.group("dname") or m.group("cname") or m.group("sname"))


class _Document:
    """Everything the claim decisions look up, computed once per document."""

    def __init__(self, text: str, home: Province | None, home_written: str | None):
        self.text, self.view = text, canonical_tones(text)
        self.low = _lower(self.view)
        self.home, self.home_written = home, home_written
        self.sentences = sentence_bounds(self.view)
        self.masked, self.years = _mask(self.view, self.low)
        self.cues = _Spans([(m.start(), m.end(), code) for m in CUE_RE.finditer(self.low)
                            if (code := cue_code(self.low, m))])
        self.subjects = _Spans([(m.start(), m.end(), _subject(m, text, home, home_written))
                                for m in subject_re().finditer(self.view)])
        self.linkable = _blank(self.masked, [(s, e) for s, e, subject in self.subjects.items
                                             if subject.level == "province" and subject.written])
        self.targets = _Spans([(m.start(), m.end(), cue) for m in P.TARGET_RE.finditer(self.low)
                               if (cue := P.target_cue(self.low, m)) is not None])
        self.semicolons = [m.start() for m in re.finditer(";", self.view)]

    def clause(self, sentence: tuple[int, int], pos: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.semicolons, pos)
        start = max(sentence[0], self.semicolons[i - 1] + 1 if i else 0)
        end = min(sentence[1], self.semicolons[i] if i < len(self.semicolons) else sentence[1])
        return start, end


def _allows_index(reading: _Reading) -> bool:
    kind = "level" if reading.kind == "percent" and not reading.share else reading.kind
    return kind in _INDEX_KINDS


def _count_code(cue: str | None, reading: _Reading) -> str | None:
    """The count indicator a cue gives this figure, if the figure's noun fits it (a share of an unlisted
    noun, "100% mục tiêu", fits none)."""
    if cue == "cut":
        return CUT_CODES.get(reading.noun)
    noun = reading.noun or ("?" if reading.share else "")
    return cue if noun in COMPATIBLE.get(cue or "", ()) else None


class _Where(NamedTuple):
    """Where a figure is: its span, its sentence, and the clause around it (";" ends a clause)."""

    span: tuple[int, int]
    sentence: tuple[int, int]
    clause_start: int
    clause_end: int


def _from_cue(doc: _Document, cue: tuple[str, str | None], reading: _Reading, where: _Where) -> tuple[bool, str | None]:
    """(decided, code) for the figure given one cue: decided False means look further."""
    category, code = cue
    if category == "block":
        return True, None
    if category == "index":
        return True, code if _allows_index(reading) else None
    if category == "field":
        if _allows_index(reading) and PAR_CONTEXT_RE.search(doc.low, *where.sentence):
            return True, code
        return _allows_index(reading), None
    if _allows_index(reading) and reading.kind != "percent":
        return True, None
    found = _count_code(code, reading)
    return found is not None, found


def _immediately_after(doc: _Document, reading: _Reading, where: _Where) -> tuple[bool, str | None]:
    """A qualifier right after what a count counts decides: "34 nhiệm vụ đã hoàn thành", "26 131 hồ sơ
    đúng hạn", "02 nhiệm vụ chưa hoàn thành" (decided, code)."""
    for start, _, cue in doc.cues.after(where.span[1], where.sentence[1])[:1]:
        gap = _GAP_AFTER.fullmatch(doc.low, where.span[1], start)
        if gap and (gap.group(1) or cue[0] == "block" or cue[1] == "dossiers_on_time") and cue[0] != "reset":
            return True, _count_code(cue[1], reading) if cue[0] == "count" else None
    return False, None


def _indicator(doc: _Document, reading: _Reading, where: _Where, previous: Claim | None) -> str | None:
    """The indicator the sentence names for this figure (module docstring), or None."""
    end = where.span[1]
    if _allows_index(reading):
        for start, _, cue in doc.cues.after(end, where.sentence[1])[:1]:
            if _AFTER_NAME.fullmatch(doc.low, end, start) and cue[0] in ("index", "field", "block"):
                return _from_cue(doc, cue, reading, where)[1]
    else:
        unit = reading.unit.lower()
        if unit in NOUN_INDICATORS:
            return NOUN_INDICATORS[unit]
        if unit == "người":
            named = list(CUT_SUBJECT_RE.finditer(doc.low, where.clause_start, reading.value_start))
            if named and named[-1].group() != "người":
                reading = reading._replace(noun=named[-1].lastgroup or reading.noun)
        decided, code = _immediately_after(doc, reading, where)
        if decided:
            return code
    for _, _, cue in doc.cues.before(previous.end if previous else where.sentence[0], reading.value_start):
        if cue[0] == "reset":
            break
        decided, code = _from_cue(doc, cue, reading, where)
        if decided:
            return code
    if previous is not None and previous.indicator and P.LINK_RE.fullmatch(doc.linkable, previous.end, where.span[0]):
        return _inherited(previous.indicator, reading)
    if not _allows_index(reading) and reading.noun:
        for _, _, cue in [c for c in doc.cues.after(end, where.clause_end) if c[2][0] != "reset"][:1]:
            return _count_code(cue[1], reading) if cue[0] == "count" else None
    return None


def _inherited(code: str, reading: _Reading) -> str | None:
    """What a figure linked to the previous one ("…, xếp thứ 7/63", "giảm 12 phòng và 35 lãnh đạo") inherits."""
    if code.split(".")[0] in INDEX_FAMILIES:
        return code if _allows_index(reading) else None
    if code in CUT_CODES.values():
        return CUT_CODES.get(reading.noun) or (code if reading.kind == "percent" and not reading.share else None)
    if reading.kind == "percent" and not reading.share or reading.noun in COMPATIBLE.get(code, ()):
        return code
    return None


def _year(doc: _Document, where: _Where) -> int | None:
    (start, end), sentence = where.span, where.sentence
    for year_start, _, (year, baseline) in doc.years.after(end, min(sentence[1], end + 12))[:1]:
        if not baseline and _DIRECT_YEAR.fullmatch(doc.low, end, year_start):
            return year
    for _, _, (year, baseline) in doc.years.before(sentence[0], start):
        if not baseline:
            return year
    for _, _, (year, baseline) in doc.years.after(end, where.clause_end):
        if not baseline:
            return year
    return None


def _is_target(doc: _Document, reading: _Reading, where: _Where) -> bool:
    for _, _, is_target in doc.targets.before(where.clause_start, reading.value_start)[:1]:
        return bool(is_target)
    return False


def _place(doc: _Document, reading: _Reading, where: _Where) -> _Subject:
    """Unit level, province and unit name of a figure (module docstring)."""
    nearest = doc.subjects.before(where.sentence[0], reading.value_start)
    following = doc.subjects.after(where.span[1], where.clause_end)
    subject: _Subject | None = (nearest or following)[0][2] if nearest or following else None
    level = reading.level or (subject.level if subject else "province")
    if level == "national":
        return _Subject("national", None, None, None)
    if level == "province":
        if subject and subject.level == "province":
            return subject
        return _Subject("province", doc.home, doc.home_written, None)
    name = subject.name if subject and subject.level == level else None
    province = next((s for _, _, s in nearest + following if s.level == "province" and s.province), None)
    if province:
        return _Subject(level, province.province, province.written, name)
    return _Subject(level, doc.home, doc.home_written, name)


def extract_claims(text: str, meta: Mapping[str, object]) -> list[Claim]:
    """Every quantitative claim in `text` (plain text; NFC or not), in reading order.

    `meta`: `file` (or `document`) names the document in each claim; `province`, `publisher` and
    `url` tell the province when the text says only "tỉnh" (`places.document_province`).
    """
    text = clean_text(text)
    home = document_province(meta, file=meta.get("file"))
    doc = _Document(text, home, str(meta.get("province") or (home.name if home else "")) or None)
    name = str(meta.get("file") or meta.get("document") or "")
    claims: list[Claim] = []
    for m in P.FIGURE_RE.finditer(doc.masked):
        reading = _read(m, doc)
        if reading is None:
            continue
        span = m.span()
        sentence = sentence_at(doc.sentences, doc.view, span[0])
        if span[1] > sentence[1]:
            continue
        where = _Where(span, sentence, doc.clause(sentence, reading.value_start)[0], doc.clause(sentence, span[1])[1])
        previous = claims[-1] if claims and claims[-1].start >= sentence[0] else None
        indicator = _indicator(doc, reading, where, previous)
        if reading.bare and (indicator is None or indicator.split(".")[0] not in INDEX_FAMILIES):
            continue
        place = _place(doc, reading, where)
        claims.append(Claim(
            document=name, kind=reading.kind, value=reading.value, of=reading.of, unit=reading.unit,
            indicator=indicator, year=_year(doc, where),
            province_code=place.province.code if place.province else None, unit_level=place.level,
            unit_name=place.name, is_target=_is_target(doc, reading, where),
            evidence=text[sentence[0]:sentence[1]], start=span[0], end=span[1],
            province_as_written=place.written if place.province else None, decimals=reading.decimals))
    return claims
