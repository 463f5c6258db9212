"""The expectation suites, defined in code: one per processed table and one per derived view.

Severity (documented per check): "error" stops the pipeline before any report is written;
"warning" is reported but does not stop it. GX 1.24 carries it natively (Expectation.severity:
error -> "critical", warning -> "warning"); `meta` holds the check's stable name and our severity word.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..provinces import all_provinces, all_provinces_2025, crosswalk_table
from ..schema import FAMILIES, RANK_BASES, TABLES
from . import rules
from .views import VIEWS

SEVERITIES = ("error", "warning")
MAX_PROVINCES = 64  # 63 provinces plus Hà Tây (2004-2008)
NOT_BLANK = r"\S"


@dataclass(frozen=True)
class Check:
    """One expectation: a stable name, its severity, what it guards, and the GX expectation."""

    name: str
    severity: str
    description: str
    expectation: str  # class name in great_expectations.expectations
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    where: rules.Where = ()  # only rows meeting this condition are checked

    @property
    def columns(self) -> list[str]:
        """Columns the expectation looks at (shown with failing examples)."""
        kw = self.kwargs
        return [c for c in (kw.get("column"), kw.get("column_A"), kw.get("column_B"), *kw.get("column_list", ()))
                if isinstance(c, str)]


@dataclass(frozen=True)
class Suite:
    name: str  # the table, or "<table>.<view>"
    table: str | None  # the processed table it checks (None: every table validated in the run)
    checks: tuple[Check, ...]
    examples: tuple[str, ...]  # columns printed for failing rows


def check(name: str, description: str, expectation: str, severity: str = "error", where: rules.Where = (),
          **kwargs: Any) -> Check:
    if severity not in SEVERITIES:
        raise ValueError(f"check {name}: severity must be one of {SEVERITIES}")
    if where:
        description = f"{description} (rows where {rules.describe(where)})"
    return Check(name, severity, description, expectation, kwargs, where)


def in_set(name: str, description: str, column: str, values, **kw: Any) -> Check:
    return check(name, description, "ExpectColumnValuesToBeInSet", column=column, value_set=sorted(values), **kw)


def pair_in_set(name: str, description: str, a: str, b: str, pairs, **kw: Any) -> Check:
    return check(name, description, "ExpectColumnPairValuesToBeInSet", column_A=a, column_B=b,
                 value_pairs_set=sorted(pairs), ignore_row_if="either_value_is_missing", **kw)


def at_least(name: str, description: str, a: str, b: str, **kw: Any) -> Check:
    """a >= b on every row where both are present."""
    return check(name, description, "ExpectColumnPairValuesAToBeGreaterThanB", column_A=a, column_B=b,
                 or_equal=True, ignore_row_if="either_value_is_missing", **kw)


CONFLICT_ROWS: rules.Where = (("status", "in", rules.CONFLICT_STATUSES),)


# --- checks shared by several tables -------------------------------------------------------------

def schema_checks(table: str) -> list[Check]:
    """Columns in order, no missing values where required, unique key (types: view column_types)."""
    spec = TABLES[table]
    checks = [check("columns_match_schema", f"the file has exactly the columns of schema.py, in order: "
                    f"{', '.join(spec.names)}", "ExpectTableColumnsToMatchOrderedList", column_list=spec.names)]
    for col in spec.columns:
        if col.required:
            checks.append(check(f"not_null_{col.name}", f"{col.name} is never empty: {col.description}",
                                "ExpectColumnValuesToNotBeNull", column=col.name))
    key = list(spec.key)
    checks.append(check("key_unique", f"one row per {' × '.join(key)}", "ExpectCompoundColumnsToBeUnique",
                        column_list=key) if len(key) > 1 else
                  check("key_unique", f"{key[0]} is unique", "ExpectColumnValuesToBeUnique", column=key[0]))
    return checks


@cache
def _registry() -> dict[str, dict[str, str]]:
    provinces = all_provinces()
    return {"province": {p.code: p.name for p in provinces},
            "province_2025": {p.code: p.province_2025 for p in provinces},
            "region": {p.code: p.region for p in provinces}}


def province_checks() -> list[Check]:
    """Every province code is in the registry (names, region and 2025 province: the labels views)."""
    return [in_set("province_in_registry", "every province_code is a province of the registry "
                   "(cchc_research.provinces)", "province_code", _registry()["province"])]


def equal(name: str, description: str, a: str, b: str) -> Check:
    return check(name, description, "ExpectColumnPairValuesToBeEqual", column_A=a, column_B=b,
                 ignore_row_if="either_value_is_missing")


def scale_checks() -> list[Check]:
    """Values inside each measure's published scale (rules.PUBLISHED_SCALES)."""
    return [check(f"value_in_published_scale_{s.name}", f"value within the published scale {s.low:g}-{s.high:g}",
                  "ExpectColumnValuesToBeBetween", column="value", min_value=s.low, max_value=s.high, where=s.where)
            for s in rules.PUBLISHED_SCALES]


