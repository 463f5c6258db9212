"""Vietnamese and English words for reports and figures: families, measures, regions, UI text, numbers.

Measure labels come from the processed `measures` table (label_vi / label_en); province and region
names in English from the processed `provinces` table. `lang` is "vi" (default) or "en".
"""

from __future__ import annotations

import math
import unicodedata

import pandas as pd

from ..analysis.data import year_span
from ..errors import CchcError
from .prose import PROSE

LANGS = ("vi", "en")

FAMILY_SHORT = {"PAPI": "PAPI", "PCI": "PCI", "PAR_INDEX": "PAR INDEX", "SIPAS": "SIPAS", "DTI": "DTI",
                "INDEX_766": "Index 766"}

FAMILY_PRODUCERS = {
    "PAPI": "UNDP, CECODES, VFF-CRT, RTA",
    "PCI": "VCCI",
    "PAR_INDEX": "Bộ Nội vụ / MoHA",
    "SIPAS": "Bộ Nội vụ / MoHA",
    "DTI": "Bộ TT&TT / MIC",
    "INDEX_766": "Cổng Dịch vụ công quốc gia / National Public Service Portal",
}

# UI text. Templates use str.format fields.
TEXT: dict[str, dict[str, str]] = {
    "vi": {
        "year": "Năm",
        "value": "Giá trị",
        "rank": "Thứ hạng",
        "rank_published": "Thứ hạng công bố",
        "rank_national": "Hạng trong cả nước",
        "rank_region": "Hạng trong vùng",
        "rank_2025": "Hạng trong tỉnh mới (2025)",
        "percentile": "Bách phân vị",
        "province": "Tỉnh, thành phố",
        "province_2025": "Tỉnh mới (từ 1/7/2025)",
        "region": "Vùng",
        "family": "Bộ chỉ số",
        "measure": "Chỉ tiêu",
        "methodology": "Phương pháp",
        "source": "Nguồn",
        "n": "n",
        "distance": "Khoảng cách",
        "national_median": "Trung vị cả nước",
        "interquartile": "Khoảng tứ phân vị cả nước",
        "methodology_break": "đổi phương pháp",
        "caption": "Nguồn: {source}. n = {n}.",
        "n_detail": "{n} giá trị; {provinces} tỉnh, thành phố; {years}",
        "n_profile": "{n} tỉnh, thành phố có số liệu năm {year} (trung vị)",
        "n_points": "{n} tỉnh, thành phố",
        "period_short": "Chương trình tổng thể {period}",
        "n_per_year": "{lo}–{hi} tỉnh, thành phố mỗi năm; {years}",
        "no_data": "Không có dữ liệu.",
        "validation_ok": "Dữ liệu đã được kiểm định: đạt ({n_expectations} điều kiện kiểm tra, "
                         "{n_failed_warning} cảnh báo; lúc {generated_at}).",
        "validation_failed": "Dữ liệu CHƯA đạt kiểm định: {n_failed_error} lỗi, {n_failed_warning} cảnh báo "
                             "(lúc {generated_at}).",
        "validation_none": "Dữ liệu chưa được kiểm định (không tìm thấy kết quả kiểm định).",
        "validation_stale": " Lưu ý: dữ liệu đã thay đổi sau lần kiểm định này.",
        "validation_link": "Xem báo cáo kiểm định",
        "legend_ci": "Khoảng tin cậy 95% (công bố)",
        "legend_quoted": "Năm chưa đủ số liệu: số liệu trích dẫn",
        "legend_jump": "Biến động bất thường (cờ)",
        "legend_box": "Năm đủ số liệu: phân bố các tỉnh",
        "legend_no_data": "Không có số liệu",
        "legend_rank_stated": "Hạng được nêu rõ",
        "legend_rank_listed": "Hạng suy từ thứ tự liệt kê",
        "rank_of_n": "Hạng trong {n} tỉnh",
        "n_points_refs": "{n} điểm số liệu, nguồn theo số thứ tự [n] ở danh sách bên dưới",
        "years_n": "{n} năm",
        "years_one": "1 năm",
    },
    "en": {
        "year": "Year",
        "value": "Value",
        "rank": "Rank",
        "rank_published": "Published rank",
        "rank_national": "National rank",
        "rank_region": "Rank in region",
        "rank_2025": "Rank in new province (2025)",
        "percentile": "Percentile",
        "province": "Province",
        "province_2025": "New province (from 1 July 2025)",
        "region": "Region",
        "family": "Index",
        "measure": "Measure",
        "methodology": "Methodology",
        "source": "Source",
        "n": "n",
        "distance": "Distance",
        "national_median": "National median",
        "interquartile": "National interquartile range",
        "methodology_break": "methodology change",
        "caption": "Source: {source}. n = {n}.",
        "n_detail": "{n} values; {provinces} provinces; {years}",
        "n_profile": "{n} provinces with data in {year} (median)",
        "n_points": "{n} provinces",
        "period_short": "Master programme {period}",
        "n_per_year": "{lo}–{hi} provinces a year; {years}",
        "no_data": "No data.",
        "validation_ok": "Data validated: passed ({n_expectations} expectations, {n_failed_warning} warnings; "
                         "at {generated_at}).",
        "validation_failed": "Data FAILED validation: {n_failed_error} errors, {n_failed_warning} warnings "
                             "(at {generated_at}).",
        "validation_none": "Data not validated (no validation result found).",
        "validation_stale": " Note: the data changed after this validation.",
        "validation_link": "See the validation report",
        "legend_ci": "95% confidence interval (published)",
        "legend_quoted": "Partial year: quoted figures",
        "legend_jump": "Unusual change (flag)",
        "legend_box": "Complete year: distribution of provinces",
        "legend_no_data": "No data",
        "legend_rank_stated": "Rank stated",
        "legend_rank_listed": "Rank read from listed order",
        "rank_of_n": "Rank of {n}",
        "n_points_refs": "{n} data points, sources by number [n] in the list below",
        "years_n": "{n} years",
        "years_one": "1 year",
    },
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise CchcError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    return lang


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def is_missing(x) -> bool:
    """None, NaN or pd.NA: a value a sentence cannot print."""
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


def fmt_number(x: float | int | None, lang: str, digits: int = 2) -> str:
    """A number as readers of `lang` write it: vi "1.234,56", en "1,234.56"; missing → "–" (tables only:
    sentences use `Labels.sentence`, which leaves a sentence out rather than print "–")."""
    if is_missing(x):
        return "–"
    text = f"{x:,.{digits}f}"
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_years(years) -> str:
    """Years as compact ranges: [2011, 2012, 2013, 2016] → "2011–2013, 2016"."""
    return year_span(years)


class Labels:
    """Every word a report prints, in one language.

    `measures` and `provinces` are the processed tables; `methodologies` is config/methodologies.yml
    (family, programme and methodology-era labels).
    """

    def __init__(self, lang: str, measures: pd.DataFrame | None = None,
                 provinces: pd.DataFrame | None = None, methodologies: dict | None = None) -> None:
        self.lang = check_lang(lang)
        key = f"label_{lang}"
        self._measures: dict[tuple[str, str], str] = {}
        if measures is not None:
            latest = measures.sort_values("last_year", kind="stable")
            self._measures = {(f, m): nfc(str(v)) for f, m, v in
                              zip(latest["family"], latest["measure"], latest[key])}
        config = methodologies or {}
        for measure, labels in config.get("measures", {}).items():  # measures outside `indicators` (Index 766)
            for family in (*FAMILY_SHORT, None):
                self._measures.setdefault((family, measure), nfc(labels[key]))
        self._province_en: dict[str, str] = {}
        self._region_en: dict[str, str] = {}
        if provinces is not None:
            self._province_en = dict(zip(provinces["province"], provinces["province_en"]))
            self._region_en = dict(zip(provinces["region"], provinces["region_en"]))
        from ..provinces import provinces_2025

        new = provinces_2025()
        self._new_en = dict(zip(new["province_2025"], new["province_2025_en"]))
        self._new_kind = dict(zip(new["province_2025"], new["kind"]))
        self._programmes = {p["id"]: p[key] for p in config.get("programmes", [])}
        self._families = {f: spec[key] for f, spec in config.get("families", {}).items()}
        self._digits = {f: int(spec.get("digits", 2)) for f, spec in config.get("families", {}).items()}
        eras = [era for spec in config.get("families", {}).values() for era in spec.get("eras", [])]
        self._eras = {era["id"]: era[key] for era in eras}
        self._eras_short = {era["id"]: era.get(f"short_{lang}", era[key]) for era in eras}

    @classmethod
    def for_project(cls, project, lang: str) -> "Labels":
        """Labels from a repository's processed tables and config."""
        from ..analysis.data import load_methodologies
        from ..schema import read_table

        return cls(lang, read_table(project.processed, "measures"), read_table(project.processed, "provinces"),
                   load_methodologies(project))

    def t(self, key: str, **fields) -> str:
        """A UI string or a sentence template (prose.PROSE), filled with `fields`."""
        text = TEXT[self.lang].get(key)
        return (PROSE[self.lang][key] if text is None else text).format(**fields)

    def family(self, family: str, long: bool = False) -> str:
        """Short name ("PAR INDEX"), or the full name from the config when `long`."""
        return self._families.get(family, family) if long else FAMILY_SHORT.get(family, family)

    def measure(self, family: str, measure: str) -> str:
        """Label of a measure from the `measures` table (its latest methodology), else its code."""
        return self._measures.get((family, measure), measure)

    def measure_full(self, family: str, measure: str) -> str:
        return f"{self.family(family)} · {self.measure(family, measure)}"

    def era(self, methodology: str) -> str:
        return self._eras.get(methodology, methodology)

    def era_short(self, methodology: str) -> str:
        """The era in a few words ("8 dimensions")."""
        return self._eras_short.get(methodology, methodology)

    def window(self, family: str, window) -> str:
        """"PAPI 2018–2020, 8 dimensions, 3 years": a comparison window by the years it uses and its era(s)."""
        eras = " + ".join(self.era_short(m) for m in window.methodologies)
        years = self.t("years_one") if window.n_years == 1 else self.t("years_n", n=window.n_years)
        return f"{self.family(family)} {window.label}, {eras}, {years}"

    def producer(self, family: str) -> str:
        return FAMILY_PRODUCERS.get(family, family)

    def digits(self, family: str) -> int:
        return self._digits.get(family, 2)

    def value(self, family: str, x) -> str:
        """A value of `family` with the decimals it is shown with (DTI 4, others 2)."""
        return self.num(x, self.digits(family))

    def sentence(self, key: str, **fields) -> str:
        """`t(key, **fields)`, or "" when a field is missing: a sentence is left out rather than print "–"
        in place of a number."""
        return "" if any(is_missing(v) for v in fields.values()) else self.t(key, **fields)

    def new_province(self, name: str) -> str:
        """A province from 2025-07-01 with its kind, without doubled words: vi "tỉnh Tuyên Quang",
        "thành phố Hà Nội", "Thành phố Hồ Chí Minh"; en "Tuyen Quang", "Ho Chi Minh City"."""
        if self.lang == "en":
            return self._new_en.get(name, name)
        if name.casefold().startswith(("thành phố", "tỉnh")):
            return name
        kind = "thành phố" if self._new_kind.get(name, "tỉnh").startswith("thành phố") else "tỉnh"
        return f"{kind} {name}"

    def programme(self, programme: str) -> str:
        return self._programmes.get(programme, programme)

    def province(self, name: str) -> str:
        if self.lang != "en":
            return name
        return self._province_en.get(name) or self._new_en.get(name, name)

    def region(self, name: str) -> str:
        return self._region_en.get(name, name) if self.lang == "en" else name

    def num(self, x, digits: int = 2) -> str:
        return fmt_number(x, self.lang, digits)

    def pvalue(self, p: float) -> str:
        """"p = 0,012", or "p < 0,001" below a thousandth."""
        return f"p < {self.num(0.001, 3)}" if p < 0.001 else f"p = {self.num(p, 3)}"

    def source(self, family: str, source_ids=()) -> str:
        """"PAPI (UNDP, …); data: MDT, HUNG" – the producer and the extracts a figure's values come from."""
        ids = ", ".join(sorted(set(source_ids)))
        data = {"vi": "dữ liệu", "en": "data"}[self.lang]
        producer = FAMILY_PRODUCERS.get(family)
        text = f"{self.family(family)} ({producer})" if producer else self.family(family)
        return f"{text}; {data}: {ids}" if ids else text
