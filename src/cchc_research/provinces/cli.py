"""`cchc provinces`: look names up in the province registry, or list it."""

from __future__ import annotations

import argparse
import sys

from .. import provinces
from ..errors import CchcError, DataError
from ..paths import Project

HELP = "resolve province names; list the 63 (+ Hà Tây) or the 34 provinces of 2025"
DESCRIPTION = """\
Resolve each NAME exactly as the pipeline does (any spelling in province_aliases.csv, with or without
diacritics, "tỉnh"/"TP."/"province" and the like ignored) and print the province, its GSO code, kind,
region, English name and the province it belongs to from 2025-07-01 with that province's members.
Unknown or ambiguous names are reported with the closest candidates and make the command exit 1.

  cchc provinces "TP.HCM" "Đăk Lăk" 广宁省
  cchc provinces --list        # the registry: 63 provinces of 2008-2025 and Hà Tây
  cchc provinces --new         # the 34 provinces from 2025-07-01 and their members
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="*", metavar="NAME", help="province name as written in a source")
    show = parser.add_mutually_exclusive_group()
    show.add_argument("--list", action="store_true", help="print the whole registry")
    show.add_argument("--new", action="store_true", help="print the 34 provinces from 2025-07-01 with their members")


def _describe(name: str, p: provinces.Province, new: dict[str, dict[str, str]]) -> str:
    successor = new[p.province_2025]
    ended = "" if p.valid_to >= provinces.IN_FORCE_ON_MERGER else f" (then merged; its land is in {p.province_2025})"
    return "\n".join([
        f"{name} → {p.name} [{p.code}]",
        f"  kind:     {p.kind}",
        f"  region:   {p.region} ({p.region_en})",
        f"  English:  {p.en}",
        f"  in force: {p.valid_from} to {p.valid_to}{ended}",
        f"  from 2025-07-01: {p.province_2025} [{successor['province_2025_code']}], "
        f"formed from: {successor['members']}",
    ])


def run(args: argparse.Namespace, project: Project) -> int:
    if args.list:
        for p in provinces.all_provinces():
            print(f"{p.code}  {p.name:<24} {p.kind:<32} {p.region:<38} {p.en:<20} → {p.province_2025}")
        return 0
    new_table = provinces.provinces_2025()
    if args.new:
        for row in new_table.itertuples():
            print(f"{row.province_2025_code}  {row.province_2025:<24} {row.kind:<32} ← {row.members}")
        return 0
    if not args.names:
        raise CchcError("give at least one NAME, or --list / --new")
    new = {row["province_2025"]: row for row in new_table.to_dict("records")}
    failed = 0
    for name in args.names:
        try:
            print(_describe(name, provinces.resolve(name), new))
        except DataError as exc:
            print(f"cchc provinces: error: {exc}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0
