"""Quoted figures → `reported_figures`: agreeing quotes collapsed, conflicts kept and resolved by
the rules written in config/resolutions.yml.

Quotes are grouped by family, measure, year and area (province code, region, or VN for national).
Within a group, quotes agree when they give at most one distinct value and at most one distinct
rank; they are then collapsed into one row. Otherwise every distinct claim (value, rank) is kept
as its own row with the group's `conflict_id`, and the resolution file decides: `select` marks the
matching claim `conflict-selected` and the others `conflict-rejected`; `unresolved` keeps all as
`conflict-unresolved` with the stated reason. A conflict with no entry stays `conflict-unresolved`
with an empty resolution, which the validation gate rejects.

The collectors' notes become rules (`notes`): each figure says how its rank was given (`rank_basis`),
whether it is known only as a prior-year figure from a later article (`prior_year`); corroboration
rows join the figure they corroborate (agreeing) or a conflict, and `corroboration_flags` lists those
that find nothing to corroborate. Snapshot families (Index 766) are never collapsed or set against each
other: every quote is its own dated figure (`as_of`). `rank_collisions` lists provinces that claim the
same published rank with different values, or a rank order that contradicts their values.
"""

from __future__ import annotations

import math

import pandas as pd

from ..errors import CchcError
from ..extract.documents import MACHINE
from . import notes

SEP = " | "
MACHINE_READ = ("left open: a figure read by machine from a document disagrees; confirm, correct or reject it "
                "in data/raw/documents/reviewed.csv")
# reported_figures statuses that yield the figure used in analyses
USABLE = ("single", "agreed", "conflict-selected")


def _join(values) -> str:
    seen: list[str] = []
    for v in values:
        s = "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v).strip()
        if s and s not in seen:
            seen.append(s)
    return SEP.join(seen)


def _claims(group: pd.DataFrame) -> list[pd.DataFrame]:
    """Split a group of disagreeing quotes into distinct claims, keyed by (value, rank).

    A quote without a rank joins every claim with its value; a quote with only a rank joins every
    claim with that rank (or is a claim of its own); quotes with neither form one last claim.
    """
    claims: dict[tuple, pd.DataFrame] = {}
    for value, part in group[group["value"].notna()].groupby("value", sort=True):
        ranked, unranked = part[part["rank"].notna()], part[part["rank"].isna()]
        distinct = sorted(ranked["rank"].unique())
        if len(distinct) <= 1:
            claims[(value, distinct[0] if distinct else None)] = part
        for rank in distinct if len(distinct) > 1 else []:
            claims[(value, rank)] = pd.concat([ranked[ranked["rank"] == rank], unranked])
    for rank, part in group[group["value"].isna() & group["rank"].notna()].groupby("rank", sort=True):
        keys = [k for k in claims if k[1] == rank]
        for key in keys:
            claims[key] = pd.concat([claims[key], part])
        if not keys:
            claims[(None, rank)] = part
    empty = group[group["value"].isna() & group["rank"].isna()]
    if len(empty):
        claims[(None, None)] = empty
    return list(claims.values())


def _absorb_rounded(group: pd.DataFrame) -> pd.DataFrame:
    """A quote whose note says its value is rounded takes no value of its own when exactly one precise value
    of the group rounds to it (its rank and evidence still count)."""
    rounded = group["note"].fillna("").astype(str).map(notes.is_rounded) & group["value"].notna()
    if not rounded.any():
        return group
    precise = set(group.loc[~rounded, "value"].dropna())
    out = group.copy()
    for index in group.index[rounded]:
        value = float(group.at[index, "value"])
        if len({p for p in precise if round(p, notes.decimals(value)) == value}) == 1:
            out.at[index, "value"] = math.nan
    return out


def _agree(group: pd.DataFrame) -> bool:
    return group["value"].dropna().nunique() <= 1 and group["rank"].dropna().nunique() <= 1


def _rank_basis(claim: pd.DataFrame) -> str:
    """stated if any quote giving the rank states it; else score-order, else listed-order."""
    bases = {notes.rank_basis(str(n)) for n, r in zip(claim["note"], claim["rank"]) if pd.notna(r)}
    return next((b for b in ("stated", "score-order", "listed-order") if b in bases), "")


def _row(claim: pd.DataFrame, figure_id: str) -> dict:
    first = claim.iloc[0]
    value = claim["value"].dropna()
    rank = claim["rank"].dropna()
    rank_of = claim["rank_of"].dropna()
    text = claim["note"].fillna("").astype(str)
    return {
        "figure_id": figure_id, "family": first["family"], "measure": first["measure"], "year": int(first["year"]),
        "unit_level": first["unit_level"], "province_code": first["province_code"], "province": first["province"],
        "province_2025": first["province_2025"], "region": first["region"],
        "value": float(value.iloc[0]) if len(value) else math.nan,
        "rank": int(rank.iloc[0]) if len(rank) else pd.NA,
        "rank_of": int(rank_of.iloc[0]) if len(rank_of) else pd.NA,
        "unit": _join(claim["unit"]), "names_as_written": _join(claim["province_as_written"]),
        "n_sources": len(claim), "source_type": _join(sorted(set(claim["source_type"]))),
        "source_ids": _join(claim["source_id"]), "source_urls": _join(claim["source_url"]),
        "evidence": _join(claim["evidence"]), "note": _join(claim["note"]),
        "rank_basis": _rank_basis(claim), "prior_year": bool(text.map(notes.is_prior_year).all()),
        "as_of": (notes.snapshot_date(str(first["evidence"]), str(first["note"]))
                  if first["family"] in notes.SNAPSHOT_FAMILIES else ""),
        "corroboration_only": bool(text.map(notes.is_corroboration).all()),
    }


