"""Ranks as the data allow: computed from values only in complete years, published ranks otherwise, each
with its denominator; ties at the displayed precision share a rank ("31="); PAPI's quartile groups;
rank ranges from published confidence intervals; rank correlations."""

from __future__ import annotations

import itertools

import pandas as pd

from .data import PERIODS, complete_years, period_of, series

RANKING_COLUMNS = ["family", "measure", "year", "province_code", "province", "region", "value", "rank", "rank_label",
                   "tied", "n_ranked", "n_known", "ranking", "rank_kind", "rank_basis", "percentile",
                   "quartile_group", "rank_best", "rank_worst", "methodology", "source_id", "source_ref"]


def displayed(values: pd.Series, digits: int) -> pd.Series:
    """Values as shown with `digits` decimals (the precision at which two values are a tie)."""
    return values.map(lambda v: float(f"{v:.{digits}f}") if pd.notna(v) else v)


def _rank_within(rows: pd.DataFrame, by: list[str], digits: int) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Rank (1 = highest shown value; equal shown values share the best rank), group size, tie flag."""
    key = rows.assign(_shown=displayed(rows["value"], digits))
    grouped = key.groupby(by)["_shown"]
    rank = grouped.rank(ascending=False, method="min").astype("Int64")
    tied = key.assign(_rank=rank).duplicated(by + ["_rank"], keep=False)
    return rank, grouped.transform("size"), tied


def rank_label(rank, tied: bool) -> str:
    """"31=" for a shared rank, "31" otherwise, "" without a rank."""
    return "" if pd.isna(rank) else f"{int(rank)}{'=' if tied else ''}"


def percentile(rank: pd.Series, n: pd.Series) -> pd.Series:
    """100 for the first, 0 for the last of n (NaN when n < 2)."""
    n = n.astype("float64")
    return (100 * (n - rank.astype("float64")) / (n - 1)).where(n > 1)


def rank_table(ind: pd.DataFrame, family: str, measure: str, years=None, digits: int = 2) -> pd.DataFrame:
    """Per province and year with a value: ranks computed from the values shown with `digits` decimals
    among all provinces with a value that year (n_national), within the region (n_region) and within the
    province from 2025-07-01 (n_2025); ties share the best rank; percentile 100 = best, 0 = worst.

    Pass complete years (`complete_years`): in a partial year the ranks would be only among the
    provinces some source happened to quote.
    """
    rows = series(ind, family, measure, years)
    out = rows[["province_code", "province", "region", "province_2025", "year", "value", "methodology",
                "source_id", "source_ref"]].copy()
    out["rank_published"] = rows["rank"]
    out["rank_national"], out["n_national"], out["tied_national"] = _rank_within(rows, ["year"], digits)
    out["rank_region"], out["n_region"], out["tied_region"] = _rank_within(rows, ["year", "region"], digits)
    out["rank_2025"], out["n_2025"], out["tied_2025"] = _rank_within(rows, ["year", "province_2025"], digits)
    out["percentile"] = percentile(out["rank_national"], out["n_national"])
    return out


def quartile_groups(values: pd.Series) -> pd.Series:
    """PAPI's four groups of a year by the quartiles of its scores: 1 best (top quarter) … 4 poor."""
    q1, q2, q3 = values.quantile([0.25, 0.5, 0.75])
    return values.map(lambda v: 1 if v >= q3 else 2 if v >= q2 else 3 if v >= q1 else 4).astype("Int64")


