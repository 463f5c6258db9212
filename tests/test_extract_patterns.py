"""The claim extractor on single sentences (invented numbers): every figure pattern, what each claim is
about, negatives, Unicode forms."""

from __future__ import annotations

import unicodedata

import pytest

from cchc_research.extract import clean_text, extract_claims
from cchc_research.provinces import resolve


def claims(text: str, **meta):
    return [(c.kind, c.value, c.of, c.indicator, c.year, c.is_target, c.unit_level)
            for c in extract_claims(text, {"file": "t.txt", **meta})]


@pytest.mark.parametrize("text, expected", [
    # rank with denominator and unit noun, rank change, value; indicator carried across the sentence
    ("Năm 2022, Chỉ số CCHC (PAR INDEX) của tỉnh đạt 84,56%, xếp thứ 41/63 tỉnh, thành phố (tăng 5 bậc).",
     [("percent", 84.56, None, "PAR_INDEX", 2022, False, "province"),
      ("rank", 41, 63, "PAR_INDEX", 2022, False, "province"),
      ("change", 5, None, "PAR_INDEX", 2022, False, "province")]),
    ("Chỉ số SIPAS năm 2021 giảm 3 bậc, đứng thứ 18 trên 63.",
     [("change", -3, None, "SIPAS", 2021, False, "province"), ("rank", 18, 63, "SIPAS", 2021, False, "province")]),
    # score of 100, district rank
    ("Huyện Tuy Phước đạt 91,47/100 điểm, xếp thứ 3/11 huyện.",
     [("score", 91.47, 100, None, None, False, "district"), ("rank", 3, 11, None, None, False, "district")]),
    # fraction of tasks and its percentage
    ("Đến nay đã triển khai 40/42 nhiệm vụ (đạt 95,2%).",
     [("fraction", 40, 42, "tasks_done", None, False, "province"),
      ("percent", 95.2, None, "tasks_done", None, False, "province")]),
    # level from … to …: two percentages, each with its own year
    ("Chỉ số SIPAS tăng từ 78,50% năm 2021 lên 82,10% năm 2022.",
     [("percent", 78.5, None, "SIPAS", 2021, False, "province"),
      ("percent", 82.1, None, "SIPAS", 2022, False, "province")]),
    # dossiers: received, resolved, on time; dot as thousands separator
    ("Tiếp nhận 12.345 hồ sơ; đã giải quyết 11.002 hồ sơ, trong đó đúng hạn 10.980 hồ sơ.",
     [("count", 12345, None, "dossiers_received", None, False, "province"),
      ("count", 11002, None, "dossiers_resolved", None, False, "province"),
      ("count", 10980, None, "dossiers_on_time", None, False, "province")]),
    # staff cut: "so với năm 2015" is a baseline, not the figure's year
    ("Tỉnh đã giảm 210 biên chế so với năm 2015.", [("count", 210, None, "staff_cut", None, False, "province")]),
    ("Sau sắp xếp, giảm 12 phòng chuyên môn và 35 lãnh đạo cấp phó.",
     [("count", 12, None, "organisations_cut", None, False, "province"),
      ("count", 35, None, "leaders_cut", None, False, "province")]),
    # target
    ("Phấn đấu năm 2025 Chỉ số SIPAS đạt từ 90% trở lên.", [("percent", 90, None, "SIPAS", 2025, True, "province")]),
    ("Năm 2023 Chỉ số CCHC đạt 86,1%; mục tiêu năm 2024 đạt 88%.",
     [("percent", 86.1, None, "PAR_INDEX", 2023, False, "province"),
      ("percent", 88, None, "PAR_INDEX", 2024, True, "province")]),
    # leading zeros, procedures in force, trainings
    ("Tỉnh có 06 lĩnh vực tăng điểm.", [("count", 6, None, None, None, False, "province")]),
    ("Hiện nay, tỉnh có 1.856 TTHC đang có hiệu lực.", [("count", 1856, None, "tthc_in_force", None, False, "province")]),
    ("Năm 2023 tổ chức 25 lớp tập huấn cho 1.860 lượt CBCCVC.",
     [("count", 25, None, "trainings", 2023, False, "province"), ("count", 1860, None, "trainings", 2023, False, "province")]),
    # PAR INDEX field, PCI, PAPI (decimal point with three digits), DTI
    ("Lĩnh vực cải cách TTHC đạt 12,93/14,5 điểm.", [("score", 12.93, 14.5, "PAR_INDEX.field_3", None, False, "province")]),
    ("PCI 2022 của Nghệ An đạt 67,55 điểm.", [("score", 67.55, None, "PCI", 2022, False, "province")]),
    ("Chỉ số PAPI năm 2020 đạt 44.396 điểm.", [("score", 44.396, None, "PAPI", 2020, False, "province")]),
    ("Chỉ số chuyển đổi số (DTI) năm 2022 xếp thứ 15/63.", [("rank", 15, 63, "DTI", 2022, False, "province")]),
    # decimal point, "phần trăm", first place, national average
    ("Chỉ số CCHC năm 2020 đạt 88.49 phần trăm.", [("percent", 88.49, None, "PAR_INDEX", 2020, False, "province")]),
    ("Quảng Ninh dẫn đầu cả nước về Chỉ số CCHC năm 2019.", [("rank", 1, None, "PAR_INDEX", 2019, False, "province")]),
    ("Giá trị trung bình Chỉ số SIPAS của cả nước năm 2022 đạt 80,08%.",
     [("percent", 80.08, None, "SIPAS", 2022, False, "national")]),
    # commune level from the denominator noun; a change of a share is a change, not a level
    ("Xã Tân Lập đứng thứ 2/125 xã, phường, thị trấn.", [("rank", 2, 125, None, None, False, "commune")]),
    ("Số hồ sơ trực tuyến tăng 35% so với năm 2022.", [("change", 35, None, None, None, False, "province")]),
    ("Tỷ lệ hồ sơ trực tuyến năm 2023 đạt 35%.", [("percent", 35, None, None, 2023, False, "province")]),
])
def test_patterns(text, expected):
    assert claims(text) == expected


