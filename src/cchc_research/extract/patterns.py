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
MASK_RE = re.compile(r"(?=[\w+(\[\n])(?:(?<!\w)(?=\w)(?:" + "|".join((
    r"(?:nghị quyết|quyết định|nghị định|thông tư|chỉ thị|kế hoạch|công văn|văn bản|luật|kết luận|thông báo"
    r"|tờ trình|đề án|chương trình|dự án|công điện|hướng dẫn|quy định|báo cáo)(?: liên tịch)? (?:số )?\d[\w/.-]*",
    r"(?:điều|khoản|chương|phụ lục|mục) (?:số )?\d+(?:\.\d+)*",
    r"(?:tcvn )?(?:iso|tcvn)[ :]*\d+(?:[:.-]\d+)*",
    # dates and times (day/month/year forms: DATE_RE, validated)
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
    # page furniture: meeting numbers, visitor counters, view counts
    r"(?:phiên họp|kỳ họp|hội nghị|lần|đợt|khóa|số|kỳ) thứ (?:\d+|[a-zđ]+)",
    r"\d(?<![\w.,]\d)[\d.,]* (?:người|khách|thành viên) đang (?:online|truy cập|trực tuyến|xem)",
    r"(?:lượt xem|lượt truy cập|lượt đọc|đang truy cập|đang online|hôm nay|hôm qua|tổng truy cập|truy cập)"
    r"[ :]*\d[\d.,]*",
    r"(?:lần thứ|kỳ họp thứ|khóa|nhiệm kỳ|mức độ|cấp độ|giai đoạn|top|tốp|tổ dân phố|tổ|khu phố|ấp|thôn|khóm|bản"
    r"|phường|quận) \d+(?:(?: ?, ?| và | ?- ?)\d+)*(?!\s*(?:%|/|điểm))",
    r"\d(?<![\w.,]\d)\d*[gk](?!\w)",
    r"^ ?\d{1,2}[.)] ",
)) + r")|(?:\+84|\(0\d{2,3}\))[ .]?\d[\d .]{6,12}\d|\(\d{1,2}\)|\[\d{1,3}\]|\n ?\d{1,2}[.)] )")
# Dates d/m/y ("12/3/2021", "2.1.2018"); a match is masked only when day and month can be a date,
# so "85.42/100" (a score) stays.
DATE_RE = re.compile(r"(?<![\w.,/])(?P<d>\d{1,2}) ?[/.-] ?(?P<m>\d{1,2}) ?[/.-] ?\d{2,4}(?!\d)")
# Wire datelines at the start of a paragraph: "Hà Nội (TTXVN 12/4)", "BBK - ": the place is where the
# story was filed, not what it is about.
DATELINE_RE = re.compile(r"(?m)^(?:[^\W\d][\w.]*(?: [^\W\d][\w.]*){0,3} ?\((?:[^()\n]*(?:TTXVN|VNA|TTXVN/|Vietnam\+"
                         r"|Chinhphu\.vn|PLVN|VOV|PV|CTV|Thời sự)[^()\n]*|[^()\n]{0,12}\d{1,2}/\d{1,2}[^()\n]{0,8})\)"
                         r"|[A-ZĐ]{2,5} ?[-–] )")

# Web addresses and e-mails: found from their "@", "://", "www." or ".vn"-like ending, masked whole.
WEB_TRIGGER_RE = re.compile(r"@|://|www\.|\.(?:vn|com|net|org)(?!\w)")

# The year of a period the masks blank out ("quý I/2023", "tháng 7 năm 2021"): the figure's year.
PERIOD_YEAR_RE = re.compile(r"(?:quý (?:\d|[iv]+)|tháng \d{1,2}) ?(?:/|-|năm) ?(?P<year>(?:19|20)\d\d)$")
YEAR_RE = re.compile(r"(?:19|20)(?<![\w/.,-]\d\d)\d{2}(?![\w/%]|[.,]\d)")
YEAR_BASELINE_RE = re.compile(r"(?:(?:so với|so|kể từ)(?: [^\d,;.()_]{1,25}?)?|từ|trước|hơn|bằng)(?: cùng kỳ)?(?: năm)? $")

_NOUNS = trie(NOUN_CLASS)
_RANK_NOUNS = (r"tỉnh, thành phố(?: trực thuộc trung ương)?|tỉnh, thành|tỉnh thành|tỉnh|địa phương"
               r"|huyện, thị xã, thành phố|huyện, thành phố, thị xã|huyện, thị, thành phố|huyện, thị xã|huyện"
               r"|quận, huyện|đơn vị cấp huyện|xã, phường, thị trấn|xã, phường|xã|phường|đơn vị cấp xã"
               r"|sở, ban, ngành|sở, ngành|cơ quan, đơn vị|cơ quan|sở")
