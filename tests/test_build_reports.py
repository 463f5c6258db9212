"""`cchc build` with the real notebooks and the shipped matrix, on a fast subset: one report of each kind."""

from __future__ import annotations

import re
import shutil

import pytest

from cchc_research.publish.render import external_references
from cchc_research.cli import main

SUBSET = {"province/ha-noi.html": "vi", "region/dong-bang-song-hong.html": "vi", "family/pci.html": "vi",
          "overview/national-overview.html": "vi", "quality/data-quality.html": "vi"}

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
