"""Report kernels forked from the pre-imported template (`cchc_research.publish.kernel`): each report still
gets a new process with an empty namespace and pristine modules, and a dying kernel fails only its report."""

from __future__ import annotations

import nbformat
import pytest
from papermill.exceptions import PapermillExecutionError

from cchc_research.publish.execute import run_notebook

pytestmark = pytest.mark.slow


def notebook(path, *cells: str):
    """A notebook with a `parameters` cell (`tag = ""`) followed by `cells`."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell('tag = ""', metadata={"tags": ["parameters"]}),
                *(nbformat.v4.new_code_cell(source) for source in cells)]
    nbformat.write(nb, path)
    return path


def stdout(nb) -> str:
    return "".join(out.get("text", "") for cell in nb.cells for out in cell.get("outputs", [])
                   if out.get("name") == "stdout")


def test_each_report_gets_a_fresh_kernel_from_the_preloaded_template(tmp_path):
    meddle = notebook(tmp_path / "meddle.ipynb",
                      "import os, cchc_research.plots as plots\nleak = 1\nplots.DPI = 1\nprint(os.getpid())")
    look = notebook(tmp_path / "look.ipynb",
                    "import os, sys\npreloaded = 'seaborn' in sys.modules\n"
                    "import cchc_research.plots as plots\n"
                    "print(tag, preloaded, 'leak' in globals(), plots.DPI, os.getcwd(), os.getpid())")

    first = stdout(run_notebook(meddle, tmp_path / "out1.ipynb", {}, tmp_path)).split()
    second = stdout(run_notebook(look, tmp_path / "out2.ipynb", {"tag": "kiểm-tra"}, tmp_path)).split()

    # seaborn was imported before the notebook asked for it (ipykernel alone never imports it), yet
    # nothing the first report did is visible: no variable, no changed module state, another process.
    assert second[:5] == ["kiểm-tra", "True", "False", "100", str(tmp_path)]
    assert second[5] != first[0]


def test_a_dying_kernel_fails_its_report_only(tmp_path):
    die = notebook(tmp_path / "die.ipynb", "import os\nos._exit(3)")
    fine = notebook(tmp_path / "fine.ipynb", "print('ok', tag)")

    with pytest.raises(Exception, match="(?i)dead|died") as caught:
        run_notebook(die, tmp_path / "die-out.ipynb", {}, tmp_path)
    assert not isinstance(caught.value, PapermillExecutionError)  # the kernel died, no Python error in a cell

    assert stdout(run_notebook(fine, tmp_path / "fine-out.ipynb", {"tag": "sau"}, tmp_path)).split() == ["ok", "sau"]