LEVEL_WORDS = {"tỉnh": "department", "huyện": "district", "xã": "commune"}  # "cấp tỉnh": the provincial level
# A level written right after a figure is that figure's ("1.612 thủ tục cấp tỉnh").
LEVEL_AFTER_RE = re.compile(r" (?:(?:ở|thuộc|của) )?cấp (tỉnh|huyện|xã)(?!\w)")
RANK_NOUN_LEVEL = (("huyện", "district"), ("quận", "district"), ("xã", "commune"), ("phường", "commune"),
                   ("sở", "department"), ("cơ quan", "department"), ("tỉnh", "province"), ("địa phương", "province"))

_RANK_LEAD = (r"(?:xếp|đứng|giữ|giữ vững|duy trì|vươn lên|tăng lên|lên|tụt xuống|xuống|từ|ở|đạt|chiếm|nằm|giành"
              r"|đoạt) (?:(?:ở|tại) )?(?:vị trí(?: thứ| số)?|vị thứ|thứ hạng|hạng|thứ)|xếp hạng|thứ hạng"
              r"|vị trí (?:thứ|số)|vị thứ|xếp(?= \d{1,2} ?/ ?\d)")
# Ranks in words after a rank lead ("đứng thứ ba"); "nhất"/"nhì" are 1 and 2.
RANK_WORDS = {"nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
              "chín": 9, "mười": 10}
_UP = r"tăng|thăng|vươn lên|tăng lên|lên|cải thiện|cao hơn|tăng vọt|nhảy vọt|vọt lên|bứt phá"
_DOWN = r"giảm|tụt|tụt xuống|xuống|sụt giảm|thấp hơn|tụt hạng"
_UP_VALUE = r"tăng|tăng thêm|cải thiện|cao hơn"
_DOWN_VALUE = r"giảm|sụt giảm|thấp hơn|tụt"

# A character of the unit a gap is measured against ("thấp hơn Đà Nẵng 4,2 điểm"): no figure, no verb.
_GAP_REF = r"(?!(?<!\w)(?:đạt|là|xếp|đứng|với|lên|xuống|tăng|giảm|ở)(?!\w))[^\d,;.:()%]"

# One alternation over the lower-cased, masked text; figures are tried in this order at each position.
FIGURE_RE = re.compile(r"(?<!\w)(?=\w)(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in (
    ("RANK", rf"(?P<rank_lead>{_RANK_LEAD}) (?:(?P<rank>{_NL})"
             rf"(?: ?(?:/|trên|trong tổng số|trong số|trong|của) ?(?P<rank_of>{_NR}))?"
             rf"(?: (?P<rank_noun>{_RANK_NOUNS}))?(?!\w)|(?P<rank_word>{'|'.join(RANK_WORDS)})(?!\w)(?! _))"),
    ("TOP", r"(?:đứng (?:đầu|thứ nhất)|xếp (?:đầu|thứ nhất)|giữ vị trí đầu|dẫn đầu|(?:vị trí |ngôi )?(?:á|quán) quân)"
            r"(?= (?:cả nước|toàn quốc|các tỉnh|63 tỉnh|về|trong|trên|bảng|chỉ số|par|sipas|pci|papi|dti|với|cả|ở|khu vực"
            r"|vùng|năm)(?!\w)| ?[,.;:)]| ?$)"),
    ("CHANGE_RANK", rf"(?:(?P<crank_up>{_UP})|{_DOWN})(?: mạnh| tới| đến)? (?:thêm |được )?(?P<crank>{_N}) ?"
                    rf"(?:bậc|hạng|vị trí)(?!\w)"),
    ("CHANGE", rf"(?:(?P<cval_up>{_UP_VALUE})|{_DOWN_VALUE})(?: mạnh(?: nhất)?| nhẹ| nhiều(?: nhất)?| đáng kể)?"
               rf"(?: (?:so với |so )?(?:năm trước|năm ngoái|năm _+|cùng kỳ(?: năm trước| năm _+)?|kỳ trước|lần trước))?"
               rf"(?: (?:là|với|ở mức|tới|đến))? (?:thêm |được |gần |hơn |khoảng )?(?P<cval>{_N}) ?"
               rf"(?P<cval_unit>điểm phần trăm|điểm %|điểm|%|đơn vị(?= so| ?[),;.]| ?$))(?! ?(?:{_NOUNS})(?!\w))(?!\w)"),
    # a gap between two units ("thấp hơn Đà Nẵng 4,2 điểm"), or a change against a time ("cao hơn năm 2021 là 1,3%")
    ("GAP", rf"(?:(?P<gap_up>cao hơn|vượt)|thấp hơn|kém|chênh lệch(?: so)? với)"
            rf" (?P<gap_ref>[^\d\W](?:{_GAP_REF}){{0,40}}?[^\d\W]?) (?:là |khoảng |gần |tới |đến )?"
            rf"(?P<gap>{_N}) ?(?P<gap_unit>điểm phần trăm|điểm|%|bậc|hạng)(?!\w)"),
    ("FRACTION", rf"(?P<fr>{_NL}) ?/ ?(?P<fr_of>{_NR})(?: ?(?P<fr_unit>điểm(?!\w)|(?:{_NOUNS})(?!\w)))?"),
    ("PERCENT", rf"(?P<pc>{_N}) ?(?:%|phần trăm(?!\w))(?: (?:số )?(?P<pc_noun>{_NOUNS})(?!\w))?"),
    ("SCORE", rf"(?P<sc>{_N}) ?điểm(?!\w)(?! ?(?:%|phần trăm|cầu|giao dịch|tiếp nhận|đến(?! (?:dưới|trên|\d))|du lịch|bưu điện)(?!\w))"),
    ("COUNT", rf"(?P<ct>\d(?<![\w.,/]\d)\d{{0,2}}(?: \d{{3}})+(?!\w)|{_N})(?: (?P<ct_mult>nghìn|ngàn|triệu))? "
              rf"(?P<ct_noun>{_NOUNS})(?!\w)"),
    # "287 cấp huyện" in "1.612 thủ tục cấp tỉnh, 287 cấp huyện và 121 cấp xã": the noun of the count before
    ("LEVEL_COUNT", rf"(?P<lc>{_N}) (?P<lc_level>cấp (?:tỉnh|huyện|xã))(?!\w)"),
    ("COUNT_AFTER", rf"(?:số|tổng số) (?P<cp_noun>{_NOUNS})(?: [^\d\s,;.:()]+){{0,5}}? ?(?:là|:|đạt) (?P<cp>{_N})"
                    rf"(?! ?(?:%|/|điểm|\w))"),
    ("BARE", rf"(?:đạt|là|với|được) (?P<bare>{_N})(?! ?(?:%|/|phần trăm|\w))"),
)) + ")")
# Words before a "x/y" with no unit that make it a score or fraction ("đạt 89,30/100").
FRACTION_LEADS = ("đạt ", "hoàn thành ", "được ", "với ", "là ")

