"""What report notebooks print besides figures: the validation banner, headings, prose and tables.

Everything returns IPython display objects built from computed values; nothing here holds a number.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd

from .labels import Labels, fmt_years
from ..paths import Project

VALIDATION_LINK = "../validation/index.html"  # reports are published one folder below reports/


def validation_status(project: Project, L: Labels):
    """A Markdown banner: passed / failed / not validated, stale if the data changed since, with a link
    to the validation report."""
    from IPython.display import Markdown

    from .state import data_hash
    from ..validate import load_summary

    found = load_summary(project)
    if found is None:
        text = L.t("validation_none")
    else:
        fields = {k: found.get(k, "?") for k in ("n_expectations", "n_failed_error", "n_failed_warning",
                                                   "generated_at")}
        text = L.t("validation_ok" if found.get("success") else "validation_failed", **fields)
        if found.get("data_hash") != data_hash(project):
            text += L.t("validation_stale")
    return Markdown(f"> {text} [{L.t('validation_link')}]({VALIDATION_LINK})")


def md(text: str):
    from IPython.display import Markdown

    return Markdown(text)


def table(df: pd.DataFrame, L: Labels, columns: Mapping[str, str], digits: Mapping[str, int] | None = None,
          links: tuple[str, ...] = ()):
    """An HTML table of `columns` (name → header), numbers written as `L.lang` writes them
    (`digits` per column, default 2; integers, such as years, as plain digits), missing values as "–";
    the columns in `links` hold ' | '-separated URLs, shown as links named by their host."""
    from IPython.display import HTML

    digits = digits or {}
    shown = pd.DataFrame(index=df.index)
    for col, header in columns.items():
        values = df[col]
        if col in links:
            shown[header] = values.map(_links)
        elif pd.api.types.is_bool_dtype(values):
            shown[header] = values.map(lambda v: "–" if pd.isna(v) else ("✓" if v else "✗"))
        elif pd.api.types.is_integer_dtype(values):
            shown[header] = values.map(lambda v: "–" if pd.isna(v) else str(int(v)))
        elif pd.api.types.is_float_dtype(values):
            shown[header] = values.map(lambda v, d=digits.get(col, 2): L.num(v, d))
        else:
            shown[header] = values.map(lambda v: "–" if pd.isna(v) else html.escape(str(v)))
    if shown.empty:
        return HTML(f"<p><em>{html.escape(L.t('no_data'))}</em></p>")
    return HTML(shown.to_html(index=False, border=0, classes="cchc-table", escape=False))


def _links(urls) -> str:
    if urls is None or (isinstance(urls, float) and pd.isna(urls)) or urls is pd.NA or not str(urls).strip():
        return "–"
    return " ".join(f'<a href="{html.escape(u, quote=True)}">{html.escape(_host(u))}</a>'
                    for u in str(urls).split(" | ") if u.strip())


def _host(url: str) -> str:
    return url.split("/")[2] if "://" in url else url


# --- sentences built from computed values (every one in vi and en: prose.PROSE) -------------------------

def merger_sentence(L: Labels, name: str, merger: dict) -> str:
    """What the 2025 merger (dated membership, from `analysis.merger_2025`) means for a province."""
    new = L.new_province(merger["province_2025"])
    if merger["others"]:
        return L.t("merger_merged", province=L.province(name), others=join(L, [L.province(o) for o in merger["others"]]),
                   new=new)
    return L.t("merger_unmerged", province=L.province(name), new=new)


def join(L: Labels, items: list[str]) -> str:
    """"A, B và C" / "A, B and C"."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {L.t('and')} {items[-1]}"


def missing_list(L: Labels, missing) -> str:
    """"Vĩnh Phúc, Tiền Giang" from the coverage table's ';'-separated names (empty when none)."""
    if missing is None or missing is pd.NA or (isinstance(missing, float) and pd.isna(missing)) or not str(missing):
        return ""
    return ", ".join(L.province(p) for p in str(missing).split(";"))


def rank_phrase(L: Labels, family: str, rank: dict, missing: str = "") -> str:
    """A rank from `analysis.rankings` with what it rests on: "hạng 31=/61 tính từ điểm (thiếu: …)",
    "hạng 24/63 theo bảng xếp hạng chính thức", "hạng 4/63 (suy từ thứ tự liệt kê)"."""
    label, n = rank["rank_label"], int(rank["n_ranked"])
    if rank["rank_kind"] == "computed":
        text = L.t("rank_computed_of", rank=label, n=n)
        if missing:
            text += L.t("rank_missing", missing=missing)
    elif rank["ranking"] == "complete":
        text = L.t("rank_official_complete", rank=label, n=n)
    else:
        text = L.t("rank_published_of", rank=label, n=n)
    if rank["rank_basis"] in ("listed-order", "score-order"):
        text += L.t(f"rank_basis_{rank['rank_basis']}")
    if pd.notna(rank.get("quartile_group")):
        text += L.t("quartile_group", group=L.t(f"quartile_{int(rank['quartile_group'])}"))
    if pd.notna(rank.get("rank_best")):
        text += L.t("rank_ci_range", best=int(rank["rank_best"]), worst=int(rank["rank_worst"]))
    return text


