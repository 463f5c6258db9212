"""The documents folder (`data/raw/documents/`): manifest, claims of every document, and claims as tables.

`manifest.yml` lists each document once: `file`, `title`, `date` (YYYY-MM-DD), `publisher` and/or
`url` (http or https), `licence`, and optionally `province` (see the folder's README). A document that
cannot be read, is not listed, is a symbolic link or not a regular file gives one `DataError`; the
others are read all the same, and the caller decides whether a run with errors may go on.

Claims reach `reported_figures` through the gate (`gate.held_back`) or a researcher's review
(`review`, `reviewed.csv`): `document_quotes` turns them into quotes, "document (read by machine)" or
"document (reviewed)".
"""

from __future__ import annotations

import datetime as dt
import math
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlparse

import pandas as pd
import yaml

from ..errors import DataError
from ..provinces import all_provinces
from ..sources.readers.common import QUOTE_COLUMNS
from .claims import Claim, iter_claims
from .gate import TABLE_FAMILIES, table_of
from .indicators import family_measure
from .places import document_province
from .review import REVIEWED, Review, apply_reviews, read_reviews
from .text import load_document

MANIFEST = "manifest.yml"
NOT_DOCUMENTS = {MANIFEST, "README.md", REVIEWED}
REQUIRED = ("file", "title", "date", "licence")
QUOTE_FAMILIES = TABLE_FAMILIES
CSV_COLUMNS = ["claim_id", "document", "kind", "value", "of", "unit", "indicator", "year", "province", "unit_level",
               "target_or_result", "qualifier", "bound", "held_back", "indicator_reason", "year_reason",
               "province_reason", "evidence", "evidence_start", "evidence_end", "start", "end"]
FRAME_COLUMNS = CSV_COLUMNS + ["province_code", "unit_name", "province_as_written", "decimals"]
MACHINE, REVIEWED_TYPE = "document (read by machine)", "document (reviewed)"
URL_SCHEMES = ("http", "https")
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
        if entry.get("url") and not _web_url(str(entry["url"])):
            errors.append(_entry_error("url must be an http(s) address", manifest, row, entry["url"]))
            continue
        file = str(entry["file"])
        if Path(file).is_absolute() or ".." in Path(file).parts or file in seen:
            why = "listed twice" if file in seen else "file must be a path inside the documents folder"
            errors.append(_entry_error(why, manifest, row, file))
            continue
        seen.add(file)
        valid.append({**entry, "file": file, "row": row})
    for path in sorted(documents_dir.rglob("*")):
        rel = path.relative_to(documents_dir).as_posix()
        if rel in NOT_DOCUMENTS or any(part.startswith(".") for part in Path(rel).parts):
            continue
        if path.is_symlink() or not (path.is_dir() or path.is_file()):
            if rel not in mentioned:
                errors.append(DataError("a symbolic link or special file in the documents folder: keep only "
                                        "regular files there (copy the document in)", file=path))
        elif path.is_file() and rel not in mentioned:
            errors.append(DataError(f"not listed in {MANIFEST}: add its title, date, publisher or url and licence",
                                    file=path))
    return valid, errors


def _web_url(url: str) -> bool:
    parsed = urlparse(url.strip())
    return parsed.scheme.lower() in URL_SCHEMES and bool(parsed.netloc)


def read_regular_file(documents_dir: Path, rel: str) -> Path:
    """`documents_dir/rel` if it is a regular file reached without symbolic links; DataError otherwise."""
    path = documents_dir
    for part in Path(rel).parts:
        path = path / part
        try:
            mode = os.lstat(path).st_mode
        except OSError as exc:
            raise DataError(f"cannot read the document: {exc.strerror}", file=path) from exc
        if stat.S_ISLNK(mode):
            raise DataError("a symbolic link: documents must be regular files inside the documents folder "
                            "(copy the document in)", file=path)
    if not stat.S_ISREG(mode):
        raise DataError("not a regular file (a directory, pipe or device)", file=path)
    return path


class FolderReading(NamedTuple):
    claims: list[Claim]
    errors: list[DataError]
    documents_read: int
    ordinals: dict[str, int]  # claim id → the claim's number in its document (1-based)


