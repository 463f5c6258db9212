"""Time `cchc validate` end to end in a fresh process (interpreter start and imports included).

Target: under 15 s on the 2-core reference machine. Runs on the repository that contains this file
(or --root), which must have been cleaned (`cchc clean`). Prints one line per run and the best time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 15.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-data-docs", action="store_true")
    args = parser.parse_args()
    cchc = Path(sys.executable).with_name("cchc")
    command = [str(cchc), "validate", "--root", str(args.root)] + (["--no-data-docs"] if args.no_data_docs else [])
    times = []
    for run in range(1, args.runs + 1):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        print(f"run {run}: {times[-1]:.2f} s (exit {done.returncode})")
        if done.returncode != 0:
            print(done.stdout[-3000:], done.stderr[-3000:], sep="\n")
            return 1
    best = min(times)
    print(f"cchc validate{' --no-data-docs' if args.no_data_docs else ''}: best {best:.2f} s of {args.runs} "
          f"(target < {TARGET_SECONDS:.0f} s: {'ok' if best < TARGET_SECONDS else 'TOO SLOW'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
