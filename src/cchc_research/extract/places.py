"""Who a figure is about: provinces named in the text, districts, communes, departments, the country.

Province names are found with one alternation built from the registry's spellings
(`provinces.all_provinces()`: name, ASCII and English name, with spacing and tone-placement variants)
and the press forms below; every spelling kept is one that `provinces.resolve` maps back to the
same province, and every match is turned into a province by `resolve` (cached per spelling).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from urllib.parse import urlparse

from ..errors import DataError
from ..provinces import Province, all_provinces, resolve
from .patterns import trie
from .text import UPPER, canonical_tones

# Press forms that the registry's three spellings do not produce; kept only where `resolve` accepts them.
PRESS_FORMS = ("TP.HCM", "TP. HCM", "TP HCM", "TPHCM", "Tp.HCM", "Tp. Hồ Chí Minh", "TP. Hồ Chí Minh", "Huế",
               "TT-Huế", "TT Huế", "BR-VT", "BRVT", "Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu", "Thừa Thiên-Huế",
               "Thừa Thiên - Huế", "Đắc Lắc", "Đắk Lăk", "Đăk Lăk", "Đăk Nông", "Đắc Nông", "Bắc Cạn", "Hồ Chí Minh")

_NAME = rf"[{UPPER}]\w*(?: [{UPPER}]\w*){{0,3}}"
# The six socio-economic regions as the press names them.
_REGIONS = (r"Trung du (?:và )?miền núi phía Bắc|Đồng bằng sông (?:Hồng|Cửu Long)|Bắc Trung Bộ(?: và Duyên hải miền Trung)?"
            r"|Duyên hải (?:Nam Trung Bộ|miền Trung)|Nam Trung Bộ|Tây Nguyên|Đông Nam Bộ|Tây Bắc|Đông Bắc")
_SUBJECTS = (
    r"(?P<national>(?:(?:[Gg]iá trị |[Mm]ức |[Đđ]iểm )?(?:[Tt]rung bình|[Bb]ình quân)(?: [^\d,.;]{1,40}?)?(?: của)?"
    r" (?:cả nước|toàn quốc|các tỉnh(?:, thành phố)?|63 tỉnh(?:, thành phố)?)|(?:[Cc]ả nước|[Tt]oàn quốc)"
    r"(?: bình quân| trung bình)? (?:đạt|là|có)|(?:của|trên) (?:cả nước|toàn quốc)(?! (?:về|với))"
    r"|[Kk]hối tỉnh, thành(?: phố)?))",
    rf"(?P<region>(?:[Vv]ùng|[Kk]hu vực|[Mm]iền) (?:{_REGIONS}|[{UPPER}]\w*(?: \w+){{0,4}})|{_REGIONS})",
    rf"(?P<ministry>Bộ (?<![Tt]heo Bộ )(?<!của Bộ )(?<!do Bộ )(?<![Tt]ừ Bộ )[{UPPER}][\w&-]*|Ngân hàng Nhà nước|Thanh tra Chính phủ"
    r"|Ủy ban Dân tộc|các bộ, (?:cơ quan ngang bộ|ngành)|[Kk]hối bộ, ngành|\d+ bộ, (?:cơ quan ngang bộ|ngành))",
    r"(?P<unnamed>(?:[Tt]ỉnh|[Đđ]ịa phương|[Tt]ỉnh, thành(?: phố)?|[Đđ]ơn vị)(?: có chỉ số| có điểm| có| đạt)? "
    r"(?:cao nhất|thấp nhất|duy nhất|đứng đầu|dẫn đầu|xếp cuối|đứng cuối)(?!\w))",
    rf"(?P<district>(?:[Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]hành phố|TP\.?) ?(?P<dname>{_NAME}|\d{{1,2}}))",
    rf"(?P<district_any>cấp huyện|(?:UBND|của|toàn) (?:các )?huyện)(?! [{UPPER}])",
    rf"(?P<commune>(?:[Xx]ã|[Pp]hường|[Tt]hị trấn) (?P<cname>{_NAME}|\d{{1,2}}))",
    rf"(?P<commune_any>cấp xã|(?:UBND|của|toàn) (?:các )?xã)(?! [{UPPER}])",
    rf"(?P<department>(?:Sở|Ban Quản lý|Văn phòng UBND) (?P<sname>{_NAME}(?: [^\W\d{UPPER}]+)?)|[Cc]ác sở,? (?:ban,? )?ngành(?: cấp tỉnh)?"
    r"|[Ss]ở, ban,? ngành(?: cấp tỉnh)?|cấp sở|(?<=[Vv]ới )cấp tỉnh|(?<=[Tt]ại )cấp tỉnh|(?<=[Ởở] )cấp tỉnh"
    r"|Trung tâm (?:Phục vụ )?[Hh]ành chính công(?: (?:cấp tỉnh|tỉnh|thành phố))?)",
    rf"(?P<province_any>(?<!các )(?<!cấp )(?<!\d )(?<![\w/])[Tt]ỉnh(?!,? thành)(?! [{UPPER}])(?!\w))",
)


def _variants(name: str) -> set[str]:
    forms = {name, name.replace(" - ", "-"), name.replace(" - ", " – ")}
    if name.startswith("Thành phố "):
        forms.add(name.removeprefix("Thành phố "))
    return forms | {canonical_tones(f) for f in forms}


@functools.cache
def spellings() -> dict[str, Province]:
    """Every spelling the text alternation looks for → its province (canonical tone placement)."""
    found: dict[str, Province] = {}
    for province in all_provinces():
        for spelling in {v for s in (province.name, province.ascii, province.en) for v in _variants(s)}:
            if _resolves_to(spelling, province.code):
                found[canonical_tones(spelling)] = province
    for spelling in PRESS_FORMS:
        try:
            found[canonical_tones(spelling)] = resolve(spelling)
        except DataError:
            continue
    return found


def _resolves_to(spelling: str, code: str) -> bool:
    try:
        return resolve(spelling).code == code
    except DataError:
        return False


@functools.cache
def subject_re() -> re.Pattern[str]:
    """One alternation for every kind of subject; province names as group `province`."""
    names = trie(spellings())
    return re.compile(rf"(?<![\w.])(?=\w)(?:(?P<province>{names})(?!\w)|" + "|".join(_SUBJECTS) + r")")


@functools.cache
def province_of(spelling: str) -> Province | None:
    """The province a matched spelling denotes (None if `resolve` refuses it)."""
    try:
        return resolve(spelling)
    except DataError:
        return None


def _domain_labels(url: str) -> list[str]:
    host = (urlparse(url if "//" in url else f"//{url}").hostname or "").lower()
    labels = [label for label in host.split(".") if label not in {"www", "gov", "vn", "com", "org", "net", "edu"}]
    return [label.removeprefix("bao").replace("-", "") for label in labels]


@functools.cache
def _domain_names() -> dict[str, Province]:
    """Diacritic-less names run together ("quangnam", "hochiminhcity") → province, for publisher domains."""
    return {re.sub(r"[^a-z]", "", s.lower()): p for p in all_provinces() for s in (p.ascii, p.en)}


def document_province(meta: Mapping[str, object], file: object = None, row: int | None = None) -> Province | None:
    """The province a document is about when its text says only "tỉnh": the `province` given in the
    metadata (resolved; errors name the file and row), else one named in `publisher`, else the one
    whose name is the publisher's web domain ("quangnam.gov.vn"). None when none of these says."""
    name = meta.get("province")
    if name:
        return resolve(str(name), file=file, row=row, column="province")
    for match in subject_re().finditer(canonical_tones(str(meta.get("publisher") or ""))):
        if match.lastgroup == "province" and (found := province_of(match.group("province"))):
            return found
    for label in _domain_labels(str(meta.get("url") or "")):
        if label in _domain_names():
            return resolve(_domain_names()[label].name, file=file, row=row, column="url")
    return None
