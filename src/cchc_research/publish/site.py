"""Atomic publishing: the new site is assembled beside `reports/` and swapped in whole.

Pages that were not rebuilt, and `reports/validation/` and `reports/data-docs/` (written by
`cchc validate`), are carried over as hard links (copies where links are impossible). If anything
fails before the swap, `reports/` stays exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..io import atomic_dir
from ..paths import Project

CARRIED_DIRS = ("validation", "data-docs")


def _link(src: str | Path, dst: str | Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def carry_over(old: Path, new: Path, paths: Iterable[str]) -> None:
    """Bring the files `paths` (relative) from the old site into the new one."""
    for rel in paths:
        (new / rel).parent.mkdir(parents=True, exist_ok=True)
        _link(old / rel, new / rel)


@contextlib.contextmanager
def new_site(project: Project) -> Iterator[Path]:
    """Yield an empty staging folder for the new site; on success it becomes `reports/`."""
    with atomic_dir(project.reports) as staging:
        yield staging
        for name in CARRIED_DIRS:
            if (project.reports / name).is_dir():
                shutil.copytree(project.reports / name, staging / name, copy_function=_link)