# Bounds written before a figure ("trên 80%", "gần 5.300", "tối thiểu 2,5%") or after it ("90 điểm trở lên"):
# the figure is a limit, not a value. ">" over, "<" under, "~" about (the self-reported table's symbols).
BOUND_WORDS = {
    ">": ("trên", "hơn", "vượt", "ít nhất", "tối thiểu", "không dưới", "không thấp hơn"),
    "<": ("dưới", "chưa đến", "chưa tới", "không quá", "tối đa", "không vượt quá"),
    "~": ("gần", "khoảng", "xấp xỉ", "gần như", "ước đạt", "ước tính", "trên dưới", "ngót", "chừng", "hầu như"),
}
BOUND_ENDINGS = {sign: tuple(f"{phrase} " for phrase in phrases) for sign, phrases in BOUND_WORDS.items()}
BOUND_AFTER_RE = re.compile(r"(?: ?[%]| điểm| [^\W\d]+)? (?:(?P<gt>trở lên)|(?P<lt>trở xuống))(?!\w)")
# A figure about a group of units is a threshold ("12 sở đạt trên 90%", "nhóm A từ 90 điểm trở lên").
# Before "dẫn đầu"/"đứng đầu": a group leads ("nhóm 10 tỉnh dẫn đầu", "có 5 đơn vị dẫn đầu"), not a rank 1.
GROUP_LEADS_RE = re.compile(r"(?<!\w)(?:nhóm|tốp|top|những|các|\d+ (?:tỉnh|đơn vị|địa phương|bộ|sở|huyện|xã))(?!\w)[^.;:]{0,40}$")
GROUP_RE = re.compile(r"(?<!\w)(?:nhóm|các|những|tất cả|còn lại|\d+(?:/\d+)? (?:tỉnh|sở|vùng|đơn vị|huyện|xã|cơ quan"
                      r"|địa phương|bộ|quận|phường)|tỉnh duy nhất|địa phương duy nhất)(?!\w)")
# A part of a whole: online, direct or postal dossiers, one level of service ("12.516 hồ sơ trực tuyến").
PART_RE = re.compile(r"(?<!\w)(?:trực tuyến|trực tiếp|qua (?:dịch vụ )?bưu chính|bưu chính công ích|mức độ \d|toàn trình"
                     r"|một phần)(?!\w)")
# A count of units before a figure: the figure is said of the group ("16 cơ quan … đạt 100%").
COUNTED_GROUP_RE = re.compile(r"(?<![\w.,/])\d+ (?:tỉnh|sở|vùng|đơn vị|huyện|xã|cơ quan|địa phương|bộ|quận"
                              r"|phường)(?!\w)")
