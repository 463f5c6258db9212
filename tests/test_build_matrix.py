"""The report matrix: the shipped config/reports.yml expands to every report; bad entries are named."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from cchc_research.publish.matrix import MatrixError, load, slugify
from cchc_research.paths import Project
from cchc_research.provinces import all_provinces

REPO = Project(Path(__file__).resolve().parents[1])
FIXTURE_NOTEBOOK = Path(__file__).parent / "fixtures" / "build" / "fixture_report.ipynb"


def test_shipped_matrix_covers_every_province_region_family_and_single_report():
    reports = load(REPO.config / "reports.yml", REPO)

    assert Counter(r.kind for r in reports) == {"province": 63, "province-2025": 34, "region": 6, "family": 5,
                                                "overview": 1, "quality": 1}
    assert len({r.slug for r in reports}) == len(reports) == 110
    provinces = [r for r in reports if r.kind == "province"]
    assert [r.parameters["province"] for r in provinces] == [p.name for p in all_provinces(include_ha_tay=False)]
    assert "Hà Tây" not in {r.province for r in provinces}
    hanoi = next(r for r in provinces if r.slug == "ha-noi")
    assert (hanoi.notebook, hanoi.output, hanoi.region, hanoi.lang) == (
        "province_profile.ipynb", "province/ha-noi.html", "Đồng bằng sông Hồng", "vi")
    assert hanoi.parameters == {"lang": "vi", "province": "Hà Nội"}
    regions = [r for r in reports if r.kind == "region"]
    assert {r.notebook for r in regions} == {"compare_provinces.ipynb"}
    assert sorted(r.parameters["region"] for r in regions) == sorted({p.region for p in all_provinces()})
    assert {r.slug: r.parameters["family"] for r in reports if r.kind == "family"} == {
        "papi": "PAPI", "pci": "PCI", "par-index": "PAR_INDEX", "sipas": "SIPAS", "dti": "DTI"}
    assert {r.output for r in reports if r.kind in ("overview", "quality")} == {
        "overview/national-overview.html", "quality/data-quality.html"}
    assert all(r.lang == "vi" and r.parameters["lang"] == "vi" for r in reports)


def test_slugify_strips_vietnamese_marks():
    assert slugify("Bà Rịa - Vũng Tàu") == "ba-ria-vung-tau"
    assert slugify("Đắk Lắk") == "dak-lak"
    assert slugify("Thừa Thiên Huế") == "thua-thien-hue"


@pytest.fixture
def project(tmp_path) -> Project:
    (tmp_path / "notebooks").mkdir()
    shutil.copy(FIXTURE_NOTEBOOK, tmp_path / "notebooks" / "fixture_report.ipynb")
    return Project(tmp_path)


def write(project: Project, text: str) -> Path:
    path = project.root / "reports.yml"
    path.write_text(text, encoding="utf-8")
    return path


ENTRY = "  - notebook: fixture_report.ipynb\n    kind: province\n"


def test_lang_axis_gives_one_report_per_language(project):
    path = write(project, "langs: [vi, en]\nreports:\n" + ENTRY + (
        "    for_each: [province, lang]\n    slug: '{province_slug}-{lang}'\n"
        "    title: {vi: 'Hồ sơ {province}', en: 'Profile of {province_en}'}\n"
        "    parameters: {province: '{province}', lang: '{lang}'}\n"))

    reports = load(path, project)

    assert len(reports) == 126
    hanoi_en = next(r for r in reports if r.slug == "ha-noi-en")
    assert (hanoi_en.lang, hanoi_en.title, hanoi_en.parameters) == (
        "en", "Profile of Hanoi", {"province": "Hà Nội", "lang": "en"})


@pytest.mark.parametrize(("text", "message"), [
    (ENTRY + "    slug: x\n", "reports entry 1 (fixture_report.ipynb): 'title' is required"),
    (ENTRY + "    slug: x\n    title: t\n    colour: red\n", "unknown key(s) ['colour']"),
    ("  - notebook: missing.ipynb\n    kind: province\n    slug: x\n    title: t\n",
     "notebook 'missing.ipynb' not found"),
    ("  - notebook: fixture_report.ipynb\n    kind: town\n    slug: x\n    title: t\n",
     "kind 'town' is not one of province, province-2025, region, family, overview, quality"),
    (ENTRY + "    for_each: district\n    slug: x\n    title: t\n", "unknown for_each axis 'district'"),
    (ENTRY + "    for_each: region\n    slug: '{province_slug}'\n    title: t\n",
     "unknown placeholder {province_slug}; this entry knows region, region_en, region_slug"),
    (ENTRY + "    for_each: province\n    slug: same\n    title: t\n",
     "reports entry 1 (fixture_report.ipynb): slug 'same' already used by"),
    (ENTRY + "    slug: Hà_Nội\n    title: t\n", "slug 'Hà_Nội' must be lower-case ASCII words"),
    (ENTRY + "    slug: x\n    title: t\n    parameters: {lang: fr}\n", "lang 'fr' is not one of vi, en"),
    (ENTRY + "    slug: x\n    title: {en: t}\n", "no title for lang 'vi'"),
])
def test_bad_entries_are_named(project, text, message):
    path = write(project, "reports:\n" + text)
    with pytest.raises(MatrixError) as caught:
        load(path, project)
    assert str(caught.value).startswith(f"{path}, reports entry 1")
    assert message in str(caught.value)


def test_bad_files_are_named(project):
    with pytest.raises(MatrixError, match="report matrix not found"):
        load(project.root / "nope.yml", project)
    with pytest.raises(MatrixError, match="expected a mapping with a 'reports' list"):
        load(write(project, "- a\n"), project)
    with pytest.raises(MatrixError, match=r"unknown top-level key\(s\) \['report'\]"):
        load(write(project, "reports: []\nreport: []\n"), project)
    with pytest.raises(MatrixError, match="not valid YAML"):
        load(write(project, "reports: [\n"), project)
