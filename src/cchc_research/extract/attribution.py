"""What a figure is about, each decision with the reason the text gives for it (empty: none).

- indicator: the nearest name or cue before the figure in its sentence (figures after it inherit it
  across linking words), or one right after it ("đứng thứ 3 về Chỉ số PCI"); failing that, the index the
  previous sentence of the paragraph or the heading names, when the sentence names no measure at all.
  Other measures' names block; several indices named together ("cả hai chỉ số") give none.
- year: "năm 2022" right after (or "năm 2018 là" right before) the figure, else the nearest year before it
  in the sentence that no other figure holds, else one after it in its clause, else the previous
  sentences of the paragraph, the heading, or the document's year where the text says "năm nay".
  "so với năm 2021" is a baseline: never the figure's year, except for the earlier value of a change
  "từ X lên Y". Two years for one figure ("năm 2019 và 2020 xếp hạng 59") give none.
- place: the rank's denominator noun ("3/11 huyện"), else the nearest subject before the figure (a
  province name, "tỉnh" = the document's province, "huyện X", "Sở Y", a region, a ministry, the
  country), else one after it before the next figure, else the earlier sentences of the paragraph or
  the heading, else the document's province when the manifest states it. A province named as a point
  of comparison ("sau Quảng Ninh") is not the subject; names in a list are the subjects of their
  figures only with "lần lượt", otherwise the province is left open.
- target: the last target or result word before the figure in its clause; else a deadline in the
  clause not before the document's year ("đến năm 2025"); else a heading of objectives above it.
- qualifier: bound (">", "<", "~": "trên 80%", "gần 5.300"), threshold (a bound of a group, or a figure
  said of a counted group: "12 sở đạt trên 90%", "từ 90 điểm trở lên", "16 cơ quan … đạt 100%"), gap
  (between units), aggregate (an average), unnamed ("tỉnh cao nhất"), group rank ("xếp thứ 3 khu vực
  Bắc Trung Bộ"), part (of dossiers: online, direct, by post, "trong đó …").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from . import patterns as P
from .document import Document, Subject
from .figures import Reading
from .indicators import (COMPATIBLE, CUT_CODES, CUT_SUBJECT_RE, INDEX_FAMILIES, NOUN_INDICATORS, PAR_CONTEXT_RE,
                         family_measure)

_INDEX_KINDS = frozenset({"rank", "score", "change", "level"})  # "level": a percentage that is not a share
_AFTER_NAME = re.compile(r"[ ,]*(?:tỉnh, thành phố|tỉnh, thành|cả nước|toàn quốc)?[ ,]*(?:(?:về|trong|ở|theo|của|đối với"
                         r"|trên) (?:bảng xếp hạng |kết quả |các )?|bảng xếp hạng |bảng )$")
_DIRECT_YEAR = re.compile(r" ?(?:\(|trong |vào )?(?:năm )?$")
_YEAR_THEN_FIGURE = re.compile(r"(?: ?\)| ?:)?(?: (?:là|đạt|được|với|ở mức))? ?\(?$")
_WITH_LEAD = re.compile(r"\W*với ")
_COMMA = re.compile(r" ?, ?")
_YEAR_LINK = re.compile(r" ?(?::|là|đạt|được)(?!\w)")
_GAP_AFTER = re.compile(r" ?(?:(đã được|đã) |được )?")
_TWO_YEARS = re.compile(r" ?(?:và|,|-|–|hoặc) ?(?:năm )?$")
_FROM = re.compile(r"(?<!\w)từ (?:vị trí (?:thứ |số )?|thứ hạng |hạng |mức |thứ )?$")
_TO = re.compile(r"[^,;.]{0,30}?(?<!\w)(?<!trở )(?:lên|xuống|đến|tới)(?!\w)")
_LIST_GLUE = re.compile(r"^(?:,|, và|và|hoặc|,? cùng)$")
_AVERAGE = re.compile(r"(?<!\w)(?:trung bình|bình quân)(?!\w)[^,;.]{0,50}$")
_RANGE_BEFORE = re.compile(r"\d ?(?:%|điểm)? ?[-–] ?$")
_RANGE_AFTER = re.compile(r" ?(?:%|điểm)? ?[-–] ?\d")
_FULL_RANKINGS = {63.0, 64.0, 34.0}


class Where(NamedTuple):
    """Where a figure is: its span, sentence, clause (";" ends a clause), paragraph, and the start of the next figure."""

    span: tuple[int, int]
    sentence: tuple[int, int]
    clause_start: int
    clause_end: int
    paragraph: tuple[int, int]
    next_figure: int
    heading: tuple[int, int] | None  # the heading above the paragraph
    section_start: int               # where context starts: after the heading, at most _SECTION_MAX back


class Earlier(NamedTuple):
    """The previous claim of the same sentence, as far as the decisions need it."""

    end: int
    indicator: str | None


def allows_index(reading: Reading) -> bool:
    kind = "level" if reading.kind == "percent" and not reading.share else reading.kind
    return kind in _INDEX_KINDS


def _count_code(cue: str | None, reading: Reading) -> str | None:
    """The count indicator a cue gives this figure, if the figure's noun fits it (a share of an unlisted
    noun, "100% mục tiêu", fits none)."""
    if cue == "cut":
        return CUT_CODES.get(reading.noun)
    noun = reading.noun or ("?" if reading.share else "")
    return cue if noun in COMPATIBLE.get(cue or "", ()) else None


def _from_cue(doc: Document, cue: tuple[str, str | None], reading: Reading, sentence: tuple[int, int]
              ) -> tuple[bool, str | None]:
    """(decided, code) for the figure given one cue: decided False means look further."""
    category, code = cue
    if category == "block":
        return True, None
    if category == "index":
        return True, code if allows_index(reading) else None
    if category == "field":
        if allows_index(reading) and PAR_CONTEXT_RE.search(doc.low, *sentence):
            return True, code
        return allows_index(reading), None
    if allows_index(reading) and reading.kind != "percent":
        return True, None
    found = _count_code(code, reading)
    return found is not None, found


def _immediately_after(doc: Document, reading: Reading, where: Where) -> tuple[bool, str | None]:
    """A qualifier right after what a count counts decides: "34 nhiệm vụ đã hoàn thành", "26 131 hồ sơ
    đúng hạn", "02 nhiệm vụ chưa hoàn thành", "6.539 hồ sơ đang giải quyết" (decided, code)."""
    found = doc.cues.first(where.span[1], where.sentence[1])
    if found:
        start, _, cue = found
        gap = _GAP_AFTER.fullmatch(doc.low, where.span[1], start)
        if gap and (gap.group(1) or cue[0] == "block" or cue[1] == "dossiers_on_time") and cue[0] != "reset":
            return True, _count_code(cue[1], reading) if cue[0] == "count" else None
    return False, None


