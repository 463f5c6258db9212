"""Where a figure stands beyond its sentence: its paragraph, the heading above it, the document's date.

A paragraph is a line of the clean text. A heading is a short line that does not end a sentence
("Kết quả Chỉ số CCHC năm 2022", "II. MỤC TIÊU"): what it names (a year, a province, an index)
holds for the paragraphs below it until the next heading.
"""

from __future__ import annotations

import bisect
import re

_HEADING_MAX = 160
_ENDS_SENTENCE = re.compile(r"[.!?…;]\W*$")
_NUMBERED = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)] ")


class Layout:
    """Paragraph and heading look-ups over one clean text (offsets as in the text)."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.ends = [s - 1 for s in self.starts[1:]] + [len(text)]
        self.headings = [i for i, (s, e) in enumerate(zip(self.starts, self.ends))
                         if 0 < e - s <= _HEADING_MAX and not _ENDS_SENTENCE.search(text, s, e)
                         and i + 1 < len(self.starts)]

    def paragraph(self, pos: int) -> tuple[int, int]:
        """(start, end) of the line holding `pos`."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.starts[i], self.ends[i]

    def heading(self, pos: int) -> tuple[int, int] | None:
        """(start, end) of the nearest heading line above the paragraph of `pos` (not that paragraph itself)."""
        j = bisect.bisect_left(self.headings, bisect.bisect_right(self.starts, pos) - 1) - 1
        if j < 0:
            return None
        h = self.headings[j]
        return self.starts[h], self.ends[h]


def numbered_or_short(text: str, start: int, end: int) -> bool:
    """A section heading ("1. Mục tiêu", "MỤC TIÊU CỤ THỂ:"), not a news headline: numbered, in capitals,
    ending with ":" or at most eight words."""
    line = text[start:end].strip()
    return bool(_NUMBERED.match(line) or line.endswith(":") or line.isupper() or len(line.split()) <= 8)
