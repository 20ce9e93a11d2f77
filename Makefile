# One obvious way to run everything. `make run` and `make test` set up what they need first.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
STAMP := $(VENV)/.installed

.PHONY: setup run test lint typecheck pytest infra-lint bench lock package browser opensearch clean

## setup: Python deps (hashed lock), the OpenSearch jars, headless Chromium, the infra linters
setup: $(STAMP) browser opensearch

$(STAMP): requirements/dev.txt requirements/bootstrap.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/bootstrap.txt
	$(UV) pip install --quiet --python $(PY) --require-hashes -r requirements/dev.txt
	$(UV) pip install --quiet --python $(PY) --no-deps -e .
	touch $@

browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## opensearch: fetch the pinned OpenSearch jars (cached in ~/.m2) and compile the local-node launcher
## (start one with `python3 -m infrastructure.opensearch.node run`; see infrastructure/opensearch/)
opensearch:
	$(PYTHON) -m infrastructure.opensearch.node build

## run: the whole system on this machine (see README)
run: setup
	$(VENV)/bin/newsfacet local

## test: lint, types, every test suite (both engines, integration, browser), infra checks
test: setup lint typecheck pytest infra-lint

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP)
	$(VENV)/bin/pytest

infra-lint:
	@echo "infra-lint: not wired yet"

bench: setup
	$(PY) bench/extraction.py
	$(PY) bench/search.py

## lock: re-pin every dependency with hashes after editing pyproject.toml
lock: $(STAMP)
	$(UV) pip compile --quiet pyproject.toml --python-version 3.11 --generate-hashes -o requirements/runtime.txt
	$(UV) pip compile --quiet pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements/dev.txt

clean:
	rm -rf $(VENV) .venv-tools .aws-sam build .pytest_cache .mypy_cache .ruff_cache
