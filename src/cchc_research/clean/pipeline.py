"""`cchc clean`: data/raw/ → data/processed/ (the tables of `schema.TABLES`).

Steps: verify data/raw against its manifest; read every source with its reader; resolve province
names; set aside duplicated year blocks and zeros that mean "no data"; attach methodology era,
programme period and scale; reconcile quoted figures; choose the primary source per value; derive
measures and coverage; check the province boundaries against the registry (`boundaries`); write all
tables and maps at once (atomically: a failure leaves data/processed/ as it was).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .. import provinces as reg
from ..config import CoverageRule, Methodologies, load_yaml
from ..errors import CchcError, DataError
from ..io import atomic_dir, csv_bytes
from ..paths import Project
from ..sources.readers import papi, pci, quotes, tables
from ..sources.readers.common import QUOTE_COLUMNS, VALUE_COLUMNS
from ..sources.readers import self_reported as self_reported_reader
from . import boundaries, self_reported
from .reconcile import USABLE, corroboration_flags, rank_collisions, reconcile
from ..schema import FAMILIES, TABLES, conform
from ..sources.snapshot import check as check_raw

HELP = "clean data/raw/ into the tidy tables of data/processed/"
DESCRIPTION = __doc__

Reader = Callable[[Path, str, Methodologies], pd.DataFrame]

# raw file pattern (below data/raw) → reader. One reader per source format.
VALUE_READERS: list[tuple[str, Reader]] = [
    ("MDT/papi_mdtrinh_vietnamdata_2011_2016.csv", lambda p, f, m: papi.read_mdt(p, f)),
    ("HUNG/papi_HungNT1st_CS571_2015-2019_2022-2023.csv", lambda p, f, m: papi.read_hung(p, f)),
    ("TUNAH/papi_tunah72_papi-dashboard_2020_2021_2024.csv", lambda p, f, m: papi.read_tunah(p, f)),
    ("LTN/papi_letrinhandn_participation_2012_2021.csv", lambda p, f, m: papi.read_ltn(p, f)),
    ("MDT/pci_mdtrinh_vietnamdata_2005_2016.csv", pci.read_mdt),
    ("LTN/pci_letrinhandn_panel_2012_2021.csv", pci.read_ltn),
    ("official/*.csv", lambda p, f, m: tables.read_official(p, f)),
]
SELF_REPORTED = "SELF_REPORTED/*.csv"  # provinces' own results: a table of their own (clean/self_reported.py)
QUOTE_READERS: list[tuple[str, Reader]] = [
    ("NEWS_PAR_SIPAS/par_index_news_snippets.csv", lambda p, f, m: quotes.read_snippets(p, f, "NEWS_PAR_SIPAS")),
    ("NEWS_PAR_SIPAS/sipas_news_snippets.csv", lambda p, f, m: quotes.read_snippets(p, f, "NEWS_PAR_SIPAS")),
    ("NEWS_PAR_SIPAS/by_year/*_news_compiled.csv", lambda p, f, m: quotes.read_compiled(p, f, "NEWS_PAR_SIPAS")),
    ("HF_PAR_SIPAS/*.csv", lambda p, f, m: quotes.read_hf_preview(p, f, "HF_PAR_SIPAS")),
    ("MOFCOM_PAR_2020/*.csv", lambda p, f, m: quotes.read_mofcom(p, f, "MOFCOM_PAR_2020")),
    ("VIETNAMVN_QUANGNAM/*.csv", lambda p, f, m: quotes.read_field_scores(p, f, "VIETNAMVN_QUANGNAM", m)),
    ("NEWS_AVERAGES/*.csv", lambda p, f, m: quotes.read_averages(p, f, "NEWS_AVERAGES")),
    ("NEWS_PCI_2022/*.csv", lambda p, f, m: quotes.read_pci_news(p, f, "NEWS_PCI_2022", m)),
    ("NEWS_PAR_SIPAS_PASS3/*_news_pass3.csv", lambda p, f, m: quotes.read_compiled(p, f, "NEWS_PAR_SIPAS_PASS3")),
    ("NEWS_INDICES_2021_2030/*.csv", lambda p, f, m: quotes.read_indices_news(p, f, "NEWS_INDICES_2021_2030", m)),
]


def _read_all(project: Project, readers: list[tuple[str, Reader]], meth: Methodologies) -> list[pd.DataFrame]:
    frames = []
    for pattern, reader in readers:
        for path in sorted(project.raw.glob(pattern)):
            frames.append(reader(path, f"data/raw/{path.relative_to(project.raw).as_posix()}", meth))
    return frames


def _resolve(df: pd.DataFrame, column: str) -> pd.DataFrame:
    """Add province_code, province, province_2025, region from the registry (errors name file and row)."""
    firsts = df.drop_duplicates(["file", column])
    found = {(f, n): reg.resolve(n, file=f, row=int(r)) for f, n, r in zip(firsts["file"], firsts[column], firsts["row"])}
    hits = [found[(f, n)] for f, n in zip(df["file"], df[column])]
    return df.assign(province_code=[p.code for p in hits], province=[p.name for p in hits],
                     province_2025=[p.province_2025 for p in hits], region=[p.region for p in hits])


def _refuse_duplicate_keys(values: pd.DataFrame) -> None:
    """Two rows of one source for the same province, year, family and measure: name both, and both values."""
    key = ["source_id", "province_code", "year", "family", "measure"]
    dup = values[values.duplicated(key, keep=False)]
    if dup.empty:
        return
    first = dup.iloc[0]
    rows = dup[(dup[key] == first[key]).all(axis=1)]

    def where(r) -> str:
        place = f"row {r.row}" if r.file == first.file else f"{r.file}, row {r.row}"
        return f"{place} ({r.province_raw!r}: {'no value' if pd.isna(r.value) else repr(float(r.value))})"

    raise DataError(f"{len(rows)} rows give {first.family} {first.year} {first.measure} for {first.province}: "
                    + " and ".join(where(r) for r in rows.itertuples(index=False))
                    + "; keep one", file=first.file, row=int(first.row))


def _duplicated_year_blocks(values: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """Drop year blocks of a source that repeat an earlier year's values exactly (e.g. a sheet labelled
    2020 that is a copy of 2019). The earliest year is kept; each dropped year is flagged."""
    flags, drop = [], []
    for (source_id, family), part in values.groupby(["source_id", "family"], sort=True):
        seen: dict[tuple, int] = {}
        for year, block in part[part["value"].notna()].groupby("year", sort=True):
            if len(block) < 10:
                continue
            signature = tuple(sorted(zip(block["province_code"], block["measure"], block["value"].round(9))))
            if signature in seen:
                drop.append((source_id, family, year))
                flags.append({"flag": "duplicated-year-block", "source_id": source_id, "file": block["file"].iloc[0],
                              "detail": f"{family} {year}: all {len(block)} values repeat {seen[signature]}; "
                                        f"{year} not loaded"})
            else:
                seen[signature] = year
    if drop:
        key = pd.MultiIndex.from_frame(values[["source_id", "family", "year"]])
        values = values[~key.isin(drop)]
    return values, flags


def _zeros_as_missing(values: pd.DataFrame, meth: Methodologies) -> tuple[pd.DataFrame, list[dict]]:
    families = [f for f, spec in meth.data["families"].items() if spec.get("zero_is_missing")]
    zero = values["family"].isin(families) & (values["value"] == 0)
    flags = [{"flag": "zero-as-missing", "source_id": s, "file": f,
              "detail": f"row {r}: {fam} {y} {p} {m} = 0 read as no data"}
             for s, f, r, fam, y, p, m in values.loc[zero, ["source_id", "file", "row", "family", "year", "province",
                                                            "measure"]].itertuples(index=False)]
    values = values.copy()
    values.loc[zero, "value"] = math.nan
    return values, flags


def _attach_method(df: pd.DataFrame, meth: Methodologies) -> pd.DataFrame:
    combos = df[["family", "year", "measure"]].drop_duplicates()
    info = {}
    for family, year, measure in combos.itertuples(index=False):
        scale = meth.scale(family, int(year), measure) or (math.nan, math.nan)
        info[(family, year, measure)] = (meth.era(family, int(year))["id"], meth.programme(int(year)), *scale)
    cols = list(zip(*[info[k] for k in zip(df["family"], df["year"], df["measure"])])) if len(df) else [[]] * 4
    return df.assign(methodology=cols[0], programme=cols[1], scale_min=cols[2], scale_max=cols[3])


def _primary(values: pd.DataFrame, meth: Methodologies) -> pd.DataFrame:
    order = {(f, s): meth.priority(f, s) for f, s in values[["family", "source_id"]].drop_duplicates().itertuples(index=False)}
    values = values.assign(_prio=[order[k] for k in zip(values["family"], values["source_id"])])
    values = values.sort_values(["province_code", "year", "family", "measure", "_prio"], kind="stable")
    values["primary"] = ~values.duplicated(["province_code", "year", "family", "measure"])
    return values.drop(columns="_prio")


def _disagreements(values: pd.DataFrame) -> list[dict]:
    """Sources that give a different value than the primary one for the same key (beyond 5e-6)."""
    keyed = values[values["value"].notna()]
    primary = keyed[keyed["primary"]].set_index(["province_code", "year", "family", "measure"])["value"]
    others = keyed[~keyed["primary"]]
    ref = primary.reindex(pd.MultiIndex.from_frame(others[["province_code", "year", "family", "measure"]])).to_numpy()
    off = others[(others["value"].to_numpy() - ref).__abs__() > 5e-6]
    return [{"flag": "source-disagreement", "source_id": r.source_id, "file": r.file,
             "detail": f"row {r.row}: {r.family} {r.year} {r.province} {r.measure} = {r.value!r}, primary source "
                       f"has {primary[(r.province_code, r.year, r.family, r.measure)]!r}"}
            for r in off.itertuples(index=False)]


def _quotes_with_areas(all_quotes: pd.DataFrame) -> pd.DataFrame:
    province_rows = all_quotes[all_quotes["unit_level"] == "province"]
    resolved = _resolve(province_rows, "province_as_written").assign(area=lambda d: d["province_code"])
    regions = {_region_key(r): r for r in reg.provinces_table()["region"].unique()}
    region_rows = all_quotes[all_quotes["unit_level"] == "region"].copy()
    for name, f, r in zip(region_rows["province_as_written"], region_rows["file"], region_rows["row"]):
        if _region_key(name) not in regions:
            raise DataError(f"unknown region; known: {sorted(regions.values())}", file=f, row=r, value=name)
    region_rows = region_rows.assign(province_code="", province="", province_2025="",
                                     region=[regions[_region_key(n)] for n in region_rows["province_as_written"]])
    region_rows["area"] = region_rows["region"]
    national = all_quotes[all_quotes["unit_level"] == "national"].assign(
        province_code="", province="", province_2025="", region="", area="VN")
    new_rows = all_quotes[all_quotes["unit_level"] == "province_2025"]
    units = [reg.resolve_2025(n, file=f, row=r, column="province")
             for n, f, r in zip(new_rows["province_as_written"], new_rows["file"], new_rows["row"])]
    new_rows = new_rows.assign(province_code="", province="", province_2025=[u.name for u in units], region="",
                               area=["P34-" + u.code for u in units])
    return pd.concat([resolved, region_rows, national, new_rows], ignore_index=True)


def _region_key(name: str) -> str:
    import unicodedata

    words = unicodedata.normalize("NFC", name).casefold().replace("-", " ").split()
    return " ".join(w for w in words if w != "và")


def _reported_values(reported: pd.DataFrame) -> pd.DataFrame:
    """Usable province-level reported figures of the four families, as indicator rows (source 'reported');
    figures read by machine from documents only once a researcher has reviewed them."""
    from ..extract.documents import MACHINE

    use = reported[reported["status"].isin(USABLE) & (reported["unit_level"] == "province")
                   & reported["family"].isin(FAMILIES) & (reported["value"].notna() | reported["rank"].notna())
                   & (reported["source_type"] != MACHINE)]
    return pd.DataFrame({
        "province_raw": use["province"], "year": use["year"], "family": use["family"], "measure": use["measure"],
        "value": use["value"], "rank": use["rank"].astype("Int64"), "rank_basis": use["rank_basis"],
        "ci_low": math.nan, "ci_high": math.nan,
        "source_id": "reported", "source_ref": use["figure_id"] + ": " + use["source_urls"],
        "file": "reported_figures", "row": 0, "province_code": use["province_code"], "province": use["province"],
        "province_2025": use["province_2025"], "region": use["region"],
    })


def _documents(project: Project, allow_errors: bool = False) -> tuple[pd.DataFrame, pd.DataFrame, list[DataError]]:
    """Figures claimed in the documents of data/raw/documents/ (none shipped: may be empty) that pass the
    gate or a review (reviewed.csv): index quotes for reported_figures, result measures for self_reported;
    and the document errors. Any error stops the run (DataError) unless `allow_errors`: then the
    readable documents count and the errors are returned."""
    from .. import extract
    from ..extract.documents import document_self_reports, read_folder
    from ..extract.review import REVIEWED, read_reviews

    folder = project.raw / "documents"
    if not (folder / "manifest.yml").is_file():
        return pd.DataFrame(columns=QUOTE_COLUMNS), document_self_reports([], []), []
    reviews = read_reviews(folder)
    claims, errors, _, ordinals = read_folder(folder, keep=lambda c: not c.held_back or c.claim_id in reviews)
    if errors and not allow_errors:
        raise DataError(f"{len(errors)} document(s) could not be read (cchc clean --allow-document-errors "
                        "cleans without them):\n  " + "\n  ".join(map(str, errors)))
    entries, _ = extract.read_manifest(folder)
    quotes = extract.document_quotes(claims, entries, reviews, folder / REVIEWED, ordinals)
    return quotes[QUOTE_COLUMNS], document_self_reports(claims, entries, reviews, folder / REVIEWED), errors


def _self_reported(project: Project, from_documents: pd.DataFrame, meth: Methodologies) -> pd.DataFrame:
    """The provinces' own reports (SELF_REPORTED extract) and the documents' result figures, provinces resolved."""
    frames = [self_reported_reader.read_self_reported(path, f"data/raw/{path.relative_to(project.raw).as_posix()}")
              for path in sorted(project.raw.glob(SELF_REPORTED))]
    extract = pd.concat(frames, ignore_index=True) if frames else from_documents.drop(columns="source_type")
    resolve = lambda df: _resolve(df, "province_raw") if len(df) else df.assign(  # noqa: E731
        province_code="", province="", province_2025="", region="")
    return self_reported.self_reported_table(resolve(extract), resolve(from_documents), meth,
                                             self_reported.measures(project))


def _coverage(values: pd.DataFrame, rule: CoverageRule) -> pd.DataFrame:
    """Per family × year × measure: provinces with a value, a rank, either; complete by the coverage rule."""
    primary = values[values["primary"]]
    rows = []
    for (family, year, measure), part in primary.groupby(["family", "year", "measure"], sort=True):
        in_force = {p.code: p.name for p in reg.in_force(int(year))}
        have = set(part.loc[part["value"].notna(), "province_code"])
        ranked = set(part.loc[part["rank"].notna(), "province_code"])
        missing = sorted(set(in_force) - have)
        rows.append({"family": family, "year": year, "measure": measure, "n_provinces": len(have),
                     "n_ranked": len(ranked), "n_quoted": len(have | ranked), "n_expected": len(in_force),
                     "complete": rule.complete(len(have), len(in_force)),
                     "ranking_complete": rule.complete(len(ranked), len(in_force), basis="rank"),
                     "missing": ";".join(in_force[c] for c in missing)})
    return pd.DataFrame(rows)


def _measures(values: pd.DataFrame, labels: pd.DataFrame, meth: Methodologies) -> pd.DataFrame:
    conf = meth.data["measures"]
    grouped = values.groupby(["family", "measure", "methodology"], sort=True).agg(
        scale_min=("scale_min", "first"), scale_max=("scale_max", "first"),
        first_year=("year", "min"), last_year=("year", "max")).reset_index()

    def label(measure: str, first: int, last: int, lang: str) -> str:
        """From config, else the source's own label: the highest-priority source in the era, its latest
        year. (The HUNG workbook labels 2015-2017 sub-dimensions with the names of 2018; MDT, the
        original yearly workbooks, outranks it for those years.)"""
        if measure in conf:
            return conf[measure][f"label_{lang}"]
        found = labels[(labels["measure"] == measure) & labels["year"].between(first, last)
                       & (labels[f"label_{lang}"] != "")]
        return found.iloc[-1][f"label_{lang}"] if len(found) else measure

    for lang in ("vi", "en"):
        grouped[f"label_{lang}"] = [label(m, f, l, lang) for m, f, l in
                                    zip(grouped["measure"], grouped["first_year"], grouped["last_year"])]
    return grouped


def build_tables(project: Project, progress: Callable[[str], None] = lambda s: None,
                 allow_document_errors: bool = False,
                 document_errors: list[DataError] | None = None) -> dict[str, pd.DataFrame]:
    """Every processed table, in memory (nothing written). Document errors stop the build unless
    `allow_document_errors`; then they are appended to `document_errors`."""
    problems = check_raw(project)
    if problems:
        raise CchcError("data/raw/ does not match data/raw/manifest.yml:\n  " + "\n  ".join(problems))
    meth = Methodologies.load(project)
    progress("read sources")
    frames = _read_all(project, VALUE_READERS, meth)
    labels = pd.concat([f[["source_id", "family", "year", "measure", "label_vi", "label_en"]]
                        for f in frames if "label_vi" in f.columns]).drop_duplicates()
    labels["_prio"] = [meth.priority(f, s) for f, s in zip(labels["family"], labels["source_id"])]
    labels = labels.sort_values(["_prio", "year"], ascending=[False, True], kind="stable")
    values = pd.concat([f[VALUE_COLUMNS] for f in frames], ignore_index=True)
    progress("resolve provinces")
    values = _resolve(values, "province_raw")
    _refuse_duplicate_keys(values)
    values, flags = _duplicated_year_blocks(values)
    values, zero_flags = _zeros_as_missing(values, meth)
    flags += zero_flags
    progress("reconcile reported figures")
    quote_frames = [f[QUOTE_COLUMNS] for f in _read_all(project, QUOTE_READERS, meth)]
    documents, document_results, errors = _documents(project, allow_document_errors)
    if document_errors is not None:
        document_errors += errors
    all_quotes = pd.concat(quote_frames + [documents], ignore_index=True)
    resolutions = load_yaml(project, "resolutions.yml").get("resolutions", [])
    reported = reconcile(_quotes_with_areas(all_quotes), resolutions)
    flags += corroboration_flags(reported) + rank_collisions(reported)
    reported = reported.drop(columns="corroboration_only")
    values = values.assign(rank_basis=values["rank"].notna().map({True: "stated", False: ""}))
    values = pd.concat([values, _reported_values(reported)], ignore_index=True)
    values = values[values["value"].notna() | values["rank"].notna()]
    values = _primary(_attach_method(values, meth), meth)
    flags += _disagreements(values)
    progress("derive coverage and measures")
    out = {
        "indicators": values.drop(columns=["province_raw", "file", "row"]),
        "reported_figures": reported,
        "provinces": reg.provinces_table(),
        "crosswalk_2025": reg.crosswalk_table(),
        "programme_areas": tables.read_programme_areas(project.raw / "PROGRAMMES" / "programme_areas.csv",
                                                       "data/raw/PROGRAMMES/programme_areas.csv"),
        "programme_targets": tables.read_programme_targets(project.raw / "PROGRAMMES" / "programme_targets.csv",
                                                           "data/raw/PROGRAMMES/programme_targets.csv"),
        "self_reported": _self_reported(project, document_results, meth),
        "measures": _measures(values, labels, meth),
        "coverage": _coverage(values, CoverageRule.load(project)),
        "quality_flags": pd.DataFrame(flags, columns=["flag", "source_id", "file", "detail"]),
    }
    return {name: conform(df, name) for name, df in out.items()}


def clean(project: Project, verbose: bool = True, allow_document_errors: bool = False) -> dict[str, pd.DataFrame]:
    """Build every table and replace data/processed/ with them in one step. Document errors are printed
    on stderr even when not verbose; they stop the run unless `allow_document_errors`."""
    start = time.perf_counter()

    def progress(step: str) -> None:
        if verbose:
            print(f"[{time.perf_counter() - start:5.1f}s] {step}", flush=True)

    with project.lock("clean", quiet=not verbose):
        document_errors: list[DataError] = []
        result = build_tables(project, progress, allow_document_errors, document_errors)
        for error in document_errors:
            print(f"cchc clean: document skipped: {error}", file=sys.stderr)
        progress("province boundaries")
        result["boundaries"], maps = boundaries.build(project)
        with atomic_dir(project.processed) as staging:
            for name, df in result.items():
                (staging / TABLES[name].file_name).write_bytes(csv_bytes(df))
            for name, data in maps.items():
                (staging / name).write_bytes(data)
    if verbose:
        sizes = ", ".join(f"{name} {len(df)}" for name, df in result.items())
        print(f"[{time.perf_counter() - start:5.1f}s] wrote {project.processed}: {sizes}")
    if document_errors:
        print(f"cchc clean: PARTIAL: {len(document_errors)} document(s) left out (--allow-document-errors); "
              "their figures are missing from reported_figures", file=sys.stderr)
    return result


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    parser.add_argument("--allow-document-errors", action="store_true",
                        help="clean without the documents of data/raw/documents/ that cannot be read (says so)")


def run(args: argparse.Namespace, project: Project) -> int:
    clean(project, verbose=not args.quiet, allow_document_errors=args.allow_document_errors)
    return 0
