"""`cchc validate`: the Great Expectations gate between cleaning and reports.

Modules: rules (published scales, year ranges), gaps (config/source_gaps.yml), load (tolerant reader),
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
years, published scales, ranks, PAPI sums, coverage against config/source_gaps.yml, reported figures,
programme targets). Suites are defined in cchc_research.validate.suites and saved to
expectations/gx/expectations/. Each expectation has a severity: "error" fails the gate, "warning" is only
reported. For every failure it prints the table, the expectation, how many rows fail and up to five
examples (province, year, measure, value, source reference).

On success (all tables) it publishes reports/validation/index.html and summary.json, and Great
Expectations Data Docs made offline in reports/data-docs/. On failure it leaves reports/ untouched,
writes the summary to .build/validation/ and exits 1."""


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


def failed_run_dir(project: Project) -> Path:
    """Where a failed run leaves its summary (reports/ is not touched then)."""
    return project.root / ".build" / "validation"


def load_summary(project: Project) -> dict | None:
    """The published validation summary (reports/validation/summary.json), or None if none has passed."""
    path = project.reports / "validation" / "summary.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def latest_summary(project: Project) -> dict | None:
    """The validation that speaks for the current data: the published (passed) summary, unless a later
    run failed, in which case that failed run's summary."""
    published = load_summary(project)
    try:
        latest = json.loads((failed_run_dir(project) / "summary.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return published
    if not latest.get("success") and (published is None
                                      or str(latest.get("generated_at")) > str(published.get("generated_at"))):
        return latest
    return published
