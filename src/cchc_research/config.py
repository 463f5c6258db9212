"""The declarative configuration files under config/ (read once per run)."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from functools import cached_property

import yaml

from .errors import CchcError, DataError
from .paths import Project


def load_yaml(project: Project, name: str) -> dict:
    path = project.config / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError as exc:
        raise CchcError(f"{path} is missing") from exc
    except yaml.YAMLError as exc:
        raise CchcError(f"{path}: not valid YAML: {exc}") from exc


@dataclass(frozen=True)
class Methodologies:
    """config/methodologies.yml: eras, scales, programmes, source priority, measure names."""

    data: dict

    @classmethod
    def load(cls, project: Project) -> "Methodologies":
        return cls(load_yaml(project, "methodologies.yml"))

    def era(self, family: str, year: int) -> dict:
        for era in self.data["families"][family]["eras"]:
            if era["years"][0] <= year <= era["years"][1]:
                return era
        raise CchcError(f"config/methodologies.yml: no {family} methodology era covers {year}")

    def scale(self, family: str, year: int, measure: str) -> tuple[float, float] | None:
        for pattern, bounds in self.era(family, year).get("scales", {}).items():
            if fnmatch.fnmatchcase(measure, pattern):
                return float(bounds[0]), float(bounds[1])
        return None

    def programme(self, year: int) -> str:
        for programme in self.data["programmes"]:
            if programme["first_year"] <= year <= programme["last_year"]:
                return programme["id"]
        raise CchcError(f"config/methodologies.yml: no programme period covers {year}")

    def priority(self, family: str, source_id: str) -> int:
        """Position of a source in the family's priority list (lower wins)."""
        for i, pattern in enumerate(self.data["families"][family]["source_priority"]):
            if fnmatch.fnmatchcase(source_id, pattern):
                return i
        raise CchcError(f"config/methodologies.yml: source {source_id!r} is not in the {family} source_priority")

    @cached_property
    def _names(self) -> dict[str, dict[str, str]]:
        return {family: {name.casefold().strip(): measure for measure, names in mapping.items() for name in names}
                for family, mapping in self.data["component_names"].items()}

    def measure(self, family: str, name: str, *, file: str, row: int, column: str) -> str:
        """The measure code for a component name as a source writes it."""
        try:
            return self._names[family][name.casefold().strip()]
        except KeyError:
            raise DataError(f"unknown {family} component name; add it to component_names in "
                            "config/methodologies.yml", file=file, row=row, column=column, value=name) from None


@dataclass(frozen=True)
class Gap:
    """A province-year (some or all measures) that a source lacks."""

    family: str
    year: int
    province_code: str
    measures: tuple[str, ...] | None  # None: every measure
    reason: str

    def covers(self, measure: str) -> bool:
        """True for a listed measure and its parts (a gap in D2 is a gap in D2.1, D2.2, ...)."""
        return self.measures is None or measure in self.measures or measure.split(".")[0] in self.measures


@dataclass(frozen=True)
class PublishedTable:
    """One complete family-year as the sources publish it: every province, these measures."""

    family: str
    year: int
    measures: tuple[str, ...]
    files: tuple[str, ...]  # extracts below data/raw/ that carry it


def _flat(items: object) -> list:
    if not isinstance(items, list):
        raise TypeError(f"expected a list, got {items!r}")
    return [x for item in items for x in (_flat(item) if isinstance(item, list) else [item])]


@dataclass(frozen=True)
class Completeness:
    """config/completeness.yml: the complete tables the sources publish, and the gaps they document.

    Not the statistics rule (config/coverage.yml): this is what must be present, whatever the data hold."""

    published: tuple[PublishedTable, ...]
    gaps: tuple[Gap, ...]

    FILE = "completeness.yml"

    @classmethod
    def load(cls, project: Project) -> "Completeness":
        from .provinces import resolve

        path = project.config / cls.FILE
        doc = load_yaml(project, cls.FILE)
        tables, gaps = [], []
        for family, blocks in (doc.get("published") or {}).items():
            for i, block in enumerate(blocks, 1):
                try:
                    first, last = (int(y) for y in block["years"])
                    measures = tuple(str(m) for m in _flat(block["measures"]))
                    files = tuple(_flat(block["files"]))
                except (KeyError, TypeError, ValueError) as exc:
                    raise DataError(f"malformed published block ({exc!r}); needs years: [first, last], "
                                    "measures and files", file=path, row=i, column=f"published.{family}",
                                    value=block) from None
                missing = [f for f in files if not (project.raw / f).is_file()]
                if missing:
                    raise DataError(f"published.{family} {first}-{last}: no such extract in data/raw/",
                                    file=path, value=missing[0])
                tables += [PublishedTable(family, year, measures, files) for year in range(first, last + 1)]
        for row, entry in enumerate(doc.get("gaps") or [], start=1):
            try:
                measures = entry["measures"]
                for name in entry["provinces"]:
                    code = resolve(name, file=path, row=row, column="provinces").code
                    gaps.append(Gap(entry["family"], int(entry["year"]), code,
                                    None if measures == "all" else tuple(measures), entry.get("reason", "")))
            except (KeyError, TypeError, ValueError) as exc:
                raise DataError(f"malformed gap entry ({exc!r}); needs family, year, provinces, measures",
                                file=path, row=row, value=entry) from None
        return cls(tuple(tables), tuple(gaps))

    def gap_codes(self, family: str, year: int, measure: str) -> set[str]:
        """Provinces documented as lacking `measure` in this family-year."""
        return {g.province_code for g in self.gaps if g.family == family and g.year == year and g.covers(measure)}

    def table(self, family: str, year: int) -> PublishedTable | None:
        return next((t for t in self.published if t.family == family and t.year == year), None)


@dataclass(frozen=True)
class CoverageRule:
    """config/coverage.yml: when a family-year may carry statistics over provinces, where a producer
    publishes only part of a ranking, and when a year-on-year change is flagged as a jump."""

    data: dict

    @classmethod
    def load(cls, project: Project) -> "CoverageRule":
        rule = cls(load_yaml(project, "coverage.yml"))
        for key in ("complete_share", "ranking_share"):
            share = rule.data.get(key)
            if not isinstance(share, (int, float)) or not 0 < share <= 1:
                raise CchcError(f"config/coverage.yml: {key} must be a share between 0 and 1, not {share!r}")
        return rule

    def complete(self, n: int, n_expected: int, basis: str = "value") -> bool:
        """True when `n` of `n_expected` provinces reach the rule's share (basis "value" or "rank")."""
        share = self.data["complete_share" if basis == "value" else "ranking_share"]
        return n_expected > 0 and n >= share * n_expected

    def published_scope(self, family: str) -> dict | None:
        """{"first_year", "top", "reason"} where the producer publishes only its top N (PCI from 2023: 30)."""
        for scope in self.data.get("published_scope", []):
            if scope["family"] == family:
                return {"first_year": int(scope["first_year"]), "top": int(scope["top"]), "reason": scope["reason"]}
        return None

    @property
    def jumps(self) -> dict:
        return self.data["jumps"]
