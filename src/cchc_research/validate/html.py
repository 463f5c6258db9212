"""The validation summary as one self-contained HTML page (inline CSS, no scripts, all text escaped)."""

from __future__ import annotations

from html import escape

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;
padding:0 1rem;color:#1d2327;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccd0d4}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #dcdfe3;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#f3f4f6}.pass{color:#0a6b2d;font-weight:600}
.fail{color:#b3261e;font-weight:600}.warn{color:#8a5a00;font-weight:600}.banner{padding:.8rem 1rem;
border-radius:.4rem;font-weight:600}.ok{background:#e6f4ea}.bad{background:#fce8e6}
code{font-size:.85rem}td.ex{font-size:.8rem}td.ex div{margin-bottom:.2rem}
"""


def _status(e: dict) -> str:
    if e["success"]:
        return '<span class="pass">pass</span>'
    return '<span class="fail">FAIL</span>' if e["severity"] == "error" else '<span class="warn">warn</span>'


def _examples(examples: list[dict]) -> str:
    return "".join("<div>" + escape(", ".join(f"{k}={v}" for k, v in ex.items())) + "</div>" for ex in examples)


def _table(t: dict) -> str:
    failed = sum(not e["success"] for e in t["expectations"])
    rows = "".join(
        f"<tr><td><code>{escape(e['name'])}</code></td><td>{escape(e['severity'])}</td>"
        f"<td>{escape(e['description'])}</td><td>{_status(e)}</td><td>{e['unexpected_count']}</td>"
        f"<td class=\"ex\">{_examples(e['examples'])}</td></tr>" for e in t["expectations"])
    return (f"<h2 id=\"{escape(t['table'])}\">{escape(t['table'])}</h2>"
            f"<p>{t['rows']} rows; {len(t['expectations'])} expectations, {failed} failed.</p>"
            "<table><thead><tr><th>expectation</th><th>severity</th><th>what it checks</th><th>result</th>"
            f"<th>rows failing</th><th>examples</th></tr></thead><tbody>{rows}</tbody></table>")


def render(summary: dict, data_docs: str | None = None) -> str:
    """The page; `data_docs` is a relative link to the Data Docs copy, if there is one."""
    ok = summary["success"]
    banner = ("Passed: no error-severity expectation failed." if ok else
              f"Failed: {summary['n_failed_error']} error-severity expectation(s) failed; reports were not built.")
    toc = "".join(f'<li><a href="#{escape(t["table"])}">{escape(t["table"])}</a></li>' for t in summary["tables"])
    docs = f'<p>Great Expectations Data Docs: <a href="{escape(data_docs)}">{escape(data_docs)}</a></p>' \
        if data_docs else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Validation summary · cchc-research</title>"
        f"<style>{CSS}</style></head><body><h1>Validation summary of the processed data</h1>"
        f"<p class=\"banner {'ok' if ok else 'bad'}\">{escape(banner)}</p>"
        f"<p>Generated {escape(summary['generated_at'])} over data/processed (hash "
        f"<code>{escape(summary['data_hash'])}</code>). {summary['n_expectations']} expectations; "
        f"{summary['n_failed_error']} errors, {summary['n_failed_warning']} warnings. "
        "Severity <em>error</em> stops the pipeline; <em>warning</em> is reported only.</p>"
        f"{docs}<ul>{toc}</ul>{''.join(_table(t) for t in summary['tables'])}</body></html>\n")