def programme_pairs(programmes) -> list[tuple[str, int]]:
    return [(p, y) for p in programmes for y in range(rules.PROGRAMME_YEARS[p][0], rules.PROGRAMME_YEARS[p][1] + 1)]


# --- one suite per table ---------------------------------------------------------------------------

def indicators_checks() -> list[Check]:
    return [
        in_set("family_known", f"family is one of {', '.join(FAMILIES)}", "family", FAMILIES),
        province_checks()[0],
        *scale_checks(),
        at_least("value_at_least_scale_min", "value is not below the row's scale_min", "value", "scale_min"),
        at_least("value_at_most_scale_max", "value is not above the row's scale_max", "scale_max", "value"),
        at_least("ci_low_at_most_value", "the confidence interval's lower end is not above the value",
                 "value", "ci_low"),
        at_least("ci_high_at_least_value", "the confidence interval's upper end is not below the value",
                 "ci_high", "value"),
        check("rank_at_least_1", "a rank is 1 or more", "ExpectColumnValuesToBeBetween", column="rank",
              min_value=1),
        in_set("rank_basis_known", f"rank_basis is one of {', '.join(RANK_BASES)}", "rank_basis", RANK_BASES),
        check("one_primary_row", "exactly one source is primary per province × year × family × measure",
              "ExpectCompoundColumnsToBeUnique", column_list=["province_code", "year", "family", "measure"],
              where=(("primary", "==", True),)),
    ]


def reported_figures_checks() -> list[Check]:
    return [
        in_set("unit_level_known", "unit_level is province, province_2025, region or national", "unit_level",
               ("province", "province_2025", "region", "national")),
        check("province_figure_has_province", "a provincial figure names its province", "ExpectColumnValuesToNotBeNull",
              column="province_code", where=(("unit_level", "==", "province"),)),
        check("new_province_figure_names_it", "a figure about a province from 2025-07-01 names that province",
              "ExpectColumnValuesToNotBeNull", column="province_2025", where=(("unit_level", "==", "province_2025"),)),
        check("new_province_figure_has_no_old_province", "a figure about a province from 2025-07-01 is not "
              "assigned to an old province", "ExpectColumnValuesToBeNull", column="province_code",
              where=(("unit_level", "==", "province_2025"),)),
        check("new_province_rank_within_34", f"a rank among the provinces from 2025-07-01 lies within "
              f"1..{rules.NEW_PROVINCES}", "ExpectColumnValuesToBeBetween", column="rank", min_value=1,
              max_value=rules.NEW_PROVINCES, where=(("unit_level", "==", "province_2025"),)),
        in_set("rank_basis_known", f"rank_basis is one of {', '.join(RANK_BASES)}", "rank_basis", RANK_BASES),
        check("listed_order_rank_has_its_note", "a rank marked listed-order comes from a note saying the rank "
              "was read from the order a page lists provinces", "ExpectColumnValuesToMatchRegex", column="note",
              regex=rules.LISTED_ORDER_NOTE, where=(("rank_basis", "==", "listed-order"),)),
        check("single_listed_order_rank_is_marked", "a rank that one source gives from a listed order is marked "
              "listed-order, not stated", "ExpectColumnValuesToNotMatchRegex", column="note",
              regex=rules.LISTED_ORDER_NOTE, where=(("rank_basis", "==", "stated"), ("n_sources", "==", 1))),
        check("snapshots_stay_apart", "dated snapshots (Index 766) are never collapsed into one figure",
              "ExpectColumnValuesToBeBetween", column="n_sources", min_value=1, max_value=1,
              where=(("family", "==", "INDEX_766"),)),
        province_checks()[0],
        check("evidence_not_blank", "every figure has its quoted evidence", "ExpectColumnValuesToMatchRegex",
              column="evidence", regex=NOT_BLANK),
        check("source_urls_not_blank", "every figure has the source it was read from", "ExpectColumnValuesToMatchRegex",
              column="source_urls", regex=NOT_BLANK),
        in_set("status_known", f"status is one of {', '.join(rules.REPORTED_STATUSES)}", "status",
               rules.REPORTED_STATUSES),
        check("conflict_has_id", "every conflicting claim names its conflict", "ExpectColumnValuesToNotBeNull",
              column="conflict_id", where=CONFLICT_ROWS),
        check("conflict_has_resolution", "every conflicting claim carries the resolution (or the reason it is "
              "left open) from config/resolutions.yml", "ExpectColumnValuesToNotBeNull", column="resolution",
              where=CONFLICT_ROWS),
        *scale_checks(),
        check("rank_within_provinces", f"a rank lies within 1..{MAX_PROVINCES}", "ExpectColumnValuesToBeBetween",
              column="rank", min_value=1, max_value=MAX_PROVINCES),
        at_least("rank_within_rank_of", "a rank is not above the number ranked (rank_of)", "rank_of", "rank"),
    ]


