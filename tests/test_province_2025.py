"""The 34 provinces of 2025: the matrix gives each a page linked to its members' profiles and back; the
analysis names the members as the crosswalk does and puts a new province's own figures first; the pages
build offline (no network access from any process of the build) and say what they should."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from cchc_research import provinces as reg
from cchc_research.analysis import merger as M
from cchc_research.errors import DataError
from cchc_research.io import csv_bytes
from cchc_research.paths import Project
from cchc_research.publish.matrix import load
from cchc_research.schema import TABLES, read_table

REPO = Project(Path(__file__).resolve().parents[1])
FIXTURE = Path(__file__).parent / "fixtures" / "reported_dti_2024_34_units_SYNTHETIC.csv"
ATTRIBUTION = "Province boundaries: Open Development Mekong / Department of Survey and Mapping (Viet Nam), CC BY-SA 4.0"


def test_matrix_has_a_page_per_2025_province_linked_with_its_members_profiles():
    reports = load(REPO.config / "reports.yml", REPO)
    new = [r for r in reports if r.kind == "province-2025"]
    assert [r.province_2025 for r in new] == [u.name for u in reg.all_provinces_2025()]
    lam_dong = next(r for r in new if r.slug == "lam-dong-2025")
    assert lam_dong.output == "province-2025/lam-dong-2025.html"
    assert lam_dong.parameters == {"lang": "vi", "province_2025": "Lâm Đồng"}
    assert all(m in lam_dong.title for m in ("Lâm Đồng", "Bình Thuận", "Đắk Nông"))
    profiles = {r.province: r for r in reports if r.kind == "province"}
    for page in new:
        unit = reg.resolve_2025(page.province_2025)
        assert [(kind, name) for kind, _, name in page.related] == [("member", p.name) for p in unit.members]
        for _, output, name in page.related:
            assert output == profiles[name].output
            assert profiles[name].related == (("province-2025", page.output, page.province_2025),)
    assert "Hà Tây" not in {name for r in new for _, _, name in r.related}


def test_members_of_every_2025_province_are_the_crosswalks_without_ha_tay(cleaned_project):
    crosswalk = read_table(cleaned_project.processed, "crosswalk_2025")
    crosswalk = crosswalk[crosswalk["province_code"] != "28"]
    for unit in reg.all_provinces_2025():
        expected = set(crosswalk.loc[crosswalk["province_2025_code"] == unit.code, "province"])
        assert set(M.member_names(M.unit(unit.name))) == expected and len(expected) == len(unit.members)
    assert M.member_names(M.unit("Hà Nội")) == ["Hà Nội"]
    assert M.member_names(M.unit("TP.HCM"))[0] == "Thành phố Hồ Chí Minh"


def test_ranks_spread_and_constructed_mean_of_lam_dong(cleaned_project):
    processed = cleaned_project.processed
    ind, coverage = read_table(processed, "indicators"), read_table(processed, "coverage")
    unit = M.unit("Lâm Đồng")
    ranks = M.member_ranks(ind, coverage, unit, "PAPI")
    assert set(ranks["year"]) == set(M.complete_years(coverage, "PAPI", "total"))  # complete years only
    gaps = M.spread(ranks)
    row = gaps.set_index("year").loc[2024]
    mine = ranks[ranks["year"] == 2024].set_index("province")
    assert row["gap_percentile"] == pytest.approx(mine["percentile"].max() - mine["percentile"].min())
    assert row["gap_ranks"] == mine["rank_national"].max() - mine["rank_national"].min()
    mean = M.members_mean(ind, unit, "PAPI").set_index("year")
    values = M.member_rows(ind, unit, "PAPI").pivot(index="year", columns="province", values="value")
    assert mean.loc[2024, "mean"] == pytest.approx(values.loc[2024].mean())
    assert set(mean.index) == set(values.dropna().index)  # only years in which every member has a value
    assert M.members_mean(ind, M.unit("Hà Nội"), "PAPI").empty  # no construction for an unmerged province


def test_official_34_unit_figures_come_from_the_34_unit_edition_only(cleaned_project):
    reported = read_table(cleaned_project.processed, "reported_figures")
    unit = M.unit("Lâm Đồng")
    assert M.official_figures(reported, unit).empty  # none for Lâm Đồng in the shipped data
    hanoi = M.official_figures(reported, M.unit("Hà Nội"))  # DTI 2024 on the 34: the new Hà Nội first, 0.8241
    assert hanoi[["family", "year", "rank", "rank_of"]].drop_duplicates().values.tolist() == [["DTI", 2024, 1, 34]]
    assert hanoi["province_code"].isna().all()  # never assigned to the old Hà Nội
    synthetic = pd.read_csv(FIXTURE, dtype={"province_code": "string", "rank": "Int64", "rank_of": "Int64"})
    with_fixture = pd.concat([reported, synthetic.astype(reported.dtypes.to_dict())], ignore_index=True)
    official = M.official_figures(with_fixture, unit)
    assert official["figure_id"].tolist() == ["DTI-2024-68-total-34-SYNTHETIC"]
    assert M.official_figures(with_fixture, M.unit("Đồng Nai")).empty
    quoted = M.quoted_figures(with_fixture, unit, ("DTI",))
    ids = quoted["figure_id"].tolist()  # the members' own, 63-unit figures (the real DTI 2022 ranks too)
    assert "DTI-2024-68-total-63-SYNTHETIC" in ids and "DTI-2024-68-total-34-SYNTHETIC" not in ids
    assert {"DTI-2022-60-total-1", "DTI-2022-67-total-1", "DTI-2022-68-total-1"} <= set(ids)


GUARD = '''
"""Test guard (tests/test_province_2025.py): refuse and log any network access by this process."""
import os, socket, sys

LOG = os.environ["CCHC_NETWORK_LOG"]
LOCAL = ("127.", "::1", "localhost")


def _log(line):
    with open(LOG, "a", encoding="utf-8") as fh:
        fh.write(f"{os.getpid()} {line}\\n")


def _hook(event, args):
    if event == "socket.getaddrinfo" and args[0] is not None and not str(args[0]).startswith(LOCAL):
        _log(f"blocked getaddrinfo {args[0]!r}")
        raise OSError("network access blocked by the test guard")
    if event == "socket.connect" and args[0].family in (socket.AF_INET, socket.AF_INET6):
        if not str(args[1][0]).startswith(LOCAL):
            _log(f"blocked connect {args[1]!r}")
            raise OSError("network access blocked by the test guard")


sys.addaudithook(_hook)
_log("guarded " + " ".join(sys.argv)[:80])
'''


def _guarded_env(tmp: Path) -> dict[str, str]:
    guard = tmp / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(textwrap.dedent(GUARD), encoding="utf-8")
    env = {**os.environ, "CCHC_NETWORK_LOG": str(tmp / "network.log"), "PYTHONPATH": str(guard)}
    (tmp / "network.log").write_text("", encoding="utf-8")
    return env


def test_network_guard_catches_an_attempt(tmp_path):
    env = _guarded_env(tmp_path)
    run = subprocess.run([sys.executable, "-c", "import urllib.request; urllib.request.urlopen('http://example.com', "
                          "timeout=2)"], env=env, capture_output=True, text=True)
    assert run.returncode != 0 and "blocked by the test guard" in run.stderr
    assert "blocked getaddrinfo 'example.com'" in (tmp_path / "network.log").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(cleaned_project, tmp_path_factory):
    """Lâm Đồng (2025) with a synthetic 34-unit DTI figure, Hà Nội (2025) and the Đắk Nông profile, built by
    `cchc build` in a subprocess whose every Python process refuses network access."""
    tmp = tmp_path_factory.mktemp("province-2025")
    root = tmp / "repo"
    shutil.copytree(cleaned_project.root, root)
    project = Project(root)
    reported = read_table(project.processed, "reported_figures")
    synthetic = pd.read_csv(FIXTURE, dtype={"province_code": "string", "rank": "Int64", "rank_of": "Int64"})
    rows = pd.concat([reported, synthetic.astype(reported.dtypes.to_dict())], ignore_index=True)
    (project.processed / TABLES["reported_figures"].file_name).write_bytes(csv_bytes(rows))
    env = _guarded_env(tmp)
    run = subprocess.run([sys.executable, "-m", "cchc_research.cli", "build", "--root", str(root),
                          "--skip-validation-check", "--workers", "2", "--only", "lam-dong-2025", "--only",
                          "ha-noi-2025", "--only", "dak-nong"], env=env, capture_output=True, text=True)
    return run, project.reports, (tmp / "network.log").read_text(encoding="utf-8")


@pytest.mark.slow
def test_pages_build_with_no_network_access(built):
    run, reports, log = built
    assert run.returncode == 0, run.stdout + run.stderr
    assert "blocked" not in log, log
    guarded = {line.split()[0] for line in log.splitlines() if " guarded " in line}
    assert len(guarded) >= 3, log  # the build, its worker and the kernels' template all ran under the guard
    assert all((reports / rel).is_file() for rel in ("province-2025/lam-dong-2025.html",
                                                     "province-2025/ha-noi-2025.html", "province/dak-nong.html"))


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.slow
def test_lam_dong_page_names_and_maps_its_members_and_puts_official_figures_first(built):
    _, reports, _ = built
    html = (reports / "province-2025" / "lam-dong-2025.html").read_text(encoding="utf-8")
    findings = _text(html.split("Những điểm chính", 1)[1]).split("Bản đồ", 1)[0].strip(" ¶")
    assert findings.strip().startswith("Số liệu công bố cho chính Lâm Đồng")  # the synthetic DTI 2024 rank 21/34
    assert "DTI 2024 hạng 21/34 (0,6123)" in findings
    assert "hợp thành từ 3 tỉnh, thành phố" in findings and all(
        m in findings for m in ("Lâm Đồng", "Bình Thuận", "Đắk Nông"))
    maps = [tag for tag in re.findall(r"<img [^>]*>", html) if 'src="data:image/png;base64,' in tag
            and 'alt="Bản đồ' in tag]
    assert len(maps) == 1 and 'alt="Bản đồ Lâm Đồng từ ngày 1/7/2025, hợp thành từ Lâm Đồng, Bình Thuận, Đắk Nông' in maps[0]
    assert ATTRIBUTION in html and "CC BY-SA 4.0" in html
    assert "tự tính, không phải số liệu chính thức" in html and "Cách tính: trung bình cộng không trọng số" in html
    # Đắk Nông's PAR INDEX 2023 quote has a rank and no score: the sentence says so, never "–" for the number
    assert "Đắk Nông – PAR INDEX 2023: hạng 51 theo trích dẫn, không có điểm" in findings
    assert not re.search(r"\d{4}: –", findings)
    for member in ("lam-dong", "binh-thuan", "dak-nong"):
        assert f'<a href="../province/{member}.html">' in html


@pytest.mark.slow
def test_ha_noi_page_has_no_ha_tay_and_profiles_link_to_their_new_province(built):
    _, reports, _ = built
    hanoi = (reports / "province-2025" / "ha-noi-2025.html").read_text(encoding="utf-8")
    assert "Hà Tây" not in _text(hanoi) and "giữ nguyên ranh giới của Hà Nội" in _text(hanoi)
    assert "DTI 2024 hạng 1/34 (0,8241)" in _text(hanoi)  # the new Hà Nội's own figure, from the 34-unit ranking
    profile = (reports / "province" / "dak-nong.html").read_text(encoding="utf-8")
    assert '<a href="../province-2025/lam-dong-2025.html">Lâm Đồng</a>' in profile
    index = (reports / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr class="report" data-kind="province-2025"[^>]*data-slug="lam-dong-2025".*?</tr>', index, re.S)
    assert row and all(m in row.group(0) for m in ("Lâm Đồng", "Bình Thuận", "Đắk Nông"))
    assert re.search(r'data-slug="dak-nong" [^>]*data-province-2025="Lâm Đồng"', index)
    assert '<select id="f-p2025">' in index and index.count("<option>Lâm Đồng</option>") == 2  # old and 2025


@pytest.mark.parametrize("spelling, code", [("Lâm Đồng", "68"), ("lam dong", "68"), ("Hue", "46"), ("TT-Huế", "46"),
                                            ("Thừa Thiên Huế", "46"), ("TP.HCM", "79"), ("Ho Chi Minh City", "79"),
                                            ("Lào Cai", "15"), ("Đà Nẵng", "48")])
def test_resolve_2025_knows_the_34_by_any_spelling_of_the_name_they_kept(spelling, code):
    assert reg.resolve_2025(spelling).code == code


@pytest.mark.parametrize("spelling, message", [
    ("Yên Bái", r"not a province from 2025-07-01; Yên Bái merged into Lào Cai on 2025-07-01"),
    ("Hà Tây", r"Hà Tây merged into Hà Nội on 2008-08-01"),
    ("ĐN", r"ambiguous name of a province from 2025-07-01: fits Đà Nẵng \(48\), Đồng Nai \(75\)"),
    ("Atlantis", r"not a province from 2025-07-01 \(value: 'Atlantis'\)"),
])
def test_resolve_2025_refuses_what_is_not_one_of_the_34(spelling, message):
    with pytest.raises(DataError, match=message):
        reg.resolve_2025(spelling)
