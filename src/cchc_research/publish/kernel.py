"""Report kernels forked from a template process that has already imported what every report imports.

Each report still runs in its own new kernel process with an empty namespace, started by papermill
through jupyter_client. The only difference is how the process comes to be: instead of a new Python
interpreter importing ipykernel, pandas, matplotlib, seaborn, scipy and this package (about 1 s of
CPU per report), a multiprocessing fork server imports them once per build worker and forks a kernel
from that pristine state for each report. The template runs no report code, so every kernel starts
from the same state and the reports stay deterministic.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import pathlib
import sys
import uuid
from multiprocessing import forkserver
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner

PRELOAD = (
    "ipykernel.kernelapp",
    "pandas",
    "scipy.stats",
    "seaborn",
    "matplotlib.backends.backend_agg",
    "cchc_research.analysis",
    "cchc_research.analysis.merger",
    "cchc_research.publish.labels",
    "cchc_research.publish.maps",
    "geopandas",
    "cchc_research.publish.narrative",
    "cchc_research.publish.plots",
    "cchc_research.schema",
)
LAUNCHER = ["-m", "ipykernel_launcher"]
INLINE = "module://matplotlib_inline.backend_inline"  # what ipykernel sets before any notebook imports matplotlib


@functools.cache
def _template() -> multiprocessing.context.BaseContext:
    """The fork server context of this process, started now and importing PRELOAD.

    matplotlib reads MPLBACKEND when it is imported, so the template sees the default ipykernel gives
    every kernel (unless MPLBACKEND is set already): pyplot in a forked kernel shows figures inline."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(PRELOAD))
    saved = os.environ.get("MPLBACKEND")
    os.environ["MPLBACKEND"] = saved or INLINE
    try:
        forkserver.ensure_running()
    finally:
        if saved is None:
            del os.environ["MPLBACKEND"]
    return context


def _serve(argv: list[str], env: dict[str, str], cwd: str) -> None:
    """Body of a forked kernel: become an ordinary ipykernel process for this connection file."""
    os.setsid()  # its own process group, as jupyter_client gives every kernel
    # Forked children hold the fork server's "alive" pipe, which would keep the server (and so this
    # kernel, see below) running after the build worker is gone. A kernel needs no such guarantee.
    os.close(forkserver._forkserver._forkserver_alive_fd)
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    from ipykernel.kernelapp import launch_new_instance

    # The fork server is this kernel's parent: ipykernel exits if it goes away (with the build worker).
    launch_new_instance(argv=[*argv, f"--IPKernelApp.parent_handle={os.getppid()}"])


class _ForkedProcess:
    """The part of subprocess.Popen that LocalProvisioner uses, over a forked multiprocessing.Process."""

    stdin = stdout = stderr = None

    def __init__(self, process: multiprocessing.process.BaseProcess) -> None:
        self._process = process
        self.pid = process.pid

    def poll(self) -> int | None:
        return None if self._process.is_alive() else self._process.exitcode

    def wait(self, timeout: float | None = None) -> int | None:
        self._process.join(timeout)
        return self._process.exitcode

    def send_signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def kill(self) -> None:
        self._process.kill()

    def terminate(self) -> None:
        self._process.terminate()


class PreloadedProvisioner(LocalProvisioner):
    """Launches `python -m ipykernel_launcher` of this interpreter as a fork of the template; any
    other kernel command is launched as usual."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        if cmd[:3] != [sys.executable, *LAUNCHER]:
            return await super().launch_kernel(cmd, **kwargs)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        process = _template().Process(target=_serve, args=(cmd[3:], dict(kwargs["env"]), cwd))
        process.start()
        self.process = _ForkedProcess(process)
        self.pid, self.pgid = process.pid, None  # signals go to the kernel only, never a shared group
        self.cwd = pathlib.Path(cwd)
        return self.connection_info


class PreloadedKernelManager(AsyncKernelManager):
    """papermill's `kernel_manager_class` for report builds: a kernel manager using PreloadedProvisioner."""

    async def _async_pre_start_kernel(self, **kw: Any):
        self.kernel_id = self.kernel_id or kw.pop("kernel_id", str(uuid.uuid4()))
        if self.provisioner is None:
            self.provisioner = PreloadedProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec,
                                                    parent=self)
        return await super()._async_pre_start_kernel(**kw)
