#!/usr/bin/env bash
# Make .venv fit for this checkout, every time `make` needs it (a fraction of a second when it is):
#  - it must run, be Python 3.11 (the required version) and belong to this folder; otherwise it is
#    removed and made again (a .venv this script did not make is never deleted: it says what to delete);
#  - its packages must be the pins of requirements.lock and pyproject.toml: a stamp holding their
#    hash says so, and any change (or a half-finished install) re-syncs them.
# PYTHON picks the interpreter that makes a new .venv (default: python3.11, else python3 if it is 3.11).
set -euo pipefail
cd "$(dirname "$0")/.."
REQUIRED=3.11
VENV=.venv
STAMP=$VENV/.installed
HERE=$(pwd -P)
WANT=$(cat requirements.lock pyproject.toml .ci/ensure-venv.sh | sha256sum | cut -d' ' -f1)

say() { echo "make setup: $*" >&2; }
version_of() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true; }
cfg() { sed -n "s/^$1 *= *//p" "$VENV/pyvenv.cfg" | head -n 1; }

# 1. An existing .venv that is not fit is made again.
if [ -e "$VENV" ] || [ -L "$VENV" ]; then
    if [ ! -f "$VENV/pyvenv.cfg" ]; then
        say "$HERE/$VENV is not a virtual environment (no pyvenv.cfg), so it is left alone."
        say "Delete it (rm -rf '$HERE/$VENV') or move it away, then run make again."
        exit 1
    fi
    problem=
    found=$(version_of "$VENV/bin/python")
    if [ -z "$found" ]; then
        problem="$VENV/bin/python does not run: its interpreter (Python $(cfg version), $(cfg home)) is gone"
    elif [ "$found" != "$REQUIRED" ]; then
        problem="$VENV was made by Python $found; this project needs Python $REQUIRED"
    elif [ -f "$STAMP" ] && [ "$(head -n 1 "$VENV/bin/cchc" 2>/dev/null)" != "#!$HERE/$VENV/bin/python" ]; then
        problem="$VENV was made for another folder (its scripts point elsewhere)"
    fi
    if [ -n "$problem" ]; then
        say "$problem: removing $VENV and making it again"
        rm -rf "$VENV"
    fi
fi

# 2. Make .venv with Python 3.11.
if [ ! -d "$VENV" ]; then
    if [ -z "${PYTHON:-}" ]; then
        for candidate in "python$REQUIRED" python3; do
            if [ "$(version_of "$candidate")" = "$REQUIRED" ]; then PYTHON=$candidate; break; fi
        done
    fi
    if [ -z "${PYTHON:-}" ] || [ "$(version_of "$PYTHON")" != "$REQUIRED" ]; then
        tried=${PYTHON:-python3}
        found=$(version_of "$tried")
        say "Python $REQUIRED is required to make $VENV; $tried is ${found:+Python }${found:-missing or does not run}."
        say "Install Python $REQUIRED, or name it: make PYTHON=/path/to/python$REQUIRED"
        exit 1
    fi
    say "making $VENV with $PYTHON (Python $REQUIRED)"
    "$PYTHON" -m venv "$VENV"
fi

# 3. Install the pinned versions when the stamp does not match the lock (or an install was cut short).
if [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ] || [ ! -x "$VENV/bin/cchc" ]; then
    say "installing the pinned versions of requirements.lock into $VENV…"
    rm -f "$STAMP"
    PY=$VENV/bin/python
    if "$PY" -m pip install -q --disable-pip-version-check uv==0.13.9; then
        "$VENV/bin/uv" pip sync -q --compile-bytecode --python "$PY" requirements.lock
        "$VENV/bin/uv" pip install -q --compile-bytecode --python "$PY" --no-deps -e .
    else
        say "uv unavailable: falling back to pip (slower)"
        "$PY" -m pip install -q -r requirements.lock
        "$PY" -m pip install -q --no-deps -e .
    fi
    echo "$WANT" > "$STAMP"
fi
