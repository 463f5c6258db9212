"""Reading raw CSV extracts safely: every problem is reported with file, row and value."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from ...errors import DataError
from ...numbers import parse_number

# Columns of the intermediate frames the readers return.
VALUE_COLUMNS = ["province_raw", "year", "family", "measure", "value", "rank", "ci_low", "ci_high",
                 "source_id", "source_ref", "file", "row"]
QUOTE_COLUMNS = ["family", "measure", "year", "unit_level", "province_as_written", "value", "rank",
                 "rank_of", "unit", "source_type", "source_id", "source_url", "evidence", "note", "file", "row"]


def read_csv(path: Path, required: list[str], display: str | None = None) -> pd.DataFrame:
    """A raw CSV as text cells, with a `_row` column (the line number in the file).

    Fails with a DataError naming the file for: missing file, empty file, bytes that are not
    UTF-8, missing required columns, and rows repeated verbatim.
    """
    name = display or str(path)
    if not path.is_file():
        raise DataError("file not found", file=name)
    data = path.read_bytes()
    if not data.strip():
        raise DataError("file is empty", file=name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(f"not UTF-8 (byte {exc.start})", file=name, row=line,
                        value=data[exc.start: exc.start + 8]) from exc
    import io

    try:
        df = pd.read_csv(io.StringIO(text.lstrip("\ufeff")), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as exc:
        raise DataError(f"malformed CSV: {exc}", file=name) from exc
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise DataError(f"missing column(s) {missing}; found {list(df.columns)}", file=name)
    df["_row"] = range(2, len(df) + 2)  # line 1 is the header
    dup = df.drop(columns="_row").duplicated(keep=False)
    if dup.any():
        rows = df.loc[dup, "_row"].tolist()
        raise DataError(f"duplicate rows (lines {rows[:6]}): the same record twice", file=name,
                        row=rows[1], value=", ".join(df.loc[dup].iloc[0].drop("_row").astype(str))[:120])
    return df


def number(text: str, *, file: str, row: int, column: str) -> float:
    """A numeric cell: "" → NaN; accepts "95.6", "95,6", "1,234.5", "26.131" (as written) and "89.30/100"."""
    s = text.strip()
    if s == "" or s.upper() in {"NA", "NAN"}:
        return math.nan
    if "/" in s:
        head, _, tail = s.partition("/")
        if tail.strip() in {"100", "100%"}:
            s = head
    s = s.rstrip("%").strip()
    for style in ("en", "vi"):
        try:
            return parse_number(s, style=style)
        except ValueError:
            continue
    raise DataError("malformed number", file=file, row=row, column=column, value=text)


def numbers(df: pd.DataFrame, column: str, file: str) -> pd.Series:
    """Parse a whole column with `number`, keeping file and row in errors."""
    return pd.Series([number(v, file=file, row=r, column=column) for v, r in zip(df[column], df["_row"])],
                     index=df.index, dtype="float64")


def ranks(df: pd.DataFrame, column: str, file: str) -> pd.Series:
    """A rank column: whole numbers ≥ 1, empty allowed."""
    values = numbers(df, column, file)
    for v, r in zip(values, df["_row"]):
        if not math.isnan(v) and (v < 1 or not float(v).is_integer()):
            raise DataError("rank is not a whole number ≥ 1", file=file, row=r, column=column, value=v)
    return values.astype("Int64")


def years(df: pd.DataFrame, column: str, file: str) -> pd.Series:
    values = numbers(df, column, file)
    for v, r in zip(values, df["_row"]):
        if math.isnan(v) or not float(v).is_integer() or not 1990 <= v <= 2100:
            raise DataError("year is not a year", file=file, row=r, column=column, value=v)
    return values.astype("int64")


def source_type(url: str) -> str:
    """dataset (third-party compilations), official (government sites) or news."""
    host = url.split("/")[2] if "://" in url else url
    if "huggingface.co" in host:
        return "dataset"
    if host.endswith(".gov.vn") or host.replace(".", "").isdigit():
        return "official"
    return "news"
