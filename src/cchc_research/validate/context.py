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
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..paths import Project
from .rules import Where
from .suites import Suite, all_suites

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


OPERATORS = {"==": lambda c, v: c == v, "<": lambda c, v: c < v, ">=": lambda c, v: c >= v,
             "in": lambda c, v: c.is_in(list(v)), "not in": lambda c, v: c.is_not_in(list(v))}


def gx_name(name: str) -> str:
    """A suite's name in GX stores ("indicators.ranks" -> "indicators__ranks": GX turns dots into folders)."""
    return name.replace(".", "__")


def stable_id(*parts: str) -> str:
    """A UUID derived from names, so the saved suites do not change between runs."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "cchc-research:validate:" + "/".join(parts)))


def gx_condition(where: Where):
    """Our condition as a GX row Condition (terms joined by AND)."""
    from great_expectations.expectations.row_conditions import Column

    terms = [OPERATORS[op](Column(column), value) for column, op, value in where]
    condition = terms[0]
    for term in terms[1:]:
        condition = condition & term
    return condition


def build_suite(suite: Suite):
    """The GX ExpectationSuite for one of our suites (not yet saved)."""
    import great_expectations as gx

    expectations = []
    for check in suite.checks:
        cls = getattr(gx.expectations, check.expectation)
        where = {"row_condition": gx_condition(check.where)} if check.where else {}
        expectations.append(cls(**check.kwargs, **where, severity=GX_SEVERITY[check.severity],
                                description=check.description, meta={"name": check.name, "severity": check.severity}))
    gx_suite = gx.ExpectationSuite(name=gx_name(suite.name), expectations=expectations, id=stable_id(suite.name),
                                   meta={"table": suite.table, "defined_in": "cchc_research.validate.suites"})
    for expectation, check in zip(gx_suite.expectations, suite.checks):
        expectation.id = stable_id(suite.name, check.name)  # GX would draw a new random id on every run
    return gx_suite


def stage_batches(project: Project, frames: dict[str, pd.DataFrame]) -> Path:
    """Write this run's frames to gx/uncommitted/batches/<suite>.pkl (the folder is emptied first).

    Suites not validated in this run (--tables) get an empty frame, so that every asset's batch
    definition resolves and definitions stored by earlier runs stay loadable; they are not run.
    """
    folder = gx_root(project) / "uncommitted" / "batches"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for suite in all_suites():
        frames.get(suite.name, pd.DataFrame()).to_pickle(folder / f"{gx_name(suite.name)}.pkl")
    return folder


def checkpoint(context: FileDataContext, folder: Path, suites: list[Suite], result_format: str) -> Checkpoint:
    """One checkpoint with a validation definition per suite, each reading its staged frame.

    checkpoints.add_or_update also adds or updates every validation definition and suite (GX keeps
    the ids of unchanged expectations), so the suites are written to gx/expectations/ here.
    """
    import great_expectations as gx

    datasource = context.data_sources.add_or_update_pandas_filesystem(DATASOURCE, base_directory=folder)
    batches = {}
    for suite in all_suites():  # every asset, so definitions stored by earlier (fuller) runs stay loadable
        name = gx_name(suite.name)
        asset = (datasource.get_asset(name) if name in {a.name for a in datasource.assets}
                 else datasource.add_pickle_asset(name))
        batches[suite.name] = (asset.get_batch_definition(BATCH) if BATCH in {b.name for b in asset.batch_definitions}
                               else asset.add_batch_definition_path(BATCH, f"{name}.pkl"))
    definitions = [gx.ValidationDefinition(name=gx_name(s.name), data=batches[s.name], suite=build_suite(s))
                   for s in suites]
    return context.checkpoints.add_or_update(gx.Checkpoint(
        name=CHECKPOINT, validation_definitions=definitions, actions=[],
        result_format={"result_format": result_format}))


def clear_generated(project: Project) -> None:
    """Drop what earlier runs generated and this run regenerates: validation results and Data Docs (so
    only the current run's remain) and the stored validation definitions and checkpoint (so a stale
    one, e.g. naming a suite that changed, can never break the run)."""
    root = gx_root(project)
    for folder in (root / "uncommitted" / "validations", root / "uncommitted" / "data_docs",
                   root / "validation_definitions", root / "checkpoints"):
        shutil.rmtree(folder, ignore_errors=True)

