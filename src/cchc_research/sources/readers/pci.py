"""Readers of the PCI extracts (MDT 2005-2016 workbooks, LTN 2012-2021 panel)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from ...config import Methodologies
from .common import VALUE_COLUMNS, numbers, read_csv, sheet_cells, years
from .papi import LTN_BOOK, LTN_KEYS, LTN_SHEET


def _frame(df: pd.DataFrame, measure: list[str], *, file: str, source_id: str, ref: pd.Series,
           value: pd.Series | None = None) -> pd.DataFrame:
    return pd.DataFrame({
        "province_raw": df["province"].str.strip(), "year": years(df, "year", file), "family": "PCI",
        "measure": measure, "value": numbers(df, "value", file) if value is None else value,
        "rank": pd.Series(pd.NA, index=df.index, dtype="Int64"), "ci_low": math.nan, "ci_high": math.nan,
        "source_id": source_id, "source_ref": ref, "file": file, "row": df["_row"],
    })[VALUE_COLUMNS]


def read_mdt(path: Path, file: str, meth: Methodologies) -> pd.DataFrame:
    """MDT long file: each value with its workbook, sheet index, Excel row and column."""
    df = read_csv(path, ["province", "year", "component", "value", "sheet_index", "excel_row", "excel_col",
                         "source_file"], file)
    measure = [meth.measure("PCI", c, file=file, row=r, column="component") for c, r in zip(df["component"], df["_row"])]
    ref = (df["source_file"].str.rsplit("/", n=1).str[-1] + " sheet " + df["sheet_index"] + " row "
           + df["excel_row"] + " col " + df["excel_col"])
    return _frame(df, measure, file=file, source_id="MDT", ref=ref)


def read_ltn(path: Path, file: str, meth: Methodologies) -> pd.DataFrame:
    """LTN panel: codes PCI1-PCI10 (names assigned in SOURCES.md by matching published tables) and PCI."""
    df = read_csv(path, ["province", "year", "component_code", "value"], file)
    measure = [meth.measure("PCI", c, file=file, row=r, column="component_code")
               for c, r in zip(df["component_code"], df["_row"])]
    value = numbers(df, "value", file)
    ref = sheet_cells(df, value, sheet=path.parent / LTN_SHEET, book=LTN_BOOK, keys=LTN_KEYS, code="component_code",
                      file=file)
    return _frame(df, measure, file=file, source_id="LTN", ref=ref, value=value)
