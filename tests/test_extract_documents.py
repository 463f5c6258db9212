"""Documents folder: loading (text, HTML, bad input), manifest, per-document errors, `cchc extract`,
claims as tables and as quotes for reported_figures. All documents here are written by the test."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import pytest
import yaml

from cchc_research.cli import main
from cchc_research.errors import DataError
from cchc_research.extract import claims_frame, document_quotes, load_document, read_documents
from cchc_research.extract.documents import CSV_COLUMNS
from cchc_research.sources.readers.common import QUOTE_COLUMNS

REPO = Path(__file__).resolve().parents[1]
GOOD = "Năm 2022, Chỉ số CCHC của tỉnh đạt 84,56%, xếp thứ 41/63. Tỉnh tiếp nhận 12.345 hồ sơ."


def folder(tmp_path: Path, files: dict[str, bytes], entries: list[dict] | None = None) -> Path:
    docs = tmp_path / "documents"
    docs.mkdir()
    for name, data in files.items():
        (docs / name).write_bytes(data)
    if entries is None:
        entries = [{"file": name, "title": f"Báo cáo {name}", "date": "2023-12-15", "publisher": "UBND tỉnh Quảng Nam",
                    "url": f"https://example.gov.vn/{name}", "licence": "written for this test"} for name in files]
    (docs / "manifest.yml").write_text(yaml.safe_dump({"documents": entries}, allow_unicode=True), encoding="utf-8")
    return docs


def test_html_is_sanitised_and_unescaped(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>T</title><script>var x = 'xếp thứ 1/63';</script><style>p{}</style></head>"
                    "<body><p>Chỉ số CCHC đạt 84,56&nbsp;% &amp; xếp thứ 41/63.</p><!-- xếp thứ 2/63 --></body></html>",
                    encoding="utf-8")
    text = load_document(page)
    assert text == "Chỉ số CCHC đạt 84,56 % & xếp thứ 41/63."


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"   \n ", "empty document"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("latin1.txt", "Chỉ số đạt 84%".encode("utf-8")[:3] + "é".encode("latin-1"), "not UTF-8"),
    ("only_script.html", b"<html><body><script>alert(1)</script></body></html>", "empty document"),
    ("report.pdf", b"%PDF-1.4", "unsupported document type"),
])
def test_bad_documents_give_a_data_error_naming_the_file(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DataError, match=message) as info:
        load_document(path)
    assert name in str(info.value)


def test_one_bad_document_does_not_stop_the_others(tmp_path):
    docs = folder(tmp_path, {"a.txt": GOOD.encode("utf-8"), "bad.txt": b"\xff\xfe\x00\x01", "c.html":
                             f"<p>{html.escape(GOOD)}</p>".encode("utf-8")})
    (docs / "unlisted.txt").write_text(GOOD, encoding="utf-8")
    claims, errors = read_documents(docs)
    assert {c.document for c in claims} == {"a.txt", "c.html"}
    assert sorted(Path(str(e.file)).name for e in errors) == ["bad.txt", "unlisted.txt"]
    assert all(c.province_code == "49" for c in claims)  # "tỉnh" = the publisher's province (UBND tỉnh Quảng Nam)


def test_manifest_entries_are_checked(tmp_path):
    entries = [{"file": "a.txt", "title": "A", "date": "2023-12-15", "licence": "x"},  # no publisher or url
               {"file": "b.txt", "title": "B", "date": "15/12/2023", "url": "https://x.vn", "licence": "x"},
               {"file": "../c.txt", "title": "C", "date": "2023-12-15", "url": "https://x.vn", "licence": "x"},
               {"file": "d.txt", "title": "D", "date": "2023-12-15", "url": "https://x.vn", "licence": "x",
                "province": "Xứ Đoài"}]
    docs = folder(tmp_path, {n: GOOD.encode("utf-8") for n in ("a.txt", "b.txt", "d.txt")}, entries)
    claims, errors = read_documents(docs)
    assert claims == []
    text = "\n".join(map(str, errors))
    assert "row 1" in text and "publisher or url" in text
    assert "row 2" in text and "YYYY-MM-DD" in text
    assert "row 3" in text and "inside the documents folder" in text
    assert "row 4" in text and "unknown province name" in text


def test_the_shipped_documents_folder_reads_empty():
    claims, errors = read_documents(REPO / "data" / "raw" / "documents")
    assert (claims, errors) == ([], [])


def test_cli_fails_on_any_document_error_and_leaves_the_output_alone(tmp_path, capsys):
    docs = folder(tmp_path, {"a.txt": GOOD.encode("utf-8"), "bad.txt": b""})
    out = tmp_path / "claims.csv"
    out.write_text("previous output\n", encoding="utf-8")
    assert main(["extract", str(docs), "--out", str(out), "--root", str(REPO)]) == 1
    err = capsys.readouterr().err
    assert "bad.txt: empty document" in err and "not written" in err
    assert out.read_text(encoding="utf-8") == "previous output\n"


def test_cli_allow_errors_writes_the_readable_documents_and_says_partial(tmp_path, capsys):
    docs = folder(tmp_path, {"a.txt": GOOD.encode("utf-8"), "bad.txt": b""})
    out = tmp_path / "claims.csv"
    assert main(["extract", str(docs), "--out", str(out), "--root", str(REPO), "--allow-errors"]) == 0
    captured = capsys.readouterr()
    assert "bad.txt: empty document" in captured.err and "PARTIAL: 1 document problem(s)" in captured.out
    frame = pd.read_csv(out, dtype={"year": "Int64"}, keep_default_na=False, na_values=[""])
    assert list(frame.columns) == CSV_COLUMNS
    columns = ["kind", "value", "indicator", "year", "province", "target_or_result", "year_reason"]
    assert frame[columns].astype(object).where(frame[columns].notna(), None).values.tolist() == [
        ["percent", 84.56, "PAR_INDEX", 2022, "Quảng Nam", "result", "in the sentence"],
        ["rank", 41.0, "PAR_INDEX", 2022, "Quảng Nam", "result", "in the sentence"],
        ["count", 12345.0, "dossiers_received", 2022, "Quảng Nam", "result", "in an earlier sentence"]]
    assert frame["held_back"].isna().all()  # all three reach a table: the count is for self_reported
    assert frame["claim_id"].tolist() == [f"a.txt@{s}" for s in frame["start"]]


def test_cli_fails_when_every_document_fails_or_the_folder_is_missing(tmp_path):
    docs = folder(tmp_path, {"bad.txt": b"\x00\x01"})
    assert main(["extract", str(docs), "--out", str(tmp_path / "x.csv"), "--root", str(REPO), "--allow-errors"]) == 1
    assert main(["extract", str(tmp_path / "nope"), "--out", str(tmp_path / "y.csv"), "--root", str(REPO)]) == 1


def test_document_quotes_come_from_the_gate_and_say_read_by_machine(tmp_path):
    text = ("Năm 2022, Chỉ số CCHC của Quảng Nam đạt 84,56%, xếp thứ 41/63. Phấn đấu năm 2025 Chỉ số SIPAS đạt 90%. "
            "Huyện Duy Xuyên đạt Chỉ số CCHC năm 2022 là 88,1%. Chỉ số SIPAS năm 2023 của cả nước bình quân đạt 80,1%. "
            "Lĩnh vực cải cách TTHC năm 2022 của tỉnh đạt 12,5/14,5 điểm. Tỉnh tiếp nhận 12.345 hồ sơ.")
    unmarked_text = "Lĩnh vực cải cách thể chế năm 2022 đạt 7,5/9 điểm."  # whose? (published by UBND tỉnh Quảng Nam)
    docs = folder(tmp_path, {"a.txt": text.encode("utf-8"), "b.txt": unmarked_text.encode("utf-8")})
    claims, errors = read_documents(docs)
    assert not errors
    quotes = document_quotes(claims, [{"file": "a.txt", "url": "https://example.gov.vn/a", "title": "Báo cáo",
                                       "date": "2023-01-05"}])
    assert list(quotes.columns) == QUOTE_COLUMNS
    rows = quotes[["family", "measure", "year", "unit_level", "province_as_written", "value", "rank", "rank_of",
                   "unit"]].astype(object).where(quotes.notna(), None).values.tolist()
    # the target, the district, the national average, the count and the unmarked field score are held back
    assert rows == [["PAR_INDEX", "total", 2022, "province", "Quảng Nam", 84.56, 41, 63, "percent"],
                    ["PAR_INDEX", "field_3", 2022, "province", "Quảng Nam", 12.5, None, None, "points"]]
    assert set(quotes["source_type"]) == {"document (read by machine)"} and set(quotes["source_id"]) == {"documents"}
    assert quotes["row"].tolist() == [1, 6] and set(quotes["source_url"]) == {"https://example.gov.vn/a"}
    assert "read by machine: percent — index named before the figure, year in the sentence" in quotes["note"][0]
    assert quotes["evidence"][0].endswith("xếp thứ 41/63. [a.txt, characters 0-62]")
    unmarked = next(c for c in claims if c.value == 7.5)
    assert unmarked.held_back == "province not stated" and unmarked.indicator == "PAR_INDEX.field_2"


def test_claims_frame_types():
    frame = claims_frame([])
    assert list(frame.columns[:len(CSV_COLUMNS)]) == CSV_COLUMNS and frame.empty
    assert str(frame["year"].dtype) == "Int64"
