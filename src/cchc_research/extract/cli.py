"""`cchc extract DIR --out FILE.csv`: the quantitative claims of every document in DIR, one row per claim.

DIR holds the documents (UTF-8 .txt/.md or .html, regular files) and `manifest.yml` listing each with
its title, date, publisher or http(s) URL and licence (see data/raw/documents/README.md). Every problem
is reported on stderr; the command fails (exit 1, FILE left as it was) when any document could not be
read, unless --allow-errors is given: then the claims of the others are written and the summary says
how many documents failed. Claims are written document by document, chunk by chunk, so memory holds
one chunk's claims however long the documents are.
Columns: claim_id (the key for reviewed.csv), document, kind, value, of, unit, indicator, year,
province, unit_level, target_or_result, qualifier, bound, held_back (why the claim does not reach the
data tables; empty when it does), the reasons for indicator, year and province, evidence (the sentence,
or a window of it) with its character offsets, and the figure's offsets start, end.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

from ..errors import CchcError
from ..paths import Project

HELP = "extract quantitative claims (ranks, scores, counts, …) from report documents into a CSV"
DESCRIPTION = __doc__
_BATCH = 1_000  # claims turned into CSV rows at once


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", type=Path, help="folder with the documents and their manifest.yml")
    parser.add_argument("--out", type=Path, required=True, help="CSV file to write (one row per claim)")
    parser.add_argument("--allow-errors", action="store_true",
                        help="write the claims of the readable documents even if some documents failed")


class _DocumentErrors(CchcError):
    """Raised inside the writer so that the output file is left as it was."""


def run(args: argparse.Namespace, project: Project) -> int:
    from ..errors import DataError
    from ..io import atomic_writer
    from .documents import CSV_COLUMNS, claims_frame, iter_folder

    errors: list[DataError] = []
    claims = passed = read = 0
    try:
        with atomic_writer(args.out) as out:
            out.write((",".join(CSV_COLUMNS) + "\n").encode("utf-8"))
            for item in iter_folder(args.directory):
                if isinstance(item, DataError):
                    print(f"cchc extract: error: {item}", file=sys.stderr)
                    errors.append(item)
                    continue
                read += 1
                stream = item[1]
                while batch := list(itertools.islice(stream, _BATCH)):
                    claims += len(batch)
                    passed += sum(1 for c in batch if not c.held_back)
                    out.write(claims_frame(batch)[CSV_COLUMNS].to_csv(index=False, header=False,
                                                                       lineterminator="\n").encode("utf-8"))
            if errors and not args.allow_errors:
                raise _DocumentErrors
    except _DocumentErrors:
        print(f"cchc extract: {len(errors)} document problem(s); {args.out} not written (--allow-errors writes "
              f"the claims of the {read} readable document(s))", file=sys.stderr)
        return 1
    print(f"{claims} claims from {read} document(s) → {args.out}; {passed} reach the data tables"
          + (f"; PARTIAL: {len(errors)} document problem(s) skipped (--allow-errors), see above" if errors else ""))
    return 1 if errors and not read else 0
