"""Numbers as Vietnamese sources write them: "95,6", "26.131", "89.30/100", "1.234,5"."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"^[+-]?\d[\d.,\s\u00a0\u202f]*$")


def parse_number(text: str, style: str = "vi") -> float:
    """Read one number.

    `style="vi"`: comma is the decimal mark, a dot followed by groups of exactly three digits
    is a thousands separator ("26.131" = 26131), any other dot is a decimal point ("89.30").
    `style="en"`: dot is the decimal mark, comma separates thousands.
    Where both marks appear, the last one is the decimal mark in either style.
    Raises ValueError naming the text when it is not a number.
    """
    raw = text
    s = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if not s or not _NUMBER.match(s):
        raise ValueError(f"not a number: {raw!r}")
    s = s.replace(" ", "")
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("+-")
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        s = s.replace(thousands, "").replace(decimal, ".")
    elif "," in s:
        if style == "vi":
            if s.count(",") > 1:
                raise ValueError(f"not a number (several decimal commas): {raw!r}")
            s = s.replace(",", ".")
        else:
            if not re.fullmatch(r"\d{1,3}(,\d{3})+", s):
                raise ValueError(f"not a number (misplaced thousands comma): {raw!r}")
            s = s.replace(",", "")
    elif "." in s:
        groups = s.split(".")
        if style == "vi" and len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
            s = s.replace(".", "")
        elif len(groups) > 2:
            if not all(len(g) == 3 for g in groups[1:]):
                raise ValueError(f"not a number (several decimal points): {raw!r}")
            s = s.replace(".", "")
    return sign * float(s)


def parse_fraction(text: str, style: str = "vi") -> tuple[float, float | None]:
    """Read "89.30/100" or "7/63" as (value, of); a bare number gives (value, None)."""
    head, sep, tail = text.partition("/")
    value = parse_number(head, style)
    return (value, parse_number(tail, style)) if sep else (value, None)
