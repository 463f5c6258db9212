"""The report notebooks: one `parameters` cell, no stored outputs, and each runs with its defaults (and in
English, and fails clearly on an unknown province) against the cleaned shipped data."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
REPORTS = ["province_profile", "compare_provinces", "programme_periods", "national_overview", "data_quality"]


def _run(project, name: str, tmp_path: Path, **parameters):
    import papermill

    out = tmp_path / f"{name}.ipynb"
    papermill.execute_notebook(str(project.notebooks / f"{name}.ipynb"), str(out), parameters=parameters,
                               kernel_name="python3", progress_bar=False, cwd=str(project.notebooks))
    return nbformat.read(out, as_version=4)


def _outputs(nb) -> list:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]


def _text(nb) -> str:
    parts = []
    for o in _outputs(nb):
        data = o.get("data", {})
        parts.append(data.get("text/markdown", "") + data.get("text/html", "") + o.get("text", ""))
    return "\n".join(parts)


@pytest.mark.parametrize("name", REPORTS)
def test_notebook_is_committed_clean_with_one_parameters_cell(name):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and 'lang = "vi"' in tagged[0].source
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert code[0] is tagged[0]  # parameters come first, so papermill's injected cell overrides them


@pytest.mark.slow
@pytest.mark.parametrize("name", REPORTS)
def test_notebook_runs_with_its_defaults(cleaned_project, tmp_path, name):
    nb = _run(cleaned_project, name, tmp_path)
    outputs = _outputs(nb)
    assert not [o for o in outputs if o.output_type in ("stream", "error")]  # no warnings, prints or errors
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    text = _text(nb)
    assert "../validation/index.html" in text and "chưa được kiểm định" in text  # the copy is not validated
    assert images, "every report shows at least one figure"
    tables = [i for i, o in enumerate(outputs) if "<table" in o.get("data", {}).get("text/html", "")]
    assert not tables or outputs.index(images[0]) < tables[0]  # figures before tables


@pytest.mark.slow
def test_province_profile_in_english(cleaned_project, tmp_path):
    nb = _run(cleaned_project, "province_profile", tmp_path, province="Ha Giang", lang="en")
    text = _text(nb)
    assert "# Public administration reform profile: Ha Giang" in text
    assert "Tuyen Quang" in text  # Hà Giang merged into Tuyên Quang on 2025-07-01, named in English
    assert "Dữ liệu" not in text and "Năm" not in text


@pytest.mark.slow
def test_unknown_province_fails_with_candidates(cleaned_project, tmp_path):
    import papermill

    with pytest.raises(papermill.PapermillExecutionError) as failure:
        _run(cleaned_project, "province_profile", tmp_path, province="Quảng Nimh")
    message = str(failure.value)
    assert "unknown province name" in message and "Quảng Nimh" in message and "Quảng Ninh" in message
