"""What report notebooks print besides figures: the validation banner, headings, prose and tables.

Everything returns IPython display objects built from computed values; nothing here holds a number.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd

from .labels import Labels
from ..paths import Project

VALIDATION_LINK = "../validation/index.html"  # reports are published one folder below reports/


def validation_status(project: Project, L: Labels):
    """A Markdown banner: passed / failed / not validated, stale if the data changed since, with a link
    to the validation report."""
    from IPython.display import Markdown

    from .state import data_hash
    from ..validate import load_summary

    found = load_summary(project)
    if found is None:
        text = L.t("validation_none")
    else:
        fields = {k: found.get(k, "?") for k in ("n_expectations", "n_failed_error", "n_failed_warning",
                                                   "generated_at")}
        text = L.t("validation_ok" if found.get("success") else "validation_failed", **fields)
        if found.get("data_hash") != data_hash(project):
            text += L.t("validation_stale")
    return Markdown(f"> {text} [{L.t('validation_link')}]({VALIDATION_LINK})")


def md(text: str):
    from IPython.display import Markdown

    return Markdown(text)


def table(df: pd.DataFrame, L: Labels, columns: Mapping[str, str], digits: Mapping[str, int] | None = None):
    """An HTML table of `columns` (name → header), numbers written as `L.lang` writes them
    (`digits` per column, default 2; integers, such as years, as plain digits), missing values as "–"."""
    from IPython.display import HTML

    digits = digits or {}
    shown = pd.DataFrame(index=df.index)
    for col, header in columns.items():
        values = df[col]
        if pd.api.types.is_bool_dtype(values):
            shown[header] = values.map(lambda v: "–" if pd.isna(v) else ("✓" if v else "✗"))
        elif pd.api.types.is_integer_dtype(values):
            shown[header] = values.map(lambda v: "–" if pd.isna(v) else str(int(v)))
        elif pd.api.types.is_float_dtype(values):
            shown[header] = values.map(lambda v, d=digits.get(col, 2): L.num(v, d))
        else:
            shown[header] = values.map(lambda v: "–" if pd.isna(v) else str(v))
    if shown.empty:
        return HTML(f"<p><em>{html.escape(L.t('no_data'))}</em></p>")
    return HTML(shown.to_html(index=False, border=0, classes="cchc-table", escape=True))
