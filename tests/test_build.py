"""`cchc build` on the synthetic fixture notebook: pages, index, failure isolation, incremental
builds, atomic publishing. (The real notebooks: test_build_reports.py; the browser: test_build_browser.py.)"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
import yaml

from cchc_research.publish import index as index_module
from cchc_research.publish.render import external_references
from cchc_research.cli import main
from cchc_research.io import tree_hash

FIXTURES = Path(__file__).parent / "fixtures" / "build"
SUBSET = ("--only", "ha-n*", "--only", "fixture-overview")  # Hà Nam, Hà Nội and the overview
SUBSET_PAGES = ("province/ha-noi.html", "province/ha-nam.html", "overview/fixture-overview.html")

pytestmark = pytest.mark.slow


@pytest.fixture
def project(project_copy):
    """A cleaned repository copy with the fixture notebook and its matrix (config/fixture-reports.yml)."""
    shutil.copy(FIXTURES / "fixture_report.ipynb", project_copy.notebooks / "fixture_report.ipynb")
    shutil.copy(FIXTURES / "reports.yml", project_copy.config / "fixture-reports.yml")
    return project_copy


def build(project, capsys, *args: str, gate: bool = False) -> tuple[int, str]:
    """Exit code and everything printed (stdout, then stderr). The validation gate is off unless `gate`."""
    code = main(["build", "--root", str(project.root), "--matrix", str(project.config / "fixture-reports.yml"),
                 "--workers", "2", *args, *(() if gate else ("--skip-validation-check",))])
    printed = capsys.readouterr()
    return code, printed.out + printed.err


def edit_matrix(project, change) -> None:
    path = project.config / "fixture-reports.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def inodes(project) -> dict[str, int]:
    return {rel: (project.reports / rel).stat().st_ino for rel in SUBSET_PAGES}


def test_pages_are_self_contained_and_indexed(project, capsys):
    code, out = build(project, capsys, *SUBSET)

    assert code == 0, out
    assert "3 built, 0 up to date (skipped), 0 failed" in out
    for rel in SUBSET_PAGES:
        html = (project.reports / rel).read_text(encoding="utf-8")
        assert external_references(html) == []
        assert not re.search(r"<script[^>]*\ssrc=|<link[^>]*\shref=|require\.min\.js|MathJax\.js|//(cdn|unpkg)", html)
        assert "jp-InputPrompt" not in html.split("</style>")[-1] and "plt.subplots" not in html  # no code
        assert re.search(r'<img [^>]*src="data:image/png;base64,[A-Za-z0-9+/]{100}', html)
        assert 'href="../validation/index.html"' in html and 'href="../index.html"' in html
    assert '<html lang="vi">' in (project.reports / "province/ha-noi.html").read_text(encoding="utf-8")
    assert "<title>Thử nghiệm: Hà Nội</title>" in (project.reports / "province/ha-noi.html").read_text("utf-8")
    assert '<html lang="en">' in (project.reports / "overview/fixture-overview.html").read_text(encoding="utf-8")

    page = (project.reports / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr class="report" data-kind="(\w+)" data-region="([^"]*)" data-province="([^"]*)" '
                      r'data-slug="([\w-]+)" data-status="(\w+)"', page)
    assert len(rows) == 64  # every report of the matrix, built or not
    built = {(kind, slug) for kind, _, _, slug, status in rows if status == "ok"}
    assert built == {tuple(rel[:-5].split("/")) for rel in SUBSET_PAGES}
    assert ("province", "Đồng bằng sông Hồng", "Hà Nội", "ha-noi", "ok") in rows
    assert ("province", "Đồng bằng sông Cửu Long", "Cà Mau", "ca-mau", "missing") in rows
    for rel in SUBSET_PAGES:
        assert f'href="{rel}"' in page
    assert external_references(page) == []
    assert not re.search(r"<script[^>]*\ssrc=|<link[^>]*\shref=", page)


def test_failing_report_does_not_stop_the_others(project, capsys):
    edit_matrix(project, lambda doc: doc["reports"].append(
        {"notebook": "fixture_report.ipynb", "kind": "overview", "slug": "broken", "title": "Hỏng",
         "parameters": {"scale": -1}}))

    code, out = build(project, capsys, *SUBSET, "--only", "broken")

    assert code == 1
    assert "3 built, 0 up to date (skipped), 1 failed" in out
    assert "FAILED broken: ValueError: scale must be positive, got -1" in out
    kept = project.root / ".build" / "failed" / "broken.ipynb"
    assert kept.is_file() and "scale must be positive" in kept.read_text(encoding="utf-8")
    assert all((project.reports / rel).is_file() for rel in SUBSET_PAGES)
    assert not (project.reports / "overview" / "broken.html").exists()
    page = (project.reports / "index.html").read_text(encoding="utf-8")
    assert re.search(r'data-slug="broken" data-status="failed"', page)
    assert "ValueError: scale must be positive, got -1" in page

    # Fixed: the failed report is rebuilt (alone) and its kept notebook goes away.
    edit_matrix(project, lambda doc: doc["reports"][-1]["parameters"].update(scale=2))
    code, out = build(project, capsys, *SUBSET, "--only", "broken")
    assert code == 0 and "1 built, 3 up to date (skipped), 0 failed" in out
    assert not kept.exists() and (project.reports / "overview" / "broken.html").is_file()


def test_rebuild_runs_only_what_changed(project, capsys):
    assert build(project, capsys, *SUBSET)[0] == 0
    first = inodes(project)

    code, out = build(project, capsys, *SUBSET)
    assert code == 0 and "0 built, 3 up to date (skipped), 0 failed" in out
    assert inodes(project) == first  # pages carried over untouched

    edit_matrix(project, lambda doc: doc["reports"][1]["parameters"].update(scale=3))
    code, out = build(project, capsys, *SUBSET)
    assert code == 0 and "1 built, 2 up to date (skipped), 0 failed" in out
    changed = {rel for rel, ino in inodes(project).items() if ino != first[rel]}
    assert changed == {"overview/fixture-overview.html"}

    with open(project.processed / "indicators.csv", "a", encoding="utf-8") as fh:
        fh.write("\n")  # any change of the processed data invalidates every report
    assert "3 built, 0 up to date" in build(project, capsys, *SUBSET)[1]

    assert "3 built, 0 up to date" in build(project, capsys, *SUBSET, "--force")[1]


def test_same_inputs_give_byte_identical_pages(project, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # the build date is the only intended variable
    assert build(project, capsys, *SUBSET)[0] == 0
    first = {rel: (project.reports / rel).read_bytes() for rel in SUBSET_PAGES}

    assert build(project, capsys, *SUBSET, "--force")[0] == 0
    assert {rel: (project.reports / rel).read_bytes() for rel in SUBSET_PAGES} == first


def test_only_subset_keeps_the_other_pages(project, capsys):
    assert build(project, capsys, *SUBSET)[0] == 0
    code, out = build(project, capsys, "--only", "fixture-overview", "--force")
    assert code == 0 and "1 built, 0 up to date (skipped), 0 failed" in out
    assert all((project.reports / rel).is_file() for rel in SUBSET_PAGES)


def test_failed_publish_leaves_the_site_as_it_was(project, capsys, monkeypatch):
    assert build(project, capsys, *SUBSET)[0] == 0
    (project.reports / "validation").mkdir()
    (project.reports / "validation" / "index.html").write_text("validation summary", encoding="utf-8")
    before = {p.relative_to(project.reports): p.stat().st_ino for p in project.reports.rglob("*")}

    def broken_index(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(index_module, "render_index", broken_index)
    with pytest.raises(RuntimeError, match="disk full"):
        build(project, capsys, *SUBSET, "--force")

    assert {p.relative_to(project.reports): p.stat().st_ino for p in project.reports.rglob("*")} == before
    assert [p.name for p in project.reports.parent.iterdir() if p.name.startswith(".reports")] == []


def alive(pid: int) -> bool:
    """Whether process `pid` runs (a zombie waiting to be reaped does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def hanging_reports(project, pidfiles: list[Path]) -> Path:
    """A matrix of reports that write their kernel's pid to `pidfiles` and then wait ten minutes."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell('pidfile = ""\nlang = "vi"', metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("import os, pathlib, time\n"
                                          "pathlib.Path(pidfile).write_text(str(os.getpid()))\ntime.sleep(600)")]
    nbformat.write(nb, project.notebooks / "hang.ipynb")
    path = project.config / "hang.yml"
    path.write_text(yaml.safe_dump({"reports": [
        {"notebook": "hang.ipynb", "kind": "overview", "slug": f"hang-{i}", "title": "Treo",
         "parameters": {"pidfile": str(pidfile)}} for i, pidfile in enumerate(pidfiles, 1)]}), encoding="utf-8")
    return path


@pytest.mark.parametrize(("signum", "whole_group"), [(signal.SIGINT, True), (signal.SIGTERM, False)],
                         ids=["ctrl-c", "sigterm"])
def test_interrupted_build_stops_at_once_and_keeps_the_site(project, capsys, tmp_path, signum, whole_group):
    assert build(project, capsys, *SUBSET)[0] == 0
    before = {p.relative_to(project.reports): p.stat().st_ino for p in project.reports.rglob("*")}
    pidfiles = [tmp_path / f"{i}.pid" for i in (1, 2)]
    process = subprocess.Popen(
        [Path(sys.executable).parent / "cchc", "build", "--root", str(project.root), "--matrix",
         str(hanging_reports(project, pidfiles)), "--workers", "2", "--skip-validation-check"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as in a terminal, not a background job
    kernels: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while not all(path.exists() and path.read_text() for path in pidfiles):
            assert process.poll() is None and time.monotonic() < deadline, process.stdout.read()
            time.sleep(0.2)
        kernels = [int(path.read_text()) for path in pidfiles]

        # Ctrl-C reaches the terminal's whole process group; a scheduler's SIGTERM only the main process.
        os.killpg(process.pid, signum) if whole_group else os.kill(process.pid, signum)
        out, _ = process.communicate(timeout=60)

        assert process.returncode == 130 and "cchc build: interrupted; outputs left as they were" in out
        deadline = time.monotonic() + 30  # a kernel notices that its parent is gone within a second or two
        while any(alive(pid) for pid in kernels) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(alive(pid) for pid in kernels)
        assert {p.relative_to(project.reports): p.stat().st_ino for p in project.reports.rglob("*")} == before
        assert [p.name for p in project.reports.parent.iterdir() if p.name.startswith(".reports")] == []
    finally:  # a failed run must not leave processes behind
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        for pid in filter(alive, kernels):
            os.kill(pid, signal.SIGKILL)


def test_validation_pages_are_carried_over(project, capsys):
    (project.reports / "validation").mkdir()
    (project.reports / "validation" / "index.html").write_text("validation summary", encoding="utf-8")
    (project.reports / "data-docs" / "static").mkdir(parents=True)
    (project.reports / "data-docs" / "static" / "x.css").write_text("body {}", encoding="utf-8")

    assert build(project, capsys, "--only", "fixture-overview")[0] == 0

    assert (project.reports / "validation" / "index.html").read_text(encoding="utf-8") == "validation summary"
    assert (project.reports / "data-docs" / "static" / "x.css").is_file()


def test_unknown_pattern_and_missing_data_are_errors(project, capsys):
    code, out = build(project, capsys, "--only", "no-such-report")
    assert code == 1 and "no report matches --only no-such-report" in out
    for table in project.processed.glob("*.csv"):
        table.unlink()
    code, out = build(project, capsys)
    assert code == 1 and "run `cchc clean` first" in out


def publish_summary(project, **fields) -> None:
    """A validation summary as `cchc validate` publishes it (reports/validation/summary.json)."""
    summary = {"success": True, "generated_at": "2025-01-01T00:00:00+00:00", "n_failed_error": 0,
               "data_hash": tree_hash(project.processed, "*.csv"), **fields}
    (project.reports / "validation").mkdir(parents=True, exist_ok=True)
    (project.reports / "validation" / "summary.json").write_text(json.dumps(summary), encoding="utf-8")


@pytest.mark.parametrize(("summary", "message"), [
    (None, "refusing to build: no validation summary found"),
    ({"data_hash": "0" * 64}, "refusing to build: the validation of 2025-01-01T00:00:00+00:00 checked other data"),
    ({"success": False, "n_failed_error": 3}, "refusing to build: validation failed (3 failed expectation(s)"),
])
def test_gate_refuses_missing_stale_or_failed_validation(project, capsys, summary, message):
    if summary is not None:
        publish_summary(project, **summary)
    code, out = build(project, capsys, "--only", "fixture-overview", gate=True)
    assert code == 1 and message in out
    assert not (project.reports / "index.html").exists()


def test_gate_passes_current_validation_and_shows_it(project, capsys):
    publish_summary(project)
    code, out = build(project, capsys, "--only", "fixture-overview", gate=True)
    assert code == 0, out
    page = (project.reports / "overview" / "fixture-overview.html").read_text(encoding="utf-8")
    assert '<a class="passed" href="../validation/index.html">passed</a>' in page
    assert "đạt (passed), 2025-01-01T00:00:00+00:00" in (project.reports / "index.html").read_text("utf-8")


@pytest.mark.parametrize("failed_at", ["2025-02-01T00:00:00+00:00", "2025-01-01T00:00:00+00:00"],
                         ids=["later", "same stamp"])
def test_gate_sees_the_latest_failed_run(project, capsys, failed_at):
    """`cchc validate` keeps the last passed summary published and leaves every run in .build/validation/.
    The latest run decides, not the clock (SOURCE_DATE_EPOCH gives every run the same stamp), and the
    refusal names the page that shows the failure, not the last passing one."""
    publish_summary(project)
    failed = {"success": False, "generated_at": failed_at, "n_failed_error": 2,
              "data_hash": tree_hash(project.processed, "*.csv")}
    (project.root / ".build" / "validation").mkdir(parents=True)
    (project.root / ".build" / "validation" / "summary.json").write_text(json.dumps(failed), encoding="utf-8")
    code, out = build(project, capsys, "--only", "fixture-overview", gate=True)
    assert code == 1 and "validation failed (2 failed expectation(s)" in out
    assert "see .build/validation/index.html" in out


def test_gate_follows_a_real_validation_run(project, capsys):
    """Whatever `cchc validate` concludes on the cleaned data, the build agrees with it."""
    validated = main(["validate", "--root", str(project.root), "--no-data-docs"]) == 0
    capsys.readouterr()
    code, out = build(project, capsys, "--only", "fixture-overview", gate=True)
    if validated:
        assert code == 0, out
        with open(project.processed / "indicators.csv", "a", encoding="utf-8") as fh:
            fh.write("\n")  # data changed after validation: stale
        code, out = build(project, capsys, "--only", "fixture-overview", gate=True)
        assert code == 1 and "checked other data" in out
    else:
        assert code == 1 and "refusing to build" in out


# --- issue 15: nothing lost, nothing stale ----------------------------------------------------------

def test_failed_rebuild_keeps_the_last_good_page_marked_stale(project, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # 2026-09-21 14:13 UTC
    assert build(project, capsys, "--only", "ha-noi")[0] == 0
    page = project.reports / "province" / "ha-noi.html"
    good = page.read_text(encoding="utf-8")

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790086400")  # a day later the report breaks
    edit_matrix(project, lambda doc: doc["reports"][0]["parameters"].update(scale=-1))
    code, out = build(project, capsys, "--only", "ha-noi")

    assert code == 1
    assert ("FAILED ha-noi: ValueError: scale must be positive, got -1 (the page of 2026-09-21 14:13 UTC stays "
            "published, marked stale)") in out
    stale = page.read_text(encoding="utf-8")
    banner = ("Trang này là bản tạo lúc 2026-09-21 14:13 UTC; lần tạo lại lúc 2026-09-22 14:13 UTC bị lỗi, nên số "
              "liệu và nhận định có thể đã cũ. Lỗi: ValueError: scale must be positive, got -1")
    assert banner in stale and stale.count('class="cchc-stale"') == 1
    assert re.sub(r"<!-- cchc:stale -->.*?<!-- /cchc:stale -->", "", stale, flags=re.S) == good
    index = (project.reports / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr class="report"[^>]*data-slug="ha-noi" data-status="stale"[^>]*>.*?</tr>', index, re.S).group(0)
    assert 'href="province/ha-noi.html"' in row and "2026-09-21 14:13 UTC" in row
    assert "ValueError: scale must be positive, got -1" in row and "1 stale" in index

    code, out = build(project, capsys, "--only", "ha-noi")  # fails again: still one banner, same last good date
    assert code == 1 and page.read_text(encoding="utf-8").count('class="cchc-stale"') == 1
    assert "the page of 2026-09-21 14:13 UTC stays published" in out

    edit_matrix(project, lambda doc: doc["reports"][0]["parameters"].update(scale=1))
    assert build(project, capsys, "--only", "ha-noi")[0] == 0
    assert "cchc-stale" not in page.read_text(encoding="utf-8")
    assert 'data-slug="ha-noi" data-status="ok"' in (project.reports / "index.html").read_text(encoding="utf-8")


def test_a_build_is_refused_while_another_command_writes(project, capsys):
    with project.lock("clean"):
        code, out = build(project, capsys, "--only", "fixture-overview")
    assert code == 1
    assert f"`cchc clean` (pid {os.getpid()}, started " in out and "`cchc build` did not start" in out
    assert not (project.reports / "index.html").exists()


def test_fifteen_simultaneous_builds_never_crash(project, capsys):
    assert build(project, capsys, "--only", "fixture-overview")[0] == 0
    command = [Path(sys.executable).parent / "cchc", "build", "--root", str(project.root), "--matrix",
               str(project.config / "fixture-reports.yml"), "--only", "fixture-overview", "--workers", "1",
               "--skip-validation-check"]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                 for _ in range(15)]
    results = [(p.wait(timeout=300), p.stdout.read()) for p in processes]

    assert not [out for _, out in results if "Traceback" in out]
    done = [out for code, out in results if code == 0]
    refused = [out for code, out in results if code != 0]
    assert done and all("0 built, 1 up to date (skipped), 0 failed" in out for out in done)
    assert refused  # 15 builds started at once overlap: the lock turns some away, with a message
    assert all(code == 1 and "did not start" in out for code, out in results if code != 0), refused
    assert (project.reports / "overview" / "fixture-overview.html").is_file()
    assert [p.name for p in project.root.iterdir() if ".staging." in p.name or p.name.endswith(".previous")] == []


def test_leftovers_of_a_killed_build_are_removed_at_the_next_start(project, capsys, tmp_path):
    """SIGKILL gives no chance to clean up: the staging site and scratch notebooks stay, until the next run."""
    pidfiles = [tmp_path / f"{i}.pid" for i in (1, 2)]
    process = subprocess.Popen(
        [Path(sys.executable).parent / "cchc", "build", "--root", str(project.root), "--matrix",
         str(hanging_reports(project, pidfiles)), "--workers", "2", "--skip-validation-check"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    kernels: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while not all(path.exists() and path.read_text() for path in pidfiles):
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.2)
        kernels = [int(path.read_text()) for path in pidfiles]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        for pid in filter(alive, kernels):
            os.kill(pid, signal.SIGKILL)
    left = sorted(p.name for p in project.root.iterdir() if p.name.startswith(".reports.staging."))
    assert len(left) == 1
    # a kill between papermill's save and the rendering also leaves the executed notebook
    (project.root / ".build" / "run" / "hang-1.ipynb").write_text("{}", encoding="utf-8")

    code, out = build(project, capsys, "--only", "fixture-overview")

    assert code == 0, out
    assert f"cchc build: removed what an interrupted run left behind: {left[0]}" in out
    assert [p.name for p in project.root.iterdir() if p.name.startswith(".reports.")] == []
    assert list((project.root / ".build" / "run").glob("*.ipynb")) == []
