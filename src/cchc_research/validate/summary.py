"""Turn a checkpoint result into the summary (summary.json): per suite, each expectation's outcome."""

from __future__ import annotations

import json
import math
from typing import Any

import pandas as pd

from .context import gx_name
from .suites import Suite

MAX_EXAMPLES = 5


def _plain(value: Any) -> Any:
    """A JSON-safe Python value (NaN/NA -> None, numpy scalars -> Python)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    if hasattr(value, "item"):
        return _plain(value.item())
    if isinstance(value, (str, int, float, bool)):
        return value
    return json.loads(json.dumps(value, default=str))


def _examples(frame: pd.DataFrame, suite: Suite, columns: list[str], result: dict) -> list[dict]:
    """Up to MAX_EXAMPLES failing rows (the identifying columns and the checked ones)."""
    indexes = result.get("partial_unexpected_index_list") or result.get("unexpected_index_list") or []
    if indexes:
        shown = [c for c in dict.fromkeys([*suite.examples, *columns]) if c in frame.columns]
        rows = frame.loc[[i for i in indexes[:MAX_EXAMPLES] if i in frame.index], shown]
        return [{k: _plain(v) for k, v in row.items()} for row in rows.to_dict("records")]
    values = result.get("partial_unexpected_list")
    if values:
        return [{"value": _plain(v)} for v in values[:MAX_EXAMPLES]]
    if "observed_value" in result:
        return [{"observed": _plain(result["observed_value"]), **({"details": _plain(result["details"])}
                                                                   if "details" in result else {})}]
    return []


def _outcome(r, suite: Suite, frame: pd.DataFrame) -> dict:
    config = r.expectation_config
    meta = config.meta or {}
    check = next(c for c in suite.checks if c.name == meta.get("name"))
    result = dict(r.result or {})
    success = bool(r.success)
    examples: list[dict] = []
    if not success:
        error = (r.exception_info or {}).get("exception_message") if r.exception_info else None
        examples = [{"exception": error}] if error else _examples(frame, suite, check.columns, result)
    count = result.get("unexpected_count")
    return {"name": check.name, "severity": check.severity, "description": check.description, "success": success,
            "unexpected_count": int(count) if count is not None else (0 if success else 1), "examples": examples}


def summarise(checkpoint_result, suites: list[Suite], frames: dict[str, pd.DataFrame], *, generated_at: str,
              data_hash: str) -> dict:
    """The summary document (keys as in summary.json), suites in the order given."""
    by_suite = {key.expectation_suite_identifier.name: value for key, value in checkpoint_result.run_results.items()}
    tables = []
    for suite in suites:
        order = {c.name: i for i, c in enumerate(suite.checks)}
        outcomes = [_outcome(r, suite, frames[suite.name]) for r in by_suite[gx_name(suite.name)].results]
        tables.append({"table": suite.name, "rows": int(len(frames[suite.name])),
                       "expectations": sorted(outcomes, key=lambda o: order[o["name"]])})
    failed = [e for t in tables for e in t["expectations"] if not e["success"]]
    n_error = sum(e["severity"] == "error" for e in failed)
    return {"success": n_error == 0, "generated_at": generated_at, "data_hash": data_hash,
            "n_expectations": sum(len(t["expectations"]) for t in tables), "n_failed_error": n_error,
            "n_failed_warning": len(failed) - n_error, "tables": tables}


def failure_lines(summary: dict) -> list[str]:
    """Per failed expectation: severity, table, expectation, rows failing, description, examples."""
    lines = []
    for table in summary["tables"]:
        for e in table["expectations"]:
            if e["success"]:
                continue
            lines.append(f"{e['severity'].upper()} {table['table']}: {e['name']}: {e['unexpected_count']} of "
                         f"{table['rows']} rows fail ({e['description']})")
            lines += ["    " + ", ".join(f"{k}={v}" for k, v in ex.items()) for ex in e["examples"]]
    return lines
