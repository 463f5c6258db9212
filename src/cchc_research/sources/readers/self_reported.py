"""Reader of the provinces' self-reported results (data/raw/SELF_REPORTED; see its NOTES.md).

One row per figure as the extract writes it. `value` cells are numbers or bounds written `>x`, `<x`,
`~x`: a bound stays a bound (`bound` and `limit`, `value` empty), never a value. The caveats the extract
writes in `note` become flags: post-merger province, central source (monitoring system or national
report, not the province's own), provincial centre only, year read from context, conflicting source.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from ...errors import DataError
from .common import number, read_csv, years

COLUMNS = ["province", "name_as_written", "year", "measure", "value", "unit", "level", "base_year",
           "target_or_result", "period_note", "source_url", "evidence", "note"]
SELF_COLUMNS = ["province_raw", "name_as_written", "year", "measure", "value", "bound", "limit", "unit", "level",
                "base_year", "target_or_result", "period", "full_year", "post_merger", "central_source",
                "centre_only", "year_inferred", "flagged_conflict", "note", "evidence", "source_url", "file", "row"]
LEVELS = ("total", "province", "district", "commune")
UNITS = ("percent", "count", "positions", "units", "services")
BOUNDS = {">": ">", "<": "<", "~": "~"}
_FLAGS = {
    "post_merger": re.compile(r"POST-MERGER"),
    "central_source": re.compile(r"central monitoring|not a provincial self-report|national report", re.I),
    "centre_only": re.compile(r"\bcentre\b", re.I),
    "year_inferred": re.compile(r"\byear\b[^;]*\b(?:inferred|assumed|read from|not printed)", re.I),
    "flagged_conflict": re.compile(r"CONFLICT|differs from"),
}


def _in(df: pd.DataFrame, column: str, allowed: tuple[str, ...], file: str) -> None:
    bad = df[~df[column].isin(allowed)]
    if len(bad):
        raise DataError(f"{column} must be one of {allowed}", file=file, row=int(bad["_row"].iloc[0]), column=column,
                        value=bad[column].iloc[0])


def _value(text: str, file: str, row: int) -> tuple[float, str, float]:
    """(value, bound, limit) of a cell: "98.2" → (98.2, "", nan); ">98" → (nan, ">", 98)."""
    text = text.strip()
    bound = BOUNDS.get(text[:1], "")
    figure = number(text[1:] if bound else text, file=file, row=row, column="value")
    if math.isnan(figure):
        raise DataError("no value", file=file, row=row, column="value", value=text)
    return (math.nan, bound, figure) if bound else (figure, "", math.nan)


def read_self_reported(path: Path, file: str) -> pd.DataFrame:
    """The extract as rows of SELF_COLUMNS (province still as written: cleaning resolves it)."""
    df = read_csv(path, COLUMNS, file)
    _in(df, "level", LEVELS, file)
    _in(df, "unit", UNITS, file)
    _in(df, "target_or_result", ("target", "result"), file)
    bad_url = df[~df["source_url"].str.match(r"https?://\S+$")]
    if len(bad_url):
        raise DataError("source_url is not an http(s) address", file=file, row=int(bad_url["_row"].iloc[0]),
                        column="source_url", value=bad_url["source_url"].iloc[0])
    values = [_value(v, file, r) for v, r in zip(df["value"], df["_row"])]
    base = [math.nan if not b.strip() else number(b, file=file, row=r, column="base_year")
            for b, r in zip(df["base_year"], df["_row"])]
    out = pd.DataFrame({
        "province_raw": df["province"], "name_as_written": df["name_as_written"], "year": years(df, "year", file),
        "measure": df["measure"], "value": [v[0] for v in values], "bound": [v[1] for v in values],
        "limit": [v[2] for v in values], "unit": df["unit"], "level": df["level"],
        "base_year": pd.array(base, dtype="Float64").astype("Int64"), "target_or_result": df["target_or_result"],
        "period": df["period_note"], "full_year": df["period_note"].str.strip() == "full year",
        **{flag: df["note"].str.contains(pattern) for flag, pattern in _FLAGS.items()},
        "note": df["note"], "evidence": df["evidence"], "source_url": df["source_url"], "file": file,
        "row": df["_row"],
    })
    return out[SELF_COLUMNS]
