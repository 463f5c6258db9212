"""The indicators a sentence can name, as stable codes, and the words that name them.

Codes (`Claim.indicator`):

| code | what | named by (examples) |
|---|---|---|
| PAR_INDEX | Chỉ số CCHC (PAR INDEX), headline | "Chỉ số CCHC", "PAR INDEX", "Chỉ số cải cách hành chính" |
| PAR_INDEX.field_1 … field_8 | the 8 fields of PAR INDEX (order of Decisions 2948/QĐ-BNV and 876/QĐ-BNV) | "lĩnh vực cải cách TTHC" (field_3) |
| SIPAS | Chỉ số hài lòng về sự phục vụ hành chính | "SIPAS", "Chỉ số hài lòng" |
| PCI | Chỉ số năng lực cạnh tranh cấp tỉnh | "PCI", "năng lực cạnh tranh cấp tỉnh" |
| PAPI | Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh | "PAPI", "hiệu quả quản trị và hành chính công" |
| DTI | Chỉ số chuyển đổi số | "DTI", "Chỉ số chuyển đổi số" |
| tthc_in_force | administrative procedures in force | "1.856 TTHC đang có hiệu lực / thuộc thẩm quyền giải quyết" |
| dossiers_received | dossiers received | "tiếp nhận 12.345 hồ sơ" |
| dossiers_resolved | dossiers resolved | "đã giải quyết 11.002 hồ sơ" |
| dossiers_on_time | dossiers resolved early or on time | "giải quyết trước và đúng hạn 10.980 hồ sơ", "tỷ lệ đúng hạn 98,5%" |
| tasks_planned | reform tasks planned | "đề ra 42 nhiệm vụ" |
| tasks_done | reform tasks done | "hoàn thành 40/42 nhiệm vụ" |
| organisations_cut | organisations (units, divisions, focal points) cut | "giảm 12 phòng, đầu mối" |
| leaders_cut | leadership positions cut | "giảm 35 lãnh đạo cấp phó" |
| staff_cut | staff positions (biên chế) cut | "tinh giản 210 biên chế" |
| trainings | training classes or participants | "tổ chức 25 lớp tập huấn", "bồi dưỡng 1.200 lượt" |

Index codes attach to ranks, scores, level percentages and changes; the other codes attach to counts,
fractions and shares, and only when the noun they count fits (`NOUN_CLASSES`). Words that name some
other measure ("chỉ số thành phần", "tỷ lệ giải ngân", "điểm điều tra xã hội học") are *blockers*:
they stop an earlier index name from reaching a later figure. Patterns are written in lower case against
lower-cased text whose tone marks are in the "òa, úy" placement (`text.canonical_tones`).
"""

from __future__ import annotations

import re

INDEX_FAMILIES = ("PAR_INDEX", "SIPAS", "PCI", "PAPI", "DTI")

PAR_FIELDS: dict[int, str] = {
    1: r"(?:công tác )?chỉ đạo,? điều hành(?: (?:về )?(?:cchc|cải cách hành chính))?",
    2: r"(?:xây dựng và tổ chức thực hiện )?văn bản (?:qppl|quy phạm pháp luật)|cải cách thể chế",
    3: r"cải cách (?:tthc|thủ tục hành chính)",
    4: r"cải cách tổ chức bộ máy(?: hành chính(?: nhà nước)?)?",
    5: r"cải cách chế độ công vụ|(?:xây dựng và )?nâng cao chất lượng đội ngũ (?:cbccvc|cán bộ, công chức, viên chức"
       r"|công chức, viên chức)",
    6: r"cải cách tài chính công|đổi mới cơ chế (?:quản lý )?tài chính",
    7: r"hiện đại hóa (?:hành chính|nền hành chính)|(?:xây dựng và phát triển )?(?:chính quyền|chính phủ) "
       r"(?:điện tử|số)(?:,? (?:chính quyền|chính phủ) số)?",
    8: r"tác động của (?:cchc|cải cách hành chính)",
}

INDEX_NAMES: dict[str, str] = {
    "PAR_INDEX": r"(?:chỉ số )?par[ -]?index|chỉ số (?:cchc|cải cách hành chính)(?! cấp (?:huyện|xã))",
    "SIPAS": r"(?:chỉ số )?sipas|chỉ số hài lòng|(?:sự )?hài lòng của người dân(?:, tổ chức)? đối với sự phục vụ của "
             r"(?:các )?cơ quan hành chính nhà nước",
    "PCI": r"(?:chỉ số )?(?:pci|năng lực cạnh tranh cấp tỉnh)",
    "PAPI": r"(?:chỉ số )?(?:papi|hiệu quả quản trị và hành chính công)",
    "DTI": r"(?:chỉ số )?dti|chỉ số chuyển đổi số",
}
# The district and commune indices a province runs for its own units: the headline PAR INDEX code,
# with the unit level telling them apart.
LOCAL_PAR = r"chỉ số (?:cchc|cải cách hành chính) cấp (?:huyện|xã)"

