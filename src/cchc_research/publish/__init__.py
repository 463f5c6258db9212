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
import shutil
from pathlib import Path

from ..errors import CchcError
from ..io import now as build_time
from ..paths import Project
from . import downloads, execute, gate, index, matrix, render, site, state
from .progress import Progress

HELP = "execute the report notebooks (papermill) and publish the HTML site in reports/"
DESCRIPTION = """\
Runs every report of the matrix (config/reports.yml: notebook × parameters) with papermill, in
parallel, renders each as self-contained HTML (no code, no external scripts) into
reports/<kind>/<slug>.html, writes the analysis tables behind the reports into reports/data/
(national_distribution.csv, period_comparison.csv, rankings.csv), writes reports/index.html, and swaps
the new site in atomically.

Incremental: a report is re-run only when its notebook, its parameters, the processed data, the
package source or the validation status changed (state in .build/); --force rebuilds all.
Refuses to start unless `cchc validate` passed on the current processed data, and while another cchc
command is writing in the same checkout.
A failing report does not stop the others: the build finishes, publishes what succeeded, keeps the
executed notebook in .build/failed/<slug>.ipynb and exits 1. A page that built before stays published,
marked stale on the page and in the index (date of its last good build, and the error)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true", help="rebuild every selected report")
    parser.add_argument("--workers", type=int, default=execute.default_workers(), metavar="N",
                        help="reports built at once (default: the CPU count, %(default)s)")
    parser.add_argument("--only", action="append", metavar="PATTERN",
                        help="build only reports whose slug (or kind/slug) matches this glob; repeatable")
    parser.add_argument("--matrix", type=Path, metavar="FILE", help="report matrix (default config/reports.yml)")
    parser.add_argument("--skip-validation-check", action="store_true",
                        help="build even without a passed validation of the current data (drafts, tests)")


def run(args: argparse.Namespace, project: Project) -> int:
    reports = matrix.load(args.matrix or project.config / "reports.yml", project)
    selected = [r for r in reports if not args.only or r.matches(args.only)]
    if not selected:
        raise CchcError(f"no report matches --only {' '.join(args.only)}")
    with project.lock("build"):
        return _build(args, project, reports, selected)


def _build(args: argparse.Namespace, project: Project, reports: list[matrix.Report],
           selected: list[matrix.Report]) -> int:
    if not any(project.processed.glob("*.csv")):
        raise CchcError(f"no processed tables in {project.processed}; run `cchc clean` first")
    data_hash = state.data_hash(project)
    summary = gate.summary(project)
    if not args.skip_validation_check:
        gate.check(project, summary, data_hash)
    validation = index.validation_line(summary, data_hash)
    inputs = state.Inputs(data_hash, state.package_hash(), validation["status"])
    entries = {slug: e for slug, e in state.load(project).items() if slug in {r.slug for r in reports}}
    prints = {r.slug: state.fingerprint(r, project, inputs) for r in selected}
    current = {r.slug for r in reports if (project.reports / r.output).is_file()
               and (e := entries.get(r.slug)) and e.status == "ok"}
    todo = [r for r in selected if args.force or r.slug not in current or entries[r.slug].fingerprint != prints[r.slug]]
    todo.sort(key=lambda r: -entries[r.slug].seconds if r.slug in entries else 0.0)  # longest first
    now = build_time()
    stamp = now.strftime("%Y-%m-%d %H:%M UTC")
    header = {"built_on": now.strftime("%Y-%m-%d"), "data_hash": data_hash,
              "package_hash": inputs.package_hash, "validation": validation["status"]}
    scratch = state.build_dir(project)
    shutil.rmtree(scratch / "run", ignore_errors=True)  # executed notebooks of an interrupted build
    by_slug = {r.slug: r for r in reports}
    with site.new_site(project) as staging, Progress(len(todo)) as progress:
        jobs = [execute.Job(r, project.notebooks / r.notebook, project.notebooks,
                            scratch / "run" / f"{r.slug}.ipynb", scratch / "failed" / f"{r.slug}.ipynb",
                            staging / r.output, header) for r in todo]
        outcomes = execute.run_all(jobs, args.workers, progress.done)
        for outcome in outcomes:
            old = entries.get(outcome.slug)
            entries[outcome.slug] = state.Entry(prints[outcome.slug], "ok" if outcome.ok else "failed", stamp,
                                                round(outcome.seconds, 1), outcome.error,
                                                stamp if outcome.ok else old.last_good if old else None)
        downloads.publish(project, staging, f"{inputs.data_hash}:{inputs.package_hash}")
        rebuilt = {r.slug for r in todo}
        site.carry_over(project.reports, staging, [r.output for r in reports if r.slug not in rebuilt
                                                   and (project.reports / r.output).is_file()])
        for outcome in outcomes:  # the last good page stays, marked stale
            report, entry = by_slug[outcome.slug], entries[outcome.slug]
            if not outcome.ok and (project.reports / report.output).is_file():
                old_page = (project.reports / report.output).read_text(encoding="utf-8")
                (staging / report.output).parent.mkdir(parents=True, exist_ok=True)
                (staging / report.output).write_text(render.mark_stale(old_page, report.lang, entry),
                                                     encoding="utf-8")
        published = {r.slug for r in reports if (staging / r.output).is_file()}
        meta = {"built_at": stamp, "data_hash": data_hash, "validation": validation,
                "data_docs": (project.reports / "data-docs" / "index.html").is_file()}
        (staging / "index.html").write_text(index.render_index(project, reports, entries, published, meta),
                                            encoding="utf-8")
    state.save(project, entries)
    return _summarise(selected, outcomes, scratch, entries, published)


def _summarise(selected: list[matrix.Report], outcomes: list[execute.Outcome], scratch: Path,
               entries: dict[str, state.Entry], published: set[str]) -> int:
    failed = [o for o in outcomes if not o.ok]
    skipped = len(selected) - len(outcomes)
    print(f"cchc build: {len(outcomes) - len(failed)} built, {skipped} up to date (skipped), "
          f"{len(failed)} failed; site in reports/ (index.html)")
    for outcome in sorted(failed, key=lambda o: o.slug):
        kept = scratch / "failed" / f"{outcome.slug}.ipynb"
        where = f" [executed notebook: {kept}]" if kept.exists() else ""
        stale = (f" (the page of {entries[outcome.slug].last_good or 'an earlier build'} stays published, "
                 "marked stale)" if outcome.slug in published else "")
        print(f"  FAILED {outcome.slug}: {outcome.error}{stale}{where}")
    return 1 if failed else 0
