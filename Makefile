# The README's two commands: `make reports` and `make test`. Both make sure .venv is fit first.
SHELL := /bin/bash
# Interpreter that makes a new .venv (default: python3.11, else python3 when it is 3.11).
PYTHON ?=
VENV := .venv
PY := $(VENV)/bin/python
CCHC := $(VENV)/bin/cchc

.PHONY: reports test setup snapshot lab bench

## .venv runs, is Python 3.11, belongs to this folder and holds the pins of requirements.lock;
## otherwise it is repaired (.ci/ensure-venv.sh says what it does, or what to delete by hand).
setup:
	@PYTHON="$(PYTHON)" bash .ci/ensure-venv.sh

## Build everything from the shipped data into reports/.
reports: setup
	$(CCHC) snapshot --check
	$(CCHC) clean
	$(CCHC) validate
	$(CCHC) build

## Run the test suite (installs headless Chromium for the browser test when missing and root).
test: setup
	@bash .ci/ensure-chromium.sh
	$(PY) -m pytest -q

snapshot: setup
	$(CCHC) snapshot

lab: setup
	$(VENV)/bin/jupyter lab notebooks/

bench: setup
	$(PY) benchmarks/run.py
