"""Province boundaries: the three GEO_ODM maps, each feature resolved to exactly one unit of the registry.

For each map (63 provinces of 2008-2025, the 34 from 2025-07-01, the approximate 64 of 2004-2008 with
Hà Tây) cleaning checks that every feature names one unit and every unit has one feature, that the
34 units' members are the crosswalk's (Hà Tây excluded), and writes `boundaries_<map>.geojson`: features
in code order with the registry's codes and names added, geometry exactly as in data/raw, and the
source, licence (CC BY-SA 4.0), attribution line and the changes made, as the `metadata` member.
The processed table `boundaries` describes every feature (area, parts, geometry checksum), so a
change of any vertex changes the processed data's hash.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import pandas as pd

from .. import provinces as reg
from ..errors import DataError
from ..paths import Project
from ..schema import conform
from ..sources.readers.geo import BoundaryFile, Feature, read_boundaries
from ..sources.snapshot import load_manifest

SOURCE = "GEO_ODM"
MAPS = {"63": "vn_provinces_63.geojson", "34": "vn_provinces_34.geojson", "64": "vn_provinces_64_pre2008.geojson"}
LICENCE = "CC BY-SA 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
# NOTES.md §1 of the source: the 64-unit map adds a credit for the Hà Tây split.
EXTRA_ATTRIBUTION = {"64": "Hà Tây split after Who's On First (whosonfirst.org), CC0."}
DESCRIPTION = {
    "63": "the 63 provinces in force 2008-08-01 to 2025-06-30",
    "34": "the 34 provinces from 2025-07-01 (Resolution 202/2025/QH15), unions of their members",
    "64": "the 64 provinces of 2004-01-01 to 2008-07-31 with Hà Tây (approximate Hà Tây / Hà Nội line)",
}


def file_name(units: str) -> str:
    """The processed map of `units` ("63", "34" or "64")."""
    return f"boundaries_{units}.geojson"


@dataclass(frozen=True)
class Unit:
    """What a feature resolved to: the unit's code, properties to write, and its members (34 map)."""

    code: str
    name: str
    properties: dict
    members: tuple[str, ...] = ()


def _expected(units: str) -> dict[str, str]:
    if units == "34":
        return {u.code: u.name for u in reg.all_provinces_2025()}
    provinces = reg.all_provinces(include_ha_tay=units == "64")
    return {p.code: p.name for p in provinces}


def _resolve_old(feature: Feature, file: str) -> Unit:
    p = reg.resolve(feature.name, file=file, row=feature.number, column="name")
    successor = reg.resolve_2025(p.province_2025)
    return Unit(p.code, p.name, {"province_code": p.code, "province": p.name, "province_en": p.en,
                                 "province_2025_code": successor.code, "province_2025": successor.name,
                                 "name_as_written": feature.name})


def _resolve_new(feature: Feature, file: str) -> Unit:
    unit = reg.resolve_2025(feature.name, file=file, row=feature.number, column="name")
    code = feature.properties.get("code")
    if code is not None and code != unit.code:
        raise DataError(f"code disagrees with the registry's code {unit.code} of {unit.name}", file=file,
                        row=feature.number, column="code", value=code)
    listed = feature.properties.get("members") or []
    found = [reg.resolve(name, file=file, row=feature.number, column="members") for name in listed]
    if sorted(p.code for p in found) != sorted(p.code for p in unit.members):
        raise DataError(f"members of {unit.name} disagree with the crosswalk: the file lists "
                        f"{', '.join(p.name for p in found) or 'none'}; the registry has "
                        f"{', '.join(p.name for p in unit.members)}", file=file, row=feature.number,
                        column="members", value=listed)
    members = tuple(p.name for p in unit.members)
    return Unit(unit.code, unit.name, {"province_2025_code": unit.code, "province_2025": unit.name,
                                       "province_2025_en": unit.en, "member_codes": [p.code for p in unit.members],
                                       "members": list(members), "name_as_written": feature.name}, members)


