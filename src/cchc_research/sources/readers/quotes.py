"""Readers of figures quoted by news, official pages and datasets (PAR INDEX, SIPAS, PCI, DTI, Index 766,
national and regional averages).

Each returns quotes in `common.QUOTE_COLUMNS`; reconciliation happens in `reconcile`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ...config import Methodologies
from ...errors import DataError
from .common import QUOTE_COLUMNS, numbers, ranks, read_csv, source_type, years


def _quotes(df: pd.DataFrame, *, file: str, source_id: str, family, measure, value, rank, unit,
            province, evidence, note, unit_level="province", rank_of=None) -> pd.DataFrame:
    return pd.DataFrame({
        "family": family, "measure": measure, "year": years(df, "year", file), "unit_level": unit_level,
        "province_as_written": province, "value": value, "rank": rank,
        "rank_of": pd.Series(pd.NA, index=df.index, dtype="Int64") if rank_of is None else rank_of, "unit": unit,
        "source_type": [source_type(u) for u in df["source_url"]], "source_id": source_id,
        "source_url": df["source_url"], "evidence": evidence, "note": note, "file": file, "row": df["_row"],
    })[QUOTE_COLUMNS]


def read_snippets(path: Path, file: str, source_id: str) -> pd.DataFrame:
    """par_index_news_snippets.csv / sipas_news_snippets.csv: value and rank per quote; HF rows
    of the PAR file also carry the MoHA / survey split, kept as measures score_moha / score_survey."""
    df = read_csv(path, ["province", "year", "indicator", "value", "rank", "unit", "source_url", "evidence", "note"], file)
    unit = df["unit"].str.split(" ").str[0]
    parts = [_quotes(df, file=file, source_id=source_id, family=df["indicator"], measure="total",
                     value=numbers(df, "value", file), rank=ranks(df, "rank", file), unit=unit,
                     province=df["province"], evidence=df["evidence"], note=df["note"])]
    for measure in ("score_moha", "score_survey"):
        if measure in df.columns:
            part = df[df[measure].str.strip() != ""]
            parts.append(_quotes(part, file=file, source_id=source_id, family=part["indicator"], measure=measure,
                                 value=numbers(part, measure, file), rank=pd.Series(pd.NA, index=part.index, dtype="Int64"),
                                 unit="points", province=part["province"], evidence=part["evidence"], note=part["note"]))
    return pd.concat(parts, ignore_index=True)


def read_compiled(path: Path, file: str, source_id: str) -> pd.DataFrame:
    """par_index_YYYY_news_compiled.csv / sipas_YYYY_news_compiled.csv (family from the file name), and the
    third pass par_index_2013_2024_news_pass3.csv / sipas_2018_2024_news_pass3.csv, written in the same
    format (there `evidence` is the collector's description, not a quotation; name-only rows, with
    neither score nor rank, are kept as evidence)."""
    df = read_csv(path, ["province", "name_as_written", "year", "total_score", "rank", "source_url", "evidence", "note"], file)
    family = "SIPAS" if path.name.startswith("sipas_") else "PAR_INDEX"
    return _quotes(df, file=file, source_id=source_id, family=family, measure="total",
                   value=numbers(df, "total_score", file), rank=ranks(df, "rank", file), unit="percent",
                   province=df["province"], evidence=df["evidence"], note=df["note"])


def read_hf_preview(path: Path, file: str, source_id: str) -> pd.DataFrame:
    """HF vn-par-master preview (2012, ranks 1-19): total plus the MoHA / survey split."""
    df = read_csv(path, ["province", "year", "total_score", "rank", "score_moha", "score_survey", "source_url", "evidence"], file)
    none = pd.Series(pd.NA, index=df.index, dtype="Int64")
    note = "third-party compilation (HF user letrinhan), dataset-viewer preview"
    parts = [_quotes(df, file=file, source_id=source_id, family="PAR_INDEX", measure="total",
                     value=numbers(df, "total_score", file), rank=ranks(df, "rank", file), unit="percent",
                     province=df["province"], evidence=df["evidence"], note=note)]
    for measure in ("score_moha", "score_survey"):
        parts.append(_quotes(df, file=file, source_id=source_id, family="PAR_INDEX", measure=measure,
                             value=numbers(df, measure, file), rank=none, unit="points",
                             province=df["province"], evidence=df["evidence"], note=note))
    return pd.concat(parts, ignore_index=True)


_MOFCOM_PARTS = {"score_assessed_得分": "score_assessed", "sipas_component_服务满意度指数": "sipas_component",
                 "leaders_managers_survey_领导管理考察": "leaders_managers_survey",
                 "socioeconomic_impact_对经济社会发展的影响": "socioeconomic_impact"}


def read_mofcom(path: Path, file: str, source_id: str) -> pd.DataFrame:
    """The 2020 PAR INDEX top-10 table from a MOFCOM page: total, rank and its four parts.
    Province names are read from the Chinese column as written (the mapped column is a note)."""
    df = read_csv(path, ["province", "province_vi_mapped", "year", "total_score", "rank", *_MOFCOM_PARTS,
                         "source_url", "evidence"], file)
    none = pd.Series(pd.NA, index=df.index, dtype="Int64")
    parts = [_quotes(df, file=file, source_id=source_id, family="PAR_INDEX", measure="total",
                     value=numbers(df, "total_score", file), rank=ranks(df, "rank", file), unit="percent",
                     province=df["province"], evidence=df["evidence"], note="")]
    for column, measure in _MOFCOM_PARTS.items():
        parts.append(_quotes(df, file=file, source_id=source_id, family="PAR_INDEX", measure=measure,
                             value=numbers(df, column, file), rank=none, unit="points",
                             province=df["province"], evidence=df["evidence"], note=""))
    return pd.concat(parts, ignore_index=True)


def read_field_scores(path: Path, file: str, source_id: str, meth: Methodologies) -> pd.DataFrame:
    """Per-field PAR INDEX scores and ranks of one province (Quảng Nam 2022-2023), plus the total."""
    df = read_csv(path, ["province", "year", "component_vi_mapped", "component_score", "component_rank",
                         "total_score", "rank", "source_url", "evidence", "note"], file)
    measure = [meth.measure("PAR_INDEX", c, file=file, row=r, column="component_vi_mapped")
               for c, r in zip(df["component_vi_mapped"], df["_row"])]
    fields = _quotes(df, file=file, source_id=source_id, family="PAR_INDEX", measure=measure,
                     value=numbers(df, "component_score", file), rank=ranks(df, "component_rank", file),
                     unit="points", province=df["province"], evidence=df["evidence"], note=df["note"])
    totals = df[df["total_score"].str.strip() != ""].drop_duplicates(["province", "year", "total_score", "rank"])
    total = _quotes(totals, file=file, source_id=source_id, family="PAR_INDEX", measure="total",
                    value=numbers(totals, "total_score", file), rank=ranks(totals, "rank", file), unit="percent",
                    province=totals["province"], evidence=totals["evidence"], note="total stated in the same article")
    return pd.concat([fields, total], ignore_index=True)


def read_pci_news(path: Path, file: str, source_id: str, meth: Methodologies) -> pd.DataFrame:
    """PCI 2022 figures from news and pcivietnam.vn province pages."""
    df = read_csv(path, ["province", "year", "indicator", "component", "value", "rank", "source_url", "evidence", "note"], file)
    measure = [meth.measure("PCI", c, file=file, row=r, column="component") for c, r in zip(df["component"], df["_row"])]
    unit = ["points (0-100)" if m == "total" else "points (0-10)" for m in measure]
    return _quotes(df, file=file, source_id=source_id, family="PCI", measure=measure,
                   value=numbers(df, "value", file), rank=ranks(df, "rank", file), unit=unit,
                   province=df["province"], evidence=df["evidence"], note=df["note"])


def read_averages(path: Path, file: str, source_id: str) -> pd.DataFrame:
    """National and regional averages: unit_level 'national' or 'region' (region name in province_as_written)."""
    df = read_csv(path, ["indicator", "year", "unit_level", "value", "source_url", "evidence", "note"], file)
    regional = df["unit_level"].str.startswith("regional average")
    # as written: the region's name for regional averages, the source's wording for national ones
    area = df["unit_level"].str.split(":", n=1).str[1].str.strip().where(regional, df["unit_level"])
    level = regional.map({True: "region", False: "national"})
    note = (df["unit_level"] + "; " + df["note"]).str.strip("; ")
    return _quotes(df, file=file, source_id=source_id, family=df["indicator"], measure="total",
                   value=numbers(df, "value", file), rank=pd.Series(pd.NA, index=df.index, dtype="Int64"),
                   unit="percent", province=area, evidence=df["evidence"], note=note, unit_level=level)


# family as the file writes it → family code; `of` → the units the figure is about.
_INDEX_FAMILIES = {"PCI": "PCI", "DTI": "DTI", "PSI766": "INDEX_766"}
_UNIT_LEVELS = {63: "province", 34: "province_2025"}
_UNITS = {"PCI": ("points (0-100)", "points (0-10)"), "DTI": ("index (0-1)", "index (0-1)"),
          "INDEX_766": ("points (0-100)", "points (component)")}


def read_indices_news(path: Path, file: str, source_id: str, meth: Methodologies) -> pd.DataFrame:
    """pci_dti_psi766_2020_2025_news.csv: PCI 2022-2024, DTI 2020-2024 and Index 766 figures with `of`,
    the number of units ranked. `of` 63 = one of the 63 provinces; `of` 34 = one of the 34 provinces from
    2025-07-01 (DTI 2024 has both rankings; Index 766 from mid-2025): unit_level province_2025, resolved
    among the new provinces, never assigned to an old one."""
    df = read_csv(path, ["family", "province", "name_as_written", "year", "measure", "value", "rank", "of",
                         "source_url", "evidence", "note"], file)
    for column, allowed in (("family", _INDEX_FAMILIES), ("of", {str(k) for k in _UNIT_LEVELS})):
        bad = df[~df[column].str.strip().isin(allowed)]
        if len(bad):
            raise DataError(f"{column} must be one of {sorted(allowed)}", file=file, row=int(bad["_row"].iloc[0]),
                            column=column, value=bad[column].iloc[0])
    family = df["family"].str.strip().map(_INDEX_FAMILIES)
    measure = [meth.measure(f, m, file=file, row=r, column="measure")
               for f, m, r in zip(family, df["measure"], df["_row"])]
    of = ranks(df, "of", file)
    unit = [_UNITS[f][0 if m == "total" else 1] for f, m in zip(family, measure)]
    return _quotes(df, file=file, source_id=source_id, family=family, measure=measure,
                   value=numbers(df, "value", file), rank=ranks(df, "rank", file), unit=unit,
                   province=df["province"].str.strip(), evidence=df["evidence"], note=df["note"],
                   unit_level=of.astype("int64").map(_UNIT_LEVELS), rank_of=of)
