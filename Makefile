# rumourbot — every target sets up .venv itself, so a fresh clone needs nothing else.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test lint eval bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/rumourbot run

demo: $(STAMP)
	$(BIN)/rumourbot demo

# Most tests wait on loopback servers and child processes rather than the CPU: four workers keep
# both cores busy (pytest-xdist); an idle worker takes queued tests from a busy one (worksteal).
test: $(STAMP)
	$(BIN)/python -m pytest -q -n 4 --dist worksteal

lint: $(STAMP)
	$(BIN)/ruff check bot tests bench scripts
	$(BIN)/ruff format --check bot tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

eval: $(STAMP)
	$(BIN)/python -m bot.analysis.evaluate tests/data/analysis
	@echo
	@echo "Second story set (see tests/data/analysis-holdout/README.md):"
	$(BIN)/python -m bot.analysis.evaluate tests/data/analysis-holdout
	@echo
	@echo "Third story set (see tests/data/analysis-set3/README.md):"
	$(BIN)/python -m bot.analysis.evaluate tests/data/analysis-set3
	@echo
	@echo "Fourth story set (see tests/data/analysis-set4/README.md):"
	$(BIN)/python -m bot.analysis.evaluate tests/data/analysis-set4
	@echo
	@echo "Fifth story set (see tests/data/analysis-set5/README.md):"
	$(BIN)/python -m bot.analysis.evaluate tests/data/analysis-set5

bench: $(STAMP)
	@$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
