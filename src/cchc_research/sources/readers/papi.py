"""Readers of the four PAPI extracts (MDT 2011-2016, HUNG 2015-2023, TUNAH 2020/2021/2024, LTN D1)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from .common import VALUE_COLUMNS, numbers, read_csv, sheet_cells, years

#: The LTN panel workbook's only sheet, as `cchc snapshot` extracts it (beside the long files).
LTN_SHEET = Path("workbooks") / "vietnam_provincial_panel_2012_2019" / "Sheet1.csv"
LTN_BOOK = "vietnam_provincial_panel_2012_2019.xlsx"
LTN_KEYS = {"province": "Province", "year": "YEAR"}

_TOTALS = {"PAPI_total_unweighted": "total", "PAPI_total_weighted": "total_weighted"}


def _frame(df: pd.DataFrame, *, file: str, source_id: str, measure: pd.Series, value: pd.Series,
           source_ref: pd.Series, rank=None, ci_low=None, ci_high=None, label_vi=None, label_en=None) -> pd.DataFrame:
    """VALUE_COLUMNS plus the source's own measure labels (label_vi, label_en; may be empty)."""
    nan = pd.Series(math.nan, index=df.index)
    # HUNG writes some names as "English | 1.1: Vietnamese": split them, drop the numbering
    if label_vi is not None and label_en is None:
        label_en = label_vi.str.split(" | ", regex=False).str[0].where(label_vi.str.contains(" | ", regex=False), "")
    labels = {"label_vi": "" if label_vi is None else
              label_vi.str.split(" | ", regex=False).str[-1].str.replace(r"^[\d.]+:\s*", "", regex=True).str.strip(),
              "label_en": "" if label_en is None else label_en.str.strip()}
    return pd.DataFrame({
        "province_raw": df["province"].str.strip(), "year": years(df, "year", file), "family": "PAPI",
        "measure": measure, "value": value, "rank": pd.Series(pd.NA, index=df.index, dtype="Int64") if rank is None else rank,
        "ci_low": nan if ci_low is None else ci_low, "ci_high": nan if ci_high is None else ci_high,
        "source_id": source_id, "source_ref": source_ref, "file": file, "row": df["_row"], **labels,
    })[VALUE_COLUMNS + list(labels)]


def read_mdt(path: Path, file: str) -> pd.DataFrame:
    """MDT long file: dimensions, sub-dimensions and the unweighted total, with workbook cells."""
    df = read_csv(path, ["province", "year", "level", "component_code", "value", "source_sheet", "source_cell",
                         "component_name_en", "component_name_vi"], file)
    measure = df["component_code"].replace(_TOTALS)
    ref = "PAPI_2011-2016.xlsx!" + df["source_sheet"] + "!" + df["source_cell"]
    return _frame(df, file=file, source_id="MDT", measure=measure, value=numbers(df, "value", file), source_ref=ref,
                  label_vi=df["component_name_vi"], label_en=df["component_name_en"])


def read_hung(path: Path, file: str) -> pd.DataFrame:
    """HUNG long file: totals (with 95% CI rows), dimensions, sub-dimensions; n_obs and SE are not kept."""
    df = read_csv(path, ["province", "year", "level", "component_code", "component_name_vi", "value",
                         "source_sheet", "source_cell"], file)
    df["value_num"] = numbers(df, "value", file)
    stats = df[df["level"] == "total_stat"]
    main = df[df["level"].isin(["total", "dimension", "subdimension"])].copy()
    main["measure"] = main["component_code"].replace(_TOTALS)
    for bound in ("ci_low", "ci_high"):
        part = stats[stats["component_code"].str.endswith("_" + bound)].copy()
        part["measure"] = part["component_code"].str.removesuffix("_" + bound).replace(_TOTALS)
        lookup = part.set_index(["province", "year", "measure"])["value_num"]
        main[bound] = [lookup.get((p, y, m), math.nan) for p, y, m in
                       zip(main["province"], main["year"], main["measure"])]
    ref = main["source_sheet"] + "!" + main["source_cell"]
    return _frame(main, file=file, source_id="HUNG", measure=main["measure"], value=main["value_num"],
                  source_ref=ref, ci_low=main["ci_low"], ci_high=main["ci_high"], label_vi=main["component_name_vi"])


def read_tunah(path: Path, file: str) -> pd.DataFrame:
    """TUNAH transcription: D1-D8 and the unweighted total. Its rank is the repository's own
    computation (PAPI publishes quartile groups, not ranks), so it is not carried over."""
    df = read_csv(path, ["province", "year", "level", "component_code", "component_name_en", "value"], file)
    measure = df["component_code"].replace(_TOTALS)
    ref = path.name + " line " + df["_row"].astype(str)  # the upstream file, copied byte for byte
    return _frame(df, file=file, source_id="TUNAH", measure=measure, value=numbers(df, "value", file), source_ref=ref,
                  label_en=df["component_name_en"])


def read_ltn(path: Path, file: str) -> pd.DataFrame:
    """LTN participation panel: D1 (code CP) and its sub-dimensions CP1-CP4 = D1.1-D1.4."""
    df = read_csv(path, ["province", "year", "component_code", "value"], file)
    measure = df["component_code"].str.replace(r"^CP(\d)$", r"D1.\1", regex=True).replace({"CP": "D1"})
    value = numbers(df, "value", file)
    ref = sheet_cells(df, value, sheet=path.parent / LTN_SHEET, book=LTN_BOOK, keys=LTN_KEYS, code="component_code",
                      file=file)
    return _frame(df, file=file, source_id="LTN", measure=measure, value=value, source_ref=ref)
