"""The gate: validate the processed tables with one checkpoint, then publish or stop.

Every run writes its summary page, summary.json and offline Data Docs as one folder, atomically, to
.build/validation/ (where `cchc build` looks). On success (every table validated, no error-severity
failure) the same are published atomically into reports/; otherwise reports/ is not touched.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..errors import CchcError
from ..io import atomic_dir, now, tree_hash, write_text_atomic
from ..paths import Project
from ..schema import TABLES
from . import context as gxc
from . import datadocs, html, latest_run_dir
from .load import PANDAS_TYPES, read_for_validation
from .suites import suites_for
from .summary import failure_lines, summarise
from .views import VIEWS, Inputs

RESULT_FORMATS = ("BASIC", "SUMMARY", "COMPLETE")
SUMMARY_JSON = "summary.json"
SUMMARY_HTML = "index.html"


def select_tables(tables: list[str] | None) -> list[str]:
    """The tables to validate (all when None), in schema order; unknown names are an error."""
    if not tables:
        return list(TABLES)
    unknown = sorted(set(tables) - set(TABLES))
    if unknown:
        raise CchcError(f"unknown table(s) {', '.join(unknown)}; choose from {', '.join(TABLES)}")
    return [t for t in TABLES if t in tables]


def _conforms(frame: pd.DataFrame, table: str) -> bool:
    """Columns and types as the schema says (views are only derived from such tables)."""
    spec = TABLES[table]
    return list(frame.columns) == spec.names and all(str(frame[c.name].dtype) == PANDAS_TYPES[c.dtype]
                                                     for c in spec.columns)


def _frames(project: Project, names: list[str], say: Callable[[str], None]) -> dict[str, pd.DataFrame]:
    frames = {t: read_for_validation(project.processed, t) for t in names}
    wanted = {v: spec for v, spec in VIEWS.items() if spec[0] is None or spec[0] in names}
    broken = sorted({t for t, _ in wanted.values() if t is not None and not _conforms(frames[t], t)})
    if broken:
        say(f"derived checks skipped for {', '.join(broken)}: the table does not match its schema")
    inputs = Inputs.load(project, frames)
    return frames | {v: build(inputs) for v, (t, build) in wanted.items() if t not in broken}


def _write(folder: Path, summary: dict, docs_link: str | None) -> None:
    write_text_atomic(folder / SUMMARY_JSON, json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    write_text_atomic(folder / SUMMARY_HTML, html.render(summary, docs_link))


def _publish(project: Project, summary: dict, site: Path | None) -> None:
    """Write reports/validation/ (and reports/data-docs/) whole or not at all."""
    stale_docs = project.reports / "data-docs"
    if site is not None:
        with atomic_dir(stale_docs, keep=()) as staging:
            datadocs.offline_copy(site, staging, project.root)
    else:
        shutil.rmtree(stale_docs, ignore_errors=True)
    with atomic_dir(project.reports / "validation", keep=()) as staging:
        _write(staging, summary, "../data-docs/index.html" if site else None)


def _keep_run(project: Project, summary: dict, site: Path | None) -> None:
    """This run's summary and Data Docs as one folder in .build/validation/, replaced in one step."""
    with atomic_dir(latest_run_dir(project), keep=()) as staging:
        if site is not None:
            datadocs.offline_copy(site, staging / "data-docs", project.root)
        _write(staging, summary, "data-docs/index.html" if site else None)


def validate_project(project: Project, tables: list[str] | None = None, result_format: str = "SUMMARY",
                     data_docs: bool = True, say: Callable[[str], None] = print) -> dict:
    """Run the checkpoint over the processed tables; publish on success; return the summary."""
    if result_format not in RESULT_FORMATS:
        raise CchcError(f"result format must be one of {', '.join(RESULT_FORMATS)}, not {result_format!r}")
    names = select_tables(tables)
    with project.lock("validate"):
        return _validate(project, names, result_format, data_docs, say)


def _validate(project: Project, names: list[str], result_format: str, data_docs: bool,
              say: Callable[[str], None]) -> dict:
    from great_expectations.core.run_identifier import RunIdentifier

    when = now()
    data_hash = tree_hash(project.processed, "*.csv")
    frames = _frames(project, names, say)
    suites = [s for s in suites_for(names) if s.name in frames]

    gxc.clear_generated(project)
    context = gxc.open_context(project)
    folder = gxc.stage_batches(project, frames)
    result = gxc.checkpoint(context, folder, suites, result_format).run(
        run_id=RunIdentifier(run_name="cchc-validate", run_time=when))
    summary = summarise(result, suites, frames, generated_at=when.isoformat(timespec="seconds"), data_hash=data_hash)
    site = datadocs.build(context) if data_docs else None

    for line in failure_lines(summary):
        say(line)
    _keep_run(project, summary, site)
    here = latest_run_dir(project) / SUMMARY_HTML
    if summary["success"] and names == list(TABLES):
        _publish(project, summary, site)
        say(f"validation passed: {summary['n_expectations']} expectations, {summary['n_failed_warning']} "
            f"warning(s); summary in {project.reports / 'validation' / SUMMARY_HTML}")
    elif summary["success"]:
        say(f"validation passed (subset of tables, not published); summary in {here}")
    else:
        say(f"validation FAILED: {summary['n_failed_error']} error(s); summary in {here} "
            "(reports/ keeps the last passing validation, which goes with the published pages)")
    return summary
