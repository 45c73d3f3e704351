# The one door: make build | generate | serve | test | test-fast | bench | check | eval-crossrefs | fit-crossrefs | golden | clean
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
export PYTHONHASHSEED := 0

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | sha256sum | cut -c1-12)

.PHONY: build generate serve test test-fast browser-deps bench check lint eval-crossrefs fit-crossrefs golden clean

$(STAMP): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "make: expected Python 3.11 or later for $(PYTHON), found " + sys.version.split()[0] + "; run make PYTHON=python3.11 …")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

venv: $(STAMP)

generate: $(STAMP)
	$(PY) -m build_scripts generate

build: $(STAMP)
	$(PY) -m build_scripts build

serve: $(STAMP)  # make serve ADDR=127.0.0.1:8001 to serve elsewhere
	$(PY) -m build_scripts serve $(if $(ADDR),--dev-addr $(ADDR))

check: $(STAMP)
	$(PY) -m build_scripts check --config-file mkdocs.yml
	$(PY) -m ruff check build_scripts tests
	$(PY) -m ruff format --check build_scripts tests
	$(PY) -m mypy

lint: check

# Debian's Chromium drives the browser tests (Playwright cannot download browsers here).
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "installing Debian chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

test: build browser-deps
	$(PY) -m pytest

test-fast: $(STAMP)
	$(PY) -m pytest -m "not browser and not slow"

bench: build
	$(PY) -m tests.bench

eval-crossrefs: $(STAMP)
	$(PY) -m tests.eval_crossrefs
	$(PY) -m tests.eval_national_links

fit-crossrefs: $(STAMP)
	$(PY) -m tests.eval_crossrefs --fit

golden: $(STAMP)
	$(PY) -m tests.golden --refresh

clean:
	rm -rf site docs .pytest_cache