def _inherited(code: str, reading: Reading) -> str | None:
    """What a figure linked to the previous one ("…, xếp thứ 7/63", "giảm 12 phòng và 35 lãnh đạo") inherits."""
    if code.split(".")[0] in INDEX_FAMILIES:
        return code if allows_index(reading) else None
    if code in CUT_CODES.values():
        return CUT_CODES.get(reading.noun) or (code if reading.kind == "percent" and not reading.share else None)
    if reading.kind == "percent" and not reading.share or reading.noun in COMPATIBLE.get(code, ()):
        return code
    return None


def _index_families(doc: Document, lo: int, hi: int) -> set[str]:
    return {cue[1].split(".")[0] for _, _, cue in doc.cues.after(lo, hi) if cue[0] == "index" and cue[1]}


def _index_in_context(doc: Document, where: Where) -> tuple[str | None, str]:
    """The index the earlier sentences of the paragraph, or the heading, name (one index only)."""
    para_start = max(where.paragraph[0], where.section_start)
    found = doc.cues.last(para_start, where.sentence[0])
    if found:
        cue = found[2]
        if cue[0] != "index":
            return None, ""
        return (cue[1], "named in an earlier sentence") if len(_index_families(doc, para_start, where.sentence[0])) == 1 \
            else (None, "")
    heading = where.heading
    if heading and len(families := _index_families(doc, *heading)) == 1:
        code = next(cue[1] for _, _, cue in doc.cues.before(*heading) if cue[0] == "index")
        return (code, "named in the heading") if code.split(".")[0] in families else (None, "")
    return None, ""


def indicator(doc: Document, reading: Reading, where: Where, previous: Earlier | None) -> tuple[str | None, str]:
    """(code, reason) of the indicator the text names for this figure (module docstring)."""
    code, reason = _indicator(doc, reading, where, previous)
    if code and P.MULTI_INDEX_AFTER_RE.match(doc.low, where.span[1]):
        return None, ""  # "đứng đầu cả 4 chỉ số"
    if code and reason not in ("named before the figure", "named right after the figure", "the noun counted") \
            and doc.multi_index.first(*where.sentence):  # "cả hai chỉ số": several indices at once
        return None, ""
    return code, reason


