"""notebooks/02_validate.ipynb: committed clean with one parameters cell, and runs the gate via papermill."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from cchc_research.paths import Project

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "02_validate.ipynb"


def test_committed_clean_with_one_parameters_cell() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and code[0] is tagged[0]
    assert "tables = None" in tagged[0].source and 'result_format = "SUMMARY"' in tagged[0].source
    assert all(not c.outputs and c.execution_count is None for c in code)


@pytest.mark.slow
def test_runs_the_gate_on_a_subset(cleaned_project: Project, tmp_path: Path) -> None:
    import papermill

    project = Project(shutil.copytree(cleaned_project.root, tmp_path / "repo"))
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(str(project.notebooks / "02_validate.ipynb"), str(out), kernel_name="python3",
                               parameters={"tables": ["programme_targets", "provinces"]}, progress_bar=False,
                               cwd=str(project.notebooks))
    summary = json.loads((project.root / ".build" / "validation" / "summary.json").read_text(encoding="utf-8"))
    assert summary["success"] and {t["table"] for t in summary["tables"]} >= {"programme_targets", "provinces"}
    assert "programme_targets" in "".join(o.get("data", {}).get("text/html", "")
                                          for c in nbformat.read(out, as_version=4).cells for o in c.get("outputs", []))
    assert not (project.reports / "validation").exists()  # a subset is never published
