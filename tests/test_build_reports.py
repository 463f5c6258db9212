"""`cchc build` with the real notebooks and the shipped matrix, on a fast subset: one report of each kind."""

from __future__ import annotations

import re
import shutil

import pytest

from cchc_research.publish.render import external_references
from cchc_research.cli import main

SUBSET = {"province/ha-noi.html": "vi", "province/bac-lieu.html": "vi", "region/dong-bang-song-hong.html": "vi",
          "family/pci.html": "vi", "overview/national-overview.html": "vi", "quality/data-quality.html": "vi"}
ATTRIBUTION = "Province boundaries: Open Development Mekong / Department of Survey and Mapping (Viet Nam), CC BY-SA 4.0"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(cleaned_project, tmp_path_factory):
    root = tmp_path_factory.mktemp("build") / "repo"
    shutil.copytree(cleaned_project.root, root)
    only = [arg for rel in SUBSET for arg in ("--only", rel[:-5])]
    code = main(["build", "--root", str(root), "--skip-validation-check", *only])
    return code, root / "reports"


def test_subset_builds(site):
    code, reports = site
    assert code == 0
    assert all((reports / rel).is_file() for rel in SUBSET)


@pytest.mark.parametrize("rel", SUBSET)
def test_page_has_no_code_and_nothing_external(site, rel):
    html = (site[1] / rel).read_text(encoding="utf-8")
    body = html.split("</head>", 1)[1]
    assert f'<html lang="{SUBSET[rel]}">' in html
    assert external_references(html) == []
    assert not re.search(r"<script[^>]*\ssrc=|<link[^>]*\shref=", html)
    assert not re.search(r'class="jp-(InputPrompt|OutputPrompt|CodeMirrorEditor|Editor)\b', body)
    assert "from cchc_research" not in body and "import pandas" not in body  # no code cell source
    assert re.search(r'<img [^>]*src="data:image/png;base64,', body), "no embedded figure"


def test_index_lists_every_report_of_the_matrix(site):
    page = (site[1] / "index.html").read_text(encoding="utf-8")
    statuses = dict(re.findall(r'data-slug="([\w-]+)" data-status="(\w+)"', page))
    assert len(statuses) == 110
    assert {slug for slug, status in statuses.items() if status == "ok"} == {
        rel.split("/")[1][:-5] for rel in SUBSET}
    for rel in SUBSET:
        assert f'<a href="{rel}">' in page
    for kind in ("province", "province-2025", "region", "family", "overview", "quality"):
        assert f'<section data-kind="{kind}">' in page
    assert external_references(page) == []


def _prose(html: str) -> list[str]:
    """The text of every paragraph and list item of a page (sentences, not table cells)."""
    body = html.split("</head>", 1)[1]
    return [re.sub(r"<[^>]+>", "", m) for m in re.findall(r"<(?:p|li)\b[^>]*>(.*?)</(?:p|li)>", body, re.S)]


@pytest.mark.parametrize("rel", SUBSET)
def test_no_sentence_prints_a_dash_for_a_number(site, rel):
    sentences = _prose((site[1] / rel).read_text(encoding="utf-8"))
    assert sentences
    for text in sentences:
        assert not re.search(r"(?<!\d)–|–(?!\d)", text), text


def test_profile_tells_the_2025_merger_and_both_programmes(site):
    text = " ".join(_prose((site[1] / "province/ha-noi.html").read_text(encoding="utf-8")))
    assert "không sáp nhập" in text and "Hà Tây" not in text
    assert "PAPI 2018–2020, 8 nội dung, 3 năm" in text and "PAR INDEX 2021–2024" in text
    page = (site[1] / "province/ha-noi.html").read_text(encoding="utf-8")
    assert "Hạng trong tỉnh mới" not in page  # Hà Nội was not merged: no one-member new-province ranks
    assert 'href="https://dti.gov.vn/xep-hang-2022"' in page  # each point's source one click away