def _indicator(doc: Document, reading: Reading, where: Where, previous: Earlier | None) -> tuple[str | None, str]:
    end = where.span[1]
    if allows_index(reading):
        led_by_with = _WITH_LEAD.fullmatch(doc.low, where.sentence[0], reading.value_start)  # "Với 90,31%, Chỉ số …"
        found = doc.cues.first(end, where.sentence[1])
        if found and found[2][0] in ("index", "field", "block") and (
                _AFTER_NAME.fullmatch(doc.low, end, found[0]) or led_by_with and _COMMA.fullmatch(doc.low, end, found[0])
                or reading.kind == "rank" and found[0] == end + 1):
            code = _from_cue(doc, found[2], reading, where.sentence)[1]
            return code, "named right after the figure" if code else ""
    else:
        unit = reading.unit.lower()
        if unit in NOUN_INDICATORS:
            return NOUN_INDICATORS[unit], "the noun counted"
        if unit == "người":
            named = list(CUT_SUBJECT_RE.finditer(doc.low, where.clause_start, reading.value_start))
            if named and named[-1].group() != "người":
                reading = reading._replace(noun=named[-1].lastgroup or reading.noun)
        decided, code = _immediately_after(doc, reading, where)
        if decided:
            return code, "the words right after the count" if code else ""
    for start, _, cue in doc.cues.before(previous.end if previous else where.sentence[0], reading.value_start):
        if cue[0] == "reset":
            break
        decided, code = _from_cue(doc, cue, reading, where.sentence)
        if decided:
            if code and cue[0] == "index" and _coordinated(doc, start, code, where):
                return None, ""  # "Chỉ số CCHC và Chỉ số hài lòng …": the figure may be either's
            return code, "named before the figure" if code else ""
    if previous is not None and previous.indicator and P.LINK_RE.fullmatch(doc.linkable, previous.end, where.span[0]):
        code = _inherited(previous.indicator, reading)
        return code, "carried from the figure before it" if code else ""
    if not allows_index(reading) and reading.noun:
        cue = next((c[2] for c in doc.cues.after(end, where.clause_end) if c[2][0] != "reset"), None)
        if cue and cue[1] != "cut":  # a cut names what follows it ("giảm 3 đơn vị"), not a count before it
            code = _count_code(cue[1], reading) if cue[0] == "count" else None
            return code, "named after the count" if code else ""
    if allows_index(reading) and previous is None and not doc.cues.last(where.sentence[0], reading.value_start):
        return _index_in_context(doc, where)
    return None, ""


def _coordinated(doc: Document, start: int, code: str, where: Where) -> bool:
    """Whether the index named at `start` is the second of two joined by "và" or "," with another index."""
    other = doc.cues.last(max(where.sentence[0], start - 100), start)
    if other is None or other[2][0] != "index" or other[2][1].split(".")[0] == code.split(".")[0]:
        return False
    return bool(P.COORDINATED_INDEX_GAP_RE.fullmatch(doc.low, other[1], start))


def _attached_elsewhere(year_start: int, attached: dict[int, int], figure: int) -> bool:
    return attached.get(year_start, figure) != figure


