"""`cchc build` with the real notebooks and the shipped matrix, on a fast subset: one report of each kind."""

from __future__ import annotations

import re
import shutil

import pytest

from cchc_research.publish.render import external_references
from cchc_research.cli import main

SUBSET = {"province/ha-noi.html": "vi", "region/dong-bang-song-hong.html": "vi", "family/papi.html": "vi",
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
    assert len(statuses) == 109
    assert {slug for slug, status in statuses.items() if status == "ok"} == {
        rel.split("/")[1][:-5] for rel in SUBSET}
    for rel in SUBSET:
        assert f'<a href="{rel}">' in page
    for kind in ("province", "province-2025", "region", "family", "overview", "quality"):
        assert f'<section data-kind="{kind}">' in page
    assert external_references(page) == []
