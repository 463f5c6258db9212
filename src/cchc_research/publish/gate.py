"""The validation gate: no report is built from data that did not pass `cchc validate`."""

from __future__ import annotations

from typing import Any

from ..errors import CchcError
from ..paths import Project


def summary(project: Project) -> dict[str, Any] | None:
    """The validation that speaks for the current data (`cchc_research.validate.latest_summary`)."""
    from ..validate import latest_summary

    return latest_summary(project)


def check(project: Project, found: dict[str, Any] | None, data_hash: str) -> None:
    """Raise CchcError unless `found` is a passed validation of exactly the current processed data."""
    from ..validate import latest_run_dir

    hint = "run `cchc validate` (or `make reports`), or pass --skip-validation-check for a draft build"
    if found is None:
        raise CchcError(f"refusing to build: no validation summary found; {hint}")
    if found.get("data_hash") != data_hash:
        raise CchcError(f"refusing to build: the validation of {found.get('generated_at', '?')} checked other "
                        f"data (hash {str(found.get('data_hash'))[:12]}, current {data_hash[:12]}); {hint}")
    if not found.get("success"):
        page = (latest_run_dir(project) / "index.html").relative_to(project.root)
        raise CchcError(f"refusing to build: validation failed ({found.get('n_failed_error', '?')} failed "
                        f"expectation(s) of severity error, {found.get('generated_at', '?')}); see {page} "
                        "(reports/validation/ still shows the last passing run, of the published pages)")
