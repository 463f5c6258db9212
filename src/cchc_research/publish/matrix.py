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

KINDS = ("province", "province-2025", "region", "family", "overview", "quality")
LANGS = ("vi", "en")
ENTRY_KEYS = {"notebook", "kind", "for_each", "slug", "title", "parameters"}
TOP_KEYS = {"defaults", "langs", "reports"}
AXES = ("province", "province_2025", "region", "family", "lang")
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
    province_2025: str | None = None  # the 2025 province the report is about, or its province's
    related: tuple[tuple[str, str, str], ...] = ()  # (kind of link, page below reports/, name): `link_related`

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
    if axis == "province_2025":
        return [{"province_2025": u.name, "province_2025_en": u.en, "province_2025_code": u.code,
                 "province_2025_slug": slugify(u.name.removeprefix("Thành phố ")),
                 "members": ", ".join(p.name for p in u.members)} for u in provinces.all_provinces_2025()]
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
    from .. import provinces as registry

    provinces_by_name = {p.name: p for p in registry.all_provinces()}
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
        province_2025 = values.get("province_2025") or (provinces_by_name[values["province"]].province_2025
                                                        if "province" in values else None)
        reports.append(Report(slug=slug, kind=merged["kind"], notebook=merged["notebook"], title=title,
                              lang=lang, parameters=parameters, province=values.get("province"),
                              region=values.get("region"), family=values.get("family"),
                              province_2025=province_2025))
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
    return link_related(reports)


def link_related(reports: list[Report]) -> list[Report]:
    """Each province profile linked to the page of its 2025 province, and each 2025 province's page to its
    members' profiles (name-giving member first), in the same language: (kind, page, name) triples."""
    from dataclasses import replace

    from .. import provinces as registry

    order = {p.name: i for u in registry.all_provinces_2025() for i, p in enumerate(u.members)}
    new_pages = {(r.province_2025, r.lang): r for r in reports if r.kind == "province-2025"}
    profiles: dict[tuple[str | None, str], list[Report]] = {}
    for r in reports:
        if r.kind == "province":
            profiles.setdefault((r.province_2025, r.lang), []).append(r)
    linked = []
    for r in reports:
        if r.kind == "province" and (page := new_pages.get((r.province_2025, r.lang))):
            r = replace(r, related=(("province-2025", page.output, page.province_2025),))
        elif r.kind == "province-2025":
            members = sorted(profiles.get((r.province_2025, r.lang), []), key=lambda m: order.get(m.province, 99))
            r = replace(r, related=tuple(("member", m.output, m.province) for m in members))
        linked.append(r)
    return linked
