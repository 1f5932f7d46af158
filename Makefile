# rumourbot — every target sets up .venv itself, so a fresh clone needs nothing else.
#
# Installs come from the lock files in requirements/ (exact versions, SHA-256 hashes): `make run`
# and `make demo` install only what the bot needs (run.lock); `make test` and `make lint` add the
# development tools (dev.lock). `make lock` re-resolves the locks after pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
LOCKS := requirements/build.lock requirements/run.lock requirements/dev.lock

.PHONY: run demo test lint eval bench lock pictures image-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The pinned pip/setuptools/wheel first, then the locked dependencies, then rumourbot itself
# (editable, without dependencies: they are all in the lock).
$(RUN_STAMP): pyproject.toml requirements/build.lock requirements/run.lock | $(BIN)/python
	@$(PIP) --require-hashes -r requirements/build.lock
	@$(PIP) --require-hashes -r requirements/run.lock
	@$(PIP) --no-deps --no-build-isolation -e .
	@touch $@

$(DEV_STAMP): $(RUN_STAMP) requirements/dev.lock
	@$(PIP) --require-hashes -r requirements/dev.lock
	@touch $@

run: $(RUN_STAMP)
	$(BIN)/rumourbot run

demo: $(RUN_STAMP)
	$(BIN)/rumourbot demo

# Most tests wait on loopback servers and child processes rather than the CPU: four workers keep
# both cores busy (pytest-xdist); an idle worker takes queued tests from a busy one (worksteal).
test: $(DEV_STAMP)
	$(BIN)/python -m pytest -q -n 4 --dist worksteal

lint: $(DEV_STAMP)
	$(BIN)/ruff check bot tests bench scripts
	$(BIN)/ruff format --check bot tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

# Every labelled story set (tests/data/analysis*, each with its README), in order.
STORY_SETS := analysis analysis-holdout analysis-set3 analysis-set4 analysis-set5 analysis-set6 analysis-set7 analysis-set8 analysis-set9 analysis-set10 analysis-set11 analysis-set12 analysis-set13 analysis-set14 analysis-set15 analysis-set16 analysis-set17 analysis-set18 analysis-set19 analysis-set20 analysis-set21 analysis-set22 analysis-set23 analysis-set24 analysis-set25 analysis-set26 analysis-set27 analysis-set28 analysis-set29 analysis-set30 analysis-set31 analysis-set32 analysis-set33 analysis-set34 analysis-set35 analysis-set36 analysis-set37 analysis-set38 analysis-set39 analysis-set40 analysis-set41 analysis-set42 analysis-set43 analysis-set44 analysis-set45 analysis-set46 analysis-set47 analysis-set48 analysis-set49 analysis-set50 analysis-set51 analysis-set52 analysis-set53 analysis-set54 analysis-set55 analysis-set56 analysis-set57 analysis-set58 analysis-set59 analysis-set60 analysis-set61 analysis-set62 analysis-set63 analysis-set64 analysis-set65

eval: $(DEV_STAMP)
	@for set in $(STORY_SETS); do \
		echo "Story set $$set (see tests/data/$$set/README.md):"; \
		$(BIN)/python -m bot.analysis.evaluate tests/data/$$set || exit 1; \
		echo; \
	done

bench: $(DEV_STAMP)
	@$(PIP) -e '.[dev,bench]'
	$(BIN)/python bench/run.py

# The screenshots in docs/ (status page, alerts on Discord and Telegram), taken by the tests that
# check them, with headless Chromium (apt-get install chromium).
pictures: $(DEV_STAMP)
	RUMOURBOT_UPDATE_PICTURES=1 $(BIN)/python -m pytest -q tests/http/test_chromium.py tests/render/test_chat_pictures.py

# Re-resolve the locks (needs PyPI). Versions already pinned are kept unless pyproject.toml rules
# them out; `make lock UPGRADE=--upgrade` takes the newest allowed. One resolution for every
# Python 3.11+ platform (--universal), with the hashes of every file PyPI has for each version.
UV_COMPILE = $(BIN)/uv pip compile --quiet --native-tls --universal --python-version 3.11 --generate-hashes \
	--custom-compile-command "make lock" $(UPGRADE)
lock: $(DEV_STAMP)
	$(UV_COMPILE) requirements/build.in -o requirements/build.lock
	$(UV_COMPILE) pyproject.toml -o requirements/run.lock
	$(UV_COMPILE) pyproject.toml --extra dev -c requirements/run.lock -o requirements/dev.lock

# Builds the Docker image with podman on a Debian base made here, and smoke-tests it and the
# compose file (needs root; scripts/image-test.sh says what it does). Not part of `make test`.
image-test:
	bash scripts/image-test.sh

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
