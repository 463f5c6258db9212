"""`cchc`: the command-line entry point. Each subcommand lives in its own module.

A command module exposes `HELP` (one line), `DESCRIPTION`, `add_arguments(parser)` and
`run(args, project) -> int`, and imports heavy libraries inside `run` so `cchc --help` stays fast.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import signal
import sys
import threading
from pathlib import Path

from .errors import CchcError
from .paths import Project

COMMANDS: dict[str, str] = {
    "snapshot": "cchc_research.sources.snapshot",
    "clean": "cchc_research.clean",
    "provinces": "cchc_research.provinces.cli",
    "validate": "cchc_research.validate",
    "build": "cchc_research.publish",
    "extract": "cchc_research.extract.cli",
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="cchc", description=__doc__.splitlines()[0])
    subs = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        sub = subs.add_parser(name, help=module.HELP, description=module.DESCRIPTION,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
        sub.add_argument("--root", type=Path, default=None,
                         help="repository to work on (default: the one containing the current directory)")
        module.add_arguments(sub)
        sub.set_defaults(module=module)
    return top


@contextlib.contextmanager
def _terminate_as_interrupt():
    """SIGTERM (a cancelled CI job, `kill`) unwinds like Ctrl-C: staging folders are removed, workers stopped."""
    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        project = Project.find(args.root)
        with _terminate_as_interrupt():
            return int(args.module.run(args, project) or 0)
    except CchcError as exc:
        print(f"cchc {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(f"cchc {args.command}: interrupted; outputs left as they were", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
