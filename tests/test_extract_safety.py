"""Document safety and limits (issue 15, items 4-6): document errors fail `cchc extract` and `cchc clean`
(a flag allows a partial run and says so; --quiet hides nothing); symbolic links, special files and
non-web source URLs are refused; evidence is a bounded window with offsets; memory grows with one
document's text, not with its claims. Every document here is written by the test."""

from __future__ import annotations

import os
import shutil
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest
import yaml

from cchc_research.cli import main
from cchc_research.extract import clean_text, extract_claims, read_documents
from cchc_research.extract.claims import EVIDENCE_MAX
from cchc_research.schema import read_table
from tests.conftest import copy_repo

REPO = Path(__file__).resolve().parents[1]
GOOD = "Năm 2022, Chỉ số CCHC của tỉnh đạt 84,56%, xếp thứ 41/63."


def entry(name: str, **extra) -> dict:
    return {"file": name, "title": f"Báo cáo {name}", "date": "2023-12-15", "publisher": "UBND tỉnh Quảng Nam",
            "url": "https://example.gov.vn/bao-cao", "licence": "written for this test", **extra}


def write_folder(docs: Path, files: dict[str, str], entries: list[dict]) -> Path:
    docs.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (docs / name).write_text(text, encoding="utf-8")
    (docs / "manifest.yml").write_text(yaml.safe_dump({"documents": entries}, allow_unicode=True), encoding="utf-8")
    return docs


def errors_of(docs: Path) -> str:
    return "\n".join(map(str, read_documents(docs)[1]))


