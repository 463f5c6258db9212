"""The province registry: the 63 provinces of 2008-2025 plus Hà Tây, their 34 successors of 2025,
and the one place where province names are resolved.

Facts live in `data/provinces.csv`, `data/provinces_2025.csv` and `data/province_aliases.csv`
(see `data/README.md`). A name is resolved by exact match on a normalised key (NFKC, case-folded,
punctuation, spaces and dashes removed, tone marks moved to the end of each syllable so "Hoà" = "Hòa",
"tỉnh"/"thành phố"/"TP."/"province"/"city"/"省"/"市" stripped); failing that, by the same key without
diacritics, accepted only when exactly one province has it. Nothing else is guessed: fuzzy matching
only suggests candidates in the error message.
"""

from __future__ import annotations

import csv
import difflib
import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..errors import CchcError, DataError

if TYPE_CHECKING:
    import pandas as pd

DATA = Path(__file__).parent / "data"
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng (NFD)
PREFIXES = (("tỉnh",), ("thành", "phố"), ("tp",))  # as written, or without any diacritics
SUFFIXES = (("province",), ("city",))
CJK_SUFFIXES = ("省", "市")
IN_FORCE_ON_MERGER = date(2025, 6, 30)  # last day of the 63 provinces


@dataclass(frozen=True)
class Province:
    """A province or centrally-run city in force between 2004 and 2025-06-30."""

    code: str
    name: str
    ascii: str
    en: str
    kind: str
    region: str
    region_en: str
    valid_from: date
    valid_to: date
    province_2025: str


class UnknownProvince(DataError):
    """A name that is not any province's name, spelling or alias."""


class AmbiguousProvince(DataError):
    """A name that fits more than one province."""


def _read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _words(text: str) -> list[str]:
    """NFKC, case-folded, NFD words (letters, marks, digits), each with its tone mark moved to its end."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).casefold().replace("ð", "đ"))
    words, word = [], []
    for ch in text + " ":
        if unicodedata.category(ch)[0] in "LMN":
            word.append(ch)
        elif word:
            words.append("".join(c for c in word if c not in TONE_MARKS) + "".join(c for c in word if c in TONE_MARKS))
            word = []
    return words


@functools.cache
def _affixes() -> tuple[tuple[tuple[str, ...], int], ...]:
    """(words, side) of every prefix (side 1) and suffix (side -1), as written and without diacritics."""
    found = {(tuple(_words(" ".join(a))), side) for affixes, side in ((PREFIXES, 1), (SUFFIXES, -1)) for a in affixes}
    return tuple(sorted(found | {(tuple(map(_strip_marks, words)), side) for words, side in found}))


def _tokens(text: str) -> list[str]:
    """The words of `text` without administrative prefixes, suffixes and a trailing 省 / 市."""
    words = _words(text)
    if words and len(words[-1]) > 1 and words[-1].endswith(CJK_SUFFIXES):
        words[-1] = words[-1][:-1]
    words = [w for w in words if w not in CJK_SUFFIXES]
    stripped = True
    while stripped:
        stripped = False
        for affix, side in _affixes():
            n = len(affix)
            if len(words) > n and tuple(words[:n] if side > 0 else words[-n:]) == affix:
                words, stripped = (words[n:] if side > 0 else words[:-n]), True
                break
    return words


def _strip_marks(text: str) -> str:
    return "".join(c for c in text if not unicodedata.combining(c)).replace("đ", "d")


def lookup_keys(name: str) -> tuple[str, str]:
    """The exact and the diacritic-less lookup key of a name (both ignore case, spacing and affixes)."""
    exact = "".join(_tokens(name))
    return exact, _strip_marks(exact)


class _Registry(NamedTuple):
    provinces: tuple[Province, ...]
    by_code: dict[str, Province]
    exact: dict[str, frozenset[str]]
    loose: dict[str, frozenset[str]]


@functools.cache
def _registry() -> _Registry:
    provinces = tuple(
        Province(code=r["province_code"], name=r["province"], ascii=r["province_ascii"], en=r["province_en"],
                 kind=r["kind"], region=r["region"], region_en=r["region_en"],
                 valid_from=date.fromisoformat(r["valid_from"]), valid_to=date.fromisoformat(r["valid_to"]),
                 province_2025=r["province_2025"])
        for r in _read_csv("provinces.csv"))
    by_code = {p.code: p for p in provinces}
    aliases = _read_csv("province_aliases.csv")
    for number, alias in enumerate(aliases, start=2):
        if alias["province_code"] not in by_code:
            raise DataError("alias of an unknown province code", file=DATA / "province_aliases.csv", row=number,
                            column="province_code", value=alias["province_code"])
    return _Registry(provinces, by_code, *_keyed(_spellings(provinces, aliases)))


def _spellings(provinces: Iterable[Province], aliases: list[dict[str, str]]) -> list[tuple[str, str]]:
    """(spelling, code): each province's name, ASCII and English name, and its aliases."""
    return ([(s, p.code) for p in provinces for s in (p.name, p.ascii, p.en)]
            + [(alias["alias"], alias["province_code"]) for alias in aliases])