def resolve_features(units: str, boundaries: BoundaryFile, file: str) -> list[tuple[Unit, Feature]]:
    """Each feature with its unit, in code order; DataError unless features and units pair one to one."""
    resolve = _resolve_new if units == "34" else _resolve_old
    expected = _expected(units)
    seen: dict[str, Feature] = {}
    pairs = []
    for feature in boundaries.features:
        unit = resolve(feature, file)
        if unit.code not in expected:
            raise DataError(f"{unit.name} is not one of the units of the {units}-unit map", file=file,
                            row=feature.number, column="name", value=feature.name)
        if unit.code in seen:
            raise DataError(f"a second feature for {unit.name}; the first is feature {seen[unit.code].number}",
                            file=file, row=feature.number, column="name", value=feature.name)
        seen[unit.code] = feature
        pairs.append((unit, feature))
    missing = [expected[code] for code in expected if code not in seen]
    if missing:
        raise DataError(f"no feature for {len(missing)} unit(s) of the {units}-unit map: {', '.join(missing)}",
                        file=file)
    return sorted(pairs, key=lambda pair: pair[0].code)


def _geometry_json(geometry: dict) -> str:
    return json.dumps(geometry, ensure_ascii=False, separators=(",", ":"))


def geojson_bytes(units: str, pairs: list[tuple[Unit, Feature]], metadata: dict) -> bytes:
    """The processed map: one feature per line, so a diff shows which unit changed."""
    head = json.dumps({"type": "FeatureCollection", "metadata": metadata}, ensure_ascii=False)[:-1]
    features = [f'{{"type":"Feature","properties":{json.dumps(unit.properties, ensure_ascii=False)},'
                f'"geometry":{_geometry_json(feature.geometry)}}}' for unit, feature in pairs]
    return (head + ',"features":[\n' + ",\n".join(features) + "\n]}\n").encode("utf-8")


def _table_rows(units: str, pairs: list[tuple[Unit, Feature]]) -> list[dict]:
    from pyproj import Geod
    from shapely.geometry import shape

    geod = Geod(ellps="WGS84")
    rows = []
    for unit, feature in pairs:
        geometry = shape(feature.geometry)
        area = abs(geod.geometry_area_perimeter(geometry)[0]) / 1e6
        rows.append({"map": units, "unit_code": unit.code, "unit": unit.name, "name_as_written": feature.name,
                     "members": "; ".join(unit.members) or None, "area_km2": round(area, 1),
                     "n_parts": len(getattr(geometry, "geoms", [geometry])),
                     "geometry_sha256": hashlib.sha256(_geometry_json(feature.geometry).encode()).hexdigest()})
    return rows


def _manifest_entry(project: Project) -> dict:
    return load_manifest(project)["sources"][SOURCE]


def build(project: Project) -> tuple[pd.DataFrame, dict[str, bytes]]:
    """The table `boundaries` and the processed maps (file name → bytes); nothing is written."""
    entry = _manifest_entry(project)
    checksums = {x["path"]: x["sha256"] for f in entry["files"] for x in f["extracts"]}
    rows, files = [], {}
    for units, name in MAPS.items():
        rel = f"{SOURCE}/{name}"
        file = f"data/raw/{rel}"
        pairs = resolve_features(units, read_boundaries(project.raw / rel, file), file)
        attribution = " ".join(filter(None, (entry["attribution"], EXTRA_ATTRIBUTION.get(units))))
        metadata = {"title": f"Viet Nam province boundaries: {DESCRIPTION[units]}", "source": entry["producer"],
                    "licence": LICENCE, "licence_url": LICENCE_URL, "attribution": attribution,
                    "changes": "features resolved to the cchc-research province registry, its codes and names "
                               "added, features in code order; geometry unchanged",
                    "raw_file": file, "raw_sha256": checksums[rel], "crs": "EPSG:4326 (lon/lat, RFC 7946)"}
        files[file_name(units)] = geojson_bytes(units, pairs, metadata)
        rows += _table_rows(units, pairs)
    return conform(pd.DataFrame(rows), "boundaries"), files