# Several indices named together: a rank or value of "cả hai chỉ số" is not one index's.
MULTI_INDEX_AFTER_RE = re.compile(r" (?:(?:về|trên|ở|tại) )?(?:cả (?:hai|ba|bốn|năm|\d|chỉ số|bảng)|các chỉ số)")
# Two indices named together before a figure ("Chỉ số CCHC và Chỉ số hài lòng …, Hà Nội đứng thứ 3"): whose?
COORDINATED_INDEX_GAP_RE = re.compile(r"[^.;:]{0,80}?(?: và |, )(?:cả )?$")
MULTI_INDEX_RE = re.compile(r"(?<!\w)(?:cả (?:hai|ba|bốn|năm|\d) (?:chỉ số|bảng xếp hạng)|các chỉ số|cả hai bảng)(?!\w)")
# "lần lượt" (respectively): the k-th figure belongs to the k-th name before it.
RESPECTIVELY_RE = re.compile(r"(?<!\w)lần lượt(?!\w)")
# Words before a province name that make it a point of comparison, not the subject ("sau Quảng Ninh").
REFERENCE_BEFORE_RE = re.compile(r"(?<!\w)(?:sau|hơn|so với|kém|cùng với|như|trước|vượt|thua|bằng|với|giống|cùng)"
                                 r"(?: (?:tỉnh|thành phố|tp\.?))? $")
# Words after a figure that say it is a rank within a region or group, not among all provinces.
REGION_RANK_RE = re.compile(r" ?(?:/ ?\d+ )?(?:tỉnh,? (?:thành phố )?)?(?:(?:của |trong |ở )?(?:khu vực|vùng|miền)(?!\w)"
                            r"|(?:các )?(?:tỉnh )?(?:khu vực |vùng |miền )?(?:trung du|đồng bằng|bắc trung bộ|nam trung bộ"
                            r"|tây nguyên|đông nam bộ|tây bắc|đông bắc|duyên hải|miền núi))")
# A year the text calls "this year" is the document's year.
THIS_YEAR_RE = re.compile(r"(?<!\w)(?:năm nay|trong năm|từ đầu năm(?: đến nay)?)(?!\w)(?! _)")
# Headings of objectives: figures below them are targets until the next heading.
TARGET_HEADING_RE = re.compile(r"(?<!\w)(?:mục tiêu|chỉ tiêu|phương hướng|nhiệm vụ,? giải pháp|định hướng|kế hoạch)(?!\w)")
RESULT_HEADING_RE = re.compile(r"(?<!\w)(?:kết quả|tình hình|đánh giá|thực trạng)(?!\w)")
# "đến năm 2025", "vào năm 2025": a deadline, a target when the year is not before the document's.
DEADLINE_RE = re.compile(r"(?<!\w)(?:đến|vào|tới|trước) (?:cuối )?năm (?P<year>(?:19|20)\d\d)(?!\d)")

MULTIPLIERS = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6}

# Target and result words; `target_cue` rejects "100% mục tiêu", "các mục tiêu" (a figure's object, not a target).
TARGET_RE = re.compile(r"(?<!\w)(?:(?P<target>phấn đấu|mục tiêu|dự kiến|định hướng đến|(?:cần|phải) đạt"
                       r"|chỉ tiêu (?:đề ra |đặt ra |được giao |phấn đấu )?(?:là|:))|(?P<result>đã|kết quả|thực tế|đạt được))"
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
                     r"|vượt qua|vượt|xếp sau|sau|trước|bằng|dưới"
                     r"|toàn quốc|trung bình|bình quân|mức|trong|tổng số|của|tỉnh|thành phố|tiếp theo|kế đến|sau đó|lần lượt|năm|cao|thấp"
                     r"|hơn|nhất|điểm|về|thứ|hạng|vị trí|ở|trên|được|lên|xuống|từ|đến|còn|cho|phấn đấu|mục tiêu|dự kiến)(?!\w))*")
# After a percentage, these words keep it a level ("89% so với…"); any other word makes it a share ("100% cơ quan").
LEVEL_FOLLOWERS = frozenset({"so", "và", "với", "trở", "năm", "tăng", "giảm", "xếp", "đứng", "đạt", "cao", "thấp",
                             "trong", "là", "của", "hoặc", "theo", "trên", "kế", "vượt", "tiếp", "thuộc", "nằm", "ở",
                             "đứng", "tương", "điểm", "hạng", "bậc", "thứ", "xuống", "lên", "còn", "đến", "tới", "nhưng",
                             "song", "vẫn", "cũng", "đều", "giữ", "khi", "thì", "vào", "về"})
