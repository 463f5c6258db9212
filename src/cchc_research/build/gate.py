"""The validation gate: no report is built from data that did not pass `cchc validate`."""

from __future__ import annotations

import json
from typing import Any

from ..errors import CchcError
from ..paths import Project


def summary(project: Project) -> dict[str, Any] | None:
    """The validation that speaks for the current data: the published (passed) summary, unless a later
    run failed. `cchc validate` leaves the summary of a failed run in .build/validation/summary.json."""
    from ..validate import load_summary

    published = load_summary(project)
    try:
        latest = json.loads((project.root / ".build" / "validation" / "summary.json").read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        return published
    if not latest.get("success") and (published is None
                                      or str(latest.get("generated_at")) > str(published.get("generated_at"))):
        return latest
    return published


def check(found: dict[str, Any] | None, data_hash: str) -> None:
    """Raise CchcError unless `found` is a passed validation of exactly the current processed data."""
    hint = "run `cchc validate` (or `make reports`), or pass --skip-validation-check for a draft build"
    if found is None:
        raise CchcError(f"refusing to build: no validation summary found; {hint}")
    if found.get("data_hash") != data_hash:
        raise CchcError(f"refusing to build: the validation of {found.get('generated_at', '?')} checked other "
                        f"data (hash {str(found.get('data_hash'))[:12]}, current {data_hash[:12]}); {hint}")
    if not found.get("success"):
        raise CchcError(f"refusing to build: validation failed ({found.get('n_failed_error', '?')} failed "
                        f"expectation(s) of severity error, {found.get('generated_at', '?')}); "
                        f"see reports/validation/index.html")
