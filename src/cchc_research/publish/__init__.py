"""Stage 5, publishing: `cchc build` runs the report matrix with papermill and publishes the HTML site
in `reports/`.

The site generator: `matrix` (config/reports.yml), `execute` and `kernel` (papermill runs in forked
kernels), `render` (self-contained HTML with nbconvert), `state` (incremental builds), `gate` (the
validation a build requires), `index` (the site's index page), `site` (atomic replacement of reports/),
`progress`, and `templates/`. What the report notebooks write with: `plots` (house-style figures),
`labels` and `prose` (Vietnamese and English text), `narrative` (Markdown and tables in a notebook).
"""

from __future__ import annotations

import argparse
import os
from datetime import datetime, timezone
from pathlib import Path

from ..errors import CchcError
from ..paths import Project
from . import execute, gate, index, matrix, site, state
from .progress import Progress

HELP = "execute the report notebooks (papermill) and publish the HTML site in reports/"
DESCRIPTION = """\
Runs every report of the matrix (config/reports.yml: notebook × parameters) with papermill, in
parallel, renders each as self-contained HTML (no code, no external scripts) into
reports/<kind>/<slug>.html, writes reports/index.html, and swaps the new site in atomically.

Incremental: a report is re-run only when its notebook, its parameters, the processed data, the
package source or the validation status changed (state in .build/); --force rebuilds all.
Refuses to start unless `cchc validate` passed on the current processed data.
A failing report does not stop the others: the build finishes, publishes what succeeded, keeps the
executed notebook in .build/failed/<slug>.ipynb and exits 1."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true", help="rebuild every selected report")
    parser.add_argument("--workers", type=int, default=execute.default_workers(), metavar="N",
                        help="reports built at once (default: the CPU count, %(default)s)")
    parser.add_argument("--only", action="append", metavar="PATTERN",
                        help="build only reports whose slug (or kind/slug) matches this glob; repeatable")
    parser.add_argument("--matrix", type=Path, metavar="FILE", help="report matrix (default config/reports.yml)")
    parser.add_argument("--skip-validation-check", action="store_true",
                        help="build even without a passed validation of the current data (drafts, tests)")


def _now() -> datetime:
    """Build time; SOURCE_DATE_EPOCH (reproducible-builds convention) pins it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)


def run(args: argparse.Namespace, project: Project) -> int:
    reports = matrix.load(args.matrix or project.config / "reports.yml", project)
    selected = [r for r in reports if not args.only or r.matches(args.only)]
    if not selected:
        raise CchcError(f"no report matches --only {' '.join(args.only)}")
    if not any(project.processed.glob("*.csv")):
        raise CchcError(f"no processed tables in {project.processed}; run `cchc clean` first")
    data_hash = state.data_hash(project)
    summary = gate.summary(project)
    if not args.skip_validation_check:
        gate.check(summary, data_hash)
    validation = index.validation_line(summary, data_hash)
    inputs = state.Inputs(data_hash, state.package_hash(), validation["status"])
    entries = {slug: e for slug, e in state.load(project).items() if slug in {r.slug for r in reports}}
    prints = {r.slug: state.fingerprint(r, project, inputs) for r in selected}
    current = {r.slug for r in reports if (project.reports / r.output).is_file()
               and (e := entries.get(r.slug)) and e.status == "ok"}
    todo = [r for r in selected if args.force or r.slug not in current or entries[r.slug].fingerprint != prints[r.slug]]
    todo.sort(key=lambda r: -entries[r.slug].seconds if r.slug in entries else 0.0)  # longest first
    now = _now()
    header = {"built_on": now.strftime("%Y-%m-%d"), "data_hash": data_hash,
              "package_hash": inputs.package_hash, "validation": validation["status"]}
    scratch = state.build_dir(project)
    with site.new_site(project) as staging, Progress(len(todo)) as progress:
        jobs = [execute.Job(r, project.notebooks / r.notebook, project.notebooks,
                            scratch / "run" / f"{r.slug}.ipynb", scratch / "failed" / f"{r.slug}.ipynb",
                            staging / r.output, header) for r in todo]
        outcomes = execute.run_all(jobs, args.workers, progress.done)
        for outcome in outcomes:
            entries[outcome.slug] = state.Entry(prints[outcome.slug], "ok" if outcome.ok else "failed",
                                                now.strftime("%Y-%m-%d %H:%M UTC"), round(outcome.seconds, 1),
                                                outcome.error)
        rebuilt = {r.slug for r in todo}
        site.carry_over(project.reports, staging,
                           [r.output for r in reports if r.slug in current and r.slug not in rebuilt])
        published = {r.slug for r in reports if (staging / r.output).is_file()}
        meta = {"built_at": now.strftime("%Y-%m-%d %H:%M UTC"), "data_hash": data_hash, "validation": validation,
                "data_docs": (project.reports / "data-docs" / "index.html").is_file()}
        (staging / "index.html").write_text(index.render_index(project, reports, entries, published, meta),
                                            encoding="utf-8")
    state.save(project, entries)
    return _summarise(selected, outcomes, scratch)


def _summarise(selected: list[matrix.Report], outcomes: list[execute.Outcome], scratch: Path) -> int:
    failed = [o for o in outcomes if not o.ok]
    skipped = len(selected) - len(outcomes)
    print(f"cchc build: {len(outcomes) - len(failed)} built, {skipped} up to date (skipped), "
          f"{len(failed)} failed; site in reports/ (index.html)")
    for outcome in sorted(failed, key=lambda o: o.slug):
        kept = scratch / "failed" / f"{outcome.slug}.ipynb"
        where = f" [executed notebook: {kept}]" if kept.exists() else ""
        print(f"  FAILED {outcome.slug}: {outcome.error}{where}")
    return 1 if failed else 0
