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


def _write_summary(project, **overrides) -> dict:
    """A SYNTHETIC validation summary (the format `cchc validate` publishes) for the tests below."""
    import json

    from cchc_research.publish.state import data_hash

    summary = {"success": True, "generated_at": "SYNTHETIC-2026-01-01T00:00:00", "data_hash": data_hash(project),
               "n_expectations": 2, "n_failed_error": 0, "n_failed_warning": 1,
               "tables": [{"table": "indicators", "rows": 1, "expectations": [
                   {"name": "synthetic_passing_check", "severity": "error", "description": "SYNTHETIC",
                    "success": True, "unexpected_count": 0, "examples": []},
                   {"name": "synthetic_warning_check", "severity": "warning", "description": "SYNTHETIC",
                    "success": False, "unexpected_count": 3, "examples": [{"province": "SYNTHETIC"}]}]}]}
    summary.update(overrides)
    path = project.reports / "validation" / "summary.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(summary), encoding="utf-8")
    return summary


def test_validation_banner_states_passed_failed_stale_or_missing(project_copy):
    from cchc_research.labels import Labels
    from cchc_research.narrative import VALIDATION_LINK, validation_status

    L = Labels.for_project(project_copy, "en")
    assert "not validated" in validation_status(project_copy, L).data
    _write_summary(project_copy)
    passed = validation_status(project_copy, L).data
    assert "passed" in passed and "changed after" not in passed and VALIDATION_LINK in passed
    _write_summary(project_copy, data_hash="0" * 64)
    assert "changed after" in validation_status(project_copy, L).data
    _write_summary(project_copy, success=False, n_failed_error=2)
    assert "FAILED validation: 2 errors" in validation_status(project_copy, L).data


@pytest.mark.slow
def test_data_quality_lists_failed_expectations(project_copy, tmp_path):
    _write_summary(project_copy)
    text = _text(_run(project_copy, "data_quality", tmp_path, lang="en"))
    assert "synthetic_warning_check" in text and "synthetic_passing_check" not in text
    assert "Validation ran 2 expectations: 0 errors, 1 warnings" in text