def standing_line(L: Labels, family: str, standing: dict | None, missing: str = "", scope: dict | None = None) -> str:
    """One bullet per family: the years with data, the latest figure and its rank with its denominator,
    and, where the producer publishes only its top N (`scope`), that fact."""
    if standing is None:
        return L.t("standing_none", family=L.family(family))
    text = L.t("standing_years", family=L.family(family), n=standing["n_years"], years=fmt_years(standing["years"]))
    value = standing["value"]
    text += " " + (L.t("standing_value", year=standing["year"], value=L.value(family, value),
                       era=L.era_short(standing["methodology"])) if pd.notna(value)
                   else L.t("standing_no_value", year=standing["year"], era=L.era_short(standing["methodology"])))
    if standing["rank"] is not None:
        text += ", " + rank_phrase(L, family, standing["rank"], missing)
    text += "."
    if scope is not None and standing["year"] >= scope["first_year"]:
        text += " " + L.t("published_top", producer=L.producer(family), top=scope["top"], family=L.family(family),
                          first_year=scope["first_year"])
    return text


def comparison_sentences(L: Labels, comparison, province: str | None = None) -> list[str]:
    """What a `PeriodComparison` says: both windows by the years they use; the province's own values and
    years (named when it misses a window year); "n of N higher" on matched provinces only, with those
    left out named; a window of a single year said as such."""
    family, first, second = comparison.family, *comparison.windows.values()
    out = [L.t(f"cmp_windows_{comparison.basis}", family=L.family(family), first=L.window(family, first),
               second=L.window(family, second))]
    for window in (first, second):
        if window.n_years == 1:
            out.append(L.t("cmp_single_year", period=window.period.replace("-", "–"), year=window.label))
    digits = L.digits(family) if comparison.basis == "level" else 0
    if province is not None:
        mine = comparison.table[comparison.table["province"] == province]
        if mine.empty:
            out.append(L.t("cmp_province_none", province=L.province(province)))
        else:
            r = mine.iloc[0]
            has = [bool(r["years_first"]), bool(r["years_second"])]
            if all(has):
                shown = (lambda x: short_number(L, x)) if comparison.basis == "rank" else (lambda x: L.num(x, digits))
                out.append(L.t(f"cmp_province_{comparison.basis}", province=L.province(province),
                               first=shown(r["first"]), second=shown(r["second"]),
                               years_first=fmt_years(r["years_first"]), years_second=fmt_years(r["years_second"])))
            else:
                have = r["years_first"] or r["years_second"]
                out.append(L.t("cmp_province_one_side", province=L.province(province), years=fmt_years(have)))
            if comparison.national and not r["matched"] and all(has):
                missing = sorted(set(first.years + second.years) - set(r["years_first"] + r["years_second"]))
                out.append(L.t("cmp_province_unmatched", missing=fmt_years(missing)))
    if comparison.national:
        out.append(L.t(f"cmp_national_{comparison.basis}", k=comparison.n_improved, n=comparison.n,
                       share=L.num(100 * comparison.share_improved, 0)))
        left = comparison.unmatched
        if len(left):
            named = [f"{L.province(p)} ({L.t('missing_years', years=fmt_years(sorted(set(first.years + second.years) - set(a + b))))})"
                     for p, a, b in zip(left["province"], left["years_first"], left["years_second"])]
            out.append(L.t("cmp_left_out", n=len(left), names="; ".join(named)))
    return out


def short_number(L: Labels, x: float) -> str:
    """3 → "3", 2.5 → "2,5" / "2.5": a threshold as a reader writes it."""
    return L.num(x, 0 if float(x).is_integer() else 1)


def quoted_note(L: Labels, row) -> str:
    """Label of a partial year on a figure: "quoted: 15 of 63, mostly top 10"."""
    text = L.t("quoted_note", n=int(row["n_values"]), n_expected=int(row["n_expected"]))
    if row["mostly_top"]:
        text += L.t("quoted_mostly_top", top=int(row["top"]))
    return text


def quoted_notes(L: Labels, quoted_years: pd.DataFrame, years=None) -> dict[int, str]:
    """Year → figure label of each partial year (`analysis.quoted_years`), optionally only `years`."""
    rows = quoted_years if years is None else quoted_years[quoted_years["year"].isin(list(years))]
    return {int(r["year"]): quoted_note(L, r) for _, r in rows.iterrows()}


