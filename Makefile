# The README's two commands: `make demo` and `make test`. Everything else is set up from here.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= selon.db
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: install install-dev demo test lint typecheck pytest gate bench schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements/models.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEVSTAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(STAMP)

install-dev: $(DEVSTAMP)

demo: install
	$(BIN)/selon ingest --db $(DB) corpus/articles
	@echo
	$(BIN)/selon events --db $(DB) --limit 15
	@echo
	@echo "Results are in $(abspath $(DB)) (SQLite)."
	@echo "Try: $(BIN)/selon events --db $(DB) --type ASSAULT   or   $(BIN)/selon show EVENT_ID --db $(DB)"
	@echo
	@echo "The workbench (map, timeline, events, articles) answers at http://127.0.0.1:8000 (API docs at /docs); Ctrl-C stops it."
	$(BIN)/selon serve --db $(DB) --host 127.0.0.1 --port 8000

lint: $(DEVSTAMP)
	$(BIN)/ruff check selon tests
	$(BIN)/ruff format --check selon tests

typecheck: $(DEVSTAMP)
	$(BIN)/mypy

pytest: $(DEVSTAMP)
	$(BIN)/python -m pytest

test: lint typecheck pytest

gate: $(STAMP)
	$(BIN)/selon eval corpus

bench: $(STAMP)
	$(BIN)/selon bench corpus/articles

schema: $(STAMP)
	$(BIN)/selon schema --write

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