def iter_folder(documents_dir: Path) -> Iterator[DataError | tuple[dict, Iterator[Claim]]]:
    """Each problem of the folder or manifest (a DataError), then for each listed document either the
    DataError that stops it or (entry, its claims as a stream)."""
    documents_dir = Path(documents_dir)
    entries, errors = read_manifest(documents_dir)
    yield from errors
    for entry in entries:
        try:
            document_province(entry, file=documents_dir / MANIFEST, row=entry["row"])  # names the entry if unknown
            text = load_document(read_regular_file(documents_dir, entry["file"]))
        except DataError as exc:
            yield exc
            continue
        yield entry, iter_claims(text, entry)


def read_folder(documents_dir: Path, keep: Callable[[Claim], bool] | None = None) -> FolderReading:
    """The claims of every listed document (only those `keep` accepts, if given: the others are dropped
    as they are read, so memory holds what is kept), one DataError per document that failed, how many
    documents were read, and each kept claim's number in its document."""
    claims: list[Claim] = []
    errors: list[DataError] = []
    ordinals: dict[str, int] = {}
    read = 0
    for item in iter_folder(documents_dir):
        if isinstance(item, DataError):
            errors.append(item)
            continue
        _, stream = item
        for number, claim in enumerate(stream, start=1):
            if keep is None or keep(claim):
                claims.append(claim)
                ordinals[claim.claim_id] = number
        read += 1
    return FolderReading(claims, errors, read, ordinals)


def read_documents(documents_dir: Path) -> tuple[list[Claim], list[DataError]]:
    """The claims of every listed document, and one DataError per document that failed (never raises for one)."""
    claims, errors, _, _ = read_folder(documents_dir)
    return claims, errors


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """One row per claim: the `cchc extract` columns (CSV_COLUMNS), then province_code, unit_name,
    province_as_written and decimals (printed precision, used by the claim check)."""
    names = {p.code: p.name for p in all_provinces()}
    rows = [{
        "claim_id": c.claim_id, "document": c.document, "kind": c.kind, "value": c.value, "of": c.of, "unit": c.unit,
        "indicator": c.indicator, "year": c.year, "province": names.get(c.province_code or ""),
        "unit_level": c.unit_level, "target_or_result": "target" if c.is_target else "result",
        "qualifier": c.qualifier, "bound": c.bound, "held_back": c.held_back,
        "indicator_reason": c.indicator_reason, "year_reason": c.year_reason, "province_reason": c.province_reason,
        "evidence": c.evidence, "evidence_start": c.evidence_start, "evidence_end": c.evidence_end,
        "start": c.start, "end": c.end, "province_code": c.province_code,
        "unit_name": c.unit_name, "province_as_written": c.province_as_written, "decimals": c.decimals,
    } for c in claims]
    frame = pd.DataFrame(rows, columns=FRAME_COLUMNS)
    return frame.astype({"value": "float64", "of": "float64", "year": "Int64", "start": "int64", "end": "int64",
                         "evidence_start": "int64", "evidence_end": "int64", "decimals": "int64"})


def _by_file(manifest_meta: Mapping[str, Mapping] | Iterable[Mapping] | None) -> dict[str, Mapping]:
    if manifest_meta is None:
        return {}
    if isinstance(manifest_meta, Mapping):
        return {str(k): v for k, v in manifest_meta.items()}
    return {str(e["file"]): e for e in manifest_meta}


def document_quotes(claims: list[Claim], manifest_meta, reviews: Mapping[str, Review] | None = None,
                    reviews_file: Path | str = REVIEWED, ordinals: Mapping[str, int] | None = None) -> pd.DataFrame:
    """The claims that reach the tables (through the gate, or a researcher's review, which wins) as quotes
    for `reported_figures` (columns `readers.common.QUOTE_COLUMNS`): source type "document (read by
    machine)" until reviewed, "document (reviewed)" after.

    A value and a rank of the same index, year and province in one sentence make one quote; `row` is the
    number of the quote's first claim in its document (1-based; give `ordinals` when the claims are a
    selection, as `read_folder(keep=…)` returns them). `manifest_meta`: the manifest entries (a list, or
    a mapping file → entry) for source_url and the note. `reviews`: `review.read_reviews`.
    """
    meta = _by_file(manifest_meta)
    number: dict[str, int] = dict(ordinals or {})
    if ordinals is None:
        counts: dict[str, int] = {}
        for c in claims:
            counts[c.document] = counts.get(c.document, 0) + 1
            number[c.claim_id] = counts[c.document]
    groups: dict[tuple, list[tuple[Claim, Review | None]]] = {}
    for claim, review in apply_reviews(claims, dict(reviews or {}), Path(reviews_file)):
        if table_of(claim.indicator, claim.kind) != "reported_figures":
            continue
        key = (claim.document, claim.evidence_start, claim.indicator, claim.year, claim.province_code, review is None)
        groups.setdefault(key, []).append((claim, review))
    rows = []
    for members in groups.values():
        values = [m for m in members if m[0].kind != "rank"]
        ranks = [m for m in members if m[0].kind == "rank"]
        parts = [members] if len(values) <= 1 and len(ranks) <= 1 else [[m] for m in members]
        rows += [_quote(part, number[part[0][0].claim_id], meta) for part in parts]
    frame = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return frame.astype({"value": "float64", "rank": "Int64", "rank_of": "Int64", "year": "int64", "row": "int64"})