COUNT_CUES: dict[str, str] = {
    "tthc_in_force": r"(?:đang |còn )?có hiệu lực(?: thi hành)?|thuộc thẩm quyền giải quyết|đang thực hiện",
    "dossiers_on_time": r"(?:(?:giải quyết|trả kết quả)(?: hồ sơ)? )?(?:đúng(?: hạn)? và trước hạn|trước(?: hạn)? và đúng hạn"
                        r"|trước hạn, đúng hạn|đúng hạn, trước hạn|đúng hạn|trước hạn)",
    "dossiers_received": r"tiếp nhận|đã nhận|nhận được|yêu cầu giải quyết",
    "dossiers_resolved": r"(?:đã )?giải quyết|trả kết quả|xử lý",
    "tasks_planned": r"đề ra|đặt ra|xác định|giao",
    "tasks_done": r"hoàn thành|(?:đã )?triển khai(?: thực hiện)?|thực hiện xong|đã thực hiện",
    "cut": r"cắt giảm|tinh giản|sắp xếp,? giảm|giảm được|giảm|bớt",
    "trainings": r"tập huấn|đào tạo|bồi dưỡng",
}

# Dossier statuses that are not "resolved" or "on time": due, late, in progress, carried over, withdrawn.
STATUS_BLOCKERS = (r"(?:đến hạn|quá hạn|trễ hạn|chậm hạn|chưa đến hạn|chưa tới hạn|chậm trễ|chậm)"
                   r"(?: giải quyết| xử lý| trả kết quả)?|đang (?:trong (?:thời )?hạn )?(?:giải quyết|xử lý)"
                   r"|đã và đang (?:giải quyết|xử lý)|tồn kỳ trước(?: chuyển sang)?|kỳ trước chuyển sang|chuyển sang"
                   r"|tồn đọng|rút hồ sơ|trả lại hồ sơ|trả lại")
BLOCKERS = (r"chưa hoàn thành|chưa triển khai|đang triển khai|chưa giải quyết|chưa đúng hạn|" + STATUS_BLOCKERS +
            r"|chỉ số thành phần|chỉ số(?! (?:này|cao nhất|thấp nhất|chung|tổng hợp|đó))|tỷ lệ giải ngân|tăng trưởng|grdp|điều tra xã hội học|điểm thẩm định"
            r"|điểm tự đánh giá|tiêu chí")

# Nouns a count can be of (lower case), grouped by what they count.
NOUN_CLASSES: dict[str, tuple[str, ...]] = {
    "dossier": ("hồ sơ",),
    "procedure": ("thủ tục hành chính", "thủ tục", "tthc"),
    "task": ("nhiệm vụ",),
    "organisation": ("tổ chức", "phòng chuyên môn", "phòng", "đầu mối", "cơ quan", "đơn vị sự nghiệp", "đơn vị",
                     "chi cục", "ban"),
    "leader": ("lãnh đạo cấp phó", "lãnh đạo", "cấp phó", "cấp trưởng", "trưởng phòng", "phó phòng"),
    "staff": ("biên chế", "người làm việc", "công chức", "viên chức", "cán bộ", "cbccvc", "người"),
    "training": ("lớp tập huấn", "lớp bồi dưỡng", "lớp đào tạo", "lớp", "lượt người", "lượt", "hội nghị"),
    "other": ("lĩnh vực", "chỉ tiêu", "tiêu chí", "văn bản", "dịch vụ công trực tuyến", "dịch vụ công",
              "tài khoản", "xã, phường, thị trấn", "xã", "phường", "huyện", "sáng kiến", "mô hình", "cuộc kiểm tra",
              "cuộc", "đoàn kiểm tra", "sở, ban, ngành", "sở, ngành", "chỉ số thành phần", "điểm cầu"),
}
NOUN_CLASS = {noun: cls for cls, nouns in NOUN_CLASSES.items() for noun in nouns}

# Which count cue may name a figure about which noun class ("" = a figure with no noun after it).
COMPATIBLE: dict[str, frozenset[str]] = {
    "tthc_in_force": frozenset({"procedure"}),
    "dossiers_on_time": frozenset({"dossier", ""}),
    "dossiers_received": frozenset({"dossier"}),
    "dossiers_resolved": frozenset({"dossier"}),
    "tasks_planned": frozenset({"task"}),
    "tasks_done": frozenset({"task", ""}),
    "trainings": frozenset({"training", "staff"}),
}
CUT_CODES = {"organisation": "organisations_cut", "leader": "leaders_cut", "staff": "staff_cut"}
# Nouns that say the indicator themselves ("25 lớp tập huấn").
NOUN_INDICATORS = {"lớp tập huấn": "trainings", "lớp bồi dưỡng": "trainings", "lớp đào tạo": "trainings"}
# A cut of "người" (people) is of whatever the clause names before it: "Số lãnh đạo cấp phó giảm 46 người".
CUT_SUBJECT_RE = re.compile("|".join(rf"(?P<{cls}>{'|'.join(map(re.escape, NOUN_CLASSES[cls]))})"
                                     for cls in ("leader", "organisation", "staff")))

