"""Scoring the extractor on labelled text (format: tests/fixtures/extract_labelled.yml).

A labelled file holds `sentences:` or `documents:`, each with `text`, optional document metadata
(`province`, `url`, `publisher`, `date`, as in the documents manifest; `id` names a document) and
`claims`. A predicted claim matches a labelled one of the same text when kind and value agree (each
label used once, in reading order). Precision = matched / predicted, recall = matched / labelled.

The gate is scored separately: of the claims that reach the tables (`Claim.held_back == ""`), how many
are right in every respect a table row needs (value, kind, index or measure, year, province, a result,
not a bound, threshold or aggregate); and of the labelled claims that should reach them (`table`, by
default every labelled province result, with a year and no qualifier, of an index of reported_figures
or a measure of self_reported), how many do.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import DataError
from ..provinces import resolve
from .claims import QUALIFIERS, Claim, extract_claims
from .gate import table_of
from .places import province_of, subject_re
from .text import canonical_tones

DEFAULTS = {"of": None, "indicator": None, "year": None, "target": False, "level": "province", "qualifier": ""}
META = ("province", "url", "publisher", "date")
# Label qualifiers beyond the extractor's own that still describe a right table row.
_TABLE_OK = {"", "year implied", "index not named"}


@dataclass
class Score:
    predicted: int = 0
    labelled: int = 0
    matched: int = 0
    indicator_given: int = 0
    indicator_right: int = 0
    indicator_labelled: int = 0
    indicator_found: int = 0
    passed: int = 0            # claims that reach the tables
    passed_right: int = 0
    table_labelled: int = 0    # labelled claims that should reach them
    table_found: int = 0
    same: dict[str, int] = field(default_factory=lambda: {k: 0 for k in ("year", "target", "level", "of", "qualifier")})
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.labelled if self.labelled else 1.0

    @property
    def indicator_precision(self) -> float:
        return self.indicator_right / self.indicator_given if self.indicator_given else 1.0

    @property
    def indicator_recall(self) -> float:
        return self.indicator_found / self.indicator_labelled if self.indicator_labelled else 1.0

    @property
    def table_precision(self) -> float:
        return self.passed_right / self.passed if self.passed else 1.0

    @property
    def table_recall(self) -> float:
        return self.table_found / self.table_labelled if self.table_labelled else 1.0


@functools.cache
def _code(name: str) -> str:
    return resolve(name).code


def _named_provinces(text: str) -> set[str]:
    names = [m.group("province") if m.lastgroup == "province" else m.group("dname")
             for m in subject_re().finditer(canonical_tones(text)) if m.lastgroup in ("province", "district")]
    return {p.code for name in names if (p := province_of(name))}


def _default_province(entry: dict) -> str | None:
    """Who an unlabelled claim is about: the one province the text names, else the document's."""
    named = _named_provinces(entry["text"])
    if len(named) == 1:
        return next(iter(named))
    return None if named else (_code(entry["province"]) if entry.get("province") else None)


def _table_worthy(claim: dict) -> bool:
    return (table_of(claim["indicator"], claim["kind"]) != "" and claim["kind"] != "change" and not claim["target"]
            and claim["level"] == "province" and claim["qualifier"] == "" and claim["year"] is not None
            and claim["province_code"] is not None)


def load_labelled(path: Path) -> list[dict]:
    """The labelled sentences or documents, each claim completed with the documented defaults, its
    province as a code (`province_code`) and whether it should reach the tables (`table`)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    entries = data.get("sentences") or data.get("documents") or []
    for entry in entries:
        default = _default_province(entry)
        claims = []
        for raw in entry.get("claims") or []:
            claim = {**DEFAULTS, **raw}
            try:
                claim["province_code"] = _code(raw["province"]) if raw.get("province") else default
            except DataError as exc:
                raise DataError(f"{path}: {exc}") from exc
            claim["table"] = raw["table"] if "table" in raw else _table_worthy(claim)
            claims.append(claim)
        entry["claims"] = claims
    return entries


def sentence_input(sentence: dict) -> str:
    """The text as the extractor is given it (NFD when the label says `form: NFD`)."""
    return unicodedata.normalize(sentence.get("form", "NFC"), sentence["text"])


def _describe(c: Claim | dict) -> str:
    if isinstance(c, dict):
        return f"{c['kind']} {c['value']} [{c['indicator']}]"
    return f"{c.kind} {c.value:g} [{c.indicator}]"


def _table_right(claim: Claim, label: dict | None) -> bool:
    return (label is not None and label["qualifier"] in _TABLE_OK and label["level"] == "province"
            and not label["target"] and claim.indicator == label["indicator"] and claim.year == label["year"]
            and claim.province_code == label["province_code"])


def _where(entry: dict) -> str:
    return entry.get("id") or entry["text"][:160]


def score(entries: list[dict]) -> Score:
    """Precision, recall, attribute agreement and the gate's precision and recall of `extract_claims`."""
    result = Score()
    for entry in entries:
        meta = {"file": entry.get("id", "labelled"), **{k: entry[k] for k in META if entry.get(k)}}
        predicted = extract_claims(sentence_input(entry), meta)
        gold = list(entry["claims"])
        result.predicted += len(predicted)
        result.labelled += len(gold)
        result.indicator_labelled += sum(1 for g in gold if g["indicator"])
        result.table_labelled += sum(1 for g in gold if g["table"])
        unmatched = list(gold)
        for claim in predicted:
            label = next((g for g in unmatched if g["kind"] == claim.kind and abs(g["value"] - claim.value) < 1e-9),
                         None)
            if claim.held_back == "":
                result.passed += 1
                right = _table_right(claim, label)
                result.passed_right += right
                result.table_found += bool(right and label["table"])
                if not right:
                    result.misses.append(f"WRONG TO TABLE {_describe(claim)} {claim.year} {claim.province_code} "
                                         f"vs {label and (label['indicator'], label['year'], label['province_code'])}"
                                         f"  in: {_where(entry)}")
            if label is None:
                result.misses.append(f"extra   {_describe(claim)}  in: {_where(entry)}")
                continue
            unmatched.remove(label)
            result.matched += 1
            if claim.indicator:
                result.indicator_given += 1
                result.indicator_right += claim.indicator == label["indicator"]
                if claim.indicator != label["indicator"]:
                    result.misses.append(f"wrong indicator {claim.indicator} for {_describe(label)}  in: {_where(entry)}")
            result.indicator_found += bool(label["indicator"]) and claim.indicator == label["indicator"]
            result.same["year"] += claim.year == label["year"]
            if claim.year != label["year"]:
                result.misses.append(f"year {claim.year} ({claim.year_reason}) for {_describe(label)} of "
                                     f"{label['year']}  in: {_where(entry)}")
            result.same["target"] += claim.is_target == label["target"]
            result.same["level"] += claim.unit_level == label["level"]
            result.same["of"] += claim.of == label["of"]
            result.same["qualifier"] += claim.qualifier == (label["qualifier"] if label["qualifier"] in QUALIFIERS else "")
            if label["table"] and claim.held_back:
                result.misses.append(f"held back ({claim.held_back}) {_describe(label)}  in: {_where(entry)}")
        result.misses += [f"missed  {_describe(g)}  in: {_where(entry)}" for g in unmatched]
    return result
