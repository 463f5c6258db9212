"""The sentences reports print, built from the real processed data in Vietnamese and English: facts from
the 2025 merger only, no doubled words, no "–" in place of a missing number, ranks with their basis."""

from __future__ import annotations

import re
import unicodedata

import pytest

from cchc_research import analysis as A
from cchc_research.config import CoverageRule
from cchc_research.labels import Labels
from cchc_research.narrative import comparison_sentences, jump_sentence, merger_sentence, missing_list, standing_line
from cchc_research.schema import FAMILIES, read_table

# en dash standing for a value: not between two digits (year ranges such as 2018–2020 are fine)
DASH_FOR_VALUE = re.compile(r"(?<!\d)–|–(?!\d)")
DOUBLED = re.compile(r"\b(\w+(?: \w+)?) \1\b", re.IGNORECASE)
SAMPLE = ["Hà Nội", "Hà Giang", "Tây Ninh", "Thành phố Hồ Chí Minh", "Quảng Ninh", "Bình Dương", "Vĩnh Phúc",
          "Quảng Nam", "Bắc Kạn", "Hải Phòng"]


@pytest.fixture(scope="module")
def data(cleaned_project):
    ind = read_table(cleaned_project.processed, "indicators")
    coverage = read_table(cleaned_project.processed, "coverage")
    return ind, coverage, A.load_methodologies(cleaned_project), CoverageRule.load(cleaned_project)


@pytest.fixture(scope="module")
def summaries(data):
    """What the profiles of SAMPLE say, computed once for both languages."""
    ind, coverage, methodologies, rule = data
    return {(p, f): A.family_summary(ind, coverage, methodologies, rule.jumps, p, f) for p in SAMPLE for f in FAMILIES}


@pytest.fixture(scope="module", params=["vi", "en"])
def L(request, cleaned_project):
    return Labels.for_project(cleaned_project, request.param)


def test_hanoi_merger_sentence_uses_the_2025_merger_only(L):
    text = merger_sentence(L, "Hà Nội", A.merger_2025("Hà Nội"))
    assert "Tây" not in text  # Hà Tây joined Hà Nội in 2008: not a 2025 merger partner
    assert ("không sáp nhập" in text) if L.lang == "vi" else ("not merged" in text)
    assert ("thành phố Hà Nội" in text) if L.lang == "vi" else ("**Hanoi**" in text)
    merged = merger_sentence(L, "Hà Giang", A.merger_2025("Hà Giang"))
    assert ("sáp nhập với Tuyên Quang, lấy tên là **tỉnh Tuyên Quang**" in merged) if L.lang == "vi" else \
        ("merged with Tuyen Quang into **Tuyen Quang**" in merged)
    hcmc = merger_sentence(L, "Thành phố Hồ Chí Minh", A.merger_2025("Thành phố Hồ Chí Minh"))
    assert not DOUBLED.search(hcmc) and "thành phố Thành phố" not in hcmc.casefold().replace("**", "")
    assert ("Bình Dương và Bà Rịa - Vũng Tàu" in hcmc) if L.lang == "vi" else ("Binh Duong and Ba Ria" in hcmc)


def test_sentences_never_print_a_dash_for_a_number(data, summaries, L):
    rule = data[3]
    sentences = []
    for province in SAMPLE:
        sentences.append(merger_sentence(L, province, A.merger_2025(province)))
        for family in FAMILIES:
            s = summaries[(province, family)]
            sentences.append(standing_line(L, family, s.standing, missing_list(L, s.missing),
                                           rule.published_scope(family)))
            for c in s.comparisons:
                sentences += comparison_sentences(L, c, province)
            sentences += [jump_sentence(L, family, j) for _, j in s.jumps.iterrows()]
    assert len(sentences) > 100
    for text in sentences:
        assert not DASH_FOR_VALUE.search(text), text
        assert "nan" not in text.split() and "None" not in text and "<NA>" not in text, text
        assert unicodedata.normalize("NFC", text) == text
        assert not DOUBLED.search(text.replace("**", "")), text


def test_standing_says_what_the_rank_rests_on(data, summaries, L):
    rule = data[3]
    papi = summaries[("Hà Nội", "PAPI")]
    line = standing_line(L, "PAPI", papi.standing, missing_list(L, papi.missing))
    # PAPI 2024: rank among the 61 provinces with a total, the two missing named, PAPI's quartile group
    assert "/61" in line or "of 61" in line
    assert ("Vĩnh Phúc, Tiền Giang" in line) if L.lang == "vi" else ("Vinh Phuc, Tien Giang" in line)
    assert L.t(f"quartile_{int(papi.standing['rank']['quartile_group'])}") in line
    dti = summaries[("Hà Nội", "DTI")]
    line = standing_line(L, "DTI", dti.standing)
    assert L.t("rank_basis_listed-order") in line  # DTI 2024 4th of 63 is read from a listed order
    pci = summaries[("Hà Nội", "PCI")]
    line = standing_line(L, "PCI", pci.standing, scope=rule.published_scope("PCI"))
    assert "VCCI" in line and "30" in line  # PCI from 2023: VCCI publishes only its top 30


def test_programme_comparison_names_windows_and_left_out_provinces(summaries, L):
    qn = summaries[("Quảng Ninh", "PAPI")]
    level = next(c for c in qn.comparisons if c.basis == "level")
    text = " ".join(comparison_sentences(L, level, "Quảng Ninh"))
    dims = "8 nội dung" if L.lang == "vi" else "8 dimensions"
    assert f"PAPI 2018–2020, {dims}, 3" in text and f"PAPI 2021–2024, {dims}, 4" in text
    assert "(2019–2020)" in text and "(2022, 2024)" in text  # the years Quảng Ninh really has
    assert f"{level.n_improved}/{level.n}" in text or f"{level.n_improved} of the {level.n}" in text
    assert "2018, 2021, 2023" in text  # named as left out, with the years it misses
    # PAR INDEX: Hải Phòng's published ranks 1, 2, 2, 1 in 2021-2024 have the median 1.5, not "2"
    par = summaries[("Hải Phòng", "PAR_INDEX")].comparisons[0]
    text = " ".join(comparison_sentences(L, par, "Hải Phòng"))
    assert par.basis == "rank" and f"→ {L.num(1.5, 1)} (2021–2024)" in text
    pci = next(c for c in summaries[("Hà Nội", "PCI")].comparisons if c.basis == "level")
    assert L.t("cmp_single_year", period="2021–2030", year="2021") in comparison_sentences(L, pci, "Hà Nội")
