"""A province from 2025-07-01 seen through its members (the provinces in force on 2025-06-30 that formed
it; Hà Tây, merged in 2008, is none): their trajectories, national ranks and percentiles, the spread
between them, their quoted figures, and the figures published for the new province itself.

No aggregate is invented: the only combined figure, `members_mean`, is labelled a construction and
carries its method. Figures an index publishes for the 34 provinces (quoted figures with unit_level
`province_2025`, such as DTI 2024's ranking of the 34 units) are the new province's own and come first
(`official_figures`). Statistics over provinces use complete years only (`complete_years`).
"""

from __future__ import annotations

import pandas as pd

from ..clean.notes import SNAPSHOT_FAMILIES
from ..clean.reconcile import USABLE
from ..provinces import Province2025, resolve_2025
from ..schema import FAMILIES
from .data import PERIODS, complete_years, period_of, series
from .ranks import rank_table

N_2025 = 34  # units ranked in an edition organised by the provinces from 2025-07-01
QUOTED_FAMILIES = ("PAR_INDEX", "SIPAS")  # families known to the members only through quoted figures


def unit(province_2025: str) -> Province2025:
    """The province from 2025-07-01 of a notebook parameter (any known spelling)."""
    return resolve_2025(province_2025, column="province_2025 parameter")


def member_names(new: Province2025) -> list[str]:
    return [p.name for p in new.members]


def families(ind: pd.DataFrame) -> list[str]:
    """The families in the data: schema order first, then any other (e.g. DTI) alphabetically."""
    present = set(ind["family"])
    return [f for f in FAMILIES if f in present] + sorted(present - set(FAMILIES))


def member_rows(ind: pd.DataFrame, new: Province2025, family: str, measure: str = "total") -> pd.DataFrame:
    """The members' primary values of a measure, by member (in `new.members` order) and year."""
    rows = series(ind, family, measure)
    rows = rows[rows["province_code"].isin([p.code for p in new.members])]
    order = {p.code: i for i, p in enumerate(new.members)}
    return rows.sort_values(["province_code", "year"], key=lambda s: s.map(order) if s.name == "province_code"
                            else s, kind="stable").reset_index(drop=True)


def member_ranks(ind: pd.DataFrame, coverage: pd.DataFrame, new: Province2025, family: str,
                 measure: str = "total") -> pd.DataFrame:
    """Each member's national rank, n and percentile (100 = best) in every complete year, with its period."""
    years = complete_years(coverage, family, measure)
    if not years:
        return pd.DataFrame(columns=["province", "year", "value", "rank_national", "n_national", "percentile",
                                     "period"])
    ranks = rank_table(ind, family, measure, years)
    ranks = ranks[ranks["province_code"].isin([p.code for p in new.members])]
    return ranks.assign(period=ranks["year"].map(period_of)).reset_index(drop=True)


def period_standing(ranks: pd.DataFrame, new: Province2025) -> pd.DataFrame:
    """Per member and programme period: mean national percentile, the complete years it rests on, and the
    latest rank in that period as "rank/n (year)"."""
    out = []
    for name in member_names(new):
        for period in PERIODS:
            own = ranks[(ranks["province"] == name) & (ranks["period"] == period)].sort_values("year")
            if own.empty:
                continue
            last = own.iloc[-1]
            out.append({"province": name, "period": period, "mean_percentile": own["percentile"].mean(),
                        "n_years": len(own), "years": own["year"].tolist(), "last_year": int(last["year"]),
                        "last_rank": int(last["rank_national"]), "last_n": int(last["n_national"])})
    return pd.DataFrame(out, columns=["province", "period", "mean_percentile", "n_years", "years", "last_year",
                                      "last_rank", "last_n"])


def spread(ranks: pd.DataFrame) -> pd.DataFrame:
    """Per complete year with at least two members ranked: the gap between the best and the worst member
    in percentile points and in national ranks, who leads and who trails, and n (members ranked)."""
    out = []
    for year, part in ranks.groupby("year", sort=True):
        if len(part) < 2:
            continue
        best, worst = part.loc[part["percentile"].idxmax()], part.loc[part["percentile"].idxmin()]
        out.append({"year": int(year), "period": period_of(int(year)), "n": len(part),
                    "gap_percentile": best["percentile"] - worst["percentile"],
                    "gap_ranks": int(worst["rank_national"] - best["rank_national"]),
                    "n_national": int(part["n_national"].max()), "leader": best["province"],
                    "trailer": worst["province"]})
    return pd.DataFrame(out, columns=["year", "period", "n", "gap_percentile", "gap_ranks", "n_national", "leader",
                                      "trailer"])


def spread_change(gaps: pd.DataFrame) -> dict | None:
    """The gap in the first and the latest year, and its mean per programme period (None without two years)."""
    if len(gaps) < 2:
        return None
    first, last = gaps.iloc[0], gaps.iloc[-1]
    means = gaps.groupby("period")["gap_percentile"].agg(["mean", "size"])
    return {"first_year": int(first["year"]), "first_gap": float(first["gap_percentile"]),
            "last_year": int(last["year"]), "last_gap": float(last["gap_percentile"]),
            "by_period": {p: (float(r["mean"]), int(r["size"])) for p, r in means.iterrows()}}


def members_mean(ind: pd.DataFrame, new: Province2025, family: str, measure: str = "total") -> pd.DataFrame:
    """A CONSTRUCTION, not an official figure: the unweighted mean of the members' published values in each
    year in which every member has one (so all share the year's methodology); empty for a single member."""
    rows = member_rows(ind, new, family, measure)
    k = len(new.members)
    if k < 2 or rows.empty:
        return pd.DataFrame(columns=["year", "mean", "min", "max", "n_members", "methodology"])
    grouped = rows.groupby("year")
    out = grouped["value"].agg(["mean", "min", "max", "size"]).rename(columns={"size": "n_members"})
    out["methodology"] = grouped["methodology"].first()
    return out[out["n_members"] == k].reset_index()


def quoted_figures(reported: pd.DataFrame, new: Province2025, families_: tuple[str, ...] = QUOTED_FAMILIES
                   ) -> pd.DataFrame:
    """The members' own quoted figures (usable claims with a value or a rank) of the given families, newest
    first; the figures of 34-unit editions are not theirs (`official_figures`)."""
    rows = reported[(reported["unit_level"] == "province") & reported["province_code"].isin([p.code for p in new.members])
                    & reported["family"].isin(families_) & reported["status"].isin(USABLE)
                    & (reported["value"].notna() | reported["rank"].notna())
                    & (reported["rank_of"] != N_2025).fillna(True)]
    return rows.sort_values(["family", "year", "province"], ascending=[True, False, True]).reset_index(drop=True)


def official_figures(reported: pd.DataFrame, new: Province2025) -> pd.DataFrame:
    """Figures published for the new province itself: usable quoted figures about one of the 34 provinces
    (cleaning records every figure of an edition that ranks the 34, such as DTI 2024's, with unit_level
    `province_2025` and no old province), matched through the 2025 province; newest first. Dated
    snapshots (Index 766) are not annual results and are left out."""
    rows = reported[(reported["unit_level"] == "province_2025") & (reported["province_2025"] == new.name)
                    & reported["status"].isin(USABLE) & reported["as_of"].isna()
                    & ~reported["family"].isin(SNAPSHOT_FAMILIES)]
    return rows.sort_values(["year", "family", "measure"], ascending=[False, True, True]).reset_index(drop=True)
