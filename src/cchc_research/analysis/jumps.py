"""Year-on-year jumps worth a second look: a change far from the other provinces' changes that step, or
a large one that coincides with a change of the province's source (rule: config/coverage.yml `jumps`)."""

from __future__ import annotations

import pandas as pd

from .data import series

JUMP_COLUMNS = ["family", "measure", "province_code", "province", "year_a", "year_b", "value_a", "value_b", "change",
                "z", "n_step", "source_a", "source_b", "source_change", "flagged", "reason"]


def year_changes(ind: pd.DataFrame, family: str, measure: str, rule: dict) -> pd.DataFrame:
    """Every province's change between consecutive years with values of one methodology era (levels are not
    comparable across eras), standardised within the step (z = (change − mean) / sd of that step's
    changes), for steps with at least rule["min_provinces"] provinces. `flagged` when |z| > rule["sd"],
    or |z| > rule["sd_source_change"] and the province's source differs between the two years."""
    rows = series(ind, family, measure)
    years = sorted(rows["year"].unique())
    era = rows.groupby("year")["methodology"].first()
    wide = rows.pivot(index="province_code", columns="year", values="value")
    source = rows.pivot(index="province_code", columns="year", values="source_id")
    names = rows.drop_duplicates("province_code").set_index("province_code")["province"]
    out = []
    for a, b in zip(years, years[1:]):
        if era[a] != era[b]:
            continue
        change = (wide[b] - wide[a]).dropna()
        if len(change) < rule["min_provinces"]:
            continue
        z = (change - change.mean()) / change.std(ddof=1)
        codes = change.index
        switched = (source.loc[codes, a] != source.loc[codes, b]).to_numpy()
        big = (z.abs() > rule["sd"]).to_numpy()
        flagged = big | (switched & (z.abs() > rule["sd_source_change"]).to_numpy())
        out.append(pd.DataFrame({
            "family": family, "measure": measure, "province_code": codes, "province": names.loc[codes].to_numpy(),
            "year_a": int(a), "year_b": int(b), "value_a": wide.loc[codes, a].to_numpy(),
            "value_b": wide.loc[codes, b].to_numpy(), "change": change.to_numpy(), "z": z.to_numpy(),
            "n_step": len(change), "source_a": source.loc[codes, a].to_numpy(), "source_b": source.loc[codes, b].to_numpy(),
            "source_change": switched, "flagged": flagged,
            "reason": ["sd" if g else "source_change" if f else "" for g, f in zip(big, flagged)]}))
    if out:
        return pd.concat(out, ignore_index=True)[JUMP_COLUMNS]
    return pd.DataFrame(out, columns=JUMP_COLUMNS)


def jumps(ind: pd.DataFrame, family: str, measure: str, rule: dict) -> pd.DataFrame:
    """The flagged changes of `year_changes`, largest |z| first."""
    changes = year_changes(ind, family, measure, rule)
    flagged = changes[changes["flagged"].astype(bool)]
    return flagged.reindex(flagged["z"].abs().sort_values(ascending=False, kind="stable").index).reset_index(drop=True)