@pytest.mark.parametrize("text", [
    "Thực hiện Nghị quyết số 07-NQ/TU ngày 12/3/2021 của Tỉnh ủy.",
    "Bộ tiêu chí ban hành kèm theo Quyết định 2948/QĐ-BNV ngày 28/12/2017.",
    "Mọi phản ánh xin gọi số điện thoại 0236.3822.123 hoặc đường dây nóng 1900 1234.",
    "Hệ thống quản lý chất lượng theo tiêu chuẩn ISO 9001:2015.",
    "Căn cứ khoản 2 Điều 5 Nghị định số 61/2018/NĐ-CP.",
    "Chương trình tổng thể giai đoạn 2021 - 2030 theo Nghị quyết 76/NQ-CP.",
    "Hội nghị diễn ra lúc 8h30 ngày 15 tháng 01 năm 2024.",
    "Trong bối cảnh dịch COVID-19, tỉnh duy trì dịch vụ công trực tuyến mức độ 3, 4.",
    "Năm 2021, năm 2022 và năm 2023 tỉnh đều tổ chức đối thoại.",
    "Hội nghị lần thứ 5 Ban Chấp hành khóa XX diễn ra trong 2 ngày.",
    "Xem https://dichvucong.gov.vn/p/home.html?id=2023 hoặc viết cho sonoivu@quangnam.gov.vn.",
])
def test_negatives_give_no_claim(text):
    assert claims(text) == []


def test_a_figure_after_an_other_measure_gets_no_index():
    found = claims("Năm 2019, chỉ số SIPAS đạt 83,21%, trong khi tỷ lệ giải ngân vốn đầu tư công đạt 95%.")
    assert [(k, v, i) for k, v, _, i, *_ in found] == [("percent", 83.21, "SIPAS"), ("percent", 95, None)]


def test_a_share_of_something_is_not_the_index_value():
    found = claims("Chỉ số SIPAS đạt 85%, 100% cơ quan đã kết nối liên thông.")
    assert [(v, i) for _, v, _, i, *_ in found] == [(85, "SIPAS"), (100, None)]


@pytest.mark.parametrize("text", [
    "Năm 2022, Chỉ số CCHC của tỉnh Khánh Hòa đạt 85,72%, xếp thứ 27/63; tiếp nhận 12.345 hồ sơ.",
    "Lĩnh vực hiện đại hóa hành chính năm 2021 đạt 12,4 điểm.",
    "Tỉnh Thanh Hóa giảm 156 biên chế trong năm 2022.",
])
def test_nfc_nfd_and_tone_placement_give_the_same_claims(text):
    nfd = unicodedata.normalize("NFD", text)
    new_style = text.replace("òa", "oà").replace("óa", "oá")
    reference = extract_claims(text, {"file": "t"})
    assert reference
    assert extract_claims(nfd, {"file": "t"}) == reference
    assert [c[:5] for c in claims(new_style)] == [c[:5] for c in claims(text)]


def test_claim_carries_province_offsets_and_evidence():
    text = "Mở đầu.  Năm 2023, Chỉ số CCHC của Hải Phòng đạt 90,31%, đứng thứ 2 toàn quốc. Hết."
    found = extract_claims(text, {"file": "hp.txt"})
    clean = clean_text(text)
    assert [c.province_code for c in found] == [resolve("Hải Phòng").code] * 2
    assert {c.province_as_written for c in found} == {"Hải Phòng"}
    assert [clean[c.start:c.end] for c in found] == ["90,31%", "đứng thứ 2"]
    assert found[0].evidence == "Năm 2023, Chỉ số CCHC của Hải Phòng đạt 90,31%, đứng thứ 2 toàn quốc."
    assert found[0].document == "hp.txt" and found[0].decimals == 2


def test_province_from_metadata_when_the_text_says_only_tinh():
    text = "Chỉ số CCHC năm 2022 của tỉnh đạt 84,5%."
    assert extract_claims(text, {"province": "Quảng Nam"})[0].province_code == resolve("Quảng Nam").code
    assert extract_claims(text, {"url": "https://sonoivu.quangnam.gov.vn/a"})[0].province_code == "49"
    assert extract_claims(text, {"publisher": "UBND tỉnh Bình Định"})[0].province_code == "52"
    assert extract_claims(text, {})[0].province_code is None


def test_a_named_province_beats_the_metadata_one():
    found = extract_claims("Chỉ số CCHC năm 2022 của Đà Nẵng đạt 90,1%.", {"province": "Quảng Nam"})
    assert found[0].province_code == "48"


def test_district_claim_keeps_its_unit_and_the_province():
    found = extract_claims("Năm 2023, thị xã Quảng Yên đạt 92,15 điểm, xếp thứ 1/13 huyện.", {"province": "Quảng Ninh"})
    assert {(c.unit_level, c.unit_name, c.province_code) for c in found} == {("district", "Quảng Yên", "22")}
