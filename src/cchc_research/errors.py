"""Errors that name the file, row and value at fault."""

from __future__ import annotations

from pathlib import Path


class CchcError(Exception):
    """Base class for every error the pipeline reports to a user (exit code 1, no traceback)."""


class DataError(CchcError):
    """Bad input data: says where (file, row, column) and what value."""

    def __init__(self, message: str, *, file: str | Path | None = None, row: int | None = None,
                 column: str | None = None, value: object = None) -> None:
        self.file, self.row, self.column, self.value = file, row, column, value
        where = str(file) if file is not None else ""
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column {column!r}"
        text = f"{where}: {message}" if where else message
        if value is not None:
            text += f" (value: {value!r})"
        super().__init__(text)
