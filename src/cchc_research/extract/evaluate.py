"""Scoring the extractor on a labelled set of sentences (format: tests/fixtures/extract_labelled.yml).

A predicted claim matches a labelled one in the same sentence when kind and value agree (each label
used once). Precision = matched / predicted, recall = matched / labelled. Indicator precision counts
the matched claims the extractor gave an indicator, and how many of those are the labelled one.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .claims import Claim, extract_claims

DEFAULTS = {"of": None, "indicator": None, "year": None, "target": False, "level": "province"}


@dataclass
class Score:
    predicted: int = 0
    labelled: int = 0
    matched: int = 0
    indicator_given: int = 0
    indicator_right: int = 0
    indicator_labelled: int = 0
    indicator_found: int = 0
    same: dict[str, int] = field(default_factory=lambda: {"year": 0, "target": 0, "level": 0, "of": 0})
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


def load_labelled(path: Path) -> list[dict]:
    """The labelled sentences, each claim completed with the documented defaults."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    sentences = data["sentences"]
    for s in sentences:
        s["claims"] = [{**DEFAULTS, **c} for c in s.get("claims") or []]
    return sentences


def sentence_input(sentence: dict) -> str:
    """The text as the extractor is given it (NFD when the label says `form: NFD`)."""
    return unicodedata.normalize(sentence.get("form", "NFC"), sentence["text"])


def _describe(c: Claim | dict) -> str:
    if isinstance(c, dict):
        return f"{c['kind']} {c['value']} [{c['indicator']}]"
    return f"{c.kind} {c.value:g} [{c.indicator}]"


def score(sentences: list[dict]) -> Score:
    """Precision, recall and attribute agreement of `extract_claims` on labelled sentences."""
    result = Score()
    for sentence in sentences:
        meta = {"file": "labelled", "province": sentence.get("province")}
        predicted = extract_claims(sentence_input(sentence), meta)
        gold = list(sentence["claims"])
        result.predicted += len(predicted)
        result.labelled += len(gold)
        result.indicator_labelled += sum(1 for g in gold if g["indicator"])
        unmatched = list(gold)
        for claim in predicted:
            label = next((g for g in unmatched if g["kind"] == claim.kind and abs(g["value"] - claim.value) < 1e-9),
                         None)
            if label is None:
                result.misses.append(f"extra   {_describe(claim)}  in: {sentence['text']}")
                continue
            unmatched.remove(label)
            result.matched += 1
            if claim.indicator:
                result.indicator_given += 1
                result.indicator_right += claim.indicator == label["indicator"]
                if claim.indicator != label["indicator"]:
                    result.misses.append(f"wrong indicator {claim.indicator} for {_describe(label)}  in: "
                                         f"{sentence['text']}")
            result.indicator_found += bool(label["indicator"]) and claim.indicator == label["indicator"]
            result.same["year"] += claim.year == label["year"]
            result.same["target"] += claim.is_target == label["target"]
            result.same["level"] += claim.unit_level == label["level"]
            result.same["of"] += claim.of == label["of"]
        result.misses += [f"missed  {_describe(g)}  in: {sentence['text']}" for g in unmatched]
    return result