def target_text(L: Labels, comparator: str, value: float, unit: str) -> str:
    """"> 80%", "≥ 90%", "≤ 30 (hạng)": a target as a reader writes it."""
    sign = {">=": "≥", "<=": "≤"}.get(comparator, comparator)
    number = L.num(value, 0 if float(value).is_integer() else 1)
    return f"{sign} {number}%" if unit in ("percent", "%") else f"{sign} {number} ({unit})"


def jump_sentence(L: Labels, family: str, jump) -> str:
    """A flagged change, with why it is flagged."""
    text = L.t("jump", family=L.family(family), province=L.province(jump["province"]), year_a=jump["year_a"],
               year_b=jump["year_b"], value_a=L.value(family, jump["value_a"]), value_b=L.value(family, jump["value_b"]),
               change=L.value(family, jump["change"]), z=L.num(abs(jump["z"]), 1), n=jump["n_step"])
    if jump["source_change"]:
        text += L.t("jump_source", source_a=jump["source_a"], source_b=jump["source_b"])
    return text + "."


def link_list(L: Labels, points: pd.DataFrame) -> str:
    """Markdown list of the points of a figure, each with its source one click away:
    "[3] 2019: 84,64; hạng 2 — vtv.vn" linking to the page."""
    lines = []
    for r in points.itertuples(index=False):
        parts = [] if pd.isna(r.value) else [L.value(r.family, r.value)]
        if pd.notna(r.rank):
            parts.append(L.t("rank_short", rank=int(r.rank)) + (L.t(f"rank_basis_{r.rank_basis}")
                                                                 if r.rank_basis in ("listed-order", "score-order") else ""))
        links = " · ".join(f"[{_host(url)}]({url})" if "://" in url else url for url in r.urls)
        lines.append(f"- [{r.ref}] {r.year}: {'; '.join(parts)}: {links}")
    return "\n".join(lines)


def reported_rows(L: Labels, rows: pd.DataFrame) -> pd.DataFrame:
    """Reported figures ready for `table`: labelled family, measure and status, the rank with how it was
    given and out of how many, the snapshot date, and the evidence of figures that carry no number."""
    rank = [("" if pd.isna(r) else f"{int(r)}" + (f"/{int(o)}" if pd.notna(o) else "")
             + (L.t(f"rank_basis_short_{b}") if b in ("listed-order", "score-order") else ""))
            for r, o, b in zip(rows["rank"], rows["rank_of"], rows["rank_basis"])]
    no_number = rows["value"].isna() & rows["rank"].isna()
    return rows.assign(family=rows["family"].map(L.family),
                       measure=[L.measure(f, m) for f, m in zip(rows["family"], rows["measure"])],
                       status=rows["status"].map(lambda s: L.t(f"status_{s}")), rank=rank,
                       as_of=rows["as_of"].fillna(""), evidence=rows["evidence"].where(no_number, ""),
                       prior=rows["prior_year"].map({True: L.t("prior_year_short"), False: ""}))


def reported_columns(L: Labels, shown: pd.DataFrame) -> dict[str, str]:
    """Columns of `reported_rows`' table; the optional ones (snapshot date, later source, evidence) only
    where some row fills them."""
    columns = {"year": L.t("year"), "as_of": L.t("as_of"), "family": L.t("family"), "measure": L.t("measure"),
               "value": L.t("value"), "rank": L.t("rank_published"), "status": L.t("status"),
               "prior": L.t("prior_year"), "evidence": L.t("evidence"), "source_urls": L.t("source")}
    return {k: v for k, v in columns.items() if k not in ("as_of", "prior", "evidence") or shown[k].astype(bool).any()}



def self_reported_rows(L: Labels, rows: pd.DataFrame) -> pd.DataFrame:
    """`analysis.self_reported.province_reports` ready for `table`: kind (result / target) and level in words."""
    return rows.assign(target_or_result=rows["target_or_result"].map(lambda k: L.t(f"sr_kind_{k}")),
                       level=rows["level"].map(lambda v: L.t(f"sr_level_{v}")))


def self_reported_columns(L: Labels) -> dict[str, str]:
    """Columns of `self_reported_rows`' table (the source as a link)."""
    keys = {"label": "measure", "year": "year", "figure": "sr_figure", "target_or_result": "sr_kind",
            "level": "sr_level", "period": "sr_period", "caveats": "sr_caveats", "source_url": "source"}
    return {col: L.t(key) for col, key in keys.items()}


