"""Quantitative claims in Vietnamese report text: what figure, about what, when, for whom, and whether
it may reach the data tables.

`extract_claims(text, meta)` reads every figure of a known form (ranks, also in words; percentages,
scores, fractions, counts of known nouns, changes and gaps) and decides for each what it is about
(`attribution`: indicator, year, place, target, qualifier), with the reason the text gives for each
decision; `gate.held_back` then says why a claim does not reach `reported_figures` ("" when it does).

Change values are signed (+ up / improved, − down); ranks and counts are as written. `evidence` is the
sentence, or a window of it around the figure when the sentence is long (offsets `evidence_start`,
`evidence_end`), so output stays proportional to the number of claims. Documents longer than `CHUNK`
characters are read in chunks of whole paragraphs (`iter_claims`), so the work in memory is one chunk's.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping
from typing import NamedTuple

from . import attribution as A
from . import patterns as P
from .document import Document
from .figures import Reading, read
from .gate import held_back
from .indicators import INDEX_FAMILIES
from .places import document_province
from .text import clean_text, sentence_at

KINDS = ("rank", "percent", "score", "fraction", "count", "change")
UNIT_LEVELS = ("national", "region", "ministry", "province", "department", "district", "commune")
QUALIFIERS = ("", "bound", "threshold", "gap", "aggregate", "unnamed", "group rank", "part")
EVIDENCE_MAX = 320   # characters of evidence at most: the sentence, or a window of it around the figure
SENTENCE_MAX = 600   # characters either side of a figure within which a long sentence is read for it
CHUNK = 100_000      # characters read at once; longer documents are read paragraph-aligned chunk by chunk
_CONTEXT = 2_000     # characters of the previous chunk kept as context (earlier sentences, headings)


class Claim(NamedTuple):
    """One figure read from a document. Offsets are into `clean_text(text)`. (A named tuple: documents
    yield tens of thousands of claims, and it is built several times faster than a frozen dataclass.)"""

    document: str
    kind: str                  # rank | percent | score | fraction | count | change
    value: float
    of: float | None           # denominator: 63 in 12/63, 100 in 89,30/100
    unit: str                  # "%", "điểm", "hạng", "bậc", or the noun counted ("hồ sơ", "thủ tục", …)
    indicator: str | None      # indicators.CODES
    year: int | None
    province_code: str | None
    unit_level: str            # UNIT_LEVELS
    unit_name: str | None      # "Tuy Phước" for "huyện Tuy Phước"
    is_target: bool
    evidence: str              # the sentence, or at most EVIDENCE_MAX characters of it around the figure
    start: int
    end: int
    province_as_written: str | None = None
    decimals: int = 0          # digits after the decimal mark, as printed
    qualifier: str = ""        # QUALIFIERS: what kind of figure beyond its kind
    bound: str = ""            # ">", "<", "~" for "trên x", "dưới x", "gần x"; "" for a value
    indicator_reason: str = ""
    year_reason: str = ""
    province_reason: str = ""
    evidence_start: int = 0
    evidence_end: int = 0
    held_back: str = ""        # why it does not reach reported_figures ("" = it does)

    @property
    def claim_id(self) -> str:
        """Stable while the document's text is: file and offset of the figure ("qn_2023.txt@1520")."""
        return f"{self.document}@{self.start}"


def _evidence(text: str, sentence: tuple[int, int], span: tuple[int, int]) -> tuple[int, int]:
    """The sentence, or a window of at most EVIDENCE_MAX characters of it centred on the figure (word-aligned)."""
    lo, hi = sentence
    if hi - lo <= EVIDENCE_MAX:
        return lo, hi
    half = (EVIDENCE_MAX - (span[1] - span[0])) // 2
    start = max(lo, span[0] - max(half, 0))
    end = min(hi, start + EVIDENCE_MAX)
    start = max(lo, end - EVIDENCE_MAX)
    if start > lo and (space := text.find(" ", start, span[0])) >= 0:
        start = space + 1
    if end < hi and (space := text.rfind(" ", span[1], end)) >= 0:
        end = space
    return start, end


def _attached_years(doc: Document, spans: list[tuple[int, int, int]]) -> dict[int, int]:
    """Year start → index of the figure it is written with ("84,1% (2021)", "năm 2018 là 81,24%")."""
    after: dict[int, int] = {}
    before: dict[int, int] = {}
    for i, (value_start, _, end) in enumerate(spans):
        found = doc.years.first(end, end + 12)
        if found and A._DIRECT_YEAR.fullmatch(doc.low, end, found[0]):
            after[found[0]] = i
        found = doc.years.last(max(0, value_start - 20), value_start)
        if found and A._YEAR_THEN_FIGURE.fullmatch(doc.low, found[1], value_start):
            before[found[0]] = i
    # "(năm 2014 đạt 76,99%)" right after another figure: the year is said of the figure it introduces
    linked = {y: i for y, i in before.items() if A._YEAR_LINK.match(doc.low, doc.years.first(y, y + 1)[1])}
    attached = {**before, **after, **linked}
    # A year is a figure's own, not the sentence's, when written in brackets or when several figures of
    # the sentence have years of their own ("năm 2018 là 81,24%, năm 2017 đạt 79,76%").
    sentence_of = {y: sentence_at(doc.sentences, doc.view, y)[0] for y in attached}
    per_sentence: dict[int, int] = {}
    for y in attached:
        per_sentence[sentence_of[y]] = per_sentence.get(sentence_of[y], 0) + 1
    return {y: i for y, i in attached.items()
            if per_sentence[sentence_of[y]] > 1 or "(" in doc.low[max(0, y - 6):y]}


