"""The documented source gaps (config/source_gaps.yml), resolved to province codes."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import load_yaml
from ..errors import DataError
from ..paths import Project
from ..provinces import resolve

FILE = "source_gaps.yml"


@dataclass(frozen=True)
class Gap:
    family: str
    year: int
    province_code: str
    measures: tuple[str, ...] | None  # None: every measure
    reason: str

    def covers(self, measure: str) -> bool:
        """True for a listed measure and its parts (a gap in D2 is a gap in D2.1, D2.2, ...)."""
        return self.measures is None or measure in self.measures or measure.split(".")[0] in self.measures


def documented_gaps(project: Project) -> list[Gap]:
    """Every province-year a source lacks, one Gap per province (names resolved by the registry)."""
    path = project.config / FILE
    gaps = []
    for row, entry in enumerate(load_yaml(project, FILE).get("gaps", []), start=1):
        try:
            measures = entry["measures"]
            for name in entry["provinces"]:
                province = resolve(name, file=path, row=row, column="provinces")
                gaps.append(Gap(entry["family"], int(entry["year"]), province.code,
                                None if measures == "all" else tuple(measures), entry.get("reason", "")))
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"malformed gap entry ({exc!r}); needs family, year, provinces, measures",
                            file=path, row=row, value=entry) from None
    return gaps
