"""Incremental builds: what each published report was built from, kept in `.build/state.json`.

A report is re-run when its fingerprint changes: the notebook file, its parameters and title, the
processed data, the package source (templates included) or the validation status shown in its header.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from ..io import sha256, tree_hash, write_text_atomic
from ..paths import Project
from .matrix import Report

PACKAGE = Path(__file__).resolve().parent.parent  # the cchc_research package the notebooks import
SOURCE_SUFFIXES = (".py", ".csv", ".j2", ".json", ".yml")  # what counts as package source (no caches, no docs)


def build_dir(project: Project) -> Path:
    """Scratch space of the build (gitignored): state, executed notebooks, failed notebooks."""
    return project.work


def package_hash() -> str:
    """One hash over the package's source, templates and data files."""
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.suffix in SOURCE_SUFFIXES and p.is_file()):
        digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0" + sha256(path).encode())
    return digest.hexdigest()


def data_hash(project: Project) -> str:
    """The hash of the processed tables, the same one validation records."""
    return tree_hash(project.processed, "*.csv")


@dataclass(frozen=True)
class Inputs:
    """What every report depends on, computed once per build."""

    data_hash: str
    package_hash: str
    validation: str  # "passed", "failed" or "unchecked"


def fingerprint(report: Report, project: Project, inputs: Inputs) -> str:
    """The hash that must match the recorded one for `report` to be skipped."""
    payload = {"notebook": sha256(project.notebooks / report.notebook), "report": asdict(report),
               **asdict(inputs)}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@dataclass
class Entry:
    """The last outcome of one report."""

    fingerprint: str
    status: str  # "ok" or "failed"
    built_at: str  # of the latest attempt
    seconds: float
    error: str | None = None
    last_good: str | None = None  # when the published page was built (a failed rebuild keeps it, stale)


def load(project: Project) -> dict[str, Entry]:
    """Recorded outcomes by slug; an unreadable or missing state file means 'rebuild everything'."""
    path = build_dir(project) / "state.json"
    try:
        entries = {slug: Entry(**entry) for slug, entry in json.loads(path.read_text("utf-8")).items()}
    except (FileNotFoundError, ValueError, TypeError):
        return {}
    for entry in entries.values():  # state written before last_good was recorded
        if entry.status == "ok" and entry.last_good is None:
            entry.last_good = entry.built_at
    return entries


def save(project: Project, entries: dict[str, Entry]) -> None:
    payload = {slug: asdict(entry) for slug, entry in sorted(entries.items())}
    write_text_atomic(build_dir(project) / "state.json",
                      json.dumps(payload, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
