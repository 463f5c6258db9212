"""The gate: validate the processed tables with one checkpoint, then publish or stop.

On success (every table validated, no error-severity failure) the summary page, summary.json and the
offline Data Docs are published atomically into reports/. Otherwise reports/ is not touched: the
summary goes to .build/validation/ and the caller exits non-zero.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from ..errors import CchcError
from ..io import atomic_dir, tree_hash, write_text_atomic
from ..paths import Project
from ..schema import TABLES
from . import context as gxc
from . import datadocs, failed_run_dir, html
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


def _write(folder: Path, summary: dict, docs: Path | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_text_atomic(folder / SUMMARY_JSON, json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    write_text_atomic(folder / SUMMARY_HTML, html.render(summary, "../data-docs/index.html" if docs else None))


def _publish(project: Project, summary: dict, site: Path | None) -> None:
    """Write reports/validation/ (and reports/data-docs/) whole or not at all."""
    stale_docs = project.reports / "data-docs"
    if site is not None:
        with atomic_dir(stale_docs, keep=()) as staging:
            datadocs.offline_copy(site, staging)
    else:
        shutil.rmtree(stale_docs, ignore_errors=True)
    with atomic_dir(project.reports / "validation", keep=()) as staging:
        _write(staging, summary, site)


def validate_project(project: Project, tables: list[str] | None = None, result_format: str = "SUMMARY",
                     data_docs: bool = True, say: Callable[[str], None] = print) -> dict:
    """Run the checkpoint over the processed tables; publish on success; return the summary."""
    if result_format not in RESULT_FORMATS:
        raise CchcError(f"result format must be one of {', '.join(RESULT_FORMATS)}, not {result_format!r}")
    names = select_tables(tables)
    generated_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    data_hash = tree_hash(project.processed, "*.csv")
    frames = _frames(project, names, say)
    suites = [s for s in suites_for(names) if s.name in frames]

    gxc.clear_generated(project)
    context = gxc.open_context(project)
    folder = gxc.stage_batches(project, frames)
    result = gxc.checkpoint(context, folder, suites, result_format).run()
    summary = summarise(result, suites, frames, generated_at=generated_at, data_hash=data_hash)
    site = datadocs.build(context) if data_docs else None

    for line in failure_lines(summary):
        say(line)
    if summary["success"] and names == list(TABLES):
        _publish(project, summary, site)
        say(f"validation passed: {summary['n_expectations']} expectations, {summary['n_failed_warning']} "
            f"warning(s); summary in {project.reports / 'validation' / SUMMARY_HTML}")
    else:
        _write(failed_run_dir(project), summary, None)
        verdict = "passed (subset of tables, not published)" if summary["success"] else \
            f"FAILED: {summary['n_failed_error']} error(s), reports/ left untouched"
        say(f"validation {verdict}; summary in {failed_run_dir(project) / SUMMARY_HTML}")
    return summary

