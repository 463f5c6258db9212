# The README's two commands: `make reports` and `make test`. Both set up .venv first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CCHC := $(VENV)/bin/cchc
STAMP := $(VENV)/.installed

.PHONY: reports test setup snapshot lab bench

$(STAMP): pyproject.toml requirements.lock Makefile
	@echo "Setting up $(VENV) (pinned versions from requirements.lock)…"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@if $(PY) -m pip install -q --disable-pip-version-check uv==0.13.9; then \
		$(VENV)/bin/uv pip sync -q --compile-bytecode --python $(PY) requirements.lock && \
		$(VENV)/bin/uv pip install -q --compile-bytecode --python $(PY) --no-deps -e . ; \
	else \
		echo "uv unavailable: falling back to pip (slower)"; \
		$(PY) -m pip install -q -r requirements.lock && $(PY) -m pip install -q --no-deps -e . ; \
	fi
	@touch $@

setup: $(STAMP)

## Build everything from the shipped data into reports/.
reports: $(STAMP)
	$(CCHC) snapshot --check
	$(CCHC) clean
	$(CCHC) validate
	$(CCHC) build

## Run the test suite (installs headless Chromium for the browser test when missing and root).
test: $(STAMP)
	@bash .ci/ensure-chromium.sh
	$(PY) -m pytest -q

snapshot: $(STAMP)
	$(CCHC) snapshot

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

bench: $(STAMP)
	$(PY) benchmarks/run.py
