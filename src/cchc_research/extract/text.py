"""Documents as clean text: UTF-8 plain text or sanitised HTML, NFC, one space between words.

Offsets of claims refer to `clean_text(text)`; `clean_text` is idempotent, so the text a document
loads as and the text `extract_claims` reads are the same string.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from ..errors import DataError

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
_DROPPED_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "object", "head"}
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
               "section", "article", "header", "footer", "blockquote", "title", "hr", "dd", "dt", "pre"}

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_ANY_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# runs of two or more spaces, or any other space character (one space is left as it is: faster)
_SPACES = re.compile(r"[ \t\u00a0\u202f\u2007\u2009\u3000\f\v]{2,}|[\t\u00a0\u202f\u2007\u2009\u3000\f\v]")
_NEWLINES = re.compile(r" *(?:\r\n?|\n)[\s]*")

# Two spellings of the same syllable ("hoà"/"hòa", "thuỷ"/"thủy"): matching uses one of them.
_TONES = {"à": "òa", "á": "óa", "ả": "ỏa", "ã": "õa", "ạ": "ọa",
          "è": "òe", "é": "óe", "ẻ": "ỏe", "ẽ": "õe", "ẹ": "ọe"}
_UY = {"ỳ": "ùy", "ý": "úy", "ỷ": "ủy", "ỹ": "ũy", "ỵ": "ụy"}
_TONE_RE = re.compile(r"([oO])([àáảãạèéẻẽẹ])(?!\w)(?<![qQ]..)|([uU])([ỳýỷỹỵ])(?!\w)(?<![qQ]..)")


def clean_text(text: str) -> str:
    """NFC, invisible characters removed, runs of spaces as one space, paragraphs as one newline."""
    text = unicodedata.normalize("NFC", text)
    if _ANY_INVISIBLE.search(text):
        text = text.translate(_INVISIBLE)
    text = _SPACES.sub(" ", text)
    return _NEWLINES.sub("\n", text).strip()


def _swap_tone(match: re.Match[str]) -> str:
    if match.group(1):
        pair = _TONES[match.group(2)]
        vowel = pair[0] if match.group(1) == "o" else pair[0].upper()
        return vowel + pair[1]
    pair = _UY[match.group(4)]
    vowel = pair[0] if match.group(3) == "u" else pair[0].upper()
    return vowel + pair[1]


def canonical_tones(text: str) -> str:
    """`text` with "oà, uý" tone placement rewritten as "òa, úy" (same length, so offsets hold)."""
    return _TONE_RE.sub(_swap_tone, text)


class _HtmlText(HTMLParser):
    """Visible text of an HTML page: scripts, styles and comments dropped, entities unescaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _DROPPED_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML document (not yet cleaned)."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head


def load_document(path: Path) -> str:
    """The clean text of a UTF-8 text or HTML file; DataError (naming the file) if it has none."""
    if path.suffix.lower() not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise DataError(f"unsupported document type {path.suffix!r} (use .txt, .md, .html or .htm)", file=path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read the document: {exc.strerror}", file=path) from exc
    if b"\x00" in data:
        raise DataError("binary file (NUL bytes), not UTF-8 text", file=path, value=data[:16])
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8: undecodable byte at offset {exc.start}", file=path,
                        value=data[exc.start:exc.start + 4]) from exc
    controls = sum(1 for ch in raw[:4096] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(raw), 4096):
        raise DataError(f"binary file ({controls} control characters in the first 4096)", file=path)
    if path.suffix.lower() in HTML_SUFFIXES or _looks_like_html(raw):
        raw = html_to_text(raw)
    text = clean_text(raw)
    if not text:
        raise DataError("empty document: no text after sanitising", file=path)
    return text


UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"  # for [...] classes
_BREAK = re.compile(r"\n|[.!?…]+[\"”’')\]]*(?= )")
_ABBREVIATIONS = frozenset({"TP", "Tp", "tp", "TS", "ThS", "PGS", "GS", "BS", "KS", "CN", "Th", "St", "TT", "Q", "P",
                            "H", "X", "Ths", "Ông", "Bà", "v.v", "vv", "Tr", "tr", "No", "Sđd"})
_STARTS = re.compile(rf" *[\"“'(\[•\-–*]?[\d{UPPER}]")


def sentence_bounds(text: str) -> list[int]:
    """Start offsets of the sentences of `text` (line breaks and sentence ends followed by a capital or digit)."""
    starts = [0]
    for match in _BREAK.finditer(text):
        end = match.end()
        if match.group() != "\n":
            word = text[max(0, match.start() - 6):match.start()].rsplit(" ", 1)[-1].rsplit("(", 1)[-1]
            if word in _ABBREVIATIONS or len(word) == 1 and word.isupper():
                continue
            if not _STARTS.match(text, end):
                continue
        while end < len(text) and text[end] in " \n":
            end += 1
        if end < len(text) and end > starts[-1]:
            starts.append(end)
    return starts


def sentence_at(starts: list[int], text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence holding `offset`."""
    i = bisect.bisect_right(starts, offset) - 1
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    while end > starts[i] and text[end - 1] in " \n":
        end -= 1
    return starts[i], end
