"""The environment files agree, the CLI answers, and data/raw matches its manifest."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib

import pytest
import yaml

from cchc_research.paths import Project
from cchc_research.sources.snapshot import check, snapshot

from .conftest import REPO, copy_repo


def test_environment_yml_pins_the_same_packages_as_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert sorted(pip) == sorted(project["dependencies"])
    assert all("==" in d for d in project["dependencies"])
    python = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python="))
    assert python == "python=3.11" and ">=3.11" in project["requires-python"]


def test_lock_file_pins_every_direct_dependency():
    lock = {line.split("==")[0].lower(): line.split("==")[1] for line in
            (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines() if "==" in line and not line.startswith("#")}
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for dep in project["dependencies"]:
        name, version = dep.split("==")
        assert lock[name.lower()] == version, dep


def test_raw_data_matches_the_manifest():
    shared = Project(REPO).shared_sources
    assert check(Project(REPO), shared if shared.is_dir() else None) == []


def test_snapshot_reproduces_the_committed_raw_data(tmp_path):
    shared = Project(REPO).shared_sources
    if not shared.is_dir():
        pytest.skip("../shared/data/sources is not beside the repository")
    project = copy_repo(tmp_path / "repo")
    shutil.rmtree(project.raw / "MDT")
    snapshot(project, shared, progress=False)
    assert project.manifest.read_bytes() == (REPO / "data/raw/manifest.yml").read_bytes()
    assert check(project, shared) == []


def test_snapshot_check_reports_tampering(tmp_path):
    project = copy_repo(tmp_path / "repo")
    path = project.raw / "TUNAH/papi_tunah72_papi-dashboard_2020_2021_2024.csv"
    path.write_bytes(path.read_bytes() + b"\n")
    (project.raw / "TUNAH/extra.csv").write_text("x\n", encoding="utf-8")
    problems = check(project)
    assert any("papi_tunah72" in p and "differs from the manifest" in p for p in problems)
    assert any("extra.csv" in p and "not in the manifest" in p for p in problems)
    cli = subprocess.run([sys.executable, "-m", "cchc_research.cli", "snapshot", "--check", "--root", str(project.root)],
                         capture_output=True, text=True)
    assert cli.returncode == 1 and "differs from the manifest" in cli.stdout


@pytest.mark.parametrize("command", ["snapshot", "clean", "provinces", "validate", "build", "extract"])
def test_every_subcommand_explains_itself(command):
    out = subprocess.run([sys.executable, "-m", "cchc_research.cli", command, "--help"],
                         capture_output=True, text=True, check=True).stdout
    assert "--root" in out and len(out) > 200


def test_clean_cli_on_another_copy(tmp_path):
    project = copy_repo(tmp_path / "repo")
    run = subprocess.run([sys.executable, "-m", "cchc_research.cli", "clean", "--root", str(project.root)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert (project.processed / "indicators.csv").is_file() and "wrote" in run.stdout


def test_package_layout_follows_the_data_flow():
    """One package per stage of the README's diagram, a small core at the root, no package named `build`."""
    package = REPO / "src" / "cchc_research"
    stages = {"sources", "clean", "validate", "analysis", "publish", "extract", "provinces"}
    assert stages <= {p.name for p in package.iterdir() if (p / "__init__.py").is_file()}
    assert not (package / "build").exists()
    root_modules = sorted(p.name for p in package.glob("*.py") if p.name != "__init__.py")
    assert len(root_modules) <= 8, root_modules


@pytest.mark.parametrize("short", ["plots", "labels", "narrative", "maps"])
def test_notebook_imports_resolve_to_the_publish_modules(short):
    """Notebooks import `cchc_research.plots` etc.; each short name is the very module of `publish`."""
    code = (f"import importlib, cchc_research.{short} as a, cchc_research.publish.{short} as b;"
            f"from cchc_research import {short} as c;"
            f"assert a is b is c and b.__name__ == 'cchc_research.publish.{short}', (a, b, c)")
    subprocess.run([sys.executable, "-c", code], check=True)
