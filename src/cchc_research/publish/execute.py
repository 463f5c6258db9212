"""Run reports in parallel: papermill executes each notebook in a fresh kernel, then it is rendered.

Each worker process imports papermill and nbconvert once and builds many reports; its kernels are
forked from a template that has imported the report libraries once (`kernel.PreloadedKernelManager`).
A failure is caught per report, so one bad report never stops the others.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from .matrix import Report


@dataclass(frozen=True)
class Job:
    report: Report
    notebook: Path      # the source notebook
    cwd: Path           # the notebooks folder, so relative paths in notebooks work as in JupyterLab
    executed: Path      # where papermill writes the executed notebook
    failed: Path        # where it is kept when the report fails
    html: Path          # the page, inside the staging site
    header: dict[str, str]


@dataclass(frozen=True)
class Outcome:
    slug: str
    ok: bool
    seconds: float
    error: str | None = None


def _last_line(exc: BaseException) -> str:
    ename, evalue = getattr(exc, "ename", None), getattr(exc, "evalue", None)
    if ename:  # papermill's PapermillExecutionError: the exception raised inside the notebook
        text = f"{ename}: {evalue}"
    else:
        text = f"{type(exc).__name__}: {exc}"
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else type(exc).__name__


def run_notebook(notebook: Path, executed: Path, parameters: dict, cwd: Path):
    """papermill: execute `notebook` with `parameters` in a new (forked) kernel into `executed`."""
    import papermill
    from traitlets.config import Config

    from .kernel import PreloadedKernelManager

    with tempfile.TemporaryDirectory(prefix="cchc-kernel-") as sockets:
        # Local sockets in a private folder: no TCP port races between parallel kernels, no
        # "unencrypted TCP" warning. (Without `ip`, IPC sockets land in the cwd and collide.)
        config = Config({"KernelManager": {"transport": "ipc", "ip": os.path.join(sockets, "kernel")}})
        return papermill.execute_notebook(
            notebook, executed, parameters=parameters, kernel_name="python3", cwd=cwd, progress_bar=False,
            request_save_on_cell_execute=False, config=config, kernel_manager_class=PreloadedKernelManager,
            shutdown_kernel="immediate")  # nbclient trait: stop the kernel at once, no 3 s grace period


def build_one(job: Job) -> Outcome:
    """Execute and render one report; never raises for a report's own fault."""
    from .render import render

    start = time.perf_counter()
    job.executed.parent.mkdir(parents=True, exist_ok=True)
    job.failed.unlink(missing_ok=True)
    try:
        nb = run_notebook(job.notebook, job.executed, job.report.parameters, job.cwd)
        job.html.parent.mkdir(parents=True, exist_ok=True)
        job.html.write_text(render(nb, job.report, job.header), encoding="utf-8")  # staging: private until the swap
    except Exception as exc:  # noqa: BLE001 - any failure belongs to this report only
        if job.executed.exists():
            job.failed.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(job.executed, job.failed)
        return Outcome(job.report.slug, False, time.perf_counter() - start, _last_line(exc))
    job.executed.unlink(missing_ok=True)
    return Outcome(job.report.slug, True, time.perf_counter() - start)


def _ignore_interrupts() -> None:
    """Worker initializer: Ctrl-C belongs to the main process, which stops the workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel the reports not started and terminate the workers; their kernels exit with them."""
    processes = list((pool._processes or {}).values())  # no public way to stop workers before Python 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join()


def run_all(jobs: Iterable[Job], workers: int, done: Callable[[Outcome], None]) -> list[Outcome]:
    """Build every job on `workers` processes, calling `done` as each finishes.

    Interrupted (Ctrl-C, or SIGTERM as `cli` turns it into one), it stops every worker before re-raising,
    so nothing writes into the staging site after it is removed."""
    jobs = list(jobs)
    outcomes = []
    if not jobs:
        return outcomes
    context = multiprocessing.get_context("spawn")  # no fork of a process that holds threads
    pool = ProcessPoolExecutor(max_workers=max(1, min(workers, len(jobs))), mp_context=context,
                               initializer=_ignore_interrupts)
    try:
        futures = {pool.submit(build_one, job): job for job in jobs}
        for future in as_completed(futures):
            try:
                outcome = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker died (e.g. killed): that report failed
                job = futures[future]
                outcome = Outcome(job.report.slug, False, 0.0, _last_line(exc))
            done(outcome)
            outcomes.append(outcome)
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()
    return outcomes


def default_workers() -> int:
    return os.cpu_count() or 1