def self_reported_checks() -> list[Check]:
    from ..sources.readers.self_reported import LEVELS, UNITS

    percent, not_percent = (("unit", "==", "percent"),), (("unit", "not in", ("percent",)),)
    return [
        province_checks()[0],
        in_set("unit_known", f"unit is one of {', '.join(UNITS)}", "unit", UNITS),
        in_set("level_known", f"level is one of {', '.join(LEVELS)}", "level", LEVELS),
        in_set("target_or_result_known", "target_or_result is target or result", "target_or_result",
               ("target", "result")),
        in_set("bound_known", "a bound is '>' (over), '<' (under) or '~' (about)", "bound", (">", "<", "~")),
        in_set("status_known", f"status is one of {', '.join(rules.SELF_REPORTED_STATUSES)}", "status",
               rules.SELF_REPORTED_STATUSES),
        pair_in_set("programme_matches_year", "programme is the master programme period of the year", "programme",
                    "year", programme_pairs(("2011-2020", "2021-2030"))),
        check("percentage_within_0_100", "a percentage lies within 0-100", "ExpectColumnValuesToBeBetween",
              column="value", min_value=0, max_value=100, where=percent),
        check("percentage_bound_within_0_100", "a percentage's bound lies within 0-100",
              "ExpectColumnValuesToBeBetween", column="limit", min_value=0, max_value=100, where=percent),
        check("count_not_negative", "a count (dossiers, procedures, services, positions, units) is not negative",
              "ExpectColumnValuesToBeBetween", column="value", min_value=0, where=not_percent),
        check("count_bound_not_negative", "a count's bound is not negative", "ExpectColumnValuesToBeBetween",
              column="limit", min_value=0, where=not_percent),
        at_least("base_year_before_year", "a cut's base year is not after the year of the figure", "year",
                 "base_year"),
        check("source_url_is_web", "every figure links the page it was read on (http or https)",
              "ExpectColumnValuesToMatchRegex", column="source_url", regex=r"^https?://\S+$"),
        check("conflict_has_id", "every conflicting figure names its conflict", "ExpectColumnValuesToNotBeNull",
              column="conflict_id", where=(("status", "==", "conflict"),)),
    ]


def provinces_checks() -> list[Check]:
    reg = _registry()
    return [
        check("all_registry_provinces", "the 63 provinces of 2008-2025 plus Hà Tây, no more, no less",
              "ExpectColumnDistinctValuesToEqualSet", column="province_code", value_set=sorted(reg["province"])),
        check("every_province_has_2025_province", "every legacy province maps to a province from 2025-07-01",
              "ExpectColumnValuesToNotBeNull", column="province_2025"),
        pair_in_set("province_matches_registry", "name agrees with the registry", "province_code", "province",
                    reg["province"].items()),
        in_set("kind_known", "kind is tỉnh or thành phố trực thuộc trung ương", "kind",
               ("tỉnh", "thành phố trực thuộc trung ương")),
        in_set("region_known", "region is one of the six GSO regions", "region", set(reg["region"].values())),
    ]


