"""The documents folder (`data/raw/documents/`): manifest, claims of every document, and claims as tables.

`manifest.yml` lists each document once: `file`, `title`, `date` (YYYY-MM-DD), `publisher` and/or
`url`, `licence`, and optionally `province` (see the folder's README). A document that cannot be
read or is not listed gives one `DataError`; the others are read all the same.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import yaml

from ..errors import DataError
from ..provinces import all_provinces
from ..sources.readers.common import QUOTE_COLUMNS
from .claims import Claim, extract_claims
from .indicators import family_measure
from .places import document_province
from .text import load_document

MANIFEST = "manifest.yml"
NOT_DOCUMENTS = {MANIFEST, "README.md"}
REQUIRED = ("file", "title", "date", "licence")
QUOTE_FAMILIES = ("PAR_INDEX", "SIPAS", "PCI", "PAPI")  # the families of the indicators table
CSV_COLUMNS = ["document", "kind", "value", "of", "unit", "indicator", "year", "province", "unit_level",
               "target_or_result", "evidence", "start", "end"]
FRAME_COLUMNS = CSV_COLUMNS + ["province_code", "unit_name", "province_as_written", "decimals"]
_QUOTE_UNITS = {"%": "percent", "điểm": "points"}


def _entry_error(message: str, manifest: Path, row: int, value: object = None) -> DataError:
    return DataError(message, file=manifest, row=row, value=value)


def read_manifest(documents_dir: Path) -> tuple[list[dict], list[DataError]]:
    """The valid entries of `documents_dir/manifest.yml` and one error per invalid entry or unlisted file.

    Raises DataError when the folder or its manifest is missing or the manifest is not a YAML list.
    """
    documents_dir = Path(documents_dir)
    manifest = documents_dir / MANIFEST
    if not documents_dir.is_dir():
        raise DataError("documents folder not found", file=documents_dir)
    if not manifest.is_file():
        raise DataError(f"no {MANIFEST}: list the documents there (see data/raw/documents/README.md)",
                        file=documents_dir)
    try:
        data = yaml.safe_load(manifest.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise DataError(f"not a readable YAML file: {exc}", file=manifest) from exc
    entries = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise DataError("expected `documents:` with a list of entries", file=manifest)
    valid, errors, seen = [], [], set()
    mentioned = {Path(str(e["file"])).as_posix() for e in entries if isinstance(e, dict) and e.get("file")}
    for row, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            errors.append(_entry_error("entry is not a mapping", manifest, row, entry))
            continue
        entry = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in entry.items()}
        missing = [k for k in REQUIRED if not entry.get(k)]
        if missing or not (entry.get("publisher") or entry.get("url")):
            errors.append(_entry_error(f"missing {missing or ['publisher or url']}", manifest, row, entry.get("file")))
            continue
        try:
            dt.date.fromisoformat(str(entry["date"]))
        except ValueError:
            errors.append(_entry_error("date is not YYYY-MM-DD", manifest, row, entry["date"]))
            continue
        file = str(entry["file"])
        if Path(file).is_absolute() or ".." in Path(file).parts or file in seen:
            why = "listed twice" if file in seen else "file must be a path inside the documents folder"
            errors.append(_entry_error(why, manifest, row, file))
            continue
        seen.add(file)
        valid.append({**entry, "file": file, "row": row})
    for path in sorted(p for p in documents_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(documents_dir).as_posix()
        if rel not in mentioned and rel not in NOT_DOCUMENTS and not any(part.startswith(".") for part in Path(rel).parts):
            errors.append(DataError(f"not listed in {MANIFEST}: add its title, date, publisher or url and licence",
                                    file=path))
    return valid, errors


class FolderReading(NamedTuple):
    claims: list[Claim]
    errors: list[DataError]
    documents_read: int


def read_folder(documents_dir: Path) -> FolderReading:
    """The claims of every listed document, one DataError per document that failed, and how many were read."""
    documents_dir = Path(documents_dir)
    entries, errors = read_manifest(documents_dir)
    claims: list[Claim] = []
    read = 0
    for entry in entries:
        try:
            document_province(entry, file=documents_dir / MANIFEST, row=entry["row"])  # names the entry if unknown
            claims += extract_claims(load_document(documents_dir / entry["file"]), entry)
            read += 1
        except DataError as exc:
            errors.append(exc)
    return FolderReading(claims, errors, read)


def read_documents(documents_dir: Path) -> tuple[list[Claim], list[DataError]]:
    """The claims of every listed document, and one DataError per document that failed (never raises for one)."""
    claims, errors, _ = read_folder(documents_dir)
    return claims, errors


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """One row per claim: the `cchc extract` columns (CSV_COLUMNS), then province_code, unit_name,
    province_as_written and decimals (printed precision, used by the claim check)."""
    names = {p.code: p.name for p in all_provinces()}
    rows = [{
        "document": c.document, "kind": c.kind, "value": c.value, "of": c.of, "unit": c.unit,
        "indicator": c.indicator, "year": c.year, "province": names.get(c.province_code or ""),
        "unit_level": c.unit_level, "target_or_result": "target" if c.is_target else "result",
        "evidence": c.evidence, "start": c.start, "end": c.end, "province_code": c.province_code,
        "unit_name": c.unit_name, "province_as_written": c.province_as_written, "decimals": c.decimals,
    } for c in claims]
    frame = pd.DataFrame(rows, columns=FRAME_COLUMNS)
    return frame.astype({"value": "float64", "of": "float64", "year": "Int64", "start": "int64", "end": "int64",
                         "decimals": "int64"})


def _by_file(manifest_meta: Mapping[str, Mapping] | Iterable[Mapping] | None) -> dict[str, Mapping]:
    if manifest_meta is None:
        return {}
    if isinstance(manifest_meta, Mapping):
        return {str(k): v for k, v in manifest_meta.items()}
    return {str(e["file"]): e for e in manifest_meta}


def _is_quote(c: Claim) -> bool:
    return (c.indicator is not None and family_measure(c.indicator)[0] in QUOTE_FAMILIES and not c.is_target
            and c.kind in ("rank", "score", "percent") and c.year is not None
            and (c.unit_level == "national" or c.unit_level == "province" and c.province_as_written is not None))


def document_quotes(claims: list[Claim], manifest_meta) -> pd.DataFrame:
    """Claims about a PAR INDEX, SIPAS, PCI or PAPI value or rank (results, not targets, of a province or
    the country, with a year) as quotes for `reported_figures` (columns `readers.common.QUOTE_COLUMNS`).

    A value and a rank of the same index, year and place in one sentence make one quote; `row` is the
    number of the quote's first claim in its document (1-based). `manifest_meta`: the manifest entries
    (a list, or a mapping file → entry) for source_url and the note.
    """
    meta = _by_file(manifest_meta)
    number: dict[int, int] = {}
    counts: dict[str, int] = {}
    for i, c in enumerate(claims):
        counts[c.document] = counts.get(c.document, 0) + 1
        number[i] = counts[c.document]
    groups: dict[tuple, list[int]] = {}
    for i, c in enumerate(claims):
        if _is_quote(c):
            key = (c.document, c.evidence, c.indicator, c.year, c.unit_level, c.province_code)
            groups.setdefault(key, []).append(i)
    rows = []
    for members in groups.values():
        values = [i for i in members if claims[i].kind != "rank"]
        ranks = [i for i in members if claims[i].kind == "rank"]
        parts = [members] if len(values) <= 1 and len(ranks) <= 1 else [[i] for i in members]
        rows += [_quote(claims, part, number[part[0]], meta) for part in parts]
    frame = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return frame.astype({"value": "float64", "rank": "Int64", "rank_of": "Int64", "year": "int64", "row": "int64"})


def _quote(claims: list[Claim], part: list[int], row: int, meta: Mapping[str, Mapping]) -> dict:
    first = claims[part[0]]
    value = next((claims[i] for i in part if claims[i].kind != "rank"), None)
    rank = next((claims[i] for i in part if claims[i].kind == "rank"), None)
    entry = meta.get(first.document, {})
    family, measure = family_measure(first.indicator or "")
    note = "; ".join(str(entry[k]) for k in ("title", "publisher", "date") if entry.get(k))
    return {
        "family": family, "measure": measure, "year": first.year, "unit_level": first.unit_level,
        "province_as_written": first.province_as_written or "", "value": value.value if value else math.nan,
        "rank": int(rank.value) if rank else pd.NA,
        "rank_of": int(rank.of) if rank and rank.of is not None else pd.NA,
        "unit": _QUOTE_UNITS.get(value.unit, value.unit) if value else "", "source_type": "document",
        "source_id": "documents", "source_url": str(entry.get("url") or ""), "evidence": first.evidence,
        "note": f"document: {note}" if note else "document", "file": first.document, "row": row,
    }
