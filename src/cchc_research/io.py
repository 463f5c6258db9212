"""Deterministic, atomic file output."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pandas as pd


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


def write_text_atomic(path: Path, data: str | bytes) -> None:
    """Write a file so that readers see either the old or the new content, never half of it."""
    with atomic_writer(path) as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[IO[bytes]]:
    """A binary file to write `path` through piece by piece: it replaces `path` when the block ends
    without error; on an error `path` is left as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_dir(target: Path, keep: tuple[str, ...] = (".gitkeep",)) -> Iterator[Path]:
    """Yield an empty staging folder; on success it replaces `target` whole, on error `target` is untouched.

    Files named in `keep` are carried over from the old folder.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging.", dir=target.parent))
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


def tree_hash(folder: Path, pattern: str = "*") -> str:
    """One SHA-256 over the names and contents of the files matching `pattern` below `folder`."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob(pattern) if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(sha256(path).encode("ascii") + b"\n")
    return digest.hexdigest()
