"""Read the processed tables for validation, tolerating type errors so the gate can report them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import DataError
from ..schema import TABLES

PANDAS_TYPES = {"str": "string", "int": "int64", "Int64": "Int64", "float": "float64", "bool": "bool"}
BOOL_TEXT = {"True": True, "False": False}


def _coerce(text: pd.Series, dtype: str) -> pd.Series:
    """`text` as the schema type, or unchanged when a value does not parse (the type check then fails)."""
    if dtype == "str":
        return text
    try:
        if dtype == "bool":
            if not text.isin(list(BOOL_TEXT)).all():
                return text
            return text.map(BOOL_TEXT).astype("bool")
        numbers = pd.to_numeric(text, errors="raise")
        return numbers.astype(PANDAS_TYPES[dtype])
    except (ValueError, TypeError):
        return text


def read_for_validation(processed: Path, table: str) -> pd.DataFrame:
    """The table with the schema's types where every value parses; columns as in the file."""
    spec = TABLES[table]
    path = processed / spec.file_name
    if not path.is_file():
        raise DataError(f"processed table {table!r} is missing; run `cchc clean` first", file=path)
    try:
        text = pd.read_csv(path, dtype="string", keep_default_na=False, na_values=[""], encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataError(f"cannot read as UTF-8 CSV: {exc}", file=path) from None
    types = {c.name: c.dtype for c in spec.columns}
    return pd.DataFrame({name: _coerce(text[name], types[name]) if name in types else text[name]
                         for name in text.columns}, index=text.index)
