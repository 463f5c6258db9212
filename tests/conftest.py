"""Shared fixtures: a temporary copy of the repository with the shipped data cleaned."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from cchc_research.clean import clean
from cchc_research.io import sha256
from cchc_research.paths import Project

REPO = Path(__file__).resolve().parents[1]
COPIED = ("config", "data/raw", "expectations", "notebooks")


def copy_repo(target: Path, source: Path = REPO, extra: tuple[str, ...] = ()) -> Project:
    """Copy what the pipeline reads (not .venv, not outputs) into `target`."""
    for rel in COPIED + extra:
        src = source / rel
        if src.is_dir():
            shutil.copytree(src, target / rel, ignore=shutil.ignore_patterns("uncommitted", ".ipynb_checkpoints"))
    for rel in ("data/processed", "reports"):
        (target / rel).mkdir(parents=True, exist_ok=True)
    return Project(target)


@pytest.fixture(scope="session")
def cleaned_project(tmp_path_factory) -> Project:
    """A repository copy with the shipped data cleaned (do not modify: use `project_copy`)."""
    project = copy_repo(tmp_path_factory.mktemp("cleaned") / "repo")
    clean(project, verbose=False)
    return project


@pytest.fixture
def project_copy(cleaned_project, tmp_path) -> Project:
    """A fresh, mutable copy of `cleaned_project`, processed data included."""
    target = tmp_path / "repo"
    shutil.copytree(cleaned_project.root, target)
    return Project(target)


def replace_raw(project: Project, rel: str, data: bytes) -> None:
    """Change a raw extract as a new snapshot would: write it and record its checksum in the manifest."""
    path = project.raw / rel
    path.write_bytes(data)
    manifest = yaml.safe_load(project.manifest.read_text(encoding="utf-8"))
    for source in manifest["sources"].values():
        for entry in source["files"]:
            for extract in entry["extracts"]:
                if extract["path"] == rel:
                    extract["sha256"] = sha256(path)
                    project.manifest.write_text(yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False),
                                                encoding="utf-8")
                    return
    raise KeyError(f"{rel} is not in the manifest")
