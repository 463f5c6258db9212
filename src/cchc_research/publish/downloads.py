"""The site's data folder, `reports/data/`: the analysis tables behind the reports' statements, computed by
the analysis package from data/processed and written with the site (atomically, byte for byte the same
for the same inputs).

Each entry of `ANALYSIS_TABLES` is a file name and a function of the processed tables that returns it.
To publish another table, add an entry (and describe its columns in its docstring).

Incremental like the reports: when the processed data, the package and config/ are those the published
files were computed from (recorded in .build/downloads.json with the files' checksums), the published
files are carried into the new site instead of being computed again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from .. import analysis as A
from ..io import csv_bytes, sha256, tree_hash, write_text_atomic
from ..paths import Project
from ..schema import read_table

FOLDER = "data"


@dataclass(frozen=True, eq=False)
class Processed:
    """What the analysis tables are computed from: the processed tables and the methodology config."""

    indicators: pd.DataFrame
    coverage: pd.DataFrame
    methodologies: dict

    @classmethod
    def load(cls, project: Project) -> "Processed":
        return cls(read_table(project.processed, "indicators"), read_table(project.processed, "coverage"),
                   A.load_methodologies(project))

    @cached_property
    def _by_measure(self) -> dict[tuple[str, str], pd.DataFrame]:
        return {key: rows for key, rows in A.primary(self.indicators).groupby(["family", "measure"], sort=False)}

    def rows(self, family: str, measure: str) -> pd.DataFrame:
        """The primary indicator rows of one measure (the analysis functions select the same; a small
        frame makes them fast)."""
        return self._by_measure.get((family, measure), self.indicators.iloc[0:0])

    def measures(self, headline_only: bool = False) -> list[tuple[str, str]]:
        """(family, measure) pairs in the coverage table; only the headline `total`s with `headline_only`."""
        pairs = self.coverage[["family", "measure"]].drop_duplicates().sort_values(["family", "measure"])
        return [(f, m) for f, m in pairs.itertuples(index=False) if not headline_only or m == "total"]

    def digits(self, family: str) -> int:
        return A.family_digits(self.methodologies, family)


def national_distribution(p: Processed) -> pd.DataFrame:
    """family, measure, year, n_provinces (with a value), n_expected (in force), median, q1, q3, min, max,
    methodology: one row per complete year of every measure (config/coverage.yml); partial years never."""
    frames = [A.national_distribution(p.rows(f, m), p.coverage, f, m) for f, m in p.measures()]
    return pd.concat([f for f in frames if len(f)], ignore_index=True)


def period_comparison(p: Processed) -> pd.DataFrame:
    """The headline measure of every family, as the reports compare it: family, measure, basis (level |
    percentile | rank), province_code, province, period, window (the
    years the comparison uses in that period, "2018–2020"), years (the province's own years in it),
    n_years, n_window_years, value (mean level, mean percentile or median published rank), methodology,
    matched (the province has every window year of both periods: it counts in nationwide statements)."""
    frames = []
    for family, measure in p.measures(headline_only=True):
        for comparison in A.programme_comparisons(p.rows(family, measure), p.coverage, family, measure,
                                                     p.digits(family)):
            frames.append(comparison.long())
    out = pd.concat([f for f in frames if len(f)], ignore_index=True)
    return out.sort_values(["family", "measure", "basis", "province_code", "period"], kind="stable")


def rankings(p: Processed) -> pd.DataFrame:
    """One row per province and year with a rank of the headline measure of every family, as the reports
    rank it (analysis.RANKING_COLUMNS): computed from values
    in complete years (ties at the shown precision share a rank, rank_label "31="), published otherwise,
    each with n_ranked (the denominator), ranking (complete | partial), rank_basis, percentile, PAPI's
    quartile group and the rank range its 95% interval allows."""
    frames = [A.rankings(p.rows(f, m), p.coverage, f, m, p.digits(f),
                         quartiles=bool(p.methodologies["families"][f].get("quartile_groups")))
              for f, m in p.measures(headline_only=True)]
    return pd.concat([f for f in frames if len(f)], ignore_index=True)


ANALYSIS_TABLES: dict[str, Callable[[Processed], pd.DataFrame]] = {
    "national_distribution.csv": national_distribution,
    "period_comparison.csv": period_comparison,
    "rankings.csv": rankings,
}


def write(project: Project, site: Path) -> list[Path]:
    """Write every table of ANALYSIS_TABLES into `site`/data/ (the staging copy of reports/)."""
    processed = Processed.load(project)
    folder = site / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, build in ANALYSIS_TABLES.items():
        (folder / name).write_bytes(csv_bytes(build(processed)))
        written.append(folder / name)
    return written


def publish(project: Project, site: Path, inputs: str) -> bool:
    """Put the analysis tables into `site`/data/: carried over from reports/data/ when `inputs` (the data and
    package hashes) and config/ are unchanged and the published files are those recorded, else computed.
    Returns True when they were computed."""
    from .site import carry_over
    from .state import build_dir

    key = f"{inputs}:{tree_hash(project.config, '*.yml')}"
    stamp_path = build_dir(project) / "downloads.json"
    try:
        stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        stamp = {}
    old = project.reports / FOLDER
    files = stamp.get("files", {})
    if stamp.get("inputs") == key and set(files) == set(ANALYSIS_TABLES) and all(
            (old / name).is_file() and sha256(old / name) == digest for name, digest in files.items()):
        carry_over(project.reports, site, [f"{FOLDER}/{name}" for name in ANALYSIS_TABLES])
        return False
    written = write(project, site)
    write_text_atomic(stamp_path, json.dumps({"inputs": key, "files": {p.name: sha256(p) for p in written}},
                                             indent=1, sort_keys=True) + "\n")
    return True
