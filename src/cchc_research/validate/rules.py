"""What the gate checks values against, defined here and not taken from cleaning's own columns.

Published scales come from the index producers' methodology notes (SOURCES.md, programmes/NOTES.md,
indices_2021_2030/NOTES.md): PAPI dimensions 1-10; PAPI total 6-60 with six dimensions (to 2017) and
10-80 with eight (from 2018); PCI total 0-100 and its sub-indices 0-10; PAR INDEX total and SIPAS 0-100;
DTI total and its pillars and indicators 0-1; Index 766 total 0-100. Other measures (PAPI
sub-dimensions, PAR INDEX fields, ...) have no single published scale and are checked only against
the row's own scale_min..scale_max.
"""

from __future__ import annotations

from dataclasses import dataclass

PAPI_DIMENSIONS_6 = tuple(f"D{i}" for i in range(1, 7))
PAPI_DIMENSIONS_8 = tuple(f"D{i}" for i in range(1, 9))
PAPI_8D_FROM = 2018  # D7 and D8 added; the total's scale changes from 6-60 to 10-80
PCI_TOTALS = ("total", "total_unweighted")
SUM_TOLERANCE = 0.01  # PAPI: D1 + ... + Dk must equal the published total within this

# First and last year each index exists in the shipped sources (nationwide PAPI from 2011; PCI from
# 2005; PAR INDEX from 2012; SIPAS pilot 2015). A year outside is a mislabelled year.
FAMILY_YEARS: dict[str, tuple[int, int]] = {
    "PAPI": (2011, 2024),
    "PCI": (2005, 2024),
    "PAR_INDEX": (2012, 2024),
    "SIPAS": (2015, 2024),
    "DTI": (2020, 2024),
    "INDEX_766": (2022, 2025),  # Decision 766/QĐ-TTg of 2022; weekly snapshots, reported figures only
}
NEW_PROVINCES = 34  # provinces from 2025-07-01: the largest rank a figure about them can have
# A note saying the rank was read from the order a page lists provinces (clean.notes.LISTED_ORDER).
LISTED_ORDER_NOTE = r"(?i)rank (?:inferred )?from (?:the )?(?:listed )?order"

COMPARATORS = (">=", ">", "<=", "<", "=")
# Master programme periods (years before 2011 belong to 2001-2010: PCI 2005-2010).
PROGRAMME_YEARS: dict[str, tuple[int, int]] = {"2001-2010": (2001, 2010), "2011-2020": (2011, 2020),
                                               "2021-2030": (2021, 2030)}
TARGET_PROGRAMMES = ("2011-2020", "2021-2030")
# self_reported (config/self_reported.yml): the measures that are counts over a period (`kind: flow`), for
# which a full year's figure is never smaller than a part of the same year's; a test keeps them in step.
SELF_REPORTED_FLOWS = ("dossiers_received", "dossiers_resolved", "tasks_planned", "tasks_done")
SELF_REPORTED_STATUSES = ("single", "agreed", "conflict")
REPORTED_STATUSES = ("single", "agreed", "conflict-selected", "conflict-rejected", "conflict-unresolved")
CONFLICT_STATUSES = REPORTED_STATUSES[2:]


# A row condition: terms (column, operator, value) that must all hold; operators ==, <, >=, in, not in.
Where = tuple[tuple[str, str, object], ...]


def describe(where: Where) -> str:
    """The condition as readable text, e.g. 'family == PAPI and year < 2018'."""
    return " and ".join(f"{col} {op} {list(value) if isinstance(value, tuple) else value}"
                        for col, op, value in where)


@dataclass(frozen=True)
class Scale:
    """A published scale for the rows `where` selects."""

    name: str
    where: Where
    low: float
    high: float


PUBLISHED_SCALES: tuple[Scale, ...] = (
    Scale("papi_dimensions", (("family", "==", "PAPI"), ("measure", "in", PAPI_DIMENSIONS_8)), 1, 10),
    Scale("papi_total_6d", (("family", "==", "PAPI"), ("measure", "==", "total"), ("year", "<", PAPI_8D_FROM)),
          6, 60),
    Scale("papi_total_8d", (("family", "==", "PAPI"), ("measure", "in", ("total", "total_weighted")),
                            ("year", ">=", PAPI_8D_FROM)), 10, 80),
    Scale("pci_total", (("family", "==", "PCI"), ("measure", "in", PCI_TOTALS)), 0, 100),
    Scale("pci_sub_indices", (("family", "==", "PCI"), ("measure", "not in", PCI_TOTALS)), 0, 10),
    Scale("par_index_total", (("family", "==", "PAR_INDEX"), ("measure", "==", "total")), 0, 100),
    Scale("sipas_total", (("family", "==", "SIPAS"), ("measure", "==", "total")), 0, 100),
    Scale("dti", (("family", "==", "DTI"),), 0, 1),
    Scale("index_766_total", (("family", "==", "INDEX_766"), ("measure", "==", "total")), 0, 100),
)


def programme(year: int) -> str | None:
    """The master programme period containing `year`."""
    return next((p for p, (first, last) in PROGRAMME_YEARS.items() if first <= year <= last), None)


def papi_dimensions(year: int) -> tuple[str, ...]:
    """The PAPI dimensions whose sum is the unweighted total in `year`."""
    return PAPI_DIMENSIONS_8 if year >= PAPI_8D_FROM else PAPI_DIMENSIONS_6