def _quote(part: list[tuple[Claim, Review | None]], row: int, meta: Mapping[str, Mapping]) -> dict:
    first, review = part[0]
    value = next((c for c, _ in part if c.kind != "rank"), None)
    rank = next((c for c, _ in part if c.kind == "rank"), None)
    entry = meta.get(first.document, {})
    family, measure = family_measure(first.indicator or "")
    note = "; ".join(str(entry[k]) for k in ("title", "publisher", "date") if entry.get(k))
    reviewed = "; ".join(f"{r.decision} by {r.reviewer}: {r.reason}" for _, r in part if r)
    how = f"reviewed ({reviewed})" if review else "read by machine: " + "; ".join(
        f"{c.kind} — index {c.indicator_reason}, year {c.year_reason}, province {c.province_reason}" for c, _ in part)
    return {
        "family": family, "measure": measure, "year": first.year, "unit_level": "province",
        "province_as_written": first.province_as_written or "", "value": value.value if value else math.nan,
        "rank": int(rank.value) if rank else pd.NA,
        "rank_of": int(rank.of) if rank and rank.of is not None else pd.NA,
        "unit": _QUOTE_UNITS.get(value.unit, value.unit) if value else "",
        "source_type": REVIEWED_TYPE if review else MACHINE,
        "source_id": "documents", "source_url": str(entry.get("url") or ""),
        "evidence": f"{first.evidence} [{first.document}, characters {first.evidence_start}-{first.evidence_end}]",
        "note": f"document: {note}; {how}" if note else f"document; {how}", "file": first.document, "row": row,
    }


def document_self_reports(claims: list[Claim], manifest_meta, reviews: Mapping[str, Review] | None = None,
                          reviews_file: Path | str = REVIEWED) -> pd.DataFrame:
    """The claims that reach `self_reported` (a province's own result measure, through the gate or a
    review) as rows of `readers.self_reported.SELF_COLUMNS` with `source_type`, "document (read by
    machine)" or "document (reviewed)". The extractor reads no period: `period` says so and `full_year`
    is false, so such a row is never compared as a whole year's figure."""
    from ..sources.readers.self_reported import SELF_COLUMNS
    from .gate import SELF_MEASURES

    meta = _by_file(manifest_meta)
    names = {p.code: p.name for p in all_provinces()}
    rows = []
    for claim, review in apply_reviews(claims, dict(reviews or {}), Path(reviews_file)):
        if table_of(claim.indicator, claim.kind) != "self_reported":
            continue
        measure, unit = SELF_MEASURES[(claim.indicator, claim.kind)]
        how = (f"reviewed ({review.decision} by {review.reviewer}: {review.reason})" if review else
               f"read by machine: measure {claim.indicator_reason}, year {claim.year_reason}, "
               f"province {claim.province_reason}")
        rows.append({
            "province_raw": names[claim.province_code], "name_as_written": claim.province_as_written or "",
            "year": claim.year, "measure": measure, "value": claim.value, "bound": "", "limit": math.nan,
            "unit": unit, "level": "total", "base_year": pd.NA, "target_or_result": "result",
            "period": "not read (figure from a document)", "full_year": False, "post_merger": False,
            "central_source": False, "centre_only": False, "year_inferred": claim.year_reason not in (
                "right after the figure", "right before the figure", "in the sentence"),
            "flagged_conflict": False, "note": how,
            "evidence": f"{claim.evidence} [{claim.document}, characters {claim.evidence_start}-{claim.evidence_end}]",
            "source_url": str(meta.get(claim.document, {}).get("url") or ""),
            "file": claim.document, "row": claim.start, "source_type": REVIEWED_TYPE if review else MACHINE,
        })
    frame = pd.DataFrame(rows, columns=[*SELF_COLUMNS, "source_type"])
    return frame.astype({"value": "float64", "limit": "float64", "base_year": "Int64", "year": "int64"})
