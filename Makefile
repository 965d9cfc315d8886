# Two commands for a fresh clone: `make site` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: site exempel test test-snabb serve check bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

site: $(VENV)/.installed
	$(BIN)/ikgen check content
	$(BIN)/ikgen build
	@echo ""
	@echo "Klart. Titta på webbplatsen med:  $(BIN)/ikgen serve   och öppna http://127.0.0.1:8000/"
	@echo "(eller visa den byggda mappen:  python3 -m http.server -d site 8000)"

# Every example site (examples/<namn>/mkdocs.yml) into site-exempel/<namn>/.
exempel: $(VENV)/.installed
	@set -e; for cfg in examples/*/mkdocs.yml; do \
		namn=$$(basename $$(dirname $$cfg)); \
		echo "Bygger $$cfg -> site-exempel/$$namn/"; \
		$(BIN)/ikgen build -f $$cfg -d site-exempel/$$namn; \
	done
	@echo "Exempelwebbplatserna finns i site-exempel/<namn>/ (en mapp per exempel i examples/)"

serve: $(VENV)/.installed
	$(BIN)/ikgen serve

check: $(VENV)/.installed
	$(BIN)/ikgen check content

test: $(VENV)/.test-installed
	$(BIN)/ruff check ikgen tests
	$(BIN)/ruff format --check ikgen tests
	$(BIN)/python -m pytest -q

# The fast tier while working: in-process tests of single modules (tests/unit and a few more).
test-snabb: $(VENV)/.test-installed
	$(BIN)/python -m pytest -q -m "not slow"

bench: $(VENV)/.test-installed
	$(BIN)/python -m bench.run

clean:
	rm -rf site site-exempel site-exempel-2025 test-output .pytest_cache