CODES: tuple[str, ...] = (
    *INDEX_FAMILIES[:1], *(f"PAR_INDEX.field_{n}" for n in PAR_FIELDS), *INDEX_FAMILIES[1:],
    "tthc_in_force", "dossiers_received", "dossiers_resolved", "dossiers_on_time", "tasks_planned", "tasks_done",
    "organisations_cut", "leaders_cut", "staff_cut", "trainings",
)


def family_measure(code: str) -> tuple[str, str]:
    """("PAR_INDEX", "field_3") for "PAR_INDEX.field_3"; ("SIPAS", "total") for "SIPAS"."""
    family, _, measure = code.partition(".")
    return family, measure or "total"


def _split_top(pattern: str) -> list[str]:
    """The top-level alternatives of a regex."""
    parts, depth, current, i = [], 0, "", 0
    while i < len(pattern):
        ch = pattern[i]
        step = 2 if ch == "\\" else (pattern.index("]", i + 1) + 1 - i if ch == "[" else 1)
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += pattern[i:i + step]
        i += step
    return parts + [current]


def _flatten(pattern: str) -> list[str]:
    """Alternatives that each start with a literal: "(?:chỉ số )?sipas|x" → ["chỉ số sipas", "sipas", "x"]."""
    out = []
    for alt in _split_top(pattern):
        if not alt.startswith("(?:"):
            out.append(alt)
            continue
        depth, end = 0, 0
        for end, ch in enumerate(alt, start=1):
            depth += (ch == "(") - (ch == ")")
            if depth == 0:
                break
        rest = alt[end:]
        optional = rest.startswith("?")
        rest = rest[1:] if optional else rest
        out += [flat for head in _split_top(alt[3:end - 1]) for flat in _flatten(head + rest)]
        out += _flatten(rest) if optional else []
    return out


def _cue_pattern() -> re.Pattern[str]:
    """One alternation over every name and cue. Each alternative starts with a literal, so the engine
    jumps between candidate positions, and ends with an empty group naming what it is: `i_` index,
    `f_` PAR field after "lĩnh vực", `g_` PAR field alone, `c_` count cue, `b_` blocker, `r_` reset;
    earlier alternatives win at the same position."""
    groups = [("local_par", LOCAL_PAR)]
    groups += [(f"f_{n}", rf"(?:lĩnh vực|chỉ số thành phần|nội dung)(?: (?:về|thứ \d))? (?:{p})")
               for n, p in PAR_FIELDS.items()]
    groups += [(f"i_{code}", p) for code, p in INDEX_NAMES.items()]
    groups += [(f"g_{n}", p) for n, p in PAR_FIELDS.items()]
    groups += [(f"c_{code}", p) for code, p in COUNT_CUES.items()]
    groups += [("b_", BLOCKERS), ("r_", r"trong đó|trong số đó|bao gồm")]
    alternatives = [f"{alt}(?P<{name}__{i}>)" for name, p in groups for i, alt in enumerate(_flatten(p))]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


CUE_RE = _cue_pattern()
PAR_CONTEXT_RE = re.compile(r"(?<!\w)(?:par[ -]?index|chỉ số (?:cchc|cải cách hành chính)|chỉ số thành phần"
                            r"|lĩnh vực)(?!\w)")


def _group_code(group: str) -> tuple[str, str | None]:
    """(category, code) a CUE_RE group name stands for (see `cue_code`)."""
    group = group.partition("__")[0]
    if group == "local_par":
        return "index", "PAR_INDEX"
    kind, _, rest = group.partition("_")
    return {"f": ("index", f"PAR_INDEX.field_{rest}"), "g": ("field", f"PAR_INDEX.field_{rest}"),
            "i": ("index", rest), "c": ("count", rest), "r": ("reset", None)}.get(kind, ("block", None))


_GROUP_CODES = {name: _group_code(name) for name in CUE_RE.groupindex}


def cue_code(match: re.Match[str]) -> tuple[str, str | None]:
    """(category, code) of a CUE_RE match (which starts at a word start).

    Categories: "index" (headline index or named PAR field), "field" (a PAR field named without
    "lĩnh vực": counts only where the sentence speaks of PAR INDEX), "count" (a count cue; "cut" is
    resolved with the noun), "block" (another measure: code None), "reset" ("trong đó": what was
    named before it is about the whole, not the part that follows).
    """
    return _GROUP_CODES[match.lastgroup or ""]