def self_reported_definitions(L: Labels, own: pd.DataFrame, config: dict) -> str:
    """The definition caveat (config/self_reported.yml) of each measure a province reports, as a list."""
    measures = own.drop_duplicates("measure")
    return L.t("sr_definitions") + "\n" + "\n".join(
        f"- {label}: {config['measures'][m][f'caveat_{L.lang}']}" for m, label in zip(measures["measure"], measures["label"]))


def claim_rows(L: Labels, checked: pd.DataFrame) -> pd.DataFrame:
    """`analysis.self_reported.claim_check` ready for `table`: index named, claimed and table figures as
    "score (rank n)", the outcome and its reason in words."""
    def figure(family, value, rank):
        parts = [L.value(family, value)] if pd.notna(value) else []
        if pd.notna(rank):
            parts.append(f"{L.t('rank')} {int(rank)}")
        return ", ".join(parts) or "–"

    def reason(r):
        if r.outcome == "agree":
            return L.t("claim_reason_agree", source=r.index_source)
        if r.outcome == "disagree":
            return L.t("claim_reason_disagree", source=r.index_source)
        return L.t("claim_reason_none" if not r.index_source else
                   "claim_reason_self" if r.index_source == "reported" else "claim_reason_kind")

    return checked.assign(
        family=[L.measure_full(f, m) for f, m in zip(checked["family"], checked["measure"])],
        claimed=[figure(f, v, r) for f, v, r in zip(checked["family"], checked["claimed_value"], checked["claimed_rank"])],
        index=[figure(f, v, r) for f, v, r in zip(checked["family"], checked["index_value"], checked["index_rank"])],
        outcome=[f"{L.t('claim_' + r.outcome)}: {reason(r)}" for r in checked.itertuples(index=False)])


def coverage_sentence(L: Labels, family: str, status: pd.DataFrame, quoted: pd.DataFrame) -> str:
    """Which years of a measure are complete (values), complete only as a published ranking, or partial
    (`analysis.year_coverage`), with what the partial years hold (`analysis.quoted_years`)."""
    parts = []
    complete = status.loc[status["status"] == "complete", "year"]
    ranking = status.loc[status["status"] == "ranking", "year"]
    partial = status[status["status"] == "partial"]
    parts.append(L.t("coverage_complete", years=fmt_years(complete)) if len(complete) else L.t("coverage_no_complete"))
    if len(ranking):
        parts.append(L.t("coverage_ranking", years=fmt_years(ranking)))
    if len(partial):
        top = {int(r["year"]): L.t("quoted_mostly_top", top=int(r["top"])) for _, r in quoted.iterrows()
               if r["mostly_top"]}
        listed = [L.t("coverage_partial_year", year=int(r["year"]), n_values=int(r["n_provinces"]),
                      n_quoted=int(r["n_quoted"]), n_expected=int(r["n_expected"])) + top.get(int(r["year"]), "")
                  for _, r in partial.iterrows()]
        parts.append(L.t("coverage_partial", years="; ".join(listed)))
    return " ".join(parts)


def rank_caption(L: Labels, ranked_years: pd.DataFrame) -> str:
    """Figure caption of a rank heat map: what the ranks of each kind of year rest on."""
    parts = []
    computed = ranked_years[ranked_years["ranking"] == "computed"]
    if len(computed):
        parts.append(L.t("caption_ranks_computed", years=fmt_years(computed["year"]),
                         lo=int(computed["n_ranked"].min()), hi=int(computed["n_ranked"].max())))
    published = ranked_years[ranked_years["ranking"] != "computed"]
    if len(published):
        parts.append(L.t("caption_ranks_published", years=fmt_years(published["year"]),
                         n=int(published["n_expected"].max())))
    return "; ".join(parts)


def comparison_rows(L: Labels, table: pd.DataFrame, basis: str = "level") -> pd.DataFrame:
    """A PeriodComparison's table ready for `table`: names, each side's years, matched as text; median
    ranks with the half a median of an even number of ranks can have (1,5)."""
    if basis == "rank":
        table = table.assign(**{c: table[c].map(lambda x: "" if pd.isna(x) else short_number(L, x))
                                for c in ("first", "second", "change")})
    return table.assign(province=table["province"].map(L.province),
                        years_first=table["years_first"].map(fmt_years),
                        years_second=table["years_second"].map(fmt_years),
                        matched=table["matched"].map({True: "✓", False: ""}))


def comparison_columns(L: Labels, comparison) -> dict[str, str]:
    first, second = comparison.windows.values()
    what = L.t(f"basis_short_{comparison.basis}")
    columns = {"province": L.t("province"), "first": f"{what} {first.label}", "years_first": L.t("years_used"),
               "second": f"{what} {second.label}", "years_second": L.t("years_used") + " ",
               "change": L.t("change_rank" if comparison.basis == "rank" else "change")}
    if comparison.national:
        columns["matched"] = L.t("matched")
    return columns
