"""notebooks/03_extract_report_figures.ipynb: committed clean with one parameters cell; runs under papermill
on the shipped (empty) documents folder and on a folder with documents, escaping their text in HTML."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
import yaml

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "03_extract_report_figures.ipynb"


def _run(tmp_path: Path, **parameters):
    import papermill

    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(str(NOTEBOOK), str(out), parameters=parameters, kernel_name="python3",
                               progress_bar=False, cwd=str(NOTEBOOK.parent))
    nb = nbformat.read(out, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    return "\n".join(o.get("data", {}).get("text/html", "") + o.get("data", {}).get("text/markdown", "")
                     for o in outputs)


def test_notebook_is_committed_clean_with_one_parameters_cell():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and code[0] is tagged[0] and 'documents_dir = "data/raw/documents"' in tagged[0].source
    assert all(not c.outputs and c.execution_count is None for c in code)


@pytest.mark.slow
def test_notebook_runs_on_the_empty_shipped_folder(tmp_path):
    assert "Chưa có tài liệu" in _run(tmp_path)


@pytest.mark.slow
def test_notebook_shows_claims_and_escapes_document_text(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.html").write_text("<p>Năm 2022, Chỉ số CCHC của Quảng Nam đạt 84,56% &lt;b&gt;, xếp thứ 41/63.</p>"
                                 "<script>alert('x')</script>", encoding="utf-8")
    (docs / "bad.txt").write_bytes(b"")
    entries = [{"file": n, "title": "T", "date": "2023-01-01", "url": "https://example.vn", "licence": "test"}
               for n in ("a.html", "bad.txt")]
    (docs / "manifest.yml").write_text(yaml.safe_dump({"documents": entries}), encoding="utf-8")
    html = _run(tmp_path, documents_dir=str(docs), lang="en")
    assert "84.56" in html and "&lt;b&gt;" in html and "<b>," not in html and "alert" not in html
    assert "empty document" in html and "PAR_INDEX" in html