def _keyed(spellings: Iterable[tuple[str, str]]) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """The exact and the diacritic-less lookup tables: key → codes of the units spelt that way."""
    exact: dict[str, set[str]] = {}
    loose: dict[str, set[str]] = {}
    for spelling, code in spellings:
        exact_key, loose_key = lookup_keys(spelling)
        exact.setdefault(exact_key, set()).add(code)
        loose.setdefault(loose_key, set()).add(code)
    return {k: frozenset(v) for k, v in exact.items()}, {k: frozenset(v) for k, v in loose.items()}


@functools.cache
def _matches(name: str) -> frozenset[str]:
    """Codes of the provinces `name` denotes: the exact key's, else the diacritic-less key's."""
    registry = _registry()
    exact_key, loose_key = lookup_keys(name)
    return registry.exact.get(exact_key) or registry.loose.get(loose_key) or frozenset()


def _closest(name: str, n: int = 3) -> list[Province]:
    """The `n` provinces whose spellings are nearest to `name` (difflib on diacritic-less keys)."""
    registry = _registry()
    ranked = difflib.get_close_matches(lookup_keys(name)[1], list(registry.loose), n=len(registry.loose), cutoff=0)
    found: dict[str, Province] = {}
    for key in ranked:
        for code in sorted(registry.loose[key]):
            found.setdefault(code, registry.by_code[code])
    return list(found.values())[:n]


def _single(codes: frozenset[str], by_code: dict, what: str, name: str, **where):
    """The unit of `codes` when there is exactly one, None when there is none; AmbiguousProvince otherwise."""
    if len(codes) == 1:
        return by_code[next(iter(codes))]
    if codes:
        fits = ", ".join(f"{by_code[c].name} ({c})" for c in sorted(codes))
        raise AmbiguousProvince(f"ambiguous {what}: fits {fits}; write the name in full", value=name, **where)
    return None


def resolve(name: str, *, file: str | Path | None = None, row: int | None = None,
            column: str | None = None) -> Province:
    """The province `name` denotes, or UnknownProvince / AmbiguousProvince naming file, row and candidates."""
    if not isinstance(name, str) or not lookup_keys(name)[0]:
        raise UnknownProvince("empty or non-text province name", file=file, row=row, column=column, value=name)
    found = _single(_matches(name), _registry().by_code, "province name", name, file=file, row=row, column=column)
    if found is not None:
        return found
    near = ", ".join(f"{p.name} ({p.code})" for p in _closest(name))
    raise UnknownProvince(f"unknown province name; closest: {near}. If it is a spelling of one of them, "
                          "add it to src/cchc_research/provinces/data/province_aliases.csv",
                          file=file, row=row, column=column, value=name)


def resolve_many(names: Iterable[str], *, file: str | Path | None = None,
                 column: str | None = None) -> dict[str, Province]:
    """Each distinct name mapped to its province; the first name that fails raises as `resolve` does."""
    return {name: resolve(name, file=file, column=column) for name in dict.fromkeys(names)}


def all_provinces(include_ha_tay: bool = True) -> list[Province]:
    """The registry in GSO code order: 63 provinces, plus Hà Tây (28) unless `include_ha_tay` is False."""
    return [p for p in _registry().provinces if include_ha_tay or p.valid_to >= IN_FORCE_ON_MERGER]


def in_force(year: int) -> list[Province]:
    """Provinces in force on at least one day of `year` (so 2004-2008: 64 with Hà Tây; 2009-2025: 63).

    Raises CchcError for years the registry does not cover (before 2004, after 2025).
    """
    provinces = _registry().provinces
    first, last = min(p.valid_from for p in provinces).year, max(p.valid_to for p in provinces).year
    if not first <= year <= last:
        raise CchcError(f"the province registry covers {first}-{last}, not {year}")
    start, end = date(year, 1, 1), date(year, 12, 31)
    return [p for p in provinces if p.valid_from <= end and p.valid_to >= start]


def provinces_table() -> pd.DataFrame:
    """The registry as the processed table `provinces` (schema.py)."""
    import pandas as pd

    from ..schema import conform

    rows = [{"province_code": p.code, "province": p.name, "province_ascii": p.ascii, "province_en": p.en,
             "kind": p.kind, "region": p.region, "region_en": p.region_en,
             "valid_from": p.valid_from.isoformat(), "valid_to": p.valid_to.isoformat(),
             "province_2025": p.province_2025} for p in all_provinces()]
    return conform(pd.DataFrame(rows), "provinces")


def _members() -> dict[str, list[Province]]:
    """Each province from 2025-07-01 (by name) → the provinces in force on 2025-06-30 that formed it."""
    members: dict[str, list[Province]] = {}
    for p in all_provinces(include_ha_tay=False):
        members.setdefault(p.province_2025, []).append(p)
    return members


