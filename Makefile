# narcowatch: `make run` sets everything up from nothing and runs the pipeline on seeds/;
# `make test` runs the test suite. Both only need Python 3.11 and make.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MANIFEST := dbt_project/target/manifest.json
DBT_SOURCES := $(shell find dbt_project/models dbt_project/macros dbt_project/tests -type f) dbt_project/dbt_project.yml dbt_project/profiles.yml
EVAL_DIR ?= ../shared/eval

.PHONY: run test dev eval bench manifest install clean

run: $(INSTALLED) $(MANIFEST)
	$(BIN)/narcowatch run

test: $(INSTALLED) $(MANIFEST)
	$(BIN)/pytest

# The Dagster UI on http://127.0.0.1:3000 with the whole asset graph.
dev: $(INSTALLED) $(MANIFEST)
	DAGSTER_HOME=$(CURDIR)/.dagster $(BIN)/dagster dev

eval: $(INSTALLED) $(MANIFEST)
	$(BIN)/narcowatch evaluate --articles $(EVAL_DIR)/dev/articles --gold $(EVAL_DIR)/dev/gold.jsonl
	$(BIN)/narcowatch evaluate --articles seeds --gold $(EVAL_DIR)/seeds/gold.jsonl
	$(BIN)/narcowatch evaluate --articles tests/regression_set/articles --gold tests/regression_set/gold.jsonl

# Speed and memory at 10,000 and 100,000 articles (generated once into benchmarks/corpus/);
# writes benchmarks/results.md. Takes several minutes.
bench: $(INSTALLED) $(MANIFEST)
	$(BIN)/python -m benchmarks.run

install: $(INSTALLED)
manifest: $(MANIFEST)

$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "narcowatch needs Python 3.11: set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

# dagster-dbt loads models from the manifest; parsing does not touch any database.
$(MANIFEST): $(INSTALLED) $(DBT_SOURCES)
	cd dbt_project && ../$(BIN)/dbt parse --quiet --profiles-dir .
	touch $@

clean:
	rm -rf $(VENV) dbt_project/target dbt_project/logs .pytest_cache
