"""What provinces report about themselves (processed table `self_reported`): a province's figures over
time, who reports what, comparisons only where definitions match, and the check of a province's own
statements about an index against the index tables.

`sr` is the `self_reported` table as `schema.read_table` returns it; `config` is config/self_reported.yml
(`load_config`): measure labels, caveats, the comparability rule and the page sentences (vi, en).
These are the provinces' own reports, not an index: no function ranks provinces on them, pools
figures of different definitions, or reads a bound ("over 98 %") as a value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from ..paths import Project
from ..provinces import all_provinces
from ..publish.labels import fmt_years

FLAGS = ("target", "part_year", "not_total", "bound", "central_source", "post_merger", "year_inferred", "conflict",
         "machine")
# The comparability criteria config/self_reported.yml `comparable_when` may list, as row tests.
CRITERIA = {
    "full_year": lambda sr: sr["full_year"].astype(bool),
    "not_centre_only": lambda sr: ~sr["centre_only"].astype(bool),
    "exact_value": lambda sr: sr["value"].notna() & sr["bound"].isna(),
    "result": lambda sr: sr["target_or_result"] == "result",
    "self_reported": lambda sr: ~sr["central_source"].astype(bool),
    "legacy_province": lambda sr: ~sr["post_merger"].astype(bool),
    "reviewed_or_extract": lambda sr: sr["source_type"] != "document (read by machine)",
}
# Which caveat a failed criterion is reported under.
CRITERION_CAVEAT = {"full_year": "part_year", "not_centre_only": "not_total", "same_level": "not_total",
                    "exact_value": "bound",
                    "result": "target", "self_reported": "central_source", "legacy_province": "post_merger",
                    "reviewed_or_extract": "machine", "same_unit": "other_unit"}


def load_config(project: Project) -> dict:
    """config/self_reported.yml: measures (labels, units, kind, caveats), comparable_when, sentences."""
    from ..config import load_yaml

    return load_yaml(project, "self_reported.yml")


def _label(config: dict, measure: str, lang: str) -> str:
    return config["measures"].get(measure, {}).get(f"label_{lang}", measure)


def _number(x: float, lang: str) -> str:
    text = f"{x:,.2f}".rstrip("0").rstrip(".") if not float(x).is_integer() else f"{int(x):,}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".") if lang == "vi" else text


def figure_text(value: float, bound: str | None, limit: float, unit: str, lang: str = "vi") -> str:
    """A figure as a reader reads it: "98,2 %", "> 98 %", "~ 900 dịch vụ" (vi) / "98.2 %", "> 98 %" (en)."""
    shown = _number(limit if bound else value, lang)
    suffix = " %" if unit == "percent" else ""
    return f"{bound} {shown}{suffix}" if bound else f"{shown}{suffix}"


def caveat_flags(sr: pd.DataFrame) -> pd.DataFrame:
    """One boolean column per caveat (FLAGS) for each row: what keeps a figure from being a province-wide,
    whole-year, exact, self-reported result of the legacy province."""
    return pd.DataFrame({
        "target": sr["target_or_result"] == "target", "part_year": ~sr["full_year"].astype(bool),
        "not_total": (sr["level"] != "total") | sr["centre_only"].astype(bool), "bound": sr["bound"].notna(),
        "central_source": sr["central_source"].astype(bool), "post_merger": sr["post_merger"].astype(bool),
        "year_inferred": sr["year_inferred"].astype(bool), "conflict": sr["status"] == "conflict",
        "machine": sr["source_type"] == "document (read by machine)",
    }, index=sr.index)


def _caveat_text(flags: pd.DataFrame, config: dict, lang: str) -> list[str]:
    words = config["sentences"][lang]
    return ["; ".join(words[f"caveat_{f}"] for f in FLAGS if row[f]) for row in flags.to_dict("records")]


def province_reports(sr: pd.DataFrame, province_code: str, config: dict, lang: str = "vi") -> pd.DataFrame:
    """A province's own figures over time, both programmes: one row per figure, measures in the order of
    config/self_reported.yml, years ascending, targets beside results.

    A profile page shows this table in its section "what the province reports": `label`, `year`,
    `figure` (as printed: bounds stay bounds, "> 98 %"), `period`, `level`, `target_or_result`,
    `caveats` (why a figure is not a whole-year, province-wide, exact self-report) and `source_url` as a
    link one click away. When it is empty the page shows `reports_sentence` instead.
    """
    rows = sr[sr["province_code"] == province_code].copy()
    order = {m: i for i, m in enumerate(config["measures"])}
    rows["label"] = [_label(config, m, lang) for m in rows["measure"]]
    rows["figure"] = [figure_text(v, b if isinstance(b, str) else None, lim, u, lang)
                      for v, b, lim, u in zip(rows["value"], rows["bound"], rows["limit"], rows["unit"])]
    rows["caveats"] = _caveat_text(caveat_flags(rows), config, lang)
    rows = rows.assign(_order=rows["measure"].map(order)).sort_values(
        ["_order", "year", "target_or_result", "level", "figure_id"], kind="stable")
    return rows[["measure", "label", "year", "programme", "figure", "value", "bound", "limit", "unit", "level",
                 "period", "full_year", "target_or_result", "caveats", "status", "source_type", "source_url",
                 "figure_id"]].reset_index(drop=True)


def reports_sentence(sr: pd.DataFrame, province_code: str, config: dict, lang: str = "vi") -> str:
    """The sentence a profile shows at the head of "what the province reports": how many figures, on how
    many measures and which years, and how many are whole-year province-wide figures; or, when the
    sources hold none, an honest sentence saying so (and that it does not mean the province reported none)."""
    province = _names()[province_code]
    rows = sr[sr["province_code"] == province_code]
    words = config["sentences"][lang]
    if rows.empty:
        return words["none"].format(province=province)
    whole = ((rows["level"] == "total") & rows["full_year"].astype(bool) & ~rows["centre_only"].astype(bool)).sum()
    return words["reports"].format(province=province, n=len(rows), measures=rows["measure"].nunique(),
                                   years=fmt_years(rows["year"]), full=int(whole))


def _names() -> dict[str, str]:
    return {p.code: p.name for p in all_provinces()}


def who_reports_what(sr: pd.DataFrame, config: dict, lang: str = "vi", results_only: bool = True,
                     own_only: bool = True) -> pd.DataFrame:
    """Who reports what: one row per legacy province (all 63, those with nothing too), one column per
    measure (its label), each cell the years the province reports it ("2022–2024"; "" for none), and a
    last column with the number of measures. By default results only and the provinces' own reports
    (not central monitoring).

    A family or overview page shows it as found, with the note that an empty cell means no figure was
    found in the sources collected, not that the province reported nothing.
    """
    rows = sr
    if results_only:
        rows = rows[rows["target_or_result"] == "result"]
    if own_only:
        rows = rows[~rows["central_source"].astype(bool)]
    years = rows.groupby(["province_code", "measure"])["year"].agg(fmt_years)
    provinces = [p for p in all_provinces() if p.valid_to.year >= 2018]
    table = pd.DataFrame({"province_code": [p.code for p in provinces], "province": [p.name for p in provinces]})
    for measure in config["measures"]:
        table[_label(config, measure, lang)] = [years.get((p.code, measure), "") for p in provinces]
    labels = [_label(config, m, lang) for m in config["measures"]]
    table["n_measures"] = (table[labels] != "").sum(axis=1)
    return table


@dataclass
class Comparison:
    """Figures of one measure and year that may be compared, and what the page says about them."""

    table: pd.DataFrame                                          # province, figure, value, period, source_url
    caveat: str                                                  # the sentence shown with the comparison
    left_out: dict[str, int] = field(default_factory=dict)       # caveat → figures left out for it


def comparable(sr: pd.DataFrame, measure: str, year: int, config: dict, lang: str = "vi",
               unit: str | None = None, level: str = "total") -> Comparison:
    """A comparison only where definitions match: the figures of `measure` in `year` that meet every
    criterion of config/self_reported.yml `comparable_when` (a whole year, one level, `level`:
    province-wide by default, not the service centre alone, an exact value, a result, the province's own
    report, the legacy province, one unit: the measure's first unit unless `unit` is given), one per
    province, sorted by province (never ranked). `comparisons_available` lists where one is possible.

    A family page shows `table` with `caveat` above it: the year, how many provinces, the definition
    caveat of the measure, and how many figures were left out and why. No comparison is drawn when
    fewer than two provinces qualify; the caveat then says so.
    """
    spec = config["measures"][measure]
    unit = unit or spec["units"][0]
    rows = sr[(sr["measure"] == measure) & (sr["year"] == year)]
    keep = pd.Series(True, index=rows.index)
    left_out: dict[str, int] = {}
    for criterion in config["comparable_when"]:
        meets = (rows["unit"] == unit if criterion == "same_unit" else rows["level"] == level
                 if criterion == "same_level" else CRITERIA[criterion](rows))
        caveat = CRITERION_CAVEAT[criterion]
        failed = int((keep & ~meets).sum())
        if failed:
            left_out[caveat] = failed
        keep &= meets
    chosen = rows[keep]
    several = chosen.groupby("province_code")["figure_id"].transform("size") > 1
    if several.any():  # two sources for one province: a conflict or two definitions, not comparable as one
        left_out["conflict"] = int(several.sum())
        chosen = chosen[~several]
    words = config["sentences"][lang]
    label = _label(config, measure, lang)
    reasons = "; ".join(f"{n} ({words[f'caveat_{k}']})" for k, n in left_out.items())
    tail = (" " + words["left_out"].format(reasons=reasons)) if reasons else ""
    table = chosen.assign(figure=[figure_text(v, None, math.nan, unit, lang) for v in chosen["value"]])[
        ["province_code", "province", "figure", "value", "period", "source_type", "source_url", "figure_id"]
    ].sort_values("province", kind="stable").reset_index(drop=True)
    if len(table) < 2:
        return Comparison(table, words["compare_none"].format(measure=label, year=year) + tail, left_out)
    text = words["compare"].format(n=len(table), measure=label, year=year, unit=words["units"][unit],
                                   caveat=spec[f"caveat_{lang}"])
    return Comparison(table, text + tail, left_out)


def comparisons_available(sr: pd.DataFrame, config: dict, lang: str = "vi") -> pd.DataFrame:
    """Where a comparison is possible at all: measure, label, year, level and unit with at least two
    provinces whose figures meet `comparable_when`, and how many. A family or overview page lists these
    (and only these) as the comparisons it offers; with the self-reported extract they are few."""
    rows = []
    for (measure, year, level, unit), _ in sr.groupby(["measure", "year", "level", "unit"], sort=True):
        n = len(comparable(sr, measure, int(year), config, lang, unit=unit, level=level).table)
        if n >= 2:
            rows.append({"measure": measure, "label": _label(config, measure, lang), "year": int(year),
                         "level": level, "unit": unit, "n_provinces": n})
    return pd.DataFrame(rows, columns=["measure", "label", "year", "level", "unit", "n_provinces"])


def _decimals(value: float) -> int:
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".")[1])


def _own(urls: str, province_code: str) -> bool:
    """Whether one of the ' | '-separated URLs is the province's own (its portal or press domain)."""
    from ..extract.places import document_province

    for url in str(urls or "").split(" | "):
        try:
            found = document_province({"url": url})
        except Exception:  # a domain the registry does not know: not the province's
            found = None
        if found is not None and found.code == province_code:
            return True
    return False


def claim_check(reported: pd.DataFrame, indicators: pd.DataFrame, province_code: str,
                own_only: bool = True) -> pd.DataFrame:
    """A province's own statements about an index (its PAR INDEX rank, its SIPAS %: rows of
    reported_figures from its own portal or press, or from documents) beside the index tables:
    `outcome` agree / disagree / cannot check, with `reason`.

    The reference is the primary indicators row of the same province, year, family and measure. A
    value agrees when equal at the statement's printed precision; a rank when equal. A statement cannot
    be checked when the tables hold no figure for that year, or hold only this very statement (a figure
    quoted from the news is no independent check of itself).

    A profile page shows it under "what the province says about the indices", one row per statement:
    year, index, claimed and table figures, outcome with its reason, and the source link.
    """
    rows = reported[(reported["province_code"] == province_code) & (reported["unit_level"] == "province")]
    if own_only:
        own = rows["source_type"].str.contains("document") | pd.Series(
            [_own(u, province_code) for u in rows["source_urls"]], index=rows.index, dtype=bool)
        rows = rows[own]
    primary = indicators[indicators["primary"].astype(bool) & (indicators["province_code"] == province_code)]
    table = {(int(r.year), r.family, r.measure): r for r in primary.itertuples(index=False)}
    out = []
    for r in rows.itertuples(index=False):
        ref = table.get((int(r.year), r.family, r.measure))
        outcome, reason, tolerance = _compare(r, ref)
        out.append({"figure_id": r.figure_id, "year": int(r.year), "family": r.family, "measure": r.measure,
                    "claimed_value": r.value, "claimed_rank": r.rank,
                    "index_value": getattr(ref, "value", math.nan) if ref is not None else math.nan,
                    "index_rank": getattr(ref, "rank", pd.NA) if ref is not None else pd.NA,
                    "index_source": ref.source_id if ref is not None else "", "tolerance": tolerance,
                    "outcome": outcome, "reason": reason, "source_type": r.source_type,
                    "source_urls": r.source_urls})
    frame = pd.DataFrame(out, columns=["figure_id", "year", "family", "measure", "claimed_value", "claimed_rank",
                                       "index_value", "index_rank", "index_source", "tolerance", "outcome", "reason",
                                       "source_type", "source_urls"])
    return frame.astype({"claimed_value": "float64", "index_value": "float64", "claimed_rank": "Int64",
                         "index_rank": "Int64", "tolerance": "float64"}).sort_values(
        ["year", "family", "measure", "figure_id"], kind="stable").reset_index(drop=True)


def _compare(statement, ref) -> tuple[str, str, float]:
    if ref is None:
        return "cannot check", "the index tables have no figure for this province and year", math.nan
    if ref.source_id == "reported" and str(ref.source_ref).startswith(f"{statement.figure_id}:"):
        return "cannot check", "the index tables hold only this statement (no independent figure)", math.nan
    results, tolerance = [], math.nan
    if not pd.isna(statement.value) and not pd.isna(ref.value):
        tolerance = 0.5 * 10.0 ** -_decimals(statement.value)
        results.append(abs(float(statement.value) - float(ref.value)) <= tolerance + 1e-9)
    if not pd.isna(statement.rank) and not pd.isna(ref.rank):
        results.append(int(statement.rank) == int(ref.rank))
    if not results:
        return "cannot check", "the statement and the table give different things (a value against a rank)", tolerance
    if all(results):
        return "agree", f"equal (values at the statement's printed precision, ranks exactly; {ref.source_id})", tolerance
    return "disagree", f"different from {ref.source_id} ({ref.source_ref})", tolerance
