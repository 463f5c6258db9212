"""Great Expectations Data Docs, made offline: built by GX, then copied without CDN references.

GX's page templates load Bootstrap, jQuery, bootstrap-table, Font Awesome and Vega from CDNs. The copy
in reports/data-docs/ drops every <script> (all of them need those libraries) and every stylesheet
<link> or CSS url() that points off the machine, keeping GX's own local CSS. The pages stay readable as
static HTML; interactive tables and charts are lost. (Vendoring the libraries from npm would restore
them; see expectations/README.md.) The copy names files relative to the repository, never by the
builder's absolute paths, numbers GX's random element ids, and shows the run's time (SOURCE_DATE_EPOCH
when set) as the batches' load time, so the same data give the same pages in any clone.
"""

from __future__ import annotations

import re
import shutil
import uuid
from html import escape
from pathlib import Path

from ..errors import CchcError

REMOTE = r"(?:https?:)?//"
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.S | re.I)
LINK = re.compile(r"<link\b[^>]*>", re.I)
REMOTE_HREF = re.compile(r"""href\s*=\s*["']?\s*""" + REMOTE, re.I)
REMOTE_SRC = re.compile(r"""(<(?:img|iframe|source|embed)\b[^>]*\bsrc\s*=\s*)(["'])\s*""" + REMOTE + r"""[^"']*\2""",
                        re.I)
CSS_REMOTE = re.compile(r"""url\(\s*["']?\s*""" + REMOTE + r"""[^)]*\)|@import\s+(?:url\()?\s*["']?\s*""" + REMOTE
                        + r"""[^;]*;""", re.I)


def offline_html(text: str) -> str:
    """`text` without scripts, remote stylesheets or remote embedded resources."""
    text = SCRIPT.sub("", text)
    text = LINK.sub(lambda m: "" if REMOTE_HREF.search(m.group(0)) else m.group(0), text)
    text = REMOTE_SRC.sub(r'\1\2\2', text)
    return CSS_REMOTE.sub("none", text)


def remote_references(text: str) -> list[str]:
    """Scripts, stylesheets or embedded resources in `text` that would be fetched over the network."""
    found = [m.group(0) for m in re.finditer(r"<script\b[^>]*\bsrc\s*=[^>]*>", text, re.I)
             if re.search(r"src\s*=\s*[\"']?\s*" + REMOTE, m.group(0), re.I)]
    found += [m.group(0) for m in LINK.finditer(text) if REMOTE_HREF.search(m.group(0))]
    found += [m.group(0) for m in REMOTE_SRC.finditer(text)]
    return found + [m.group(0) for m in CSS_REMOTE.finditer(text)]


def build(context) -> Path:
    """Build the local Data Docs site (GX) and return its folder."""
    sites = context.build_data_docs()
    return Path(context.root_directory) / "uncommitted" / "data_docs" / "local_site" if sites else Path()


def page_index(target: Path) -> str:
    """A static list of every page (GX's index fills its tables with scripts, which the copy drops)."""
    items = []
    for kind, folder in (("Expectation suites", "expectations"), ("Validation results", "validations")):
        links = "".join(f'<li><a href="{escape(p.relative_to(target).as_posix())}">'
                        f"{escape(p.relative_to(target / folder).with_suffix('').as_posix())}</a></li>"
                        for p in sorted((target / folder).rglob("*.html")))
        items.append(f"<h2>{kind}</h2><ul>{links}</ul>")
    return '<section style="margin:1rem">' + "".join(items) + "</section>"


RANDOM_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")  # uuid4 element ids
LOAD_TIME = re.compile(r"\b\d{8}T\d{6}\.\d{6}Z\b")  # GX's batch marker ge_load_time (and run folder names)


def relative_paths(text: str, root: Path) -> str:
    """`text` with the repository's absolute path (as given, resolved, or HTML-escaped) taken out."""
    for form in dict.fromkeys([str(root), str(root.resolve())]):
        for written in dict.fromkeys([form, escape(form)]):
            text = text.replace(written + "/", "").replace(written, ".")
    return text


def stable_ids(text: str, page: str) -> str:
    """GX gives collapsible blocks random element ids (uuid4): number them by order of appearance instead."""
    ids: dict[str, str] = {}
    return RANDOM_ID.sub(lambda m: ids.setdefault(m.group(0), str(uuid.uuid5(uuid.NAMESPACE_URL,
                                                                                f"{page}#{len(ids)}"))), text)


def offline_copy(site: Path, target: Path, root: Path) -> None:
    """Copy the site to `target` with every HTML and CSS file made offline and free of `root`'s path."""
    if not (site / "index.html").is_file():
        raise CchcError(f"Great Expectations did not build Data Docs in {site}")
    shutil.copytree(site, target, dirs_exist_ok=True)
    run_folders = {p.name for p in (target / "validations").glob("*/*/*") if p.is_dir()}
    run_time = min(run_folders) if run_folders else None  # every result of the run shares its run time
    for path in [*target.rglob("*.html"), *target.rglob("*.css")]:
        text = relative_paths(offline_html(path.read_text(encoding="utf-8")), root)
        text = stable_ids(text, path.relative_to(target).as_posix())
        if run_time:
            text = LOAD_TIME.sub(run_time, text)
        if path == target / "index.html":
            text = text.replace("</body>", page_index(target) + "</body>", 1)
        if remote_references(text):
            raise CchcError(f"{path}: still references remote resources: {remote_references(text)[:3]}")
        path.write_text(text, encoding="utf-8")
