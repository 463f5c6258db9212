"""reports/index.html: every report of the matrix, grouped by kind, with the build's metadata."""

from __future__ import annotations

import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

from ..io import sha256
from ..paths import Project
from ..provinces import all_provinces_2025
from .matrix import KINDS, Report
from .state import Entry

KIND_LABELS = {"province": "Hồ sơ tỉnh (province profiles)",
               "province-2025": "Tỉnh, thành phố từ 1/7/2025 và các tỉnh hợp thành (provinces from 1 July 2025)",
               "region": "So sánh theo vùng (regions)",
               "family": "Hai giai đoạn chương trình (programme periods)",
               "overview": "Tổng quan toàn quốc (national overview)", "quality": "Chất lượng dữ liệu (data quality)"}
STATUS_LABELS = {"ok": "đã tạo", "stale": "bản cũ (stale)", "failed": "lỗi (failed)", "missing": "chưa tạo (not built)"}
VERSIONED = ("cchc-research", "pandas", "numpy", "scipy", "matplotlib", "seaborn", "papermill", "nbconvert",
             "great-expectations")
TEMPLATE = Path(__file__).resolve().parent / "templates" / "index.html.j2"


def git_commit(root: Path) -> str:
    """HEAD of the repository at `root`, '+dirty' when tracked files differ; 'unknown' outside git."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              check=True).stdout.strip()
    try:
        commit = git("rev-parse", "HEAD")
        return commit + ("+dirty" if git("status", "--porcelain", "--untracked-files=no") else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def versions() -> list[tuple[str, str]]:
    import platform

    found = [("python", platform.python_version())]
    for name in VERSIONED:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, "not installed"))
    return found


def validation_line(summary: dict[str, Any] | None, data_hash: str) -> dict[str, str]:
    """Status word ('passed', 'failed', 'unchecked') and a one-line description of the validation summary."""
    if summary is None:
        return {"status": "unchecked", "text": "chưa kiểm định (no validation summary)"}
    when = summary.get("generated_at", "?")
    if summary.get("data_hash") != data_hash:
        return {"status": "unchecked", "text": f"kiểm định {when} thuộc dữ liệu khác (stale: other data)"}
    if summary.get("success"):
        return {"status": "passed", "text": f"đạt (passed), {when}"}
    return {"status": "failed",
            "text": f"không đạt (failed): {summary.get('n_failed_error', '?')} lỗi (errors), {when}"}


def render_index(project: Project, reports: list[Report], entries: dict[str, Entry], published: set[str],
                 meta: dict[str, Any]) -> str:
    """The index page. `published` holds the slugs whose page is in the new site; a published page whose
    latest rebuild failed is "stale" (it shows the date of its last good build and the error)."""
    import jinja2

    groups: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    for report in reports:
        entry = entries.get(report.slug)
        failed = bool(entry and entry.status == "failed")
        status = ("stale" if failed else "ok") if report.slug in published else ("failed" if failed else "missing")
        groups[report.kind].append({
            "slug": report.slug, "title": report.title, "output": report.output, "region": report.region,
            "province": report.province, "province_2025": report.province_2025, "status": status,
            "built_at": (entry.last_good if status == "stale" else entry.built_at) if entry and status != "missing"
            else None,
            "error": entry.error if failed else None})
    rows = [row for kind in KINDS for row in groups[kind]]
    counts = {"total": len(rows), **{s: sum(r["status"] == s for r in rows) for s in STATUS_LABELS}}
    manifest = project.manifest
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.from_string(TEMPLATE.read_text("utf-8")).render(
        kinds=[(k, KIND_LABELS[k]) for k in KINDS], groups=groups, counts=counts, status_labels=STATUS_LABELS,
        regions=list(dict.fromkeys(r.region for r in reports if r.region)),
        provinces=list(dict.fromkeys(r.province for r in reports if r.province)),
        provinces_2025=[u.name for u in all_provinces_2025() if u.name in {r.province_2025 for r in reports}],
        meta={**meta, "commit": git_commit(project.root), "versions": versions(),
              "manifest_hash": sha256(manifest) if manifest.is_file() else "no data/raw/manifest.yml"})
