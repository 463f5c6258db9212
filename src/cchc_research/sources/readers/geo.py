"""Reader of the province boundary maps (GEO_ODM): RFC 7946 GeoJSON, one feature per unit, lon/lat.

Errors name the file, the feature (its 1-based position, given as the row) and the value at fault.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import DataError

GEOMETRY_TYPES = ("Polygon", "MultiPolygon")


@dataclass(frozen=True)
class Feature:
    number: int  # 1-based position in the file
    name: str
    properties: dict[str, Any]
    geometry: dict[str, Any]  # as in the file: coordinates are carried over untouched


@dataclass(frozen=True)
class BoundaryFile:
    features: tuple[Feature, ...]
    metadata: dict[str, Any]


def read_boundaries(path: Path, file: str) -> BoundaryFile:
    """The features of a boundary GeoJSON: each with a non-empty NFC `name` and a valid (Multi)Polygon."""
    from shapely.geometry import shape
    from shapely.validation import explain_validity

    if not path.is_file():
        raise DataError("file not found", file=file)
    try:
        doc = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 (byte {exc.start})", file=file) from None
    except json.JSONDecodeError as exc:
        raise DataError(f"not JSON: {exc.msg}", file=file, row=exc.lineno) from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not doc.get("features"):
        raise DataError("expected a GeoJSON FeatureCollection with features", file=file)
    features = []
    for number, feature in enumerate(doc["features"], start=1):
        props = feature.get("properties") or {}
        name, geometry = props.get("name"), feature.get("geometry") or {}
        if not isinstance(name, str) or not name.strip():
            raise DataError("feature without a name", file=file, row=number, column="name", value=name)
        if unicodedata.normalize("NFC", name) != name:
            raise DataError("name is not NFC-normalised", file=file, row=number, column="name", value=name)
        if geometry.get("type") not in GEOMETRY_TYPES:
            raise DataError(f"geometry must be one of {', '.join(GEOMETRY_TYPES)}", file=file, row=number,
                            column="geometry", value=geometry.get("type"))
        shaped = shape(geometry)
        if not shaped.is_valid:
            raise DataError(f"invalid geometry of {name}: {explain_validity(shaped)}", file=file, row=number,
                            column="geometry")
        features.append(Feature(number, name, props, geometry))
    return BoundaryFile(tuple(features), doc.get("metadata") or {})