def _read_figures(doc: Document) -> list[tuple[tuple[int, int], Reading]]:
    found: list[tuple[tuple[int, int], Reading]] = []
    for m in P.FIGURE_RE.finditer(doc.masked):
        reading = read(m, doc, (found[-1][0][1], found[-1][1]) if found else None)
        if reading is not None:
            found.append((m.span(), reading))
    return found


def _claims(text: str, meta: Mapping[str, object], home, name: str, offset: int = 0, skip_before: int = 0
            ) -> list[Claim]:
    """The claims of one text (or chunk: offsets shifted by `offset`, figures before `skip_before` are context)."""
    doc = Document(text, meta, home)
    figures = _read_figures(doc)
    attached = _attached_years(doc, [(r.value_start, s, e) for (s, e), r in figures])
    starts = [s for (s, _), _ in figures]
    claims: list[Claim] = []
    previous: tuple[int, A.Earlier] | None = None
    whole, paragraph, heading, semicolons = (-1, -1), (-1, -1), None, False
    for i, (span, reading) in enumerate(figures):
        if not whole[0] <= span[0] < whole[1]:
            whole = sentence_at(doc.sentences, doc.view, span[0])
            semicolons = bisect.bisect_left(doc.semicolons, whole[1]) > bisect.bisect_left(doc.semicolons, whole[0])
            if not paragraph[0] <= span[0] <= paragraph[1]:
                paragraph = doc.layout.paragraph(span[0])
                heading = doc.layout.heading(span[0])
        if span[1] > whole[1]:
            continue
        # what a figure is about is read within SENTENCE_MAX characters of it, so a text without sentence
        # breaks costs time in proportion to its length, not its square
        sentence = whole if whole[1] - whole[0] <= 2 * SENTENCE_MAX else \
            (max(whole[0], span[0] - SENTENCE_MAX), min(whole[1], span[1] + SENTENCE_MAX))
        section = A.section_start(heading, sentence)
        clause = doc.clause(sentence, reading.value_start) if semicolons else sentence
        if clause[1] < span[1]:
            clause = (clause[0], doc.clause(sentence, span[1])[1])
        where = A.Where(span, sentence, clause[0], clause[1], paragraph,
                        starts[i + 1] if i + 1 < len(starts) else len(text), heading, section)
        earlier = previous[1] if previous and previous[0] >= sentence[0] else None
        code, indicator_reason = A.indicator(doc, reading, where, earlier)
        if reading.bare and (code is None or code.split(".")[0] not in INDEX_FAMILIES):
            continue
        if span[0] < skip_before:  # context of the previous chunk: read for what follows, claimed there
            previous = (span[0], A.Earlier(span[1], code))
            continue
        year, year_reason = A.year(doc, reading, where, attached, i)
        place = A.place(doc, reading, where, lambda lo, hi: figures[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)])
        subject = place.subject
        qualifier, bound = A.qualifier(doc, reading, where, subject)
        holder = place.parent or subject
        province = holder.province if holder and place.reason else None
        ev = _evidence(text, sentence, span)
        previous = (span[0], A.Earlier(span[1], code))
        claim = Claim(
            document=name, kind=reading.kind, value=reading.value, of=reading.of, unit=reading.unit,
            indicator=code, year=year, province_code=province.code if province else None, unit_level=place.level,
            unit_name=subject.name if subject and subject.level == place.level and place.level != "province" else None,
            is_target=A.is_target(doc, reading, where), evidence=text[ev[0]:ev[1]],
            start=span[0] + offset, end=span[1] + offset,
            province_as_written=holder.written if province else None, decimals=reading.decimals,
            qualifier=qualifier, bound=bound, indicator_reason=indicator_reason if code else "",
            year_reason=year_reason, province_reason=place.reason,
            evidence_start=ev[0] + offset, evidence_end=ev[1] + offset)
        claims.append(Claim(*claim[:-1], held_back(claim, doc.year)))  # the gate reads the finished claim
    return claims


def _chunks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of paragraph-aligned chunks of at most CHUNK characters (a longer paragraph is cut at a space)."""
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK)
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + CHUNK // 2, end)
            end = cut + 1 if cut >= 0 else end
        yield start, end
        start = end


def iter_claims(text: str, meta: Mapping[str, object]) -> Iterator[Claim]:
    """Every quantitative claim in `text` (plain text; NFC or not), in reading order, chunk by chunk
    (memory holds one chunk's claims at a time).

    `meta`: `file` (or `document`) names the document in each claim; `province`, `publisher` and
    `url` tell the province when the text says only "tỉnh" (`places.document_province`); `date`
    (YYYY-MM-DD) is the document's date (for "năm nay" and deadlines).
    """
    text = clean_text(text)
    home = document_province(meta, file=meta.get("file"))
    name = str(meta.get("file") or meta.get("document") or "")
    for start, end in _chunks(text):
        context = max(0, start - _CONTEXT)
        context = text.find("\n", context, start) + 1 or context
        yield from _claims(text[context:end], meta, home, name, offset=context, skip_before=start - context)


def extract_claims(text: str, meta: Mapping[str, object]) -> list[Claim]:
    """Every quantitative claim in `text` as a list (`iter_claims`)."""
    return list(iter_claims(text, meta))
