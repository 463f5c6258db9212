"""The extractor on the labelled text (tests/fixtures/extract_labelled.yml, sentences, and
extract_documents.yml, short documents; hand-written, invented numbers): the quality targets of issue 14,
over all claims and, separately, for the claims that reach the data tables; and the sets' own coverage."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from cchc_research.extract.claims import QUALIFIERS
from cchc_research.extract.evaluate import load_labelled, score
from cchc_research.extract.indicators import CODES

FIXTURES = Path(__file__).parent / "fixtures"
LABELLED = FIXTURES / "extract_labelled.yml"
DOCUMENTS = FIXTURES / "extract_documents.yml"


def test_labelled_set_is_marked_synthetic_and_covers_every_kind_indicator_level_and_qualifier():
    assert "SYNTHETIC" in LABELLED.read_text(encoding="utf-8").splitlines()[0]
    sentences = load_labelled(LABELLED)
    assert len(sentences) >= 200
    claims = [c for s in sentences for c in s["claims"]]
    assert set(Counter(c["kind"] for c in claims)) == {"rank", "percent", "score", "fraction", "count", "change"}
    assert set(CODES) <= {c["indicator"] for c in claims}
    assert {"national", "region", "province", "department", "district", "commune"} <= {c["level"] for c in claims}
    assert set(QUALIFIERS) - {"group rank"} <= {c["qualifier"] for c in claims}
    assert sum(c["table"] for c in claims) >= 60 and sum(not c["table"] for c in claims) >= 150
    assert any(c["target"] for c in claims) and sum(not s["claims"] for s in sentences) >= 20
    assert any(s.get("form") == "NFD" for s in sentences)


def test_documents_set_is_synthetic_and_gives_context_beyond_the_sentence():
    assert "SYNTHETIC" in DOCUMENTS.read_text(encoding="utf-8").splitlines()[0]
    documents = load_labelled(DOCUMENTS)
    assert sum("\n" in d["text"] or ". " in d["text"] for d in documents) >= 4
    assert any(c["table"] for d in documents for c in d["claims"])


@pytest.mark.parametrize("path", [LABELLED, DOCUMENTS], ids=["sentences", "documents"])
def test_precision_recall_and_the_gates_precision_meet_the_targets(path):
    result = score(load_labelled(path))
    assert result.precision >= 0.90, result.misses
    assert result.recall >= 0.85, result.misses
    assert result.indicator_precision >= 0.9, result.misses
    assert result.table_precision >= 0.95, result.misses
    assert result.table_recall >= 0.85, result.misses
