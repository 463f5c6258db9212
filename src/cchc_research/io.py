"""Deterministic, atomic file output, and the lock that keeps two commands from writing at once."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

import pandas as pd

from .errors import CchcError

#: Scratch names of interrupted writes: `.<name>.staging.<random>` (files or folders) and the backups
#: `.<name>.previous` / `.<name>.old`. Only a run killed outright (SIGKILL, power loss) leaves them.
STAGING = ".staging."
BACKUPS = (".previous", ".old")


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def csv_bytes(df: pd.DataFrame) -> bytes:
    """A table as UTF-8 CSV with '\\n' line ends: the same frame always gives the same bytes."""
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def usual_mode(path: Path) -> None:
    """Give a file or folder made by mkstemp/mkdtemp (0600/0700) the mode a plain open/mkdir would."""
    os.chmod(path, (0o777 if path.is_dir() else 0o666) & ~_umask())


def write_text_atomic(path: Path, data: str | bytes) -> None:
    """Write a file so that readers see either the old or the new content, never half of it."""
    with atomic_writer(path) as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[IO[bytes]]:
    """A binary file to write `path` through piece by piece: it replaces `path` when the block ends
    without error; on an error `path` is left as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}{STAGING}", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        usual_mode(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_dir(target: Path, keep: tuple[str, ...] = (".gitkeep",)) -> Iterator[Path]:
    """Yield an empty staging folder; on success it replaces `target` whole, on error `target` is untouched.

    Files named in `keep` are carried over from the old folder. The folder gets the mode the umask
    gives (mkdtemp alone would make it private).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}{STAGING}", dir=target.parent))
    usual_mode(staging)
    try:
        yield staging
        for name in keep:
            if (target / name).exists() and not (staging / name).exists():
                shutil.copy2(target / name, staging / name)
        backup = target.parent / f".{target.name}.previous"
        shutil.rmtree(backup, ignore_errors=True)
        if target.exists():
            os.replace(target, backup)
        os.replace(staging, target)
        shutil.rmtree(backup, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def now() -> datetime:
    """The time to stamp outputs with: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)


def tree_hash(folder: Path, pattern: str = "*") -> str:
    """One SHA-256 over the names and contents of the files matching `pattern` below `folder`."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob(pattern) if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(sha256(path).encode("ascii") + b"\n")
    return digest.hexdigest()


def leftovers(folders: list[Path]) -> list[Path]:
    """Staging files and folders, and backups, that interrupted writes left in `folders`."""
    return sorted(p for folder in folders if folder.is_dir() for p in folder.iterdir()
                  if p.name.startswith(".") and (STAGING in p.name or p.name.endswith(BACKUPS)))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


@contextlib.contextmanager
def exclusive(root: Path, lock_file: Path, command: str, sweep: list[Path], quiet: bool = False) -> Iterator[None]:
    """Hold the lock of the checkout at `root` while `command` writes; refuse at once if another holds it.

    The lock is an flock on `lock_file`: the system releases it when its holder exits, however it
    exits, so a killed run never leaves a stale lock. Once it is held no other run can be writing, so
    what interrupted runs left in the `sweep` folders is removed (and named on stderr unless `quiet`).
    """
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 500, 0).decode("utf-8", "replace").strip() or "another cchc command"
            raise CchcError(f"{holder} is working in {root}; `cchc {command}` did not start. Run it again "
                            "when that one has finished (its lock goes when its process ends)") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"`cchc {command}` (pid {os.getpid()}, started "
                      f"{time.strftime('%Y-%m-%d %H:%M:%S')})".encode(), 0)
        found = leftovers(sweep)
        for path in found:
            _remove(path)
        if found and not quiet:
            print(f"cchc {command}: removed what an interrupted run left behind: "
                  + ", ".join(p.relative_to(root).as_posix() for p in found), file=sys.stderr)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)
