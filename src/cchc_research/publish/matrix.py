"""The report matrix (`config/reports.yml`): load it, expand `for_each` entries, check every report.

The syntax is documented at the top of `config/reports.yml`. Errors name the file and the entry.
"""

from __future__ import annotations

import fnmatch
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import CchcError
from ..paths import Project

KINDS = ("province", "region", "family", "overview", "quality")
LANGS = ("vi", "en")
ENTRY_KEYS = {"notebook", "kind", "for_each", "slug", "title", "parameters"}
TOP_KEYS = {"defaults", "langs", "reports"}
AXES = ("province", "region", "family", "lang")
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@dataclass(frozen=True)
class Report:
    """One HTML report: a notebook run with one set of parameters."""

    slug: str
    kind: str
    notebook: str
    title: str
    lang: str
    parameters: dict[str, Any] = field(hash=False)
    province: str | None = None
    region: str | None = None
    family: str | None = None

    @property
    def output(self) -> str:
        """Path of the HTML page below `reports/`."""
        return f"{self.kind}/{self.slug}.html"

    def matches(self, patterns: Iterable[str]) -> bool:
        """True when the slug or `kind/slug` matches one of the glob patterns."""
        return any(fnmatch.fnmatchcase(self.slug, p) or fnmatch.fnmatchcase(f"{self.kind}/{self.slug}", p)
                   for p in patterns)


class MatrixError(CchcError):
    """A malformed report matrix; the message names the file and the entry."""


def slugify(text: str) -> str:
    """ASCII slug: 'Bà Rịa - Vũng Tàu' -> 'ba-ria-vung-tau'."""
    plain = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _axis_values(axis: str, langs: list[str]) -> list[dict[str, str]]:
    """The placeholder values of each value of a built-in axis."""
    from .. import provinces
    from ..schema import FAMILIES

    registry = provinces.all_provinces(include_ha_tay=False)
    if axis == "province":
        return [{"province": p.name, "province_en": p.en, "province_code": p.code,
                 "province_slug": slugify(p.name), "region": p.region, "region_en": p.region_en}
                for p in registry]
    if axis == "region":
        regions = {p.region: p.region_en for p in registry}  # first appearance in GSO code order
        return [{"region": r, "region_en": en, "region_slug": slugify(r)} for r, en in regions.items()]
    if axis == "family":
        return [{"family": f, "family_slug": slugify(f)} for f in FAMILIES]
    if axis == "lang":
        return [{"lang": lang, "lang_slug": lang} for lang in langs]
    raise KeyError(axis)



def _fill(template: Any, values: dict[str, str]) -> Any:
    """Fill `{placeholder}`s in strings, recursively in lists and mappings."""
    if isinstance(template, str):
        return template.format_map(values)
    if isinstance(template, list):
        return [_fill(item, values) for item in template]
    if isinstance(template, dict):
        return {key: _fill(item, values) for key, item in template.items()}
    return template


def _expand_entry(entry: dict[str, Any], defaults: dict[str, Any], langs: list[str],
                  where: str, project: Project) -> list[Report]:
    unknown = set(entry) - ENTRY_KEYS
    if unknown:
        raise MatrixError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(ENTRY_KEYS)}")
    merged = {**defaults, **entry,
              "parameters": {**defaults.get("parameters", {}), **(entry.get("parameters") or {})}}
    for key in ("notebook", "kind", "slug", "title"):
        if not merged.get(key):
            raise MatrixError(f"{where}: '{key}' is required")
    if merged["kind"] not in KINDS:
        raise MatrixError(f"{where}: kind {merged['kind']!r} is not one of {', '.join(KINDS)}")
    if not (project.notebooks / merged["notebook"]).is_file():
        raise MatrixError(f"{where}: notebook {merged['notebook']!r} not found in {project.notebooks}")
    axes = merged.get("for_each") or []
    axes = [axes] if isinstance(axes, str) else list(axes)
    for axis in axes:
        if axis not in AXES:
            raise MatrixError(f"{where}: unknown for_each axis {axis!r}; known: {', '.join(AXES)}")
    reports = []
    for combo in itertools.product(*(_axis_values(a, langs) for a in axes)):
        values = {k: v for part in combo for k, v in part.items()}
        try:
            parameters = _fill(merged["parameters"], values)
            lang = parameters.get("lang", "vi")
            title = merged["title"]
            title = _fill(title.get(lang) if isinstance(title, dict) else title, values)
            slug = _fill(merged["slug"], values)
        except KeyError as exc:
            raise MatrixError(f"{where}: unknown placeholder {{{exc.args[0]}}}; this entry knows "
                              f"{', '.join(sorted(values)) or 'none (no for_each)'}") from None
        if lang not in LANGS:
            raise MatrixError(f"{where}: lang {lang!r} is not one of {', '.join(LANGS)}")
        if not title:
            raise MatrixError(f"{where}: no title for lang {lang!r}")
        if not SLUG.fullmatch(slug):
            raise MatrixError(f"{where}: slug {slug!r} must be lower-case ASCII words joined by '-'")
        reports.append(Report(slug=slug, kind=merged["kind"], notebook=merged["notebook"], title=title,
                              lang=lang, parameters=parameters, province=values.get("province"),
                              region=values.get("region"), family=values.get("family")))
    return reports


def load(path: Path, project: Project) -> list[Report]:
    """Every report of the matrix at `path`, in file order; raises MatrixError on any fault."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MatrixError(f"{path}: report matrix not found") from None
    except yaml.YAMLError as exc:
        raise MatrixError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("reports"), list):
        raise MatrixError(f"{path}: expected a mapping with a 'reports' list")
    unknown = set(doc) - TOP_KEYS
    if unknown:
        raise MatrixError(f"{path}: unknown top-level key(s) {sorted(unknown)}; allowed: {sorted(TOP_KEYS)}")
    defaults = doc.get("defaults") or {}
    langs = doc.get("langs") or ["vi"]
    reports: list[Report] = []
    seen: dict[str, str] = {}
    for number, entry in enumerate(doc["reports"], start=1):
        where = f"{path}, reports entry {number}"
        if not isinstance(entry, dict):
            raise MatrixError(f"{where}: expected a mapping, got {entry!r}")
        where += f" ({entry.get('notebook', '?')})"
        for report in _expand_entry(entry, defaults, langs, where, project):
            if report.slug in seen:
                raise MatrixError(f"{where}: slug {report.slug!r} already used by {seen[report.slug]}")
            seen[report.slug] = where
            reports.append(report)
    return reports