def crosswalk_checks() -> list[Check]:
    reg = _registry()
    crosswalk = crosswalk_table()
    return [
        check("every_legacy_province", "every legacy province (Hà Tây too) has a row",
              "ExpectColumnDistinctValuesToEqualSet", column="province_code", value_set=sorted(reg["province"])),
        check("thirty_four_new_provinces", "the old provinces map onto exactly 34 provinces",
              "ExpectColumnUniqueValueCountToBeBetween", column="province_2025", min_value=34, max_value=34),
        pair_in_set("maps_as_registry", "each old province maps to the registry's new province", "province_code",
                    "province_2025", reg["province_2025"].items()),
        pair_in_set("new_code_matches_name", "the new province's code agrees with its name", "province_2025_code",
                    "province_2025", set(zip(crosswalk["province_2025_code"], crosswalk["province_2025"]))),
        check("members_count", "a new province is formed by 1 to 4 old ones", "ExpectColumnValuesToBeBetween",
              column="n_members", min_value=1, max_value=4),
    ]


def programme_targets_checks() -> list[Check]:
    return [
        in_set("programme_known", "programme is 2011-2020 or 2021-2030", "programme", rules.TARGET_PROGRAMMES),
        in_set("comparator_well_formed", f"comparator is one of {' '.join(rules.COMPARATORS)}", "comparator",
               rules.COMPARATORS),
        check("unit_not_blank", "the target value has a unit", "ExpectColumnValuesToMatchRegex", column="unit",
              regex=NOT_BLANK),
        check("percent_within_0_100", "a percentage target lies within 0-100", "ExpectColumnValuesToBeBetween",
              column="value", min_value=0, max_value=100, where=(("unit", "in", ("%", "percent")),)),
        pair_in_set("deadline_in_programme", "the deadline year falls within the target's programme period",
                    "programme", "deadline_year", programme_pairs(rules.TARGET_PROGRAMMES)),
        check("metric_snake_case", "metric is a lower-case snake_case name (cosmetic: warning only)",
              "ExpectColumnValuesToMatchRegex", severity="warning", column="metric", regex=r"^[a-z][a-z0-9_]*$"),
        in_set("scope_known", "scope is national or provincial", "scope", ("national", "provincial")),
        in_set("confidence_known", "confidence is high, medium or low", "confidence", ("high", "medium", "low")),
    ]


def programme_areas_checks() -> list[Check]:
    return [
        in_set("programme_known", "programme is 2011-2020 or 2021-2030", "programme", rules.TARGET_PROGRAMMES),
        check("area_no_positive", "areas are numbered from 1", "ExpectColumnValuesToBeBetween", column="area_no",
              min_value=1),
        in_set("confidence_known", "confidence is high, medium or low", "confidence", ("high", "medium", "low")),
    ]


def measures_checks() -> list[Check]:
    return [
        in_set("family_known", f"family is one of {', '.join(FAMILIES)}", "family", FAMILIES),
        check("scale_ordered", "scale_max is above scale_min", "ExpectColumnPairValuesAToBeGreaterThanB",
              column_A="scale_max", column_B="scale_min", ignore_row_if="either_value_is_missing"),
        at_least("years_ordered", "last_year is not before first_year", "last_year", "first_year"),
    ]


def coverage_checks() -> list[Check]:
    return [
        in_set("family_known", f"family is one of {', '.join(FAMILIES)}", "family", FAMILIES),
        at_least("quoted_at_least_valued", "provinces with a value or a rank are at least those with a value",
                 "n_quoted", "n_provinces"),
        at_least("quoted_at_least_ranked", "provinces with a value or a rank are at least those with a rank",
                 "n_quoted", "n_ranked"),
        at_least("provinces_at_most_expected", "no more provinces with a value than in force", "n_expected",
                 "n_provinces"),
        check("expected_provinces", "63 provinces in force, 64 with Hà Tây (to 2008)", "ExpectColumnValuesToBeBetween",
              column="n_expected", min_value=63, max_value=MAX_PROVINCES),
    ]


def boundaries_checks() -> list[Check]:
    units_2025 = all_provinces_2025()
    units = ({("63", p.code) for p in all_provinces(include_ha_tay=False)} | {("64", p.code) for p in all_provinces()}
             | {("34", u.code) for u in units_2025})
    return [
        in_set("map_known", "map is 63, 34 or 64", "map", ("63", "34", "64")),
        pair_in_set("unit_in_registry", "each feature is a unit of its map in the registry (the 63 provinces, "
                    "the 34 from 2025-07-01, the 64 with Hà Tây)", "map", "unit_code", units),
        check("every_unit_has_a_feature", f"{len(units)} features (63 + 34 + 64): with a unique key and units "
              "from the registry, every unit of each map has exactly one", "ExpectTableRowCountToEqual",
              value=len(units)),
        pair_in_set("members_as_crosswalk", "the members of each province from 2025-07-01 are the crosswalk's "
                    "(Hà Tây excluded)", "unit_code", "members",
                    {(u.code, "; ".join(p.name for p in u.members)) for u in units_2025}),
        check("area_plausible", "area between 800 and 25,000 km² (Bắc Ninh about 820 … Lâm Đồng from 2025 about "
              "24,250); outside it the geometry is probably not the province's", "ExpectColumnValuesToBeBetween",
              severity="warning", column="area_km2", min_value=800, max_value=25000),
    ]


