"""Pure functions on the processed tables (always their `primary` rows) for the comparative reports.

`ind` is the processed `indicators` table as `schema.read_table` returns it; `coverage`, `targets` and
the methodology config are the other processed tables / config/methodologies.yml. Statistics over
provinces take `coverage` and use only the years its coverage rule (config/coverage.yml) calls complete.
"""

from .convergence import Beta, beta, comparable_span, sigma
from .coverage import (DISTRIBUTION_COLUMNS, distribution_rows, national_distribution, quoted_points, quoted_years,
                       year_coverage)
from .crossindex import DEFAULT_PAIRS, cross_index, cross_index_summary, paired_values
from .data import (PERIODS, check_measure, complete_years, dimension_measures, era_of, family_digits,
                   load_methodologies, merger_2025, methodology_breaks, period_of, primary, resolve_province,
                   resolve_region, series, year_span)
from .jumps import JUMP_COLUMNS, jumps, year_changes
from .peers import best_performers, nearest_peers
from .profile import FamilySummary, family_summary, history_points
from .periods import PeriodComparison, Window, compare_periods, programme_comparisons
from . import self_reported
from .ranks import (RANKING_COLUMNS, ci_rank_range, correlate, displayed, least_stable_step, percentile,
                    period_percentiles, period_rank_correlation, quartile_groups, rank_label, rank_table,
                    ranked_years, rankings, standing, year_correlations)
from .targets import TARGET_MEASURES, target_series, target_table
from .trajectories import dimension_profile, province_coverage, trajectory
from .uncertainty import intervals, overlapping

__all__ = [
    "DEFAULT_PAIRS", "DISTRIBUTION_COLUMNS", "JUMP_COLUMNS", "PERIODS", "RANKING_COLUMNS", "TARGET_MEASURES", "Beta",
    "FamilySummary", "PeriodComparison", "Window", "family_summary", "history_points", "best_performers", "beta", "check_measure", "ci_rank_range", "comparable_span",
    "compare_periods", "complete_years", "correlate", "cross_index", "cross_index_summary", "dimension_measures",
    "dimension_profile", "displayed", "distribution_rows", "era_of", "family_digits", "intervals", "jumps",
    "least_stable_step", "load_methodologies", "merger_2025", "methodology_breaks", "national_distribution",
    "nearest_peers", "overlapping", "paired_values", "percentile", "period_of", "period_percentiles",
    "period_rank_correlation", "primary", "programme_comparisons", "province_coverage", "quartile_groups",
    "quoted_points", "quoted_years", "rank_label", "rank_table", "ranked_years", "rankings",
    "resolve_province", "resolve_region", "self_reported", "series", "sigma", "standing", "target_series", "target_table",
    "trajectory", "year_changes", "year_coverage", "year_correlations", "year_span",
]