def ci_rank_range(rows: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Best and worst rank a province's published 95% interval allows among the provinces with one:
    1 + provinces whose interval lies wholly above, n − provinces whose interval lies wholly below."""
    low, high = rows["ci_low"].to_numpy(float), rows["ci_high"].to_numpy(float)
    best = [1 + int((low > h).sum()) for h in high]
    worst = [len(rows) - int((high < lo).sum()) for lo in low]
    return pd.Series(best, index=rows.index, dtype="Int64"), pd.Series(worst, index=rows.index, dtype="Int64")


def rankings(ind: pd.DataFrame, coverage: pd.DataFrame, family: str, measure: str, digits: int = 2,
             quartiles: bool = False) -> pd.DataFrame:
    """Every rank the data allow for one measure, one row per province-year (RANKING_COLUMNS):

    - complete years (values): ranks computed from the values shown with `digits` decimals among the
      n_ranked provinces with a value (rank_kind "computed"), with the percentile, PAPI's quartile group
      (`quartiles`) and, where published 95% intervals exist, the range of ranks they allow;
    - other years: the published ranks as sources give them (rank_kind "published", rank_basis stated,
      listed-order or score-order), out of the n_ranked provinces in force, which the producer ranks;
      `ranking` says whether that year's published ranking is complete (DTI 2022) or partial, and
      n_known how many of its ranks are known here.
    """
    value_years = complete_years(coverage, family, measure)
    cov = coverage[(coverage["family"] == family) & (coverage["measure"] == measure)].set_index("year")
    frames = []
    computed = rank_table(ind, family, measure, value_years, digits)
    if len(computed):
        rows = series(ind, family, measure, value_years).set_index(computed.index)
        best, worst = pd.Series(pd.NA, index=rows.index, dtype="Int64"), pd.Series(pd.NA, index=rows.index, dtype="Int64")
        for _, g in rows[rows["ci_low"].notna() & rows["ci_high"].notna()].groupby("year"):
            best.loc[g.index], worst.loc[g.index] = ci_rank_range(g)
        group = (computed.groupby("year")["value"].transform(quartile_groups) if quartiles
                 else pd.Series(pd.NA, index=computed.index, dtype="Int64"))
        frames.append(computed.assign(
            rank=computed["rank_national"], tied=computed["tied_national"], n_ranked=computed["n_national"],
            n_known=computed["n_national"], ranking="complete", rank_kind="computed", rank_basis="computed",
            quartile_group=group, rank_best=best, rank_worst=worst))
    published = series(ind, family, measure, values_only=False)
    published = published[published["rank"].notna() & ~published["year"].isin(value_years)]
    if len(published):
        n = published["year"].map(cov["n_expected"]).astype("int64")
        frames.append(published.assign(
            tied=_published_ties(published, digits), n_ranked=n,
            n_known=published.groupby("year")["rank"].transform("size"),
            ranking=published["year"].map(cov["ranking_complete"]).map({True: "complete", False: "partial"}),
            rank_kind="published", percentile=percentile(published["rank"], n), quartile_group=pd.NA,
            rank_best=pd.NA, rank_worst=pd.NA))
    if not frames:
        return pd.DataFrame(columns=RANKING_COLUMNS)
    out = pd.concat(frames, ignore_index=True).assign(family=family, measure=measure)
    out["rank_label"] = [rank_label(r, t) for r, t in zip(out["rank"], out["tied"])]
    out = out.astype({"rank": "Int64", "n_ranked": "int64", "n_known": "int64", "quartile_group": "Int64",
                      "rank_best": "Int64", "rank_worst": "Int64", "tied": "bool"})
    return out.sort_values(["year", "rank", "province_code"], kind="stable").reset_index(drop=True)[RANKING_COLUMNS]


def _published_ties(rows: pd.DataFrame, digits: int) -> pd.Series:
    """Published ranks shared by several provinces whose shown values do not differ (a rank claimed by
    provinces with different values is a collision, not a tie: clean lists it as a quality flag)."""
    shown = rows.assign(_shown=displayed(rows["value"], digits))
    shared = shown.groupby(["year", "rank"])["_shown"].transform(lambda v: len(v) > 1 and v.dropna().nunique() <= 1)
    return shared.astype(bool)


def ranked_years(coverage: pd.DataFrame, family: str, measure: str) -> pd.DataFrame:
    """Per year: how the measure can be ranked ("computed" from complete values, "published" complete
    ranking, "partial") with the denominator and the provinces missing from a computed ranking."""
    cov = coverage[(coverage["family"] == family) & (coverage["measure"] == measure)]
    kind = ["computed" if c else "published" if r else "partial" for c, r in zip(cov["complete"], cov["ranking_complete"])]
    n = [v if k == "computed" else e for k, v, e in zip(kind, cov["n_provinces"], cov["n_expected"])]
    missing = [m if k == "computed" else pd.NA for k, m in zip(kind, cov["missing"])]
    return pd.DataFrame({"year": cov["year"].astype("int64").to_numpy(), "ranking": kind, "n_ranked": n,
                         "n_expected": cov["n_expected"].to_numpy(), "missing": missing}).reset_index(drop=True)


def correlate(a: pd.Series, b: pd.Series) -> dict:
    """Spearman and Kendall correlation of two aligned series, with n (NaN below 3 pairs)."""
    from scipy import stats

    both = pd.concat([a, b], axis=1).dropna()
    n = len(both)
    if n < 3:
        return {"n": n, "spearman": float("nan"), "spearman_p": float("nan"),
                "kendall": float("nan"), "kendall_p": float("nan")}
    x, y = both.iloc[:, 0].to_numpy(float), both.iloc[:, 1].to_numpy(float)
    rho, rho_p = stats.spearmanr(x, y)
    tau, tau_p = stats.kendalltau(x, y)
    return {"n": n, "spearman": float(rho), "spearman_p": float(rho_p), "kendall": float(tau),
            "kendall_p": float(tau_p)}


def year_correlations(ind: pd.DataFrame, family: str, measure: str, years=None,
                      pairs: str = "consecutive") -> pd.DataFrame:
    """Spearman and Kendall correlation of provinces' values (hence ranks) between years (pass complete years).

    pairs="consecutive": each year with the next year that has data; "all": every pair of years.
    Ranks are comparable across methodology changes, so every pair is kept; `same_methodology` says
    whether both years share one.
    """
    rows = series(ind, family, measure, years)
    wide = rows.pivot(index="province_code", columns="year", values="value")
    era = rows.groupby("year")["methodology"].first()
    ys = sorted(wide.columns)
    chosen = zip(ys, ys[1:]) if pairs == "consecutive" else itertools.combinations(ys, 2)
    out = [{"year_a": a, "year_b": b, **correlate(wide[a], wide[b]), "same_methodology": era[a] == era[b]}
           for a, b in chosen]
    return pd.DataFrame(out, columns=["year_a", "year_b", "n", "spearman", "spearman_p", "kendall", "kendall_p",
                                      "same_methodology"])


def least_stable_step(corr: pd.DataFrame) -> dict | None:
    """The step of `year_correlations` with the lowest Spearman ρ, against the median ρ of the other steps
    (None with fewer than two steps)."""
    valid = corr.dropna(subset=["spearman"])
    if len(valid) < 2:
        return None
    low = valid.loc[valid["spearman"].idxmin()]
    others = valid.drop(index=low.name)["spearman"]
    return {"year_a": int(low["year_a"]), "year_b": int(low["year_b"]), "n": int(low["n"]),
            "spearman": float(low["spearman"]), "spearman_p": float(low["spearman_p"]),
            "same_methodology": bool(low["same_methodology"]), "median_others": float(others.median()),
            "n_others": len(others)}


def period_percentiles(ind: pd.DataFrame, family: str, measure: str, years, digits: int = 2) -> pd.DataFrame:
    """Each province's mean national percentile per programme period over `years`, with the years used."""
    ranks = rank_table(ind, family, measure, years, digits)
    ranks["period"] = ranks["year"].map(period_of)
    ranks = ranks[ranks["period"].notna()]
    return ranks.pivot_table(index=["province_code", "province", "region"], columns="period",
                             values="percentile", aggfunc="mean").reset_index()


def period_rank_correlation(ind: pd.DataFrame, family: str, measure: str, years, digits: int = 2) -> dict:
    """Spearman and Kendall between provinces' mean percentiles in 2011–2020 and in 2021–2030 (n = provinces
    with both); ranks, not levels, so valid across methodology changes."""
    wide = period_percentiles(ind, family, measure, years, digits)
    if not all(p in wide for p in PERIODS):
        return correlate(pd.Series(dtype=float), pd.Series(dtype=float))
    first, second = PERIODS
    return correlate(wide[first], wide[second])


def standing(ranked: pd.DataFrame, trajectory: pd.DataFrame) -> dict | None:
    """A province's latest year with a value or a rank (`trajectory`), with its rank from `rankings`
    (computed in complete years, published otherwise), the years it has and the methodology."""
    own = trajectory[trajectory["value"].notna() | trajectory["rank"].notna()]
    if own.empty:
        return None
    last = own.sort_values("year").iloc[-1]
    year = int(last["year"])
    out = {"year": year, "value": last["value"], "methodology": last["methodology"], "n_years": int(own["year"].nunique()),
           "years": sorted(int(y) for y in own["year"].unique()), "rank": None}
    mine = ranked[ranked["year"] == year]
    if len(mine):
        out["rank"] = mine.iloc[0].to_dict()
    return out
