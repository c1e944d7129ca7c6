# Local development on a machine without Docker: `make run` and `make test` do everything.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      ?= .venv
PYTHON    ?= python3
PY        := $(VENV)/bin/python
STAMP     := $(VENV)/.installed
STACK     := deploy/stack.sh
COMPOSE   ?= docker compose
PY_PATHS  := pipeline bridges storage web tests deploy

# A local .env (copied from .env.example) overrides the defaults for every target.
-include .env
export
# Local runs allow the published development JWT secret; the Dockerfile and compose say production.
export LOG_ANALYSIS_ENV ?= development
# Faust's local state beside the stack's (`make clean` removes both).
export LOG_ANALYSIS_DATA_DIR ?= $(CURDIR)/.stack/faust

.PHONY: help install up down status migrate run browser test test-unit test-integration lint format \
        bench bench-templates bench-anomaly bench-nab docker-build docker-up docker-down clean \
        migrate-create migrate-down dev

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project with the dev extra

up: $(STAMP) ## Start Kafka, PostgreSQL and RabbitMQ under .stack/ (idempotent)
	@$(STACK) up

down: ## Stop the local stack
	@$(STACK) down

status: ## Show which local services are up
	@$(STACK) status

migrate: $(STAMP) ## Apply SQL migrations to DATABASE_URL
	$(PY) -m pipeline migrate

run: install up migrate ## Set everything up and run the service (web on :8000)
	$(PY) -m pipeline worker --loglevel=info

migrate-create: $(STAMP) ## New migration sql/migrations/NNNN_NAME.sql from the template (NAME=add_x)
	@test -n "$(NAME)" || { echo "usage: make migrate-create NAME=add_something ([a-z0-9_]+)" >&2; exit 2; }
	$(PY) -m pipeline migrate-create "$(NAME)"

migrate-down: $(STAMP) ## Revert the last N migrations (N=1 by default)
	$(PY) -m pipeline migrate --down "$(or $(N),1)"

# Restarts only the worker: apply a new migration with `make migrate` once its file is written.
dev: install up migrate ## Like run, restarting the worker when a .py or .sql file changes
	$(PY) -c 'import logging, sys, watchfiles; \
		logging.basicConfig(level=logging.INFO, format="dev: %(message)s"); \
		watchfiles.run_process(*sys.argv[2:], target=sys.argv[1], target_type="command", \
			watch_filter=watchfiles.PythonFilter(extra_extensions=(".sql",)))' \
		'$(PY) -m pipeline worker --loglevel=info' pipeline bridges storage web sql

browser: ## Install Debian's chromium and chromedriver for the browser tests (once)
	@deploy/browser.sh ensure

test: install up migrate browser ## Set everything up and run the whole test suite
	$(PY) -m pytest -n auto tests/unit
	$(PY) -m pytest -n 2 --dist loadgroup tests/integration

test-unit: install ## Unit tests only (no services needed), on every core
	$(PY) -m pytest -n auto tests/unit

test-integration: install up migrate browser ## Integration tests against the local stack
	$(PY) -m pytest -n 2 --dist loadgroup tests/integration

lint: install ## ruff and mypy
	$(VENV)/bin/ruff check $(PY_PATHS)
	$(VENV)/bin/ruff format --check $(PY_PATHS)
	$(VENV)/bin/mypy pipeline bridges storage web tests

format: install ## Format and autofix with ruff
	$(VENV)/bin/ruff format $(PY_PATHS)
	$(VENV)/bin/ruff check --fix $(PY_PATHS)

# The logcall corpus's splits, in the order they were added (tests/bench/logcall_corpus.py SPLITS).
LOGCALL_SPLITS := tuning held-out fresh unseen novel sixth seventh eighth ninth tenth eleventh \
        twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth \
        twentieth twentyfirst twentysecond twentythird twentyfourth twentyfifth twentysixth \
        twentyseventh twentyeighth twentyninth thirtieth thirtyfirst thirtysecond thirtythird thirtyfourth \
        thirtyfifth thirtysixth thirtyseventh thirtyeighth thirtyninth fortieth fortyfirst fortysecond \
        fortythird fortyfourth fortyfifth fortysixth fortyseventh fortyeighth fortyninth fiftieth \
        fiftyfirst fiftysecond fiftythird fiftyfourth fiftyfifth fiftysixth fiftyseventh \
        fiftyeighth fiftyninth sixtieth sixtyfirst sixtysecond sixtythird sixtyfourth \
        sixtyfifth sixtysixth sixtyseventh sixtyeighth sixtyninth seventieth \
        seventyfirst seventysecond seventythird seventyfourth seventyfifth \
        seventysixth seventyseventh seventyeighth seventyninth eightieth eightyfirst \
        eightysecond eightythird eightyfourth eightyfifth eightysixth eightyseventh \
        eightyeighth eightyninth ninetieth ninetyfirst ninetysecond ninetythird \
        ninetyfourth ninetyfifth ninetysixth ninetyseventh ninetyeighth ninetyninth \
        hundredth hundredfirst hundredsecond hundredthird hundredfourth hundredfifth \
        hundredsixth hundredseventh hundredeighth hundredninth hundredtenth \
        hundredeleventh hundredtwelfth hundredthirteenth hundredfourteenth hundredfifteenth \
        hundredsixteenth hundredseventeenth hundredeighteenth hundrednineteenth \
        hundredtwentieth hundredtwentyfirst hundredtwentysecond hundredtwentythird \
        hundredtwentyfourth hundredtwentyfifth hundredtwentysixth hundredtwentyseventh

bench-templates: install ## Template accuracy and speed against Drain3: Loghub-2k, then real logging calls of each split of the logcall corpus
	$(PY) tests/bench/bench_templates.py
	@set -e; for split in $(LOGCALL_SPLITS); do $(PY) tests/bench/bench_templates.py --logcalls $$split; done

bench: install up migrate ## End-to-end throughput, latency and memory (standard set); writes docs/performance.md
	$(PY) tests/bench/bench_stream.py --write-docs

bench-anomaly: install ## Anomaly precision/recall/delay on simulated scenarios
	$(PY) tests/bench/bench_anomaly.py

bench-nab: install ## Anomalies on NAB's labelled volume series (NAB_DIR=a clone of github.com/numenta/NAB)
	$(PY) tests/bench/bench_nab.py --nab "$(NAB_DIR)"

docker-build: ## Build the service image
	$(COMPOSE) build

docker-up: ## Start the whole stack with Docker Compose
	$(COMPOSE) up -d

docker-down: ## Stop the Docker Compose stack
	$(COMPOSE) down

clean: down ## Stop the stack and delete its data (.stack/)
	rm -rf .stack
