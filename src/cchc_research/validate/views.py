"""Derived check views: pandas frames that turn cross-row rules into one row per thing to check.

Each view keeps the columns a reader needs to find the offending value (province, year, measure,
value, source_ref), so the gate can print examples. Standard GX expectations then validate them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pandas as pd

from ..config import Completeness, CoverageRule
from ..paths import Project
from ..provinces import all_provinces, in_force
from ..schema import TABLES
from . import rules
from .load import PANDAS_TYPES

MAX_NAMED = 6  # provinces named per measure in a completeness failure, then "… and N more"


@dataclass(frozen=True)
class Inputs:
    """What the views are built from: the loaded tables and the completeness contract."""

    tables: dict[str, pd.DataFrame]
    contract: Completeness
    coverage_rule: CoverageRule | None = None

    @classmethod
    def load(cls, project: Project, tables: dict[str, pd.DataFrame]) -> "Inputs":
        return cls(tables, Completeness.load(project), CoverageRule.load(project))


@cache
def province_codes_in_force(year: int) -> frozenset[str]:
    """Codes of the provinces in force in `year`; empty outside the registry's years."""
    try:
        return frozenset(p.code for p in in_force(year))
    except Exception:  # the registry raises for years it does not cover; the year check reports those
        return frozenset()


def _primary_values(indicators: pd.DataFrame) -> pd.DataFrame:
    return indicators[indicators["primary"].astype(bool) & indicators["value"].notna()]


def _expected(inputs: Inputs, family: str, year: int, measure: str) -> set[str]:
    """Provinces that must have a value: those in force, less the documented gaps for this measure."""
    return set(province_codes_in_force(year)) - inputs.contract.gap_codes(family, year, measure)


