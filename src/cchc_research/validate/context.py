"""The Great Expectations file context under expectations/gx/: suites, batches and one checkpoint.

Created once per run. Everything is registered with add_or_update, so a re-run never fails on
objects that already exist. Only the suites (gx/expectations/*.json) are versioned; the context
config, validation definitions and checkpoint embed this checkout's paths and are regenerated each
run (see expectations/README.md). Batches are the frames to validate, staged as pickles under
gx/uncommitted/batches/ so one checkpoint can read a different frame per suite.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..paths import Project
from .suites import Suite

if TYPE_CHECKING:
    from great_expectations.checkpoint import Checkpoint
    from great_expectations.data_context import FileDataContext

DATASOURCE = "cchc_processed"
CHECKPOINT = "cchc_processed"
BATCH = "whole_frame"
GX_SEVERITY = {"error": "critical", "warning": "warning"}


def gx_root(project: Project) -> Path:
    return project.expectations / "gx"


def open_context(project: Project) -> FileDataContext:
    """The file context at expectations/gx/, analytics off, progress bars only on a terminal."""
    os.environ["GX_ANALYTICS_ENABLED"] = "false"
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="file", project_root_dir=project.expectations)
    tty = sys.stdout.isatty()
    context.variables.progress_bars = ProgressBarsConfig(globally=tty, metric_calculations=tty)
    return context


def build_suite(suite: Suite):
    """The GX ExpectationSuite for one of our suites (not yet saved)."""
    import great_expectations as gx

    expectations = []
    for check in suite.checks:
        cls = getattr(gx.expectations, check.expectation)
        expectations.append(cls(**check.kwargs, severity=GX_SEVERITY[check.severity], description=check.description,
                                meta={"name": check.name, "severity": check.severity}))
    return gx.ExpectationSuite(name=suite.name, expectations=expectations,
                               meta={"table": suite.table, "defined_in": "cchc_research.validate.suites"})


def stage_batches(project: Project, frames: dict[str, pd.DataFrame]) -> Path:
    """Write this run's frames to gx/uncommitted/batches/<suite>.pkl (the folder is emptied first)."""
    folder = gx_root(project) / "uncommitted" / "batches"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, frame in frames.items():
        frame.to_pickle(folder / f"{name}.pkl")
    return folder


def checkpoint(context: FileDataContext, folder: Path, suites: list[Suite], result_format: str) -> Checkpoint:
    """One checkpoint with a validation definition per suite, each reading its staged frame.

    checkpoints.add_or_update also adds or updates every validation definition and suite (GX keeps
    the ids of unchanged expectations), so the suites are written to gx/expectations/ here.
    """
    import great_expectations as gx

    datasource = context.data_sources.add_or_update_pandas_filesystem(DATASOURCE, base_directory=folder)
    definitions = []
    for suite in suites:
        asset = (datasource.get_asset(suite.name) if suite.name in {a.name for a in datasource.assets}
                 else datasource.add_pickle_asset(suite.name))
        batch = (asset.get_batch_definition(BATCH) if BATCH in {b.name for b in asset.batch_definitions}
                 else asset.add_batch_definition_path(BATCH, f"{suite.name}.pkl"))
        definitions.append(gx.ValidationDefinition(name=suite.name, data=batch, suite=build_suite(suite)))
    return context.checkpoints.add_or_update(gx.Checkpoint(
        name=CHECKPOINT, validation_definitions=definitions, actions=[],
        result_format={"result_format": result_format}))


def clear_results(project: Project) -> None:
    """Drop stored validation results and built Data Docs, so only the current run's remain."""
    for folder in ("validations", "data_docs"):
        shutil.rmtree(gx_root(project) / "uncommitted" / folder, ignore_errors=True)

