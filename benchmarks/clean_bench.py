"""Time `cchc clean` over all shipped sources (target: < 10 s on the 2-core reference machine).

Runs in a fresh process on a temporary copy of the repository, so imports count, and checks
that two runs give byte-identical processed data.
Usage: .venv/bin/python benchmarks/clean_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cchc_research.io import tree_hash

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        for rel in ("config", "data/raw"):
            shutil.copytree(REPO / rel, root / rel)
        times, hashes = [], set()
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "cchc_research.cli", "clean", "--quiet", "--root", str(root)],
                           check=True)
            times.append(time.perf_counter() - start)
            hashes.add(tree_hash(root / "data" / "processed"))
    best, worst = min(times), max(times)
    print(f"clean (fresh process, import included): best {best:.2f} s, worst {worst:.2f} s over {runs} runs "
          f"[target < 10 s: {'met' if worst < 10 else 'MISSED'}]")
    print(f"deterministic: {'yes' if len(hashes) == 1 else 'NO'} ({len(hashes)} distinct output hash(es))")


if __name__ == "__main__":
    main()