def _missing_text(missing: dict[str, list[str]], expected: dict[str, set[str]], names: dict[str, str]) -> str:
    """"D2, D3, …: all 63 provinces; total: Cà Mau": measures grouped by the provinces they lack."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for measure, codes in missing.items():
        if codes:
            groups.setdefault(tuple(codes), []).append(measure)
    parts = []
    for codes, measures in groups.items():
        if set(codes) == expected[measures[0]]:
            who = f"all {len(codes)} provinces"
        else:
            shown = [names.get(c, c) for c in codes[:MAX_NAMED]]
            who = ", ".join(shown) + (f" and {len(codes) - MAX_NAMED} more" if len(codes) > MAX_NAMED else "")
        parts.append(f"{', '.join(measures)}: {who}")
    return "; ".join(parts)


def completeness(inputs: Inputs) -> pd.DataFrame:
    """One row per complete table of the contract (config/completeness.yml): the province × measure
    values it must hold, how many are missing, which (grouped by measure), the files that carry it, and
    the measures the data hold that year but the contract does not list (so does not protect)."""
    values = _primary_values(inputs.tables["indicators"])
    present = values.groupby(["family", "year", "measure"])["province_code"].agg(set)
    carried = values.groupby(["family", "year"])["measure"].agg(set)
    names = {p.code: p.name for p in all_provinces()}
    rows = []
    for table in inputs.contract.published:
        expected = {m: _expected(inputs, table.family, table.year, m) for m in table.measures}
        missing = {m: sorted(e - present.get((table.family, table.year, m), set())) for m, e in expected.items()}
        n_missing = sum(len(codes) for codes in missing.values())
        rows.append({"family": table.family, "year": table.year, "n_measures": len(table.measures),
                     "n_expected": sum(len(e) for e in expected.values()), "n_missing": n_missing,
                     "missing": _missing_text(missing, expected, names),
                     "files": ", ".join(f"data/raw/{f}" for f in table.files), "complete": n_missing == 0,
                     "unlisted": ", ".join(sorted(carried.get((table.family, table.year), set()) - set(table.measures)))})
    return pd.DataFrame(rows, columns=["family", "year", "n_measures", "n_expected", "n_missing", "missing", "files",
                                       "complete", "unlisted"])


def documented_gap_values(inputs: Inputs) -> pd.DataFrame:
    """One row per documented gap and measure: does the data now hold a value there?"""
    values = _primary_values(inputs.tables["indicators"])
    found = {(r.family, r.year, r.province_code, r.measure): (r.value, r.source_ref)
             for r in values.itertuples(index=False)}
    rows = []
    for gap in inputs.contract.gaps:
        table = inputs.contract.table(gap.family, gap.year)
        published = table.measures if table else sorted(
            values.loc[(values["family"] == gap.family) & (values["year"] == gap.year), "measure"].unique())
        for measure in [m for m in published if gap.covers(m)]:
            value, source_ref = found.get((gap.family, gap.year, gap.province_code, measure), (None, ""))
            rows.append({"family": gap.family, "year": gap.year, "province_code": gap.province_code,
                         "measure": measure, "value": value, "source_ref": source_ref,
                         "has_value": value is not None, "reason": gap.reason})
    return pd.DataFrame(rows, columns=["family", "year", "province_code", "measure", "value", "source_ref",
                                       "has_value", "reason"]).astype({"value": "float64"})


def ranks(inputs: Inputs) -> pd.DataFrame:
    """Every ranked row, with the number of provinces in force and, within complete tables (every
    expected province has a primary value and rank), the rank interval its score allows:
    1 + (provinces scoring higher) .. (provinces scoring at least as high)."""
    ind = inputs.tables["indicators"]
    ranked = ind[ind["rank"].notna()].copy()
    ranked["n_provinces"] = [len(province_codes_in_force(int(y))) for y in ranked["year"]]
    ranked["in_complete_table"] = False
    ranked["rank_low"] = float("nan")
    ranked["rank_high"] = float("nan")
    eligible = ranked[ranked["primary"].astype(bool) & ranked["value"].notna()]
    for (family, year, measure), group in eligible.groupby(["family", "year", "measure"]):
        expected = _expected(inputs, family, int(year), measure)
        if not expected or not expected <= set(group["province_code"]):
            continue
        ranked.loc[group.index, "in_complete_table"] = True
        ranked.loc[group.index, "rank_low"] = group["value"].rank(method="min", ascending=False)
        ranked.loc[group.index, "rank_high"] = group["value"].rank(method="max", ascending=False)
    columns = ["province_code", "province", "year", "family", "measure", "source_id", "value", "rank",
               "n_provinces", "in_complete_table", "rank_low", "rank_high", "source_ref"]
    return ranked[columns].reset_index(drop=True).astype({"rank": "float64"})


def papi_sums(inputs: Inputs) -> pd.DataFrame:
    """PAPI province-years with the published total and every dimension: the sum and its difference."""
    ind = _primary_values(inputs.tables["indicators"])
    papi = ind[(ind["family"] == "PAPI") & ind["measure"].isin([*rules.PAPI_DIMENSIONS_8, "total"])]
    wide = papi.pivot_table(index=["province_code", "year"], columns="measure", values="value", aggfunc="first")
    totals = papi[papi["measure"] == "total"].set_index(["province_code", "year"])
    rows = []
    for (code, year), row in wide.iterrows():
        dims = rules.papi_dimensions(int(year))
        if "total" not in row or pd.isna(row["total"]) or any(d not in row or pd.isna(row[d]) for d in dims):
            continue
        total = totals.loc[(code, year)]
        dim_sum = float(sum(row[d] for d in dims))
        rows.append({"province_code": code, "province": total["province"], "year": int(year), "measure": "total",
                     "value": float(row["total"]), "dimension_sum": round(dim_sum, 9),
                     "difference": round(abs(dim_sum - float(row["total"])), 9),
                     "dimensions": "+".join(dims), "source_ref": total["source_ref"]})
    return pd.DataFrame(rows, columns=["province_code", "province", "year", "measure", "value", "dimension_sum",
                                       "difference", "dimensions", "source_ref"])


def conflicts(inputs: Inputs) -> pd.DataFrame:
    """One row per conflict: how its claims were settled (one selected, or all explicitly left open)."""
    fig = inputs.tables["reported_figures"]
    fig = fig[fig["conflict_id"].notna()]
    rows = []
    for conflict_id, group in fig.groupby("conflict_id", sort=True):
        status = group["status"].value_counts()
        n, selected = len(group), int(status.get("conflict-selected", 0))
        if selected == 1 and selected + int(status.get("conflict-rejected", 0)) == n:
            state = "one selected"
        elif int(status.get("conflict-unresolved", 0)) == n:
            state = "left open"
        else:
            state = "inconsistent: " + ", ".join(f"{k} ×{v}" for k, v in sorted(status.items()))
        first = group.iloc[0]
        rows.append({"conflict_id": conflict_id, "family": first["family"], "year": int(first["year"]),
                     "province": first["province"], "measure": first["measure"], "n_claims": n,
                     "values": " | ".join(str(v) for v in group["value"].tolist()),
                     "figure_ids": " | ".join(group["figure_id"]), "state": state})
    return pd.DataFrame(rows, columns=["conflict_id", "family", "year", "province", "measure", "n_claims",
                                       "values", "figure_ids", "state"])


def self_reported_figures(inputs: Inputs) -> pd.DataFrame:
    """One row per self-reported figure: is it either an exact value, or a bound with its limit (never both)?"""
    fig = inputs.tables["self_reported"]
    exact = fig["value"].notna() & fig["bound"].isna() & fig["limit"].isna()
    bound = fig["value"].isna() & fig["bound"].notna() & fig["limit"].notna()
    return fig[["figure_id", "province", "year", "measure", "value", "bound", "limit", "source_ref"]].assign(
        value_or_bound=exact | bound)


def self_reported_part_year(inputs: Inputs) -> pd.DataFrame:
    """Per province, year, measure, level, unit and target/result of a flow measure with both a full-year
    and a part-year exact figure: the full year's value, the largest part's, and whether a flag (conflict,
    year read from context, centre only, central source) explains a full year below a part of it."""
    fig = inputs.tables["self_reported"]
    fig = fig[fig["measure"].isin(rules.SELF_REPORTED_FLOWS) & fig["value"].notna()]
    key = ["province_code", "province", "year", "measure", "level", "unit", "target_or_result"]
    flagged = ((fig["status"] == "conflict") | fig["year_inferred"].astype(bool) | fig["centre_only"].astype(bool)
               | fig["central_source"].astype(bool))
    rows = []
    for values, group in fig.assign(_flagged=flagged).groupby(key, sort=True):
        full, part = group[group["full_year"].astype(bool)], group[~group["full_year"].astype(bool)]
        if len(full) and len(part):
            rows.append({**dict(zip(key, values)), "full_year_value": float(full["value"].min()),
                         "largest_part_value": float(part["value"].max()), "flagged": bool(group["_flagged"].any()),
                         "figure_ids": " | ".join(group["figure_id"])})
    out = pd.DataFrame(rows, columns=[*key, "full_year_value", "largest_part_value", "flagged", "figure_ids"])
    return out.assign(consistent=(out["full_year_value"] >= out["largest_part_value"]) | out["flagged"])


def rank_marks(inputs: Inputs) -> pd.DataFrame:
    """Every indicator row with a rank or a rank_basis, beside the basis its reported figure has."""
    ind = inputs.tables["indicators"]
    rows = ind[ind["rank"].notna() | ind["rank_basis"].notna()].copy()
    figures = inputs.tables.get("reported_figures")
    basis = {} if figures is None else dict(zip(figures["figure_id"], figures["rank_basis"]))
    figure_id = rows["source_ref"].str.split(":", n=1).str[0]
    reported = rows["source_id"] == "reported"
    rows["has_rank"] = rows["rank"].notna()
    rows["has_basis"] = rows["rank_basis"].notna()
    rows["figure_rank_basis"] = [basis.get(f) if r else b for f, r, b in zip(figure_id, reported, rows["rank_basis"])]
    columns = ["province", "year", "family", "measure", "rank", "rank_basis", "figure_rank_basis", "has_rank",
               "has_basis", "source_ref"]
    return rows[columns].astype({"rank": "float64", "figure_rank_basis": "string"}).reset_index(drop=True)


def coverage_rule(inputs: Inputs) -> pd.DataFrame:
    """Each coverage row with `complete` and `ranking_complete` as written and as config/coverage.yml gives them."""
    cov = inputs.tables["coverage"]
    rule = inputs.coverage_rule
    out = cov[["family", "year", "measure", "n_provinces", "n_ranked", "n_expected"]].copy()
    out["complete_as_written"] = [f"{a}/{b}" for a, b in zip(cov["complete"], cov["ranking_complete"])]
    out["complete_by_rule"] = [f"{rule.complete(v, e)}/{rule.complete(r, e, basis='rank')}"
                               for v, r, e in zip(cov["n_provinces"], cov["n_ranked"], cov["n_expected"])]
    return out


LABELS = {"indicators": ["family", "year", "programme", "province_code", "province", "province_2025", "region"],
          "reported_figures": ["family", "year", "province_code", "province", "province_2025", "region"]}


def _labels(inputs: Inputs, table: str) -> pd.DataFrame:
    """Each distinct labelling (family, year, province, ...) of `table` with its row count, the first row's
    reference, and what the registry and calendar say it should be, side by side (the checks then
    compare columns on a few thousand rows instead of looking up every row)."""
    frame = inputs.tables[table]
    ref = "source_ref" if table == "indicators" else "figure_id"
    out = (frame.groupby(LABELS[table], dropna=False, sort=True)
           .agg(n_rows=(ref, "size"), first_row=(ref, "first")).reset_index())
    registry = {p.code: p for p in all_provinces()}
    known = [registry.get(code) if isinstance(code, str) else None for code in out["province_code"]]
    for column, attribute in (("province", "name"), ("province_2025", "province_2025"), ("region", "region")):
        out[f"registry_{column}"] = pd.array([getattr(p, attribute) if p else None for p in known], dtype="string")
    out["in_force_from"] = pd.array([p.valid_from.year if p else None for p in known], dtype="Int64")
    out["in_force_to"] = pd.array([p.valid_to.year if p else None for p in known], dtype="Int64")
    years = [rules.FAMILY_YEARS.get(f, (None, None)) for f in out["family"]]
    out["family_first_year"] = pd.array([y[0] for y in years], dtype="Int64")
    out["family_last_year"] = pd.array([y[1] for y in years], dtype="Int64")
    if "programme" in out:
        out["expected_programme"] = pd.array([rules.programme(int(y)) for y in out["year"]], dtype="string")
    return out


def column_types(inputs: Inputs) -> pd.DataFrame:
    """One row per column of every loaded table: the schema's type and the type the values parse as."""
    rows = [{"table": table, "column": col.name, "expected": PANDAS_TYPES[col.dtype],
             "observed": str(frame[col.name].dtype) if col.name in frame.columns else "(missing)"}
            for table, frame in inputs.tables.items() for col in TABLES[table].columns]
    return pd.DataFrame(rows, columns=["table", "column", "expected", "observed"])


# view name -> (table it is derived from, or None for every loaded table; builder)
VIEWS: dict[str, tuple[str | None, Callable[[Inputs], pd.DataFrame]]] = {
    "column_types": (None, column_types),
    "indicators.labels": ("indicators", lambda inputs: _labels(inputs, "indicators")),
    "reported_figures.labels": ("reported_figures", lambda inputs: _labels(inputs, "reported_figures")),
    "indicators.completeness": ("indicators", completeness),
    "indicators.documented_gaps": ("indicators", documented_gap_values),
    "indicators.ranks": ("indicators", ranks),
    "indicators.papi_sums": ("indicators", papi_sums),
    "indicators.rank_marks": ("indicators", rank_marks),
    "coverage.rule": ("coverage", coverage_rule),
    "reported_figures.conflicts": ("reported_figures", conflicts),
    "self_reported.figures": ("self_reported", self_reported_figures),
    "self_reported.part_year": ("self_reported", self_reported_part_year),
}
