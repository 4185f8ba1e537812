# Two commands on a fresh machine (see README):  make serve   and   make test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The archive of source copies that quotes are verified against is found as every command finds it
# (factbase/archive.py: $FACTS_ARCHIVE, else ../shared/sources when it exists); `make ARCHIVE=DIR ...` names
# another, `make ARCHIVE= ...` none.
ifneq ($(origin ARCHIVE),undefined)
export FACTS_ARCHIVE := $(ARCHIVE)
endif
export NO_MKDOCS_2_WARNING := 1

.PHONY: install browser build serve validate lint test test-fast bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -rf build *.egg-info scripts/*.egg-info
	touch $@

install: $(VENV)/.installed

# axe-core for the browser tests' accessibility checks and vnu-jar (the W3C HTML checker), pinned in
# package.json and package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's Chromium and a Korean font, for the browser tests (never a downloaded browser build), and Debian's
# Java for the W3C HTML checker (vnu-jar, from npm).
browser: node_modules/.installed
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi nanum || ! command -v java >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium fonts-nanum default-jre-headless; \
		else echo "install chromium, fonts-nanum and Java: sudo apt-get install -y chromium fonts-nanum default-jre-headless"; exit 1; fi; \
	fi

build: install
	$(BIN)/python scripts/build_site.py

serve: install
	$(BIN)/python scripts/serve.py

validate: install
	$(BIN)/python scripts/validate.py

lint: install
	$(BIN)/ruff check scripts tests benchmarks
	$(BIN)/mypy
	$(BIN)/python scripts/format.py --check

# Tests run in parallel, a worker per core (at most 4; each builds the site it tests once), a module's tests in
# one worker, so that module fixtures are made once: `make test PARALLEL=` runs them in one process.
PARALLEL ?= -n auto --maxprocesses 4 --dist loadscope

# Every test: lint and types, the formatter check, the validator on facts/, pytest (browser tests and the W3C
# HTML checker included).
test: install browser lint validate
	$(BIN)/python -m pytest $(PARALLEL)

# Without the browser tests and the HTML checker.
test-fast: install lint validate
	$(BIN)/python -m pytest $(PARALLEL) -m "not browser and not vnu"

bench: install
	$(BIN)/python benchmarks/scale.py

clean:
	rm -rf site build .pytest_cache .mypy_cache .ruff_cache
