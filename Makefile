# Readiness Studio: the two commands of the README, and a few helpers.
#   make run     install what is needed, open the GUI on the built-in demo workshop
#   make test    install what is needed, lint, type-check and run the whole test suite

VENV ?= .venv
BIN := $(VENV)/bin
LINT_PATHS := $(wildcard src tests bench scripts/*.py)

.PHONY: run test bootstrap lint typecheck imports pytest mutation bundle clean screenshots

bootstrap:
	@bash scripts/bootstrap.sh

run: bootstrap
	$(BIN)/readiness-studio --demo

test: bootstrap
	$(MAKE) --no-print-directory lint typecheck imports pytest

lint:
	$(BIN)/ruff check $(LINT_PATHS)

typecheck:
	$(BIN)/mypy

imports:
	$(BIN)/lint-imports

pytest:
	$(BIN)/pytest

mutation: bootstrap
	$(BIN)/python scripts/mutation.py

screenshots:
	$(BIN)/python scripts/screenshots.py

bundle: bootstrap
	$(BIN)/pyinstaller --noconfirm --clean build.spec

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
