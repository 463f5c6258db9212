"""Time `cchc build`: full build from clean, no-op rebuild, and the naive way (targets: ≤ 2 s, ≥ 5×).

On a temporary copy of the repository (config, raw data, expectations, notebooks and the package source,
put first on PYTHONPATH so edits in the working tree during the run cannot invalidate the no-op rebuild):
`cchc clean` and `cchc validate` prepare it (not timed), then, each in a fresh process so imports count:
  1. `cchc build` with no previous state (all reports executed and rendered, --workers as given);
  2. `cchc build` again (nothing changed: every report skipped);
  3. the naive way, one report after another: `papermill` CLI, then `jupyter nbconvert --to html` CLI.
Usage: .venv/bin/python benchmarks/build_bench.py [--only PATTERN ...] [--workers N]
(default: the whole matrix, config/reports.yml; --only takes slug globs as `cchc build` does).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cchc_research.publish.matrix import load
from cchc_research.paths import Project

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
COPIED = ("config", "data/raw", "expectations", "notebooks", "src")


def timed(command: list[str], **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, **kwargs)
    return time.perf_counter() - start


def prepare(root: Path) -> tuple[Project, bool]:
    """The repository copy, cleaned and validated; True when validation passed."""
    for rel in COPIED:
        shutil.copytree(REPO / rel, root / rel,
                        ignore=shutil.ignore_patterns("uncommitted", ".ipynb_checkpoints", "__pycache__", "*.egg-info"))
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root / "src"), os.environ.get("PYTHONPATH")]))
    subprocess.run([BIN / "cchc", "clean", "--root", str(root)], check=True, stdout=subprocess.DEVNULL)
    validate = subprocess.run([BIN / "cchc", "validate", "--root", str(root)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    return Project(root), validate.returncode == 0


def naive(project: Project, reports, out: Path) -> float:
    """papermill CLI then nbconvert CLI per report, sequentially (what one would script by hand)."""
    start = time.perf_counter()
    for report in reports:
        executed = out / f"{report.slug}.ipynb"
        subprocess.run([BIN / "papermill", str(project.notebooks / report.notebook), str(executed),
                        "-y", json.dumps(report.parameters, ensure_ascii=False), "-k", "python3",
                        "--cwd", str(project.notebooks), "--no-progress-bar"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run([BIN / "jupyter", "nbconvert", "--to", "html", "--no-input", str(executed),
                        "--output-dir", str(out)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", metavar="PATTERN", help="slug glob (repeatable)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project, validated = prepare(Path(tmp) / "repo")
        reports = [r for r in load(project.config / "reports.yml", project) if not args.only or r.matches(args.only)]
        build = [BIN / "cchc", "build", "--root", str(project.root), "--workers", str(args.workers)]
        if not validated:
            print("note: `cchc validate` failed on this data; timing the build with --skip-validation-check")
            build.append("--skip-validation-check")
        for pattern in args.only or ():
            build += ["--only", pattern]
        quiet = {"stdout": subprocess.DEVNULL}
        print(f"{len(reports)} reports, {args.workers} workers, {os.cpu_count()} CPUs", flush=True)
        full = timed(build, **quiet)
        print(f"full build from clean:  {full:7.1f} s  ({full / len(reports):.2f} s per report)", flush=True)
        noop = timed(build, **quiet)
        print(f"no-op rebuild:          {noop:7.2f} s  [target ≤ 2 s: {'met' if noop <= 2 else 'MISSED'}]",
              flush=True)
        (out := Path(tmp) / "naive").mkdir()
        slow = naive(project, reports, out)
        ratio = slow / full
        print(f"naive (papermill CLI + jupyter nbconvert CLI, sequential): {slow:7.1f} s "
              f"({slow / len(reports):.2f} s per report)")
        print(f"speed-up: {ratio:.1f}×  [target ≥ 5×: {'met' if ratio >= 5 else 'MISSED'}]")


if __name__ == "__main__":
    main()
