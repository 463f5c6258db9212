"""The regular expressions of the extractor, compiled once.

`MASK_RE` finds text that holds digits but no figure (document numbers, dates, phone numbers,
standards, legal references, ordinals); masked text is replaced by "_" before figures are read.
`YEAR_RE` finds years; `FIGURE_RE` is one alternation over every figure pattern, tried left to right,
so "tăng 5 bậc" is a change before "5" could be read as anything else. Patterns read the lower-cased
text with canonical tone marks (`text.canonical_tones`), unless their name says CASED; none uses
IGNORECASE or starts with a look-behind, so the regex engine can skip positions that cannot match.
"""

from __future__ import annotations

import re

from .indicators import NOUN_CLASS

def trie(words) -> str:
    """A regex alternation of `words` as a prefix tree ("bà rịa|bắc giang|bắc ninh" → "b(?:à rịa|ắc (?:giang|ninh))"),
    so the engine compares one character per branch instead of trying every word."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return (f"(?:{body})?" if len(body) > 1 else body + "?") if "" in node else body

    return build(tree)


# Patterns that start with a digit check the character before it *after* matching it ("\d(?<!…\d)"), so that
# the regex engine can skip every non-digit position quickly.
_N = r"\d(?<![\w.,/]\d)\d*(?:[.,]\d+)*(?![\w/]|[.,]\d)"
_NL = r"\d(?<![\w.,/]\d)\d*(?:[.,]\d+)*(?!\w|[.,]\d)"   # before a slash: "7" in "7/63"
_NR = r"\d(?<![\w.,]\d)\d*(?:[.,]\d+)*(?![\w/]|[.,]\d)"  # after a slash: "63" in "7/63"

# Masks read the lower-cased text, except MASK_CASED_RE (document numbers need their capitals).
MASK_CASED_RE = re.compile("|".join((
    # document numbers: 07-NQ/TU, 2948/QĐ-BNV, 61/2018/NĐ-CP, 30c/NQ-CP, 202/2025/QH15
    r"\d(?<![\w/]\d)\d*[a-z]?(?:/\d+)*[/-][A-ZĐ][\wĐđ]*(?:[/-][\wĐđ]+)*",
    r"[A-Za-zĐđ](?<![\w-][A-Za-zĐđ])[A-Za-zĐđ]*-\d+(?!\w)",   # COVID-19
)))
MASK_RE = re.compile(r"(?<!\w)(?=\w)(?:" + "|".join((
    r"(?:nghị quyết|quyết định|nghị định|thông tư|chỉ thị|kế hoạch|công văn|văn bản|luật|kết luận|thông báo"
    r"|tờ trình|đề án|chương trình|dự án|công điện|hướng dẫn|quy định|báo cáo)(?: liên tịch)? (?:số )?\d[\w/.-]*",
    r"(?:điều|khoản|chương|phụ lục|mục) (?:số )?\d+(?:\.\d+)*",
    r"(?:tcvn )?(?:iso|tcvn)[ :]*\d+(?:[:.-]\d+)*",
    # dates and times
    r"\d(?<!\d\d)\d? ?[/.-] ?\d{1,2} ?[/.-] ?\d{2,4}(?!\d)",
    r"ngày \d{1,2}(?: ?(?:/|-|tháng) ?\d{1,2})?(?: ?(?:/|-|năm) ?\d{2,4})?",
    r"tháng \d{1,2}(?: ?(?:/|-|năm) ?\d{4})?",
    r"quý (?:\d|[iv]+)(?: ?(?:/|năm) ?\d{4})?",
    r"\d(?<![\w.,]\d)\d* (?:tháng|ngày|giờ|phút|tuần|năm)(?! \d)(?: làm việc)?",
    r"\d(?<!\d\d)\d? ?(?:h|giờ|:) ?\d{2}(?!\d)(?: phút)?",
    r"(?:19|20)(?<![\w.,]\d\d)\d{2} ?[-–—] ?(?:19|20)?\d{2}(?!\d)",
    # phone numbers and hotlines
    r"(?:điện thoại|hotline|đường dây nóng|tổng đài|sđt|đt|fax)[ :.]*\+?[\d(][\d .()-]{2,}\d",
    r"0(?<![\w.,]0)\d{2,3}[ .-]?\d{3,4}[ .-]?\d{3,4}(?![\w.,]\d)",
    r"1(?<![\w.,]1)[89]00[ .]?\d{3,4}(?!\d)",
    # ordinals, levels, place numbers, labels
    r"(?:lần thứ|kỳ họp thứ|khóa|nhiệm kỳ|mức độ|cấp độ|giai đoạn|top|tổ dân phố|tổ|khu phố|ấp|thôn|khóm|bản"
    r"|phường|quận) \d+(?:(?: ?, ?| và | ?- ?)\d+)*(?!\s*(?:%|/|điểm))",
    r"\d(?<![\w.,]\d)\d*[gk](?!\w)",
    r"^ ?\d{1,2}[.)] ",
)) + r")|(?:\+84|\(0\d{2,3}\))[ .]?\d[\d .]{6,12}\d|\(\d{1,2}\)|\[\d{1,3}\]|\n ?\d{1,2}[.)] ")
# Web addresses and e-mails: found from their "@", "://", "www." or ".vn"-like ending, masked whole.
WEB_TRIGGER_RE = re.compile(r"@|://|www\.|\.(?:vn|com|net|org)(?!\w)")

YEAR_RE = re.compile(r"(?:19|20)(?<![\w/.,-]\d\d)\d{2}(?![\w/%]|[.,]\d)")
YEAR_BASELINE_RE = re.compile(r"(?:so với|so|từ|kể từ|trước|hơn|bằng)(?: cùng kỳ)?(?: năm)? $")

_NOUNS = trie(NOUN_CLASS)
_RANK_NOUNS = (r"tỉnh, thành phố(?: trực thuộc trung ương)?|tỉnh, thành|tỉnh thành|tỉnh|địa phương"
               r"|huyện, thị xã, thành phố|huyện, thành phố, thị xã|huyện, thị, thành phố|huyện, thị xã|huyện"
               r"|quận, huyện|đơn vị cấp huyện|xã, phường, thị trấn|xã, phường|xã|phường|đơn vị cấp xã"
               r"|sở, ban, ngành|sở, ngành|cơ quan, đơn vị|cơ quan|sở")
RANK_NOUN_LEVEL = (("huyện", "district"), ("quận", "district"), ("xã", "commune"), ("phường", "commune"),
                   ("sở", "department"), ("cơ quan", "department"), ("tỉnh", "province"), ("địa phương", "province"))

_RANK_LEAD = (r"(?:xếp|đứng|giữ|vươn lên|tăng lên|lên|tụt xuống|xuống|từ|ở|đạt|chiếm) (?:(?:ở|tại) )?"
              r"(?:vị trí(?: thứ| số)?|thứ hạng|hạng|thứ)|xếp hạng|thứ hạng|vị trí thứ")
_UP = r"tăng|thăng|vươn lên|tăng lên|lên|cải thiện|cao hơn"
_DOWN = r"giảm|tụt|tụt xuống|xuống|sụt giảm|thấp hơn|tụt hạng"
_UP_VALUE = r"tăng|tăng thêm|cải thiện|cao hơn"
_DOWN_VALUE = r"giảm|sụt giảm|thấp hơn|tụt"

# One alternation over the lower-cased, masked text; figures are tried in this order at each position.
FIGURE_RE = re.compile(r"(?<!\w)(?=\w)(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in (
    ("RANK", rf"(?P<rank_lead>{_RANK_LEAD}) (?P<rank>{_NL})"
             rf"(?: ?(?:/|trên|trong tổng số|trong số|trong|của) ?(?P<rank_of>{_NR}))?"
             rf"(?: (?P<rank_noun>{_RANK_NOUNS}))?(?!\w)"),
    ("TOP", r"(?:(?:đứng|xếp|giữ vị trí) đầu|dẫn đầu|xếp thứ nhất|đứng thứ nhất)"
            r"(?= (?:cả nước|toàn quốc|các tỉnh|63 tỉnh|về|trong|bảng xếp hạng|chỉ số|par|sipas|pci|papi|dti|với \d))"),
    ("CHANGE_RANK", rf"(?:(?P<crank_up>{_UP})|{_DOWN}) (?:thêm |được )?(?P<crank>{_N}) ?(?:bậc|hạng|vị trí)(?!\w)"),
    ("CHANGE", rf"(?:(?P<cval_up>{_UP_VALUE})|{_DOWN_VALUE}) (?:thêm |được |gần |hơn |khoảng )?(?P<cval>{_N}) ?"
               rf"(?P<cval_unit>điểm phần trăm|điểm %|điểm|%)(?! ?(?:{_NOUNS})(?!\w))(?!\w)"),
    ("FRACTION", rf"(?P<fr>{_NL}) ?/ ?(?P<fr_of>{_NR})(?: ?(?P<fr_unit>điểm(?!\w)|(?:{_NOUNS})(?!\w)))?"),
    ("PERCENT", rf"(?P<pc>{_N}) ?(?:%|phần trăm(?!\w))(?: (?:số )?(?P<pc_noun>{_NOUNS})(?!\w))?"),
    ("SCORE", rf"(?P<sc>{_N}) ?điểm(?!\w)(?! ?(?:%|phần trăm|cầu|giao dịch|tiếp nhận|đến|du lịch|bưu điện)(?!\w))"),
    ("COUNT", rf"(?P<ct>\d(?<![\w.,/]\d)\d{{0,2}}(?: \d{{3}})+(?!\w)|{_N})(?: (?P<ct_mult>nghìn|ngàn|triệu))? "
              rf"(?P<ct_noun>{_NOUNS})(?!\w)"),
    ("COUNT_AFTER", rf"(?:số|tổng số) (?P<cp_noun>{_NOUNS})(?: [^\d\s,;.:()]+){{0,5}}? ?(?:là|:|đạt) (?P<cp>{_N})"
                    rf"(?! ?(?:%|/|điểm|\w))"),
    ("BARE", rf"(?:đạt|là|với|được) (?P<bare>{_N})(?! ?(?:%|/|phần trăm|\w))"),
)) + ")")
# Words before a "x/y" with no unit that make it a score or fraction ("đạt 89,30/100").
FRACTION_LEADS = ("đạt ", "hoàn thành ", "được ", "với ", "là ")

MULTIPLIERS = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6}

# Target and result words; `target_cue` rejects "100% mục tiêu", "các mục tiêu" (a figure's object, not a target).
TARGET_RE = re.compile(r"(?P<target>phấn đấu|mục tiêu|dự kiến|định hướng đến|(?:cần|phải) đạt"
                       r"|chỉ tiêu (?:đề ra |đặt ra |được giao |phấn đấu )?(?:là|:))|(?P<result>đã|kết quả|thực tế|đạt được)"
                       r"(?!\w)")
_NOT_TARGET_BEFORE = re.compile(r"(?:[%\d]|\bcác|\bnhững) $")


def target_cue(low: str, match: re.Match[str]) -> bool | None:
    """True for a target word, False for a result word, None for neither (a word inside another)."""
    start = match.start()
    if start and low[start - 1].isalnum():
        return None
    if match.group("target"):
        return None if _NOT_TARGET_BEFORE.search(low, max(0, start - 8), start) else True
    return False


# Words that may stand between two figures about the same thing ("đạt 89,3%, xếp thứ 7/63 (tăng 5 bậc)").
LINK_RE = re.compile(r"(?:[\s,;:()_–-]|(?:và|với|là|đạt|xếp|đứng|tăng|giảm|tương ứng|tương đương|chiếm|so|với|cả nước"
                     r"|toàn quốc|trung bình|bình quân|mức|trong|tổng số|của|tỉnh|thành phố|tiếp theo|kế đến|sau đó|lần lượt|năm|cao|thấp"
                     r"|hơn|nhất|điểm|về|thứ|hạng|vị trí|ở|trên|được|lên|xuống|từ|đến|còn|cho|phấn đấu|mục tiêu|dự kiến)(?!\w))*")
# After a percentage, these words keep it a level ("89% so với…"); any other word makes it a share ("100% cơ quan").
LEVEL_FOLLOWERS = frozenset({"so", "và", "với", "trở", "năm", "tăng", "giảm", "xếp", "đứng", "đạt", "cao", "thấp",
                             "trong", "là", "của", "hoặc", "theo", "trên", "kế", "vượt", "tiếp", "thuộc", "nằm", "ở",
                             "đứng", "tương", "điểm", "hạng", "bậc", "thứ"})
