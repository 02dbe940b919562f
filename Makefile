# infoview: `make lab` opens the workbook, `make test` runs every test layer.
# Both create .venv on first run (and refresh it when pyproject.toml changes).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARGS ?=

.PHONY: lab test test-fast demo app lint clean-venv

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "infoview needs Python 3.10 or newer: install it, then run make again.")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@# byte-compile now, as a non-editable install does (where PYTHONDONTWRITEBYTECODE is set,
	@# every command would otherwise compile the package from source each time it starts)
	$(BIN)/python -m compileall -q infoview_lib
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## Open the workbook in JupyterLab (make lab ARGS=--no-browser prints the URL instead).
lab: $(VENV)/.installed
	$(BIN)/infoview lab $(ARGS)

## Run every test layer: unit, panels, notebooks, real browser. Installs the Debian packages
## the tests need (chromium, poppler-utils, fonts) when missing and run as root.
## Two parts (see RUN_ALONE in tests/conftest.py): the tests that can share the machine,
## spread over every core; then the real-browser and hub tests, one at a time. Both parts
## always run; it fails if either fails (exit 5, "no tests", is fine for one part, when ARGS
## picks tests of one part only). Plain `pytest` still runs everything, one at a time.
test: $(VENV)/.installed-test
	bash .ci/system-packages
	$(BIN)/ruff check infoview_lib tests benchmarks
	$(BIN)/python -m pytest -n auto --dist loadfile --part shared $(ARGS); shared=$$?; \
	$(BIN)/python -m pytest --part alone $(ARGS); alone=$$?; \
	echo "make test: shared part exit $$shared, alone part exit $$alone (0 passed, 5 no tests)"; \
	{ [ $$shared = 0 ] || [ $$shared = 5 ]; } && { [ $$alone = 0 ] || [ $$alone = 5 ]; } \
	  && [ $$shared$$alone != 55 ]

## Everything except the real-browser tests and those that start a kernel (quick, while editing).
test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest -n auto --dist loadfile -m "not browser and not kernel" $(ARGS)

## Run the workbook headless on a sample persona; exports land in exports/demo/.
demo: $(VENV)/.installed
	$(BIN)/infoview demo $(ARGS)

## The step notebooks as apps with the code hidden (Voila).
app: $(VENV)/.installed
	$(BIN)/voila notebooks/ $(ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check infoview_lib tests benchmarks

clean-venv:
	rm -rf $(VENV)
