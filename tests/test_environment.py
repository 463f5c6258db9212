"""The environment files agree, the CLI answers, and data/raw matches its manifest."""

from __future__ import annotations

import re
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


# --- the environment repairs itself (issue 15) --------------------------------------------------------

MINI_PYPROJECT = """\
[build-system]
requires = ["setuptools==80.9.0"]
build-backend = "setuptools.build_meta"

[project]
name = "cchc-research"
version = "0.0.0"
requires-python = ">=3.11,<3.12"
dependencies = ["pyyaml==6.0.3"]

[project.scripts]
cchc = "cchc_research.cli:main"

[tool.setuptools.packages.find]
where = ["src"]
"""


@pytest.fixture
def checkout(tmp_path):
    """The Makefile and .ci/ of this repository over a one-dependency package (so that making .venv
    takes seconds, not a minute): what `make setup` does is the same."""
    root = tmp_path / "checkout"
    shutil.copytree(REPO / ".ci", root / ".ci")
    shutil.copy(REPO / "Makefile", root / "Makefile")
    (root / "pyproject.toml").write_text(MINI_PYPROJECT, encoding="utf-8")
    lock = [line for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines()
            if line.startswith("pyyaml==")]
    (root / "requirements.lock").write_text("\n".join(lock) + "\n", encoding="utf-8")
    (root / "src" / "cchc_research").mkdir(parents=True)
    (root / "src" / "cchc_research" / "__init__.py").write_text("", encoding="utf-8")
    (root / "src" / "cchc_research" / "cli.py").write_text("def main():\n    return 0\n", encoding="utf-8")
    return root


def make_setup(root, python: str | None = sys.executable) -> subprocess.CompletedProcess:
    args = ["make", "-s", "setup"] + ([f"PYTHON={python}"] if python else [])
    return subprocess.run(args, cwd=root, capture_output=True, text=True, timeout=600)


def fake_venv(root, version: str, interpreter: str) -> None:
    """A .venv as `python -m venv` leaves it, whose bin/python is `interpreter` (a script or a dead link)."""
    venv = root / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text(f"home = /opt/python{version}/bin\ninclude-system-site-packages = false\n"
                                     f"version = {version}\n", encoding="utf-8")
    (venv / "bin" / "python").symlink_to(interpreter)


def venv_python(root) -> str:
    return subprocess.run([root / ".venv" / "bin" / "python", "-c", "import sys, cchc_research; "
                           "print('%d.%d' % sys.version_info[:2], cchc_research.__file__)"],
                          capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.slow
def test_make_setup_replaces_a_venv_of_the_wrong_python_or_without_interpreter(checkout, tmp_path):
    # 1. A first attempt made .venv with Python 3.10 (simulated: a python that says it is 3.10).
    python310 = tmp_path / "python3.10"
    python310.write_text("#!/bin/sh\necho 3.10\n", encoding="utf-8")
    python310.chmod(0o755)
    fake_venv(checkout, "3.10.13", str(python310))
    run = make_setup(checkout)
    assert run.returncode == 0, run.stderr
    assert ("make setup: .venv was made by Python 3.10; this project needs Python 3.11: removing .venv and "
            "making it again") in run.stderr
    assert venv_python(checkout) == f"3.11 {checkout}/src/cchc_research/__init__.py"

    # 2. Fit and installed: nothing to do.
    again = make_setup(checkout)
    assert again.returncode == 0 and again.stderr == ""

    # 3. The interpreter it was made from vanished (Python upgraded, pyenv version removed).
    shutil.rmtree(checkout / ".venv")
    fake_venv(checkout, "3.11.7", "/opt/python3.11.7/bin/python3.11")
    (checkout / ".venv" / ".installed").write_text("stamp of an earlier install\n", encoding="utf-8")
    run = make_setup(checkout)
    assert run.returncode == 0, run.stderr
    assert ("make setup: .venv/bin/python does not run: its interpreter (Python 3.11.7, /opt/python3.11.7/bin) "
            "is gone: removing .venv and making it again") in run.stderr
    assert venv_python(checkout).startswith("3.11 ")


def test_make_setup_never_deletes_a_folder_it_did_not_make(checkout):
    (checkout / ".venv" / "bin").mkdir(parents=True)
    (checkout / ".venv" / "notes.txt").write_text("mine\n", encoding="utf-8")
    run = make_setup(checkout)
    assert run.returncode != 0
    assert (f"make setup: {checkout}/.venv is not a virtual environment (no pyvenv.cfg), so it is left alone.\n"
            f"make setup: Delete it (rm -rf '{checkout}/.venv') or move it away, then run make again.") in run.stderr
    assert (checkout / ".venv" / "notes.txt").is_file()


def test_make_setup_refuses_another_python(checkout, tmp_path):
    python310 = tmp_path / "python3.10"
    python310.write_text("#!/bin/sh\necho 3.10\n", encoding="utf-8")
    python310.chmod(0o755)
    run = make_setup(checkout, str(python310))
    assert run.returncode != 0
    assert (f"make setup: Python 3.11 is required to make .venv; {python310} is Python 3.10.\n"
            "make setup: Install Python 3.11, or name it: make PYTHON=/path/to/python3.11") in run.stderr
    assert not (checkout / ".venv").exists()


# --- a broken manifest is a message, not a traceback ------------------------------------------------

@pytest.mark.parametrize(("change", "message"), [
    (lambda text: text.replace("sources:\n", "sources:\n  - [\n", 1),
     r"data/raw/manifest.yml: not valid YAML at line \d+, column \d+ \(.*\); restore it with `git checkout -- "
     r"data/raw/manifest.yml` or rewrite it with `cchc snapshot`"),
    (lambda text: text.replace("extracts:", "extract:", 1),
     r"data/raw/manifest.yml: not the manifest `cchc snapshot` writes \(no key 'extracts'\); restore it"),
], ids=["not YAML", "wrong shape"])
def test_broken_manifest_gives_a_message(tmp_path, change, message):
    project = copy_repo(tmp_path / "repo")
    project.manifest.write_text(change(project.manifest.read_text(encoding="utf-8")), encoding="utf-8")
    for command in (["snapshot", "--check"], ["clean"]):
        run = subprocess.run([sys.executable, "-m", "cchc_research.cli", *command, "--root", str(project.root)],
                             capture_output=True, text=True)
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
        assert re.search(message, run.stderr), run.stderr
