"""Readers of whole tables: programme areas and targets, and complete official PAR INDEX / SIPAS
tables that a researcher drops into data/raw/official/ (format: data/raw/official/README.md)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import yaml

from ...errors import DataError
from .common import VALUE_COLUMNS, numbers, ranks, read_csv, years

OFFICIAL_META = ("title", "producer", "url", "retrieved", "licence")
OFFICIAL_FAMILIES = ("PAR_INDEX", "SIPAS")


def read_programme_areas(path: Path, file: str) -> pd.DataFrame:
    df = read_csv(path, ["programme", "area_no", "area_name_vi", "area_name_en", "evidence", "source_url",
                         "confidence", "note"], file)
    df["area_no"] = ranks(df, "area_no", file).astype("int64")
    return df.drop(columns="_row")


def read_programme_targets(path: Path, file: str) -> pd.DataFrame:
    df = read_csv(path, ["programme", "area", "target_id", "description_vi", "metric", "comparator", "value",
                         "unit", "deadline_year", "scope", "evidence_vi", "source_url", "source_doc",
                         "evidence_lang", "confidence", "note"], file)
    df["value"] = numbers(df, "value", file)
    df["deadline_year"] = years(df, "deadline_year", file)
    return df.rename(columns={"evidence_vi": "evidence"}).drop(columns="_row")


def read_official(path: Path, file: str) -> pd.DataFrame:
    """A complete official table: one row per province with `family`, `year`, `province`, `total`,
    `rank` and optionally `field_1` … `field_8` (and `field_N_rank`). Its sidecar YAML (same name,
    .yml) says where it comes from; both are required."""
    meta_path = path.with_suffix(".yml")
    if not meta_path.is_file():
        raise DataError(f"official table has no sidecar {meta_path.name} with {', '.join(OFFICIAL_META)}", file=file)
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {}
    missing = [k for k in OFFICIAL_META if not meta.get(k)]
    if missing:
        raise DataError(f"sidecar {meta_path.name} lacks {missing}", file=file)
    df = read_csv(path, ["family", "year", "province", "total", "rank"], file)
    bad = df[~df["family"].isin(OFFICIAL_FAMILIES)]
    if len(bad):
        raise DataError(f"family must be one of {OFFICIAL_FAMILIES}", file=file, row=int(bad["_row"].iloc[0]),
                        column="family", value=bad["family"].iloc[0])
    measures = ["total"] + [c for c in df.columns if c.startswith("field_") and not c.endswith("_rank")]
    parts = []
    for measure in measures:
        rank_col = "rank" if measure == "total" else f"{measure}_rank"
        parts.append(pd.DataFrame({
            "province_raw": df["province"].str.strip(), "year": years(df, "year", file), "family": df["family"],
            "measure": measure, "value": numbers(df, measure, file),
            "rank": ranks(df, rank_col, file) if rank_col in df.columns else pd.Series(pd.NA, index=df.index, dtype="Int64"),
            "ci_low": math.nan, "ci_high": math.nan, "source_id": f"official:{path.stem}",
            "source_ref": f"{meta['url']} ({meta['title']}), row " + df["_row"].astype(str),
            "file": file, "row": df["_row"],
        })[VALUE_COLUMNS])
    return pd.concat(parts, ignore_index=True)