def test_a_listed_symbolic_link_is_refused_and_its_target_never_read(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("Năm 2022, Chỉ số CCHC của tỉnh đạt 99,99%.", encoding="utf-8")
    docs = write_folder(tmp_path / "docs", {"a.txt": GOOD}, [entry("a.txt"), entry("link.txt")])
    (docs / "link.txt").symlink_to(outside)
    claims, errors = read_documents(docs)
    assert "link.txt" in str(errors[0]) and "symbolic link" in str(errors[0]) and len(errors) == 1
    assert 99.99 not in {c.value for c in claims} and {c.document for c in claims} == {"a.txt"}


def test_a_file_under_a_linked_folder_and_an_unlisted_link_are_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text(GOOD, encoding="utf-8")
    docs = write_folder(tmp_path / "docs", {"a.txt": GOOD}, [entry("a.txt"), entry("sub/b.txt")])
    (docs / "sub").symlink_to(elsewhere, target_is_directory=True)
    (docs / "stray.txt").symlink_to(elsewhere / "b.txt")
    text = errors_of(docs)
    assert "sub" in text and "symbolic link" in text and "stray.txt" in text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    docs = write_folder(tmp_path / "docs", {"a.txt": GOOD}, [entry("a.txt"), entry("pipe.txt")])
    os.mkfifo(docs / "pipe.txt")
    assert "pipe.txt" in errors_of(docs) and "not a regular file" in errors_of(docs)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.vn/a", "example.vn/a"])
def test_only_web_addresses_are_source_urls(tmp_path, url):
    docs = write_folder(tmp_path / "docs", {"a.txt": GOOD}, [entry("a.txt", url=url)])
    text = errors_of(docs)
    assert "row 1" in text and "http(s)" in text and url in text


def test_evidence_is_a_window_with_offsets_and_output_grows_with_claims_not_sentence_length(tmp_path):
    unit = "Chỉ số CCHC của tỉnh đạt 84,56%, xếp thứ 41/63 và tiếp nhận 12.345 hồ sơ, "
    text = unit * 500  # ~40 kB without one sentence break
    docs = write_folder(tmp_path / "docs", {"long.txt": text}, [entry("long.txt")])
    out = tmp_path / "claims.csv"
    assert main(["extract", str(docs), "--out", str(out), "--root", str(REPO)]) == 0
    frame = pd.read_csv(out, keep_default_na=False)
    assert len(frame) == 1500 and frame["evidence"].str.len().max() <= EVIDENCE_MAX
    clean = clean_text(text)
    assert all(clean[s:e] == ev for s, e, ev in zip(frame["evidence_start"], frame["evidence_end"], frame["evidence"]))
    assert out.stat().st_size < 20 * len(text.encode("utf-8"))  # was claims × sentence length: ~1,800 times


def _extract_peak(tmp_path: Path, name: str, text: str) -> int:
    docs = write_folder(tmp_path / name, {"doc.txt": text}, [entry("doc.txt")])
    tracemalloc.start()
    try:
        assert main(["extract", str(docs), "--out", str(docs / "claims.csv"), "--root", str(REPO)]) == 0
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_grows_with_the_documents_text_not_with_its_claims(tmp_path, monkeypatch):
    monkeypatch.setattr("cchc_research.extract.claims.CHUNK", 20_000)  # the mechanism at a small scale: fast
    monkeypatch.setattr("cchc_research.extract.cli._BATCH", 200)
    block = "\n".join(["Năm 2023, Chỉ số CCHC của tỉnh đạt 86,14%, xếp thứ 36/63 tỉnh, thành phố.",
                       "Toàn tỉnh tiếp nhận 312.540 hồ sơ, đã giải quyết 305.118 hồ sơ, đúng hạn 301.977 hồ sơ.",
                       "Chỉ số SIPAS đạt 82,57%, tăng 1,92% so với năm 2022."]) + "\n"
    _extract_peak(tmp_path, "warm", block)
    small, large = block * 200, block * 600  # ~50 and ~150 kB (several chunks each), 1,400 and 4,200 claims
    growth = (_extract_peak(tmp_path, "large", large) - _extract_peak(tmp_path, "small", small)) / (
        len(large.encode("utf-8")) - len(small.encode("utf-8")))
    assert growth < 12, f"{growth:.1f} bytes of memory per byte of document"  # holding every claim: ~25


# cchc clean: document errors fail the run; --quiet hides nothing; a flag allows a partial run
@pytest.fixture(scope="module")
def with_documents(tmp_path_factory):
    """A repository copy whose documents folder holds one good and one broken document."""
    project = copy_repo(tmp_path_factory.mktemp("documents") / "repo")
    docs = project.raw / "documents"
    (docs / "qt.txt").write_text("KẾT QUẢ CẢI CÁCH HÀNH CHÍNH NĂM 2023\nNăm 2023, Chỉ số CCHC của tỉnh đạt 86,14%, "
                                 "xếp thứ 36/63 tỉnh, thành phố.", encoding="utf-8")
    (docs / "broken.txt").write_bytes(b"\xff\xfe\x00\x01")
    write_folder(docs, {}, [entry("qt.txt", province="Quảng Trị", url="https://example.gov.vn/qt"),
                            entry("broken.txt")])
    return project


def _clean(project, *flags) -> int:
    return main(["clean", "--root", str(project.root), *flags])


def test_clean_fails_on_a_document_error_even_quiet_and_keeps_processed(with_documents, capsys):
    before = sorted(p.name for p in with_documents.processed.iterdir())
    assert _clean(with_documents, "--quiet") == 1
    err = capsys.readouterr().err
    assert "broken.txt" in err and "not UTF-8" in err and "--allow-document-errors" in err
    assert sorted(p.name for p in with_documents.processed.iterdir()) == before


def test_clean_with_allowed_document_errors_says_partial_and_keeps_the_good_document(with_documents, capsys):
    assert _clean(with_documents, "--quiet", "--allow-document-errors") == 0
    err = capsys.readouterr().err
    assert "broken.txt" in err and "PARTIAL: 1 document(s) left out" in err
    reported = read_table(with_documents.processed, "reported_figures")
    mine = reported[reported["source_type"].str.contains("document")]
    assert mine[["family", "year", "province", "value", "rank", "source_type"]].astype(object).values.tolist() == [
        ["PAR_INDEX", 2023, "Quảng Trị", 86.14, 36, "document (read by machine)"]]
    indicators = read_table(with_documents.processed, "indicators")
    assert not indicators["source_ref"].str.contains("qt.txt").any()  # not used until a researcher confirms it


def test_a_reviewed_figure_is_used_and_a_rejected_one_is_gone(with_documents, tmp_path):
    project = copy_repo(tmp_path / "repo")
    shutil.copytree(with_documents.raw / "documents", project.raw / "documents", dirs_exist_ok=True)
    (project.raw / "documents" / "broken.txt").unlink()
    write_folder(project.raw / "documents", {}, [entry("qt.txt", province="Quảng Trị", url="https://example.gov.vn/qt")])
    from cchc_research.extract import read_documents as read
    value = next(c for c in read(project.raw / "documents")[0] if c.value == 86.14)
    reviewed = project.raw / "documents" / "reviewed.csv"
    reviewed.write_text("claim_id,decision,reviewer,reason,indicator,year,province,value,of\n"
                        f"{value.claim_id},correct,Lan,the report's table says 86.41,,,,\"86,41\",\n",
                        encoding="utf-8")
    assert _clean(project, "--quiet") == 0
    reported = read_table(project.processed, "reported_figures")
    [row] = reported[reported["source_type"].str.contains("document (reviewed)", regex=False)].itertuples()
    assert (row.value, row.rank) == (86.41, 36) and "correct by Lan: the report's table says 86.41" in row.note
    indicators = read_table(project.processed, "indicators")
    assert indicators["source_ref"].str.contains(row.figure_id).any()  # a reviewed figure may be used
    reviewed.write_text("claim_id,decision,reviewer,reason\n"
                        f"{value.claim_id},reject,Lan,the sentence is about the draft\n", encoding="utf-8")
    assert _clean(project, "--quiet") == 0
    reported = read_table(project.processed, "reported_figures")
    [row] = reported[reported["source_type"].str.contains("document")].itertuples()
    assert pd.isna(row.value) and row.rank == 36  # the rank in the same sentence was not rejected


def test_review_file_errors_name_the_row(tmp_path):
    from cchc_research.errors import DataError
    from cchc_research.extract.review import read_reviews

    docs = write_folder(tmp_path / "docs", {"a.txt": GOOD}, [entry("a.txt")])
    (docs / "reviewed.csv").write_text("claim_id,decision,reviewer,reason\na.txt@35,maybe,Lan,unsure\n",
                                       encoding="utf-8")
    with pytest.raises(DataError, match=r"reviewed.csv, row 2, column 'decision'.*maybe"):
        read_reviews(docs)
    (docs / "reviewed.csv").write_text("claim_id,decision,reviewer,reason\na.txt@35,accept,,ok\n", encoding="utf-8")
    with pytest.raises(DataError, match="row 2, column 'reviewer'"):
        read_reviews(docs)