def _matches(row: dict, select: dict) -> bool:
    ok = True
    if "value" in select:
        ok &= not math.isnan(row["value"]) and abs(row["value"] - float(select["value"])) < 1e-9
    if "rank" in select:
        ok &= row["rank"] is not pd.NA and int(row["rank"]) == int(select["rank"])
    return ok


def reconcile(quotes: pd.DataFrame, resolutions: list[dict]) -> pd.DataFrame:
    """Collapse and resolve resolved-province quotes (columns of QUOTE_COLUMNS plus the province
    columns) into reported_figures rows (without schema typing)."""
    by_id = {}
    for entry in resolutions:
        if entry["conflict"] in by_id:
            raise CchcError(f"config/resolutions.yml: conflict {entry['conflict']} is listed twice")
        if ("select" in entry) == ("unresolved" in entry) or not entry.get("reason", entry.get("unresolved")):
            raise CchcError(f"config/resolutions.yml: {entry['conflict']}: give either `select` with a "
                            "`reason`, or `unresolved: <why>`")
        by_id[entry["conflict"]] = entry
    rows: list[dict] = []
    used: set[str] = set()
    keys = ["family", "measure", "year", "area"]
    for (family, measure, year, area), group in quotes.groupby(keys, sort=True):
        base = f"{family}-{year}-{area}-{measure}"
        if family in notes.SNAPSHOT_FAMILIES:  # dated snapshots: each quote is a figure of its own
            for i, (_, quote) in enumerate(group.iterrows(), 1):
                rows.append({**_row(quote.to_frame().T, f"{base}-{i}"), "status": "single", "conflict_id": "",
                             "resolution": ""})
            continue
        group = _absorb_rounded(group)
        if _agree(group):
            row = _row(group, f"{base}-1")
            row.update(status="agreed" if len(group) > 1 else "single", conflict_id="", resolution="")
            rows.append(row)
            continue
        entry = by_id.get(base)
        claim_rows = [_row(c, f"{base}-{i}") for i, c in enumerate(_claims(group), 1)]
        if entry and "select" in entry:
            used.add(base)
            chosen = [r for r in claim_rows if _matches(r, entry["select"])]
            if len(chosen) != 1:
                raise CchcError(f"config/resolutions.yml: {base}: select {entry['select']} matches "
                                f"{len(chosen)} of the claims {[(r['value'], r['rank']) for r in claim_rows]}")
            for r in claim_rows:
                r.update(status="conflict-selected" if r is chosen[0] else "conflict-rejected",
                         conflict_id=base, resolution=entry["reason"])
        else:
            if entry:
                used.add(base)
            why = f"left open: {entry['unresolved']}" if entry else (MACHINE_READ if (group["source_type"] ==
                                                                                   MACHINE).any() else "")
            for r in claim_rows:
                r.update(status="conflict-unresolved", conflict_id=base, resolution=why)
        rows.extend(claim_rows)
    stale = sorted(set(by_id) - used)
    if stale:
        raise CchcError(f"config/resolutions.yml: no conflict named {stale} in the reported figures "
                        "(the sources changed or the id is misspelt)")
    return pd.DataFrame(rows)


def corroboration_flags(reported: pd.DataFrame) -> list[dict]:
    """Figures that only corroboration rows give: there was nothing to corroborate (quality flags)."""
    lone = reported[reported["corroboration_only"] & (reported["status"] == "single")]
    return [{"flag": "corroboration-unmatched", "source_id": r.source_ids, "file": r.source_urls,
             "detail": f"{r.figure_id}: the note calls it a corroboration, but no other source gives this figure"}
            for r in lone.itertuples(index=False)]


def rank_collisions(reported: pd.DataFrame) -> list[dict]:
    """Usable provincial figures of one family, year, measure and ranking (rank_of) that contradict each
    other across provinces: the same rank with different values, or a higher value with a worse rank.
    Ties (the same rank, the same or no value) are not collisions. Listed as open quality flags."""
    use = reported[reported["status"].isin(USABLE) & (reported["unit_level"] == "province")
                   & reported["rank"].notna()]
    out = []
    for (family, year, measure), g in use.groupby(["family", "year", "measure"], sort=True):
        g = g.sort_values(["rank", "figure_id"], kind="stable")
        pairs = [(a, b) for i, a in enumerate(g.itertuples(index=False)) for b in list(g.itertuples(index=False))[i + 1:]]
        for a, b in pairs:
            same_rank = a.rank == b.rank and pd.notna(a.value) and pd.notna(b.value) and a.value != b.value
            inverted = a.rank < b.rank and pd.notna(a.value) and pd.notna(b.value) and a.value < b.value
            if same_rank or inverted:
                what = "claim the same rank" if same_rank else "rank and value disagree"
                out.append({"flag": "rank-collision", "source_id": f"{a.source_ids} | {b.source_ids}",
                            "file": "reported_figures",
                            "detail": f"{family} {year} {measure}: {a.province} ({a.value:g}, rank {a.rank}; "
                                      f"{a.figure_id}) and {b.province} ({b.value:g}, rank {b.rank}; {b.figure_id}) "
                                      f"{what}; left open, both kept as published"})
    return out
