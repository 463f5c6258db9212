"""`cchc extract DIR --out FILE.csv`: the quantitative claims of every document in DIR, one row per claim.

DIR holds the documents (UTF-8 .txt/.md or .html) and `manifest.yml` listing each with its title, date,
publisher or URL and licence (see data/raw/documents/README.md). A document that cannot be read is
reported on stderr and skipped; the command fails only when DIR is missing or every document failed.
Columns: document, kind, value, of, unit, indicator, year, province, unit_level, target_or_result,
evidence, start, end (character offsets into the document's clean text).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..paths import Project

HELP = "extract quantitative claims (ranks, scores, counts, …) from report documents into a CSV"
DESCRIPTION = __doc__


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", type=Path, help="folder with the documents and their manifest.yml")
    parser.add_argument("--out", type=Path, required=True, help="CSV file to write (one row per claim)")


def run(args: argparse.Namespace, project: Project) -> int:
    from ..io import csv_bytes, write_text_atomic
    from .documents import CSV_COLUMNS, claims_frame, read_folder

    claims, errors, read = read_folder(args.directory)
    for error in errors:
        print(f"cchc extract: {error}", file=sys.stderr)
    write_text_atomic(args.out, csv_bytes(claims_frame(claims)[CSV_COLUMNS]))
    print(f"{len(claims)} claims from {read} document(s) → {args.out}"
          + (f"; {len(errors)} problem(s), see above" if errors else ""))
    return 1 if errors and not read else 0