def year(doc: Document, reading: Reading, where: Where, attached: dict[int, int], figure: int) -> tuple[int | None, str]:
    """(year, reason) of the figure (module docstring). `attached`: year start → the figure it belongs to."""
    (start, end), sentence = where.span, where.sentence
    found = doc.years.first(end, min(sentence[1], end + 12))
    if found and not found[2][1] and _DIRECT_YEAR.fullmatch(doc.low, end, found[0]) \
            and not _attached_elsewhere(found[0], attached, figure):
        return found[2][0], "right after the figure"
    found = doc.years.last(max(sentence[0], reading.value_start - 20), reading.value_start)
    if found and attached.get(found[0]) == figure and _YEAR_THEN_FIGURE.fullmatch(doc.low, found[1], reading.value_start):
        return (None, "two years for one figure") if _two_years(doc, sentence, found[0]) \
            else (found[2][0], "right before the figure")
    if doc.low.find("từ ", max(0, reading.value_start - 25), reading.value_start + 3) >= 0 \
            and (doc.low.startswith("từ ", start) or _FROM.search(doc.low, max(0, reading.value_start - 25),
                                                                  reading.value_start)) and _TO.match(doc.low, end):
        base = [v for _, _, (v, baseline) in doc.years.after(*sentence) if baseline]
        return (base[0], "the baseline year of a change 'từ … lên …'") if len(set(base)) == 1 else (None, "")
    for year_start, _, (value, baseline) in doc.years.before(sentence[0], start):
        if baseline or _attached_elsewhere(year_start, attached, figure):
            continue
        return (None, "two years for one figure") if _two_years(doc, sentence, year_start) else (value, "in the sentence")
    for year_start, _, (value, baseline) in doc.years.after(end, where.clause_end):
        if not baseline and not _attached_elsewhere(year_start, attached, figure):
            return value, "after the figure in its clause"
    for year_start, _, (value, baseline) in doc.years.before(where.section_start, sentence[0]):
        if not baseline and not _attached_elsewhere(year_start, attached, figure):
            return value, "in an earlier sentence" if year_start >= where.paragraph[0] else "in an earlier paragraph"
    heading = where.heading
    for year_start, _, (value, baseline) in (doc.years.before(*heading) if heading else []):
        if not baseline:
            return value, "in the heading"
    if doc.year and P.THIS_YEAR_RE.search(doc.low, *sentence):
        return doc.year, "'năm nay': the document's year"
    return None, ""


def _two_years(doc: Document, sentence: tuple[int, int], year_start: int) -> bool:
    """"năm 2019 và 2020 xếp hạng 59": the year is the second of two joined by "và", "," or "-"."""
    earlier = doc.years.last(max(sentence[0], year_start - 12), year_start)
    return earlier is not None and bool(_TWO_YEARS.fullmatch(doc.low, earlier[1], year_start))


SECTION_MAX = 2_000  # how far back (characters) earlier paragraphs of a section are read for context


def section_start(heading: tuple[int, int] | None, sentence: tuple[int, int]) -> int:
    """Where the context of a sentence starts: the end of the heading above it, at most SECTION_MAX back."""
    return max(heading[1] if heading else 0, sentence[0] - SECTION_MAX, 0)


def is_target(doc: Document, reading: Reading, where: Where) -> bool:
    """A target rather than a result (module docstring)."""
    found = doc.targets.last(where.clause_start, reading.value_start)
    if found:
        return bool(found[2])
    if doc.years.first(where.clause_start, where.clause_end):
        for m in P.DEADLINE_RE.finditer(doc.low, where.clause_start, where.clause_end):
            if doc.year is None or int(m.group("year")) >= doc.year:
                return True
    return where.heading is not None and doc.target_section(where.heading)


def _listed_before(doc: Document, items: list[tuple[int, int, Subject]]) -> list[tuple[int, int, Subject]]:
    """The run of province names joined by "," / "và" that ends with items[0] (nearest first)."""
    run = [items[0]]
    for item in items[1:]:
        glue = doc.low[item[1]:run[-1][0]].strip()
        if item[2].level != "province" or not item[2].written or not _LIST_GLUE.match(glue):
            break
        run.append(item)
    return run


class Place(NamedTuple):
    level: str
    subject: Subject | None
    reason: str
    parent: Subject | None = None  # the province a district, commune or department is in


def place(doc: Document, reading: Reading, where: Where,
          figures_in: Callable[[int, int], list[tuple[tuple[int, int], Reading]]]) -> Place:
    """Unit level and subject of a figure with the reason (module docstring). `figures_in(lo, hi)`: the
    figures (span, reading) that start there, for "lần lượt" lists."""
    nearest = [s for s in doc.subjects.before(where.sentence[0], reading.value_start) if s[0] not in doc.references]
    if nearest:
        run = _listed_before(doc, nearest)
        respectively = P.RESPECTIVELY_RE.search(doc.low, nearest[0][1], reading.value_start) \
            if doc.low.find("lần lượt", nearest[0][1], reading.value_start) >= 0 else None
        if len(run) > 1 and respectively:
            same_kind = [span[0] for span, r in figures_in(respectively.start(), where.sentence[1])
                         if r.kind == reading.kind]
            order = same_kind.index(where.span[0]) if where.span[0] in same_kind else len(run)
            if order < len(run):
                return _resolved(doc, reading, run[::-1][order][2], "named in a 'lần lượt' list")
            return Place("province", None, "ambiguous: more figures than names in a 'lần lượt' list")
        if len(run) > 1 and reading.level in (None, "province"):
            return Place("province", None, "ambiguous: several provinces named together")
        return _resolved(doc, reading, nearest[0][2], "named in the sentence")
    following = doc.subjects.after(where.span[1], min(where.clause_end, where.next_figure))
    if following:
        return _resolved(doc, reading, following[0][2], "named after the figure")
    found = doc.subjects.last(where.section_start, where.sentence[0])
    if found:
        return _resolved(doc, reading, found[2],
                         "in an earlier sentence" if found[0] >= where.paragraph[0] else "in an earlier paragraph")
    found = doc.subjects.last(*where.heading) if where.heading else None
    if found:
        return _resolved(doc, reading, found[2], "in the heading")
    if doc.home_stated and reading.level in (None, "province"):
        return Place("province", Subject("province", doc.home, doc.home_written, None, "home"),
                     "the document's province (manifest); the text names no place")
    return Place(reading.level or "province", None, "")


