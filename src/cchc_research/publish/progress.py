"""Reports done / total: a tqdm bar on a terminal, one plain line per report otherwise (logs, CI)."""

from __future__ import annotations

import sys
from types import TracebackType

from .execute import Outcome


class Progress:
    def __init__(self, total: int) -> None:
        self.total, self.count, self.bar = total, 0, None
        if total and sys.stdout.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="report", desc="cchc build", file=sys.stdout)

    def done(self, outcome: Outcome) -> None:
        self.count += 1
        line = f"{'ok' if outcome.ok else 'FAILED'} {outcome.slug} ({outcome.seconds:.1f} s)"
        if outcome.error:
            line += f": {outcome.error}"
        if self.bar is None:
            print(f"[{self.count}/{self.total}] {line}", flush=True)
        else:
            if not outcome.ok:
                self.bar.write(line)
            self.bar.update(1)

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.bar is not None:
            self.bar.close()
