"""`cchc validate`: the Great Expectations gate between cleaning and reports.

Modules: rules (published scales, year ranges), load (tolerant reader),
views (derived cross-row check frames), suites (the expectations, with severities), context (the GX
file context and checkpoint), summary, html (the project's own summary page), datadocs (offline copy
of GX Data Docs), gate (orchestration and publishing).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..paths import Project

HELP = "validate data/processed with Great Expectations; stop the pipeline on any error-severity failure"
DESCRIPTION = """\
Runs one Great Expectations checkpoint over every processed table (schema, keys, province registry,
years, published scales, ranks, PAPI sums, completeness against config/completeness.yml, reported figures,
programme targets). Suites are defined in cchc_research.validate.suites and saved to
expectations/gx/expectations/. Each expectation has a severity: "error" fails the gate, "warning" is only
reported. For every failure it prints the table, the expectation, how many rows fail and up to five
examples (province, year, measure, value, source reference).

Every run writes its summary (index.html, summary.json, offline Data Docs) as one folder to
.build/validation/, where `cchc build` looks and points. On success (all tables) it also publishes them as
reports/validation/ and reports/data-docs/. On failure reports/ keeps the last passing run, which goes with
the published pages, and the command exits 1. The time stamp comes from SOURCE_DATE_EPOCH when it is set."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tables", type=lambda s: [t.strip() for t in s.split(",") if t.strip()], default=None,
                        metavar="A,B", help="validate only these tables (and their derived checks); "
                        "a subset is never published to reports/")
    parser.add_argument("--result-format", default="SUMMARY", choices=("BASIC", "SUMMARY", "COMPLETE"),
                        help="Great Expectations result format (default SUMMARY; BASIC gives no row examples)")
    parser.add_argument("--no-data-docs", action="store_true", help="skip building Data Docs (faster)")


def run(args: argparse.Namespace, project: Project) -> int:
    from .gate import validate_project

    summary = validate_project(project, tables=args.tables, result_format=args.result_format,
                               data_docs=not args.no_data_docs)
    return 0 if summary["success"] else 1


def latest_run_dir(project: Project) -> Path:
    """Where every run, passed or failed, leaves its summary (replaced whole by the next run)."""
    return project.work / "validation"


def load_summary(project: Project) -> dict | None:
    """The published validation summary (reports/validation/summary.json), or None if none has passed."""
    return _read(project.reports / "validation" / "summary.json")


def _read(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None


def latest_summary(project: Project) -> dict | None:
    """The validation that speaks for the current data: the latest run if it failed (a failure on any
    table stops the build), else the published summary (the last full run that passed). No time stamps
    are compared: .build/validation/ always holds the latest run."""
    latest = _read(latest_run_dir(project) / "summary.json")
    if latest is not None and not latest.get("success"):
        return latest
    return load_summary(project)