def _resolved(doc: Document, reading: Reading, subject: Subject, where_named: str) -> Place:
    """The place a subject gives this figure; a rank's denominator noun decides the level."""
    level = reading.level or subject.level
    if subject.group == "unnamed":
        return Place("province", subject, "")
    if level == "province":
        if subject.level != "province":
            return Place("province", None, "")
        if subject.group == "province_any":
            why = "'tỉnh' " + where_named.replace("named ", "") + ": the document's province"
            return Place("province", subject, why if subject.province else "")
        return Place("province", subject, where_named)
    if level in ("national", "region", "ministry"):
        return Place(level, subject if subject.level == level else None, where_named)
    if subject.level == "province":  # "Quảng Nam có 3/18 huyện …": the unit is in the province named
        return Place(level, subject, where_named)
    home = Subject("province", doc.home, doc.home_written, None, "home")
    return Place(level, subject if subject.level == level else None, where_named, home if doc.home else None)


def _bound_before(low: str, start: int) -> str:
    """">", "<" or "~" when the words right before a figure bound it ("trên", "gần", "tối thiểu"), else ""."""
    lo = max(0, start - 24)
    for sign, endings in P.BOUND_ENDINGS.items():
        if low.endswith(endings, lo, start):
            for ending in endings:
                at = start - len(ending)
                if low.startswith(ending, at) and (at == 0 or not low[at - 1].isalnum()):
                    return sign
    return ""


def qualifier(doc: Document, reading: Reading, where: Where, subject: Subject | None) -> tuple[str, str]:
    """(qualifier, bound) of a figure (module docstring)."""
    low, start, end = doc.low, reading.value_start, where.span[1]
    if reading.kind == "change":
        return ("gap" if reading.gap else ""), ""
    bound = ""
    if reading.kind != "rank":
        after = P.BOUND_AFTER_RE.match(low, end) if low.find("trở", end, end + 25) >= 0 else None
        bound = _bound_before(low, start)
        if not bound and after:
            bound = ">" if after.group("gt") else "<"
        elif not bound and (low.find("-", max(0, start - 12), end + 4) >= 0 or low.find("–", max(0, start - 12), end + 4) >= 0) and (
                _RANGE_BEFORE.search(low, max(0, start - 12), start) or _RANGE_AFTER.match(low, end)):
            bound = "~"
        if bound and (after or P.GROUP_RE.search(low, where.clause_start, start)):
            return "threshold", bound
        if bound:
            return "bound", bound
    if subject is not None and subject.group == "unnamed":
        return "unnamed", ""
    if reading.kind in ("count", "percent", "fraction") and (
            P.COUNTED_GROUP_RE.search(low, where.clause_start, start)):
        return "threshold", ""  # said of a counted group of units, not of one
    if reading.noun == "dossier" or reading.kind == "percent" and doc.low.find("hồ sơ", where.clause_start, start) >= 0:
        if P.PART_RE.match(low, end + 1) or P.PART_RE.search(low, where.clause_start, start) \
                or low.find("trong đó", where.clause_start, start) >= 0:
            return "part", ""
    lo = max(where.clause_start, start - 60)
    if (low.find("trung bình", lo, start) >= 0 or low.find("bình quân", lo, start) >= 0) and _AVERAGE.search(low, lo, start):
        return "aggregate", ""
    if reading.kind == "rank" and (P.REGION_RANK_RE.match(low, end) and (reading.of or 0) not in _FULL_RANKINGS
                                   or reading.of is not None and reading.of not in _FULL_RANKINGS):
        return "group rank", ""
    return "", ""


def index_family(code: str | None) -> str:
    return family_measure(code)[0] if code else ""
