"""Pure functions on the processed tables (always their `primary` rows) for the comparative reports.

`ind` is the processed `indicators` table as `schema.read_table` returns it; `coverage`, `targets` and
the methodology config are the other processed tables / config/methodologies.yml.
"""

from .convergence import Beta, beta, comparable_span, sigma
from .crossindex import DEFAULT_PAIRS, cross_index, cross_index_summary, paired_values
from .data import (PERIODS, check_measure, complete_years, dimension_measures, load_methodologies,
                   methodology_breaks, period_of, primary, resolve_province, resolve_region, series)
from .peers import best_performers, nearest_peers
from .periods import PeriodComparison, compare_periods
from .ranks import (correlate, least_stable_step, period_percentiles, period_rank_correlation, rank_changes,
                    rank_table, standing, year_correlations)
from .targets import TARGET_MEASURES, target_progress
from .trajectories import dimension_profile, families_overview, national_band, province_coverage, trajectory
from .uncertainty import intervals, overlapping

__all__ = [
    "PERIODS", "Beta", "DEFAULT_PAIRS", "PeriodComparison", "TARGET_MEASURES", "best_performers", "beta",
    "check_measure", "compare_periods", "comparable_span", "complete_years", "correlate", "cross_index",
    "cross_index_summary", "dimension_measures", "dimension_profile", "families_overview", "intervals",
    "least_stable_step", "load_methodologies", "methodology_breaks", "national_band", "nearest_peers",
    "overlapping", "paired_values", "period_of", "period_percentiles", "period_rank_correlation", "primary",
    "province_coverage", "rank_changes", "rank_table", "resolve_province", "resolve_region", "series",
    "sigma", "standing", "target_progress", "trajectory", "year_correlations",
]