def test_family_page_shows_comparisons_not_raw_rows(site):
    page = (site[1] / "family/pci.html").read_text(encoding="utf-8")
    rows = [len(re.findall(r"<tr", t)) for t in re.findall(r"<table.*?</table>", page, re.S)]
    assert rows and max(rows) <= 70  # 63 provinces and a header at most: never the 708 raw figures
    text = " ".join(_prose(page))
    assert "PCI 2013–2020" in text and "Giai đoạn 2021–2030 chỉ có một năm (2021)" in text and "VCCI" in text


def test_analysis_tables_published_with_the_site(site):
    data = site[1] / "data"
    assert sorted(p.name for p in data.iterdir()) == ["national_distribution.csv", "period_comparison.csv",
                                                      "rankings.csv"]
    assert data.joinpath("national_distribution.csv").read_text(encoding="utf-8").startswith(
        "family,measure,year,n_provinces,n_expected,median,q1,q3")


def _maps(page: str) -> list[tuple[str, str]]:
    """(alt text, caption) of every map figure of a page."""
    return re.findall(r'<figure class="cchc-map"><img [^>]*alt="([^"]*)"[^>]*><figcaption>(.*?)</figcaption>', page, re.S)


def _section(page: str, heading: str, end: str) -> str:
    start = page.index(heading)
    return page[start:page.index(end, start)]


def test_family_page_maps_the_latest_complete_year_and_both_programmes(site):
    maps = _maps((site[1] / "family/pci.html").read_text(encoding="utf-8"))
    assert len(maps) == 2 and all(alt.startswith("Bản đồ") and ATTRIBUTION in caption for alt, caption in maps)
    assert maps[0][0].startswith("Bản đồ PCI") and maps[1][0].startswith("Bản đồ nhỏ PCI")


def test_overview_has_the_merger_map_and_who_reports_what(site):
    page = (site[1] / "overview/national-overview.html").read_text(encoding="utf-8")
    (alt, caption), = _maps(page)
    assert alt.startswith("Bản đồ 34 tỉnh, thành phố từ ngày 1/7/2025 trên nền ranh giới 63 tỉnh cũ") and ATTRIBUTION in caption
    section = _section(page, "Các tỉnh tự báo cáo gì", "Bảng số liệu")
    assert "không phải tỉnh không báo cáo" in section  # an empty cell is not a province that reported nothing
    assert section.count("cùng định nghĩa:") >= 2  # comparisons, each with what was matched and the caveat


def test_profile_locates_the_province_and_shows_what_it_reports_with_sources(site):
    page = (site[1] / "province/ha-noi.html").read_text(encoding="utf-8")
    (alt, caption), = _maps(page)
    assert alt.startswith("Bản đồ vị trí Hà Nội") and ATTRIBUTION in caption
    section = _section(page, "Tỉnh tự báo cáo", "Tỉnh nói gì về các chỉ số")
    assert "Hà Nội tự báo cáo 7 số liệu về 5 chỉ tiêu" in section
    rows = re.findall(r"<tr>.*?</tr>", section, re.S)
    on_time = next(r for r in rows if "99,85 %" in r)  # on-time dossiers, 1/7-23/9/2025, communes
    assert "1/7-23/9/2025" in on_time and "không phải số liệu trọn một năm" in on_time
    assert 'href="https://news.laodong.vn/xa-hoi/trung-tam-hanh-chinh-cong-ha-noi-' in on_time  # one click away
    assert any(re.search(r"<td>&lt; \d", r) for r in rows)  # a bound stays a bound ("< x %"), never a value


def test_profile_says_so_when_the_province_reports_nothing(site):
    page = (site[1] / "province/bac-lieu.html").read_text(encoding="utf-8")
    section = _section(page, "Tỉnh tự báo cáo", "Tỉnh nói gì về các chỉ số")
    assert "Chưa tìm thấy số liệu nào Bạc Liêu tự báo cáo" in section and "<table" not in section
    assert "Không có phát biểu nào của Bạc Liêu" in page
