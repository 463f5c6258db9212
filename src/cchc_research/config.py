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
