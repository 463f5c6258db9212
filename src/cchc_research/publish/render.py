"""Executed notebook → one self-contained HTML page (nbconvert Python API, project template)."""

from __future__ import annotations

import functools
import json
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..errors import CchcError
from .matrix import Report

TEMPLATE = Path(__file__).resolve().parent / "templates" / "report.html.j2"

LABELS = {
    "vi": {"index": "Mục lục báo cáo", "built": "Ngày tạo", "data": "Dữ liệu", "validation": "Kiểm định",
           "passed": "đạt", "failed": "không đạt", "unchecked": "chưa kiểm định", "notebook": "Sổ tay",
           "parameters": "Tham số", "package": "Mã nguồn", "province-2025": "Từ ngày 1/7/2025 thuộc",
           "member": "Hợp thành từ",
           "stale": "Trang này là bản tạo lúc {last_good}; lần tạo lại lúc {failed_at} bị lỗi, nên số liệu và "
                    "nhận định có thể đã cũ. Lỗi: {error}", "earlier": "một lần tạo trước"},
    "en": {"index": "All reports", "built": "Built", "data": "Data", "validation": "Validation",
           "passed": "passed", "failed": "failed", "unchecked": "not checked", "notebook": "Notebook",
           "parameters": "Parameters", "package": "Package", "province-2025": "From 1 July 2025 part of",
           "member": "Formed from",
           "stale": "This page is from the build of {last_good}; rebuilding it at {failed_at} failed, so its "
                    "figures and findings may be out of date. Error: {error}", "earlier": "an earlier build"},
}


@functools.cache
def _exporter(lang: str):
    from nbconvert import HTMLExporter

    return HTMLExporter(template_file=str(TEMPLATE), exclude_input=True, exclude_input_prompt=True,
                        exclude_output_prompt=True, embed_images=True, language_code=lang)


def render(nb: Any, report: Report, header: dict[str, str]) -> str:
    """The page of an executed notebook; `header` holds built_on, data_hash, package_hash, validation."""
    nb.metadata["title"] = report.title
    for cell in nb.cells:  # papermill gives the cell it injects a random id; the page must not change with it
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
    related: dict[str, list[tuple[str, str]]] = {}
    for kind, page, name in report.related:  # pages are published one folder below reports/
        related.setdefault(kind, []).append((f"../{page}", name))
    context = {**header, "title": report.title, "labels": LABELS[report.lang], "notebook": report.notebook,
               "related": related,
               "parameters": json.dumps(report.parameters, ensure_ascii=False, sort_keys=True)}
    html, _ = _exporter(report.lang).from_notebook_node(nb, resources={"cchc": context})
    external = external_references(html)
    if external:
        raise CchcError(f"{report.output}: the page would load {len(external)} external resource(s), "
                        f"first {external[0]!r}; reports must open offline")
    return html


STALE = re.compile(r"<!-- cchc:stale -->.*?<!-- /cchc:stale -->", re.S)
BODY = re.compile(r"<body\b[^>]*>")


def mark_stale(html: str, lang: str, entry: Any) -> str:
    """The last good page with a banner saying when it was built and why the latest rebuild failed
    (`entry`: the report's state.Entry); a banner from an earlier failure is replaced."""
    labels = LABELS[lang]
    text = labels["stale"].format(last_good=entry.last_good or labels["earlier"], failed_at=entry.built_at,
                                  error=entry.error or "?")
    banner = ('<!-- cchc:stale --><div class="cchc-stale" role="alert" style="background:#fff4e5;color:#5c3200;'
              'border-bottom:2px solid #b3261e;padding:.6rem 1.2rem;font-family:system-ui,sans-serif;'
              f'font-size:.9rem">{escape(text)}</div><!-- /cchc:stale -->')
    html = STALE.sub("", html)
    match = BODY.search(html)
    if match is None:
        raise CchcError("the published page has no <body>: cannot mark it stale")
    return html[:match.end()] + banner + html[match.end():]


class _References(HTMLParser):
    """Collects every URL a browser would fetch on its own: script/img/iframe/… sources, stylesheet links."""

    FETCHING = {"script": "src", "img": "src", "iframe": "src", "embed": "src", "source": "src",
                "audio": "src", "video": "src", "object": "data", "input": "src"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in self.FETCHING and found.get(self.FETCHING[tag]):
            self.urls.append(found[self.FETCHING[tag]] or "")
        if tag == "link" and found.get("href"):
            self.urls.append(found["href"] or "")
        if found.get("srcset"):
            self.urls.append(found["srcset"] or "")


CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


def external_references(html: str) -> list[str]:
    """URLs in the page that are neither `data:` URIs nor in-page anchors (CSS `url()`/`@import` too)."""
    parser = _References()
    parser.feed(html)
    urls = parser.urls + CSS_URL.findall(html)
    return [u for u in urls if not u.startswith(("data:", "#"))]
