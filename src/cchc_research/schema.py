"""The processed tables: their columns, types and meaning (the data dictionary).

Cleaning writes exactly these columns in this order; validation checks them; the README's
data dictionary is this module. Types: "str", "int" (no missing), "Int64" (nullable integer),
"float" (nullable), "bool".
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

# Index families of `indicators` (annual values of the 63 provinces). Index 766 (weekly snapshots) lives in
# `reported_figures` only.
FAMILIES = ("PAPI", "PCI", "PAR_INDEX", "SIPAS", "DTI")
RANK_BASES = ("stated", "listed-order", "score-order")


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    description: str
    required: bool = True  # no missing values allowed


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"


C = Column

_PROVINCE = (
    C("province_code", "str", "GSO code of the province in force 2008-2025 (two digits, '28' = Hà Tây)"),
    C("province", "str", "official Vietnamese name of that province"),
    C("province_2025", "str", "the province it belongs to from 2025-07-01 (34 provinces)"),
    C("region", "str", "GSO socio-economic region (6 regions)"),
)

TABLES: dict[str, Table] = {t.name: t for t in (
    Table("indicators", "One value per province × year × family × measure × source, long format.", (
        *_PROVINCE,
        C("year", "int", "year the index measures (the survey or assessment year, not the publication year)"),
        C("family", "str", "PAPI, PCI, PAR_INDEX, SIPAS or DTI"),
        C("measure", "str", "'total' for the headline score; PAPI 'D1'..'D8' and 'D1.1'..; PCI sub-indices "
                            "by snake_case name; PAR INDEX fields 'field_1'..'field_8'; other parts by name"),
        C("value", "float", "the published value; empty where only a rank is known", required=False),
        C("rank", "Int64", "published rank (1 = best) where the source gives one", required=False),
        C("rank_basis", "str", "how the source gives the rank: stated, listed-order (read from the order a page "
                               "lists provinces in) or score-order (inferred from quoted scores); empty without "
                               "a rank", required=False),
        C("ci_low", "float", "lower end of the published 95% confidence interval, if any", required=False),
        C("ci_high", "float", "upper end of the published 95% confidence interval, if any", required=False),
        C("scale_min", "float", "lowest value the measure can take in this methodology", required=False),
        C("scale_max", "float", "highest value the measure can take in this methodology", required=False),
        C("methodology", "str", "methodology era the value belongs to (config/methodologies.yml)"),
        C("programme", "str", "master programme period of the year: 2001-2010, 2011-2020 or 2021-2030"),
        C("source_id", "str", "source (config/sources.yml), or 'reported' for resolved news figures"),
        C("source_ref", "str", "where in the source: raw file and row, sheet/cell, or URL"),
        C("primary", "bool", "the row analyses use when several sources give this province-year-measure "
                             "(rule: source priority in config/methodologies.yml)"),
    ), key=("province_code", "year", "family", "measure", "source_id")),
    Table("reported_figures", "Figures quoted by news, official pages, datasets or documents, one row per "
                              "distinct claim; agreeing quotes collapsed, conflicts kept side by side.", (
        C("figure_id", "str", "stable id: family-year-area-measure-claim number (area = province code, region or VN)"),
        C("family", "str", "PAR_INDEX, SIPAS, PCI, PAPI or another indicator named by the source"),
        C("measure", "str", "as in indicators ('total' for the headline figure)"),
        C("year", "int", "year the figure refers to"),
        C("unit_level", "str", "province (one of the 63), province_2025 (one of the 34 provinces from "
                               "2025-07-01), region (regional average) or national (national average)"),
        *(Column(c.name, c.dtype, c.description + " (empty for national and regional figures; province_2025 "
                 "alone for figures about a province from 2025-07-01)", required=False) for c in _PROVINCE[:3]),
        Column("region", "str", "GSO region of the province, or the region a regional average is about",
               required=False),
        C("value", "float", "the figure (empty if the quote gives only a rank)", required=False),
        C("rank", "Int64", "rank stated or inferred from a listed order (see note)", required=False),
        C("rank_of", "Int64", "how many units were ranked, where stated (e.g. 63 in 8/63)", required=False),
        C("rank_basis", "str", "stated, listed-order or score-order (see indicators); empty without a rank",
          required=False),
        C("prior_year", "bool", "every quote of the claim gives it as the previous year's figure in a later "
                                "article: a fact about `year` from a later source"),
        C("as_of", "str", "date of a dated snapshot (Index 766 is published weekly): YYYY-MM-DD, or the period "
                          "as the source words it; empty for annual figures", required=False),
        C("unit", "str", "unit of value", required=False),
        C("names_as_written", "str", "province spellings as in the sources, ' | '-separated"),
        C("n_sources", "int", "how many quotes were collapsed into this row"),
        C("source_type", "str", "news, dataset, official, 'document (read by machine)' (passed the extractor's "
                                "gate, not yet confirmed) or 'document (reviewed)' (data/raw/documents/reviewed.csv)"),
        C("source_ids", "str", "raw extract(s) the quotes come from, ' | '-separated"),
        C("source_urls", "str", "URL(s) of the quotes, ' | '-separated"),
        C("evidence", "str", "the quoted text(s), ' | '-separated"),
        C("note", "str", "notes carried over from the sources", required=False),
        C("status", "str", "single, agreed, conflict-selected, conflict-rejected or conflict-unresolved"),
        C("conflict_id", "str", "family-year-province_code-measure where claims disagree", required=False),
        C("resolution", "str", "rule and reason from config/resolutions.yml for a conflict", required=False),
    ), key=("figure_id",)),
    Table("self_reported", "What provinces report about their own reform results (dossiers, procedures, online "
                           "services, staff and units cut, tasks, their own surveys): the province's own reports, "
                           "not an index. One row per source figure, as written: periods, levels and definitions "
                           "differ (config/self_reported.yml); bounds stay bounds.", (
        C("figure_id", "str", "stable id: province code-year-measure-level-n"),
        *_PROVINCE,
        C("name_as_written", "str", "the reporting unit as the source names it", required=False),
        C("year", "int", "year the figure is about (a cumulative figure: its end year)"),
        C("programme", "str", "master programme period of the year: 2011-2020 or 2021-2030"),
        C("measure", "str", "measure code (config/self_reported.yml: on_time_rate, dossiers_received, …)"),
        C("value", "float", "the figure, where the source gives it exactly; empty for a bound", required=False),
        C("bound", "str", "'>' over, '<' under, '~' about: the source gives a bound, in `limit`", required=False),
        C("limit", "float", "the number of a bound ('over 98 %' → 98); empty for an exact value", required=False),
        C("unit", "str", "percent, count, positions, units or services"),
        C("level", "str", "total (province-wide or not said), province (the provincial level or its service "
                          "centre), district or commune"),
        C("base_year", "Int64", "comparison year of a cut ('so với năm 2015')", required=False),
        C("target_or_result", "str", "target or result"),
        C("period", "str", "the period the figure covers, as written ('full year', 'first 9 months', …)"),
        C("full_year", "bool", "the figure covers the whole year"),
        C("post_merger", "bool", "about the enlarged province after 2025-07-01: not comparable with the legacy one"),
        C("central_source", "bool", "from central monitoring or a national report, not the province's own report"),
        C("centre_only", "bool", "the provincial public administration centre only, not the whole province"),
        C("year_inferred", "bool", "the year was read from context, not printed beside the figure"),
        C("note", "str", "definition notes and caveats as the source writes them", required=False),
        C("evidence", "str", "a short paraphrase (extract) or the sentence and its offsets (document)"),
        C("source_type", "str", "'self-reported extract', 'document (read by machine)' or 'document (reviewed)'"),
        C("source_url", "str", "page the figure was read on"),
        C("source_ref", "str", "raw file and row, or document@offset (the claim id)"),
        C("status", "str", "single, agreed (another source gives the same figure) or conflict (kept side by side)"),
        C("conflict_id", "str", "province code-year-measure-level of a conflict", required=False),
    ), key=("figure_id",)),
    Table("provinces", "The 63 provinces of 2008-2025 plus Hà Tây (to 2008).", (
        C("province_code", "str", "GSO code"),
        C("province", "str", "official Vietnamese name"),
        C("province_ascii", "str", "name without diacritics"),
        C("province_en", "str", "English name"),
        C("kind", "str", "tỉnh or thành phố trực thuộc trung ương"),
        C("region", "str", "GSO socio-economic region"),
        C("region_en", "str", "region in English"),
        C("valid_from", "str", "first day in force (ISO date)"),
        C("valid_to", "str", "last day in force (ISO date)"),
        C("province_2025", "str", "province from 2025-07-01 it merged into", required=False),
    ), key=("province_code",)),
    Table("crosswalk_2025", "Old → new province (Resolution 202/2025/QH15), one row per old province.", (
        C("province_code", "str", "GSO code of the old province"),
        C("province", "str", "old province"),
        C("province_2025_code", "str", "code of the new province"),
        C("province_2025", "str", "new province"),
        C("province_2025_seat", "str", "administrative seat of the new province", required=False),
        C("n_members", "int", "how many old provinces form the new one"),
    ), key=("province_code",)),
    Table("programme_areas", "Reform areas of the 2011-2020 and 2021-2030 master programmes.", (
        C("programme", "str", "2011-2020 or 2021-2030"),
        C("area_no", "int", "order in the programme"),
        C("area_name_vi", "str", "area in Vietnamese"),
        C("area_name_en", "str", "area in English"),
        C("confidence", "str", "high / medium / low (see the source notes)"),
        C("evidence", "str", "verbatim source text", required=False),
        C("source_url", "str", "where it was read"),
        C("note", "str", "caveats", required=False),
    ), key=("programme", "area_no")),
    Table("programme_targets", "Quantitative targets of the programmes, as published.", (
        C("programme", "str", "2011-2020 or 2021-2030"),
        C("area", "str", "reform area"),
        C("target_id", "str", "stable id"),
        C("description_vi", "str", "target in Vietnamese"),
        C("metric", "str", "snake_case metric name"),
        C("comparator", "str", ">=, >, <=, <, ="),
        C("value", "float", "target value"),
        C("unit", "str", "unit of value"),
        C("deadline_year", "int", "year by which it applies"),
        C("scope", "str", "national or provincial"),
        C("confidence", "str", "high / medium / low"),
        C("evidence", "str", "verbatim text (Vietnamese, or the language in evidence_lang)", required=False),
        C("evidence_lang", "str", "vi, en or ja", required=False),
        C("source_url", "str", "where it was read"),
        C("source_doc", "str", "document the number is attributed to", required=False),
        C("note", "str", "caveats", required=False),
    ), key=("target_id",)),
    Table("measures", "Every family × measure × methodology in indicators, with labels and scale.", (
        C("family", "str", "index family"),
        C("measure", "str", "measure code"),
        C("methodology", "str", "methodology era"),
        C("label_vi", "str", "label in Vietnamese"),
        C("label_en", "str", "label in English"),
        C("scale_min", "float", "scale minimum", required=False),
        C("scale_max", "float", "scale maximum", required=False),
        C("first_year", "int", "first year with a value"),
        C("last_year", "int", "last year with a value"),
    ), key=("family", "measure", "methodology")),
    Table("coverage", "Provinces with a value (primary rows), per family × year × measure, and whether the "
                      "year is complete by the coverage rule of config/coverage.yml.", (
        C("family", "str", "index family"),
        C("year", "int", "year"),
        C("measure", "str", "measure"),
        C("n_provinces", "int", "provinces with a value"),
        C("n_ranked", "int", "provinces with a published rank"),
        C("n_quoted", "int", "provinces with a value or a published rank"),
        C("n_expected", "int", "provinces in force that year (63, or 64 with Hà Tây before 2008-08)"),
        C("complete", "bool", "values complete by the coverage rule (share of provinces in force with a value; "
                              "config/coverage.yml): value statistics (medians, quartiles, computed ranks) "
                              "may use the year"),
        C("ranking_complete", "bool", "published ranks complete by the same rule: rank statements may use the "
                                      "year even where values are partial (DTI 2022)"),
        C("missing", "str", "provinces without a value, ';'-separated", required=False),
    ), key=("family", "year", "measure")),
    Table("boundaries", "One row per unit of each boundary map (data/processed/boundaries_<map>.geojson): "
                        "the registry unit its feature resolves to and what the geometry holds.", (
        C("map", "str", "63 (provinces of 2008-2025), 34 (from 2025-07-01) or 64 (2004-2008, with Hà Tây)"),
        C("unit_code", "str", "GSO code of the province (maps 63, 64) or of the province from 2025-07-01 (map 34)"),
        C("unit", "str", "the registry's name of the unit"),
        C("name_as_written", "str", "the feature's name in the raw GeoJSON"),
        C("members", "str", "map 34: the provinces in force on 2025-06-30 that formed it, '; '-separated",
          required=False),
        C("area_km2", "float", "geodesic area on the WGS84 ellipsoid, km², of the simplified boundary, islands "
                               "included"),
        C("n_parts", "int", "polygons in the geometry (each island is one)"),
        C("geometry_sha256", "str", "SHA-256 of the feature's geometry as written in the GeoJSON"),
    ), key=("map", "unit_code")),
    Table("quality_flags", "What cleaning noticed and set aside: duplicated year blocks, zeros read as "
                           "missing, and similar.", (
        C("flag", "str", "duplicated-year-block, zero-as-missing, …"),
        C("source_id", "str", "source"),
        C("file", "str", "raw file"),
        C("detail", "str", "what and where"),
    ), key=("flag", "source_id", "file", "detail")),
)}


def conform(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Order and type `df`'s columns as the named table prescribes (extra columns are an error)."""
    spec = TABLES[table]
    extra = set(df.columns) - set(spec.names)
    missing = set(spec.names) - set(df.columns)
    if extra or missing:
        raise ValueError(f"table {table}: extra columns {sorted(extra)}, missing {sorted(missing)}")
    out = df[spec.names].copy()
    for col in spec.columns:
        if col.dtype == "str":
            out[col.name] = out[col.name].astype("string")
        elif col.dtype == "int":
            out[col.name] = out[col.name].astype("int64")
        elif col.dtype == "Int64":
            out[col.name] = out[col.name].astype("Int64")
        elif col.dtype == "float":
            out[col.name] = out[col.name].astype("float64")
        elif col.dtype == "bool":
            out[col.name] = out[col.name].astype("bool")
    return out.sort_values(list(spec.key), kind="stable").reset_index(drop=True)


def read_table(processed_dir, table: str) -> pd.DataFrame:
    """Read a processed table with the types the schema declares."""
    from pathlib import Path

    spec = TABLES[table]
    dtypes = {c.name: {"str": "string", "int": "int64", "Int64": "Int64", "float": "float64",
                       "bool": "bool"}[c.dtype] for c in spec.columns}
    return pd.read_csv(Path(processed_dir) / spec.file_name, dtype=dtypes, keep_default_na=False,
                       na_values=[""], encoding="utf-8")
