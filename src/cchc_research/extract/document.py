"""One document prepared for reading: lower-cased and masked views, and every match the claim
decisions look up (years, indicator cues, subjects, target words), each computed once.

All views have the length of the clean text, so an offset means the same character in each.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import NamedTuple

from ..provinces import Province
from . import patterns as P
from .context import Layout, numbered_or_short
from .indicators import CUE_RE, cue_code
from .places import province_of, spellings, subject_re
from .text import canonical_tones, sentence_bounds


class Spans:
    """Matches of one pattern over the whole document, searchable by position."""

    def __init__(self, items: list[tuple[int, int, object]]):
        self.items = items
        self.starts = [s for s, _, _ in items]

    def before(self, lo: int, hi: int) -> Iterator[tuple[int, int, object]]:
        """Items that start in [lo, hi), nearest to `hi` first (lazily: most look-ups stop at the first)."""
        items, i = self.items, bisect.bisect_left(self.starts, hi) - 1
        while i >= 0 and items[i][0] >= lo:
            yield items[i]
            i -= 1

    def after(self, lo: int, hi: int) -> list[tuple[int, int, object]]:
        """Items that start in [lo, hi), nearest to `lo` first."""
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return self.items[i:j]

    def last(self, lo: int, hi: int) -> tuple[int, int, object] | None:
        """The item that starts last in [lo, hi), if any."""
        j = bisect.bisect_left(self.starts, hi)
        return self.items[j - 1] if j and self.starts[j - 1] >= lo else None

    def first(self, lo: int, hi: int) -> tuple[int, int, object] | None:
        """The item that starts first in [lo, hi), if any."""
        i = bisect.bisect_left(self.starts, lo)
        return self.items[i] if i < len(self.starts) and self.starts[i] < hi else None


class Subject(NamedTuple):
    """Who a stretch of text is about. `group`: the subject pattern that found it (places.subject_re)."""

    level: str                 # national | region | ministry | province | department | district | commune
    province: Province | None
    written: str | None
    name: str | None
    group: str


def blank(text: str, spans: list[tuple[int, int]]) -> str:
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


def _date_spans(low: str) -> list[tuple[int, int]]:
    """Day/month/year dates whose day and month can be a date ("85.42/100" is not one)."""
    return [m.span() for m in P.DATE_RE.finditer(low) if 1 <= int(m.group("d")) <= 31 and 1 <= int(m.group("m")) <= 12]


def _lower(view: str) -> str:
    """`view` in lower case, character by character (so offsets hold)."""
    low = view.lower()
    return low if len(low) == len(view) else "".join(c if len(c.lower()) != 1 else c.lower() for c in view)


def _subject(m: re.Match[str], text: str, home: Province | None, home_written: str | None) -> Subject:
    """The subject a subject_re match names (a province name after "thành phố" is a province)."""
    group = m.lastgroup or ""
    if group == "province" or group == "district" and canonical_tones(m.group("dname")) in spellings():
        key = "province" if group == "province" else "dname"
        return Subject("province", province_of(m.group(key)), text[m.start(key):m.end(key)], None, "province")
    if group == "province_any":
        return Subject("province", home, home_written, None, group)
    if group == "unnamed":
        return Subject("province", None, None, None, group)
    if group in ("national", "region", "ministry"):
        return Subject(group, None, None, m.group() if group != "national" else None, group)
    level = {"district": "district", "district_any": "district", "commune": "commune", "commune_any": "commune",
             "department": "department"}[group]
    return Subject(level, None, None, m.group("dname") or m.group("cname") or m.group("sname"), group)


def _document_year(meta: Mapping[str, object]) -> int | None:
    try:
        return dt.date.fromisoformat(str(meta.get("date") or "")[:10]).year
    except ValueError:
        return None


class Document:
    """Everything the claim decisions look up, computed once per document (or chunk of one)."""

    def __init__(self, text: str, meta: Mapping[str, object], home: Province | None):
        self.text, self.view = text, canonical_tones(text)
        self.low = _lower(self.view)
        self.home = home
        self.home_written = str(meta.get("province") or (home.name if home else "")) or None
        self.home_stated = bool(meta.get("province"))  # the manifest says whose document this is
        self.year = _document_year(meta)
        self.layout = Layout(self.view)
        self.sentences = sentence_bounds(self.view)
        datelines = [m.span() for m in P.DATELINE_RE.finditer(self.view)]
        masks = [m.span() for m in P.MASK_RE.finditer(self.low)]
        spans = ([m.span() for m in P.MASK_CASED_RE.finditer(self.view)] + masks + _date_spans(self.low)
                 + _web_spans(self.low) + datelines)
        masked = blank(self.low, sorted(spans))
        # the year of a masked period ("quý I/2023") is a year of the text all the same
        years = [(s + m.start("year"), s + m.end("year"), (int(m.group("year")), False)) for s, e in masks
                 if (m := P.PERIOD_YEAR_RE.search(self.low[s:e]))]
        for m in P.YEAR_RE.finditer(masked):
            baseline = bool(P.YEAR_BASELINE_RE.search(self.low, max(0, m.start() - 40), m.start()))
            years.append((m.start(), m.end(), (int(m.group()), baseline)))
        self.years = Spans(sorted(years))
        self.masked = blank(masked, [(s, e) for s, e, _ in years])
        self.cues = Spans([(m.start(), m.end(), cue_code(m)) for m in CUE_RE.finditer(self.low)])
        dateline_starts = [s for s, _ in datelines]

        def in_dateline(pos: int) -> bool:
            i = bisect.bisect_right(dateline_starts, pos) - 1
            return i >= 0 and pos < datelines[i][1]

        seen: dict[tuple[str | None, str], Subject] = {}  # the same words name the same subject: built once

        def subject(m: re.Match[str]) -> Subject:
            key = (m.lastgroup, m.group())
            if key not in seen:
                seen[key] = _subject(m, text, home, self.home_written)
            return seen[key]

        self.subjects = Spans([(m.start(), m.end(), subject(m))
                               for m in subject_re().finditer(self.view) if not in_dateline(m.start())])
        # names after "sau", "so với", "hơn" …: points of comparison, not subjects ("sau Quảng Ninh")
        self.references = {start for start, _, subject in self.subjects.items if subject.written
                           and P.REFERENCE_BEFORE_RE.search(self.low, max(0, start - 20), start)}
        self.linkable = blank(self.masked, [(s, e) for s, e, subject in self.subjects.items
                                            if subject.level == "province" and subject.written])
        self.targets = Spans([(m.start(), m.end(), cue) for m in P.TARGET_RE.finditer(self.low)
                              if (cue := P.target_cue(self.low, m)) is not None])
        self.semicolons = [m.start() for m in re.finditer(";", self.view)]
        self.multi_index = Spans([(m.start(), m.end(), None) for m in P.MULTI_INDEX_RE.finditer(self.low)])
        self._target_sections: dict[tuple[int, int], bool] = {}

    def target_section(self, heading: tuple[int, int]) -> bool:
        """Whether a heading opens a section of objectives ("II. MỤC TIÊU", "Phương hướng năm 2024:")."""
        if heading not in self._target_sections:
            head = self.low[heading[0]:heading[1]]
            self._target_sections[heading] = (numbered_or_short(self.low, *heading) and bool(
                P.TARGET_HEADING_RE.search(head)) and not P.RESULT_HEADING_RE.search(head))
        return self._target_sections[heading]

    def clause(self, sentence: tuple[int, int], pos: int) -> tuple[int, int]:
        """(start, end) of the clause holding `pos`: ";" ends a clause."""
        i = bisect.bisect_left(self.semicolons, pos)
        start = max(sentence[0], self.semicolons[i - 1] + 1 if i else 0)
        end = min(sentence[1], self.semicolons[i] if i < len(self.semicolons) else sentence[1])
        return start, end
