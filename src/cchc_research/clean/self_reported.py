"""The provinces' own reports → the `self_reported` table (a family of its own: not an index).

Rows of the self-reported extract and rows that documents add (figures of the same measures that
pass the extractor's gate or a review) are kept one per source, never merged and never turned from a
bound into a value. They are reconciled by the rule reported_figures follows: a document's figure and
the others of the same province, year, measure, level, period, unit and target/result agree (`agreed`)
or conflict (`conflict`, kept side by side, `conflict_id` naming the group); a conflict the extract
itself flags in its note is a conflict too. Measures and units must be those of config/self_reported.yml.
"""

from __future__ import annotations

import pandas as pd

from ..config import Methodologies, load_yaml
from ..errors import DataError
from ..paths import Project

EXTRACT = "self-reported extract"
KEY = ["province_code", "year", "measure", "level", "period", "unit", "target_or_result"]


def measures(project: Project) -> dict[str, dict]:
    """config/self_reported.yml measures: labels, units, kind, caveats."""
    return load_yaml(project, "self_reported.yml")["measures"]


def _check_measures(rows: pd.DataFrame, known: dict[str, dict]) -> None:
    for measure, unit, file, row in rows[["measure", "unit", "file", "row"]].itertuples(index=False):
        if measure not in known:
            raise DataError(f"unknown measure; config/self_reported.yml knows {sorted(known)}", file=file, row=row,
                            column="measure", value=measure)
        if unit not in known[measure]["units"]:
            raise DataError(f"unit not one of {known[measure]['units']} for {measure} (config/self_reported.yml)",
                            file=file, row=row, column="unit", value=unit)


def _status(rows: pd.DataFrame) -> pd.DataFrame:
    """`status` single / agreed / conflict and `conflict_id` per row (rule in the module docstring). Rows of
    the extract that share a key are figures of different definitions (its note says which); the extract
    flags its own conflicts, so only a document's figure is compared with the others of its key."""
    figure = rows["value"].astype("string").fillna("") + rows["bound"] + rows["limit"].astype("string").fillna("")
    key = rows[KEY].astype("string").agg("|".join, axis=1)
    compared = key.map(key.value_counts()).gt(1) & key.map((rows["source_type"] != EXTRACT).groupby(key).any())
    distinct = key.map(figure.groupby(key).nunique())
    status = pd.Series("single", index=rows.index)
    status[compared & (distinct == 1)] = "agreed"
    conflict = compared & (distinct > 1) | rows["flagged_conflict"]
    status[conflict] = "conflict"
    conflict_id = rows["province_code"] + "-" + rows["year"].astype(str) + "-" + rows["measure"] + "-" + rows["level"]
    return rows.assign(status=status, conflict_id=conflict_id.where(conflict, ""))


def _figure_ids(rows: pd.DataFrame) -> pd.Series:
    """province code-year-measure-level-n, n counting the rows of that key in a fixed order."""
    base = rows["province_code"] + "-" + rows["year"].astype(str) + "-" + rows["measure"] + "-" + rows["level"]
    order = rows.assign(_base=base).sort_values(
        ["_base", "target_or_result", "period", "source_type", "value", "limit", "source_url", "row"], kind="stable")
    n = order.groupby("_base").cumcount() + 1
    return (base + "-" + n.reindex(rows.index).astype(str))


def self_reported_table(extract: pd.DataFrame, documents: pd.DataFrame, meth: Methodologies,
                        known: dict[str, dict]) -> pd.DataFrame:
    """The extract's rows (provinces resolved) and the documents' rows as the `self_reported` table
    (schema columns, not yet typed)."""
    rows = pd.concat([extract.assign(source_type=EXTRACT), documents], ignore_index=True)
    if rows.empty:
        return rows
    _check_measures(rows, known)
    rows["programme"] = [meth.programme(int(y)) for y in rows["year"]]
    rows["source_ref"] = [f"{f}, row {r}" if t == EXTRACT else f"{f}@{r}"
                          for f, r, t in zip(rows["file"], rows["row"], rows["source_type"])]
    rows = _status(rows)
    rows["figure_id"] = _figure_ids(rows)
    return rows.drop(columns=["province_raw", "file", "row", "flagged_conflict"])