# --- one suite per derived view --------------------------------------------------------------------

def label_checks(with_programme: bool) -> list[Check]:
    """Registry and calendar checks on a table's distinct labellings (views *.labels)."""
    years = "; ".join(f"{f} {a}-{b}" for f, (a, b) in rules.FAMILY_YEARS.items())
    checks = [
        *(equal(f"{column}_matches_registry", f"{column} is the registry's {what} for the province_code",
                column, f"registry_{column}")
          for column, what in (("province", "official name"), ("province_2025", "province from 2025-07-01"),
                               ("region", "GSO region"))),
        at_least("province_in_force_from", "the province existed in that year (registry valid_from)", "year",
                 "in_force_from"),
        at_least("province_in_force_to", "the province existed in that year (Hà Tây only to 2008)",
                 "in_force_to", "year"),
        at_least("year_not_before_family", f"year lies within the years the index exists ({years})", "year",
                 "family_first_year"),
        at_least("year_not_after_family", f"year lies within the years the index exists ({years})",
                 "family_last_year", "year"),
    ]
    if with_programme:
        checks.append(equal("programme_matches_year", "programme is the master programme period of the year",
                            "programme", "expected_programme"))
    return checks


def view_checks() -> dict[str, list[Check]]:
    return {
        "column_types": [check("column_parses_as_schema_type", "every value of each column parses as the type "
                               "schema.py declares (string, int64, Int64, float64, bool)",
                               "ExpectColumnPairValuesToBeEqual", column_A="expected", column_B="observed")],
        "indicators.labels": label_checks(with_programme=True),
        "reported_figures.labels": label_checks(with_programme=False),
        "indicators.completeness": [
            in_set("complete_table_has_every_value", "each complete table that config/completeness.yml says the "
                   "sources publish has a primary value for every measure it lists and every province in force, "
                   "except the documented gaps", "complete", [True]),
            in_set("contract_lists_every_measure", "every measure the data hold in a complete table is listed in "
                   "config/completeness.yml (an unlisted measure is not protected against loss)", "unlisted", [""],
                   severity="warning"),
        ],
        "indicators.documented_gaps": [in_set(
            "documented_gap_still_empty", "a province-year listed as a gap in config/completeness.yml has no value; "
            "if it now has one, the gap list is out of date", "has_value", [False], severity="warning")],
        "indicators.ranks": [
            at_least("rank_within_provinces", "a rank is not above the number of provinces in force that year",
                     "n_provinces", "rank"),
            at_least("rank_order_not_above_score_order", "in a complete table a rank is at least 1 + the number of "
                     "provinces with a higher score (no gaps, no ties broken against the score)", "rank", "rank_low"),
            at_least("rank_order_not_below_score_order", "in a complete table a rank is at most the number of "
                     "provinces scoring at least as high", "rank_high", "rank"),
        ],
        "indicators.rank_marks": [
            equal("rank_has_basis", "every rank says how it was given (rank_basis), and only a rank does",
                  "has_rank", "has_basis"),
            equal("rank_basis_as_reported", "a reported rank carries the basis of its figure in reported_figures "
                  "(listed-order ranks stay marked)", "rank_basis", "figure_rank_basis"),
        ],
        "coverage.rule": [equal(
            "complete_by_coverage_rule", "complete and ranking_complete follow config/coverage.yml (share of the "
            "provinces in force with a value, or a published rank)", "complete_by_rule", "complete_as_written")],
        "indicators.papi_sums": [check(
            "dimensions_sum_to_total", f"PAPI D1..D6 (to 2017) or D1..D8 (from 2018) add up to the published "
            f"unweighted total within {rules.SUM_TOLERANCE}", "ExpectColumnValuesToBeBetween", column="difference",
            min_value=0, max_value=rules.SUM_TOLERANCE)],
        "self_reported.figures": [in_set(
            "value_or_bound", "a figure is an exact value, or a bound with its limit, never a bound turned into "
            "a value", "value_or_bound", [True])],
        "self_reported.part_year": [in_set(
            "full_year_not_below_part", "a full year's count of a flow measure (dossiers received or resolved, "
            "tasks) is not smaller than a part of the same year's, unless a flag explains it", "consistent",
            [True])],
        "reported_figures.conflicts": [in_set(
            "conflict_settled", "each conflict has exactly one selected claim (the rest rejected) or is explicitly "
            "left open (every claim conflict-unresolved)", "state", ["one selected", "left open"])],
    }


