"""Where things live in a copy of the repository (`--root`)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import CchcError

MARKER = Path("config") / "sources.yml"


@dataclass(frozen=True)
class Project:
    """A checkout of the repository: every command reads and writes below `root`."""

    root: Path

    @classmethod
    def find(cls, start: Path | str | None = None) -> "Project":
        """The repository that contains `start` (default: the current directory)."""
        here = Path(start or Path.cwd()).resolve()
        for candidate in (here, *here.parents):
            if (candidate / MARKER).is_file():
                return cls(candidate)
        raise CchcError(f"{here} is not inside a cchc-research repository (no {MARKER} found); pass --root DIR")

    @property
    def config(self) -> Path:
        return self.root / "config"

    @property
    def raw(self) -> Path:
        return self.root / "data" / "raw"

    @property
    def processed(self) -> Path:
        return self.root / "data" / "processed"

    @property
    def manifest(self) -> Path:
        return self.raw / "manifest.yml"

    @property
    def expectations(self) -> Path:
        return self.root / "expectations"

    @property
    def notebooks(self) -> Path:
        return self.root / "notebooks"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def work(self) -> Path:
        """Scratch space of the commands (gitignored): the lock, build state, the latest validation run."""
        return self.root / ".build"

    @contextlib.contextmanager
    def lock(self, command: str, quiet: bool = False) -> Iterator[None]:
        """Hold the checkout's lock while `command` writes (`io.exclusive`): a second writer is refused
        with a message, and what interrupted runs left behind is removed first."""
        from .io import exclusive

        sweep = [self.root, self.root / "data", self.raw, self.reports, self.work]
        with exclusive(self.root, self.work / "lock", command, sweep, quiet):
            yield

    @property
    def shared_sources(self) -> Path:
        """The upstream data beside the repository: ../shared/data/sources."""
        return self.root.parent / "shared" / "data" / "sources"
