"""Reading raw CSV extracts safely: every problem is reported with file, row and value."""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path

import pandas as pd

from ...errors import DataError
from ...numbers import parse_number

AMBIGUOUS = re.compile(r"[+-]?\d{1,3},\d{3}")  # "6,413": thousands comma or decimal comma?

# Columns of the intermediate frames the readers return.
VALUE_COLUMNS = ["province_raw", "year", "family", "measure", "value", "rank", "ci_low", "ci_high",
                 "source_id", "source_ref", "file", "row"]
QUOTE_COLUMNS = ["family", "measure", "year", "unit_level", "province_as_written", "value", "rank",
                 "rank_of", "unit", "source_type", "source_id", "source_url", "evidence", "note", "file", "row"]


def read_csv(path: Path, required: list[str], display: str | None = None) -> pd.DataFrame:
    """A raw CSV as text cells, with a `_row` column (the line of the file where the record starts).

    Fails with a DataError naming the file (and line) for: missing file, empty file, bytes that are
    not UTF-8, a header and no data rows, a row with fewer or more fields than the header (a line cut
    short would otherwise lose its values silently), missing required columns, and rows repeated verbatim.
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
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    records, lines = [], []
    try:
        header = next(reader)
        start = reader.line_num + 1
        for record in reader:
            line, start = start, reader.line_num + 1
            if not record:  # a blank line
                continue
            if len(record) != len(header):
                how = "cut short" if len(record) < len(header) else "longer than the header"
                raise DataError(f"{len(record)} fields where the header has {len(header)}: the row is {how}",
                                file=name, row=line, value=",".join(record)[:120])
            records.append(record)
            lines.append(line)
    except csv.Error as exc:
        raise DataError(f"malformed CSV: {exc}", file=name, row=reader.line_num) from exc
    if len(set(header)) != len(header):
        raise DataError(f"repeated column names in the header: {header}", file=name, row=1)
    if not records:
        raise DataError(f"no data rows: the file holds only its header ({len(header)} columns)", file=name)
    df = pd.DataFrame(records, columns=header, dtype=str)
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise DataError(f"missing column(s) {missing}; found {list(df.columns)}", file=name)
    dup = df.duplicated(keep=False)
    df["_row"] = lines
    if dup.any():
        rows = df.loc[dup, "_row"].tolist()
        raise DataError(f"duplicate rows (lines {rows[:6]}): the same record twice", file=name,
                        row=rows[1], value=", ".join(df.loc[dup].iloc[0].drop("_row").astype(str))[:120])
    return df


def number(text: str, *, file: str, row: int, column: str) -> float:
    """A numeric cell: "" → NaN; accepts "95.6", "95,6", "1,234.5", "26.131" (as written) and "89.30/100".

    The extracts write decimals with a point, so a lone comma followed by three digits ("6,413") is
    refused: it is 6413 with a thousands comma or 6.413 with a Vietnamese decimal comma, and a guess
    would be silent."""
    s = text.strip()
    if s == "" or s.upper() in {"NA", "NAN"}:
        return math.nan
    if "/" in s:
        head, _, tail = s.partition("/")
        if tail.strip() in {"100", "100%"}:
            s = head
    s = s.rstrip("%").strip()
    if AMBIGUOUS.fullmatch(s):
        whole, _, part = s.partition(",")
        raise DataError(f"ambiguous number: {whole}{part} with a thousands comma, or {whole}.{part} with a "
                        f"decimal comma; write {whole}{part} or {whole}.{part}", file=file, row=row,
                        column=column, value=text)
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


def sheet_cells(df: pd.DataFrame, values: pd.Series, *, sheet: Path, book: str, keys: dict[str, str],
                code: str, file: str) -> pd.Series:
    """Where each value of a long extract made from one workbook sheet sits in that sheet.

    The sheet's row is found by `keys` (long column → sheet header, e.g. province → Province) and its
    column by the row's `code` (a sheet header). A cell holding the same number is cited as
    "book!Sheet!rowR_colC" (row and column of the sheet, 1-based); otherwise, or without the sheet
    extract, the value is cited by its own line: "<file name> line N".
    """
    own = Path(file).name + " line " + df["_row"].astype(str)
    if not sheet.is_file():
        return own
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"), newline="")))
    header = rows[0]
    where = {tuple(row[header.index(h)] for h in keys.values()): r for r, row in enumerate(rows[1:], start=2)}
    columns = {name: c for c, name in enumerate(header, start=1) if name}
    refs = []
    for key, column, value, fallback in zip(zip(*(df[k] for k in keys)), df[code], values, own):
        r, c = where.get(tuple(key)), columns.get(column)
        try:
            same = r is not None and c is not None and float(rows[r - 1][c - 1]) == value
        except (ValueError, IndexError):
            same = False
        refs.append(f"{book}!{sheet.stem}!row{r}_col{c}" if same else fallback)
    return pd.Series(refs, index=df.index, dtype=str)
