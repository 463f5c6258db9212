"""The extractor on the labelled sentences (tests/fixtures/extract_labelled.yml, hand-written, invented
numbers): the quality targets of issue 5, and the set's own coverage."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from cchc_research.extract.evaluate import load_labelled, score
from cchc_research.extract.indicators import CODES

LABELLED = Path(__file__).parent / "fixtures" / "extract_labelled.yml"


def test_labelled_set_is_marked_synthetic_and_covers_every_kind_and_indicator():
    assert "SYNTHETIC" in LABELLED.read_text(encoding="utf-8").splitlines()[0]
    sentences = load_labelled(LABELLED)
    assert len(sentences) >= 150
    claims = [c for s in sentences for c in s["claims"]]
    assert set(Counter(c["kind"] for c in claims)) == {"rank", "percent", "score", "fraction", "count", "change"}
    assert set(CODES) <= {c["indicator"] for c in claims}
    assert {c["level"] for c in claims} == {"national", "province", "department", "district", "commune"}
    assert any(c["target"] for c in claims) and sum(not s["claims"] for s in sentences) >= 20
    assert any(s.get("form") == "NFD" for s in sentences)


def test_precision_recall_and_indicator_precision_meet_the_targets():
    result = score(load_labelled(LABELLED))
    assert result.precision >= 0.95, result.misses
    assert result.recall >= 0.85, result.misses
    assert result.indicator_precision >= 0.9, result.misses
