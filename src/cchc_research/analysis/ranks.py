"""Ranks among the 63, within the region and within the post-2025 province; rank correlations."""

from __future__ import annotations

import itertools

import pandas as pd

from .data import PERIODS, period_of, series


def _rank_within(rows: pd.DataFrame, by: list[str]) -> tuple[pd.Series, pd.Series]:
    """Rank (1 = highest value, ties share the best rank) and group size within `by`."""
    grouped = rows.groupby(by)["value"]
    return grouped.rank(ascending=False, method="min").astype("Int64"), grouped.transform("size")


def rank_table(ind: pd.DataFrame, family: str, measure: str, years=None) -> pd.DataFrame:
    """Per province and year with a value: the published rank, and ranks computed from values among all
    provinces with a value that year (n_national), within the region (n_region) and within the
    post-2025 province (n_2025); percentile = 100 for the best, 0 for the worst.

    Pass complete years (`complete_years`): in a partial year the ranks are only among the provinces
    some source happened to quote.
    """
    rows = series(ind, family, measure, years)
    out = rows[["province_code", "province", "region", "province_2025", "year", "value", "methodology",
                "source_id"]].copy()
    out["rank_published"] = rows["rank"]
    out["rank_national"], out["n_national"] = _rank_within(rows, ["year"])
    out["rank_region"], out["n_region"] = _rank_within(rows, ["year", "region"])
    out["rank_2025"], out["n_2025"] = _rank_within(rows, ["year", "province_2025"])
    n = out["n_national"].astype("float64")
    out["percentile"] = (100 * (n - out["rank_national"].astype("float64")) / (n - 1)).where(n > 1)
    return out


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
    """Spearman and Kendall correlation of provinces' values (hence ranks) between years.

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


def period_percentiles(ind: pd.DataFrame, family: str, measure: str, years) -> pd.DataFrame:
    """Each province's mean national percentile per programme period over `years`, with the years used."""
    ranks = rank_table(ind, family, measure, years)
    ranks["period"] = ranks["year"].map(period_of)
    ranks = ranks[ranks["period"].notna()]
    return ranks.pivot_table(index=["province_code", "province", "region"], columns="period",
                             values="percentile", aggfunc="mean").reset_index()


def period_rank_correlation(ind: pd.DataFrame, family: str, measure: str, years) -> dict:
    """Spearman and Kendall between provinces' mean percentiles in 2011–2020 and in 2021–2030 (n = provinces
    with both); ranks, not levels, so valid across methodology changes."""
    wide = period_percentiles(ind, family, measure, years)
    if not all(p in wide for p in PERIODS):
        return correlate(pd.Series(dtype=float), pd.Series(dtype=float))
    first, second = PERIODS
    return correlate(wide[first], wide[second])


def rank_changes(ind: pd.DataFrame, family: str, measure: str, year_a: int, year_b: int) -> pd.DataFrame:
    """National rank of each province in two years and the places gained (positive = moved up)."""
    ranks = rank_table(ind, family, measure, [year_a, year_b])
    wide = ranks.pivot(index="province", columns="year", values="rank_national")
    wide = wide.dropna().astype("int64")
    if year_a not in wide or year_b not in wide:
        return pd.DataFrame(columns=["province", "rank_a", "rank_b", "gain"])
    out = pd.DataFrame({"rank_a": wide[year_a], "rank_b": wide[year_b]})
    out["gain"] = out["rank_a"] - out["rank_b"]
    return out.sort_values(["gain", "rank_b"], ascending=[False, True]).reset_index()


def standing(ind: pd.DataFrame, province: str, family: str, measure: str, complete: list[int]) -> dict | None:
    """The province's latest year with a value or a rank: value, rank and what the rank is.

    rank_kind "computed": rank among all provinces with a value in a complete year (n given);
    "published": the rank the source states (partial years); None when neither exists.
    """
    rows = series(ind, family, measure, values_only=False)
    own = rows[(rows["province"] == province) & (rows["value"].notna() | rows["rank"].notna())]
    if own.empty:
        return None
    last = own.sort_values("year").iloc[-1]
    year = int(last["year"])
    out = {"year": year, "value": last["value"], "methodology": last["methodology"], "rank": None, "n": None,
           "rank_kind": None, "n_years": int(own["year"].nunique()), "years": sorted(own["year"].unique())}
    if year in complete and pd.notna(last["value"]):
        ranked = rank_table(ind, family, measure, [year])
        mine = ranked[ranked["province"] == province].iloc[0]
        out.update(rank=int(mine["rank_national"]), n=int(mine["n_national"]), rank_kind="computed")
    elif pd.notna(last["rank"]):
        out.update(rank=int(last["rank"]), rank_kind="published")
    return out