def provinces_2025() -> pd.DataFrame:
    """The 34 provinces from 2025-07-01 (Resolution 202/2025/QH15) as in `data/provinces_2025.csv`, plus
    `members`: the provinces in force on 2025-06-30 that formed each one ("; "-separated, GSO code order).
    Hà Tây, merged into Hà Nội in 2008, is a member of none; `crosswalk_table` maps it to Hà Nội."""
    import pandas as pd

    members = _members()
    new = pd.DataFrame(_read_csv("provinces_2025.csv")).replace("", None).astype("string")
    new["members"] = [("; ".join(p.name for p in members.get(name, [])) or None) for name in new["province_2025"]]
    return new.astype({"members": "string"})


def crosswalk_table() -> pd.DataFrame:
    """The processed table `crosswalk_2025`: every old province (Hà Tây too) → its province from 2025-07-01.

    `n_members` counts the provinces in force on 2025-06-30 that formed the new province (Hà Nội: 1).
    """
    import pandas as pd

    from ..schema import conform

    members = _members()
    new = {row["province_2025"]: row for row in _read_csv("provinces_2025.csv")}
    rows = []
    for p in all_provinces():
        if p.province_2025 not in new:
            raise DataError("province_2025 is not in provinces_2025.csv", file=DATA / "provinces.csv",
                            column="province_2025", value=p.province_2025)
        rows.append({"province_code": p.code, "province": p.name,
                     "province_2025_code": new[p.province_2025]["province_2025_code"],
                     "province_2025": p.province_2025, "province_2025_seat": new[p.province_2025]["seat"] or None,
                     "n_members": len(members.get(p.province_2025, []))})
    return conform(pd.DataFrame(rows), "crosswalk_2025")


# --- the 34 provinces from 2025-07-01 ---------------------------------------------------------------------


@dataclass(frozen=True)
class Province2025:
    """A province from 2025-07-01 (Resolution 202/2025/QH15) and the provinces in force on 2025-06-30 that
    formed it: first the one whose name it kept, then the others in GSO code order (Hà Tây,
    merged into Hà Nội in 2008, is a member of none)."""

    code: str
    name: str
    en: str
    kind: str
    members: tuple[Province, ...]


class _Registry2025(NamedTuple):
    by_code: dict[str, Province2025]
    exact: dict[str, frozenset[str]]
    loose: dict[str, frozenset[str]]


@functools.cache
def _registry_2025() -> _Registry2025:
    """The 34 keyed by their names and English names, and by every spelling of the member whose name each
    kept ("TT-Huế" → Huế, "TP.HCM" → Thành phố Hồ Chí Minh; but "Yên Bái" → nothing)."""
    members = _members()
    units, givers = [], []
    for r in _read_csv("provinces_2025.csv"):
        giver = resolve(r["province_2025"], file=DATA / "provinces_2025.csv", column="province_2025")
        own = members.get(r["province_2025"], [])
        if giver not in own:
            raise DataError("the new province's name is not the name of one of its members",
                            file=DATA / "provinces_2025.csv", column="province_2025", value=r["province_2025"])
        givers.append((giver, r["province_2025_code"]))
        units.append(Province2025(code=r["province_2025_code"], name=r["province_2025"], en=r["province_2025_en"],
                                  kind=r["kind"], members=(giver, *(p for p in own if p != giver))))
    by_code = {u.code: u for u in units}
    new_code = {giver.code: code for giver, code in givers}
    aliases = [a for a in _read_csv("province_aliases.csv") if a["province_code"] in new_code]
    spellings = [(s, u.code) for u in units for s in (u.name, u.en)]
    spellings += [(s, new_code[c]) for s, c in _spellings([g for g, _ in givers], aliases)]
    return _Registry2025(by_code, *_keyed(spellings))


def all_provinces_2025() -> list[Province2025]:
    """The 34 provinces from 2025-07-01 in the order of their codes (Decision 19/2025/QĐ-TTg)."""
    return sorted(_registry_2025().by_code.values(), key=lambda u: u.code)


def resolve_2025(name: str, *, file: str | Path | None = None, row: int | None = None,
                 column: str | None = None) -> Province2025:
    """The province from 2025-07-01 that `name` denotes ("Lâm Đồng", "Hue", "TP.HCM"); UnknownProvince
    names file, row and value. The name of a former province that merged into another ("Đắk Nông")
    denotes no province of 2025; the error says which one it belongs to."""
    registry = _registry_2025()
    exact_key, loose_key = lookup_keys(name) if isinstance(name, str) else ("", "")
    codes = registry.exact.get(exact_key) or registry.loose.get(loose_key) or frozenset()
    found = _single(codes, registry.by_code, "name of a province from 2025-07-01", name, file=file, row=row,
                    column=column)
    if found is not None:
        return found
    try:
        old = resolve(name)
        hint = f"; {old.name} merged into {old.province_2025} on {old.valid_to + timedelta(days=1)}"
    except DataError:
        hint = ""
    raise UnknownProvince(f"not a province from 2025-07-01{hint}", file=file, row=row, column=column, value=name)