TABLE_CHECKS = {
    "indicators": indicators_checks, "reported_figures": reported_figures_checks, "provinces": provinces_checks,
    "self_reported": self_reported_checks,
    "crosswalk_2025": crosswalk_checks, "programme_areas": programme_areas_checks,
    "programme_targets": programme_targets_checks, "measures": measures_checks, "coverage": coverage_checks,
    "quality_flags": list, "boundaries": boundaries_checks,
}
EXAMPLES = {
    "indicators": ("province", "province_code", "year", "family", "measure", "value", "rank", "source_id",
                   "source_ref"),
    "reported_figures": ("figure_id", "province", "year", "family", "measure", "value", "rank", "status",
                         "source_urls"),
    "self_reported": ("figure_id", "province", "year", "measure", "value", "bound", "limit", "unit", "source_ref"),
    "provinces": ("province_code", "province"),
    "crosswalk_2025": ("province_code", "province", "province_2025"),
    "programme_areas": ("programme", "area_no", "area_name_vi", "source_url"),
    "programme_targets": ("target_id", "programme", "metric", "comparator", "value", "unit", "deadline_year",
                          "source_url"),
    "measures": ("family", "measure", "methodology", "scale_min", "scale_max"),
    "coverage": ("family", "year", "measure", "n_provinces", "n_expected"),
    "quality_flags": ("flag", "source_id", "file", "detail"),
    "boundaries": ("map", "unit_code", "unit", "name_as_written", "members", "area_km2"),
    "column_types": ("table", "column", "expected", "observed"),
    "indicators.labels": ("province", "province_code", "year", "family", "programme", "n_rows", "first_row"),
    "reported_figures.labels": ("province", "province_code", "year", "family", "n_rows", "first_row"),
    "indicators.completeness": ("family", "year", "n_missing", "missing", "files", "unlisted"),
    "indicators.documented_gaps": ("province_code", "year", "family", "measure", "value", "source_ref"),
    "indicators.ranks": ("province", "year", "family", "measure", "value", "rank", "rank_low", "rank_high",
                         "n_provinces", "source_ref"),
    "indicators.papi_sums": ("province", "province_code", "year", "measure", "value", "dimension_sum", "dimensions", "source_ref"),
    "indicators.rank_marks": ("province", "year", "family", "measure", "rank", "rank_basis", "figure_rank_basis",
                              "source_ref"),
    "coverage.rule": ("family", "year", "measure", "n_provinces", "n_ranked", "n_expected", "complete_as_written",
                      "complete_by_rule"),
    "reported_figures.conflicts": ("conflict_id", "province", "year", "measure", "values", "figure_ids"),
    "self_reported.figures": ("figure_id", "province", "year", "measure", "value", "bound", "limit", "source_ref"),
    "self_reported.part_year": ("province", "year", "measure", "level", "full_year_value", "largest_part_value",
                                "figure_ids"),
}


@cache
def all_suites() -> tuple[Suite, ...]:
    """Every suite, tables first (schema.py order), then the derived views."""
    suites = [Suite(t, t, tuple(schema_checks(t) + TABLE_CHECKS[t]()), EXAMPLES[t]) for t in TABLES]
    suites += [Suite(name, VIEWS[name][0], tuple(checks), EXAMPLES[name]) for name, checks in view_checks().items()]
    for suite in suites:
        names = [c.name for c in suite.checks]
        if len(set(names)) != len(names):
            raise ValueError(f"suite {suite.name}: duplicate check names")
    return tuple(suites)


def suites_for(tables: list[str]) -> list[Suite]:
    """The suites checking these tables (view column_types checks whichever tables are loaded)."""
    return [s for s in all_suites() if s.table is None or s.table in tables]
