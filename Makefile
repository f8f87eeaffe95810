# Register early career teachers. `make run` serves the service with demo data; `make test` runs the suite.
# Both install whatever is missing first. `make help` lists every target.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# pytest-xdist workers for `make test`: one per CPU; each has its own test database, live server and Chromium.
TEST_WORKERS ?= logical
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help install assets run run-dfe-sign-in dfe-sign-in-mock test test-db lint audit format bench bench-gias clean chromium

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet --group dev -c constraints.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/build/application.css: node_modules/.installed static/build.mjs $(wildcard static/scss/*.scss static/js/*)
	npm run --silent build

install: $(BIN)/.installed node_modules/.installed static/build/application.css ## Install Python and npm packages and build the assets

assets: node_modules/.installed ## Build the GOV.UK Frontend CSS, JavaScript, fonts and images into static/build
	npm run --silent build

run: install ## Serve the service with demo data on http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py seed_demo_data
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The loopback DfE Sign-in of tests/dfe_sign_in_mock.py; run-dfe-sign-in points the service at it.
DFE_SIGN_IN_MOCK_PORT ?= 8010

dfe-sign-in-mock: install ## Serve a loopback DfE Sign-in (OpenID Connect provider, public API stub) on localhost:$(DFE_SIGN_IN_MOCK_PORT)
	$(BIN)/python -m tests.dfe_sign_in_mock --port $(DFE_SIGN_IN_MOCK_PORT) --client-id register-ects --api-secret local-api-secret-of-at-least-32-bytes

run-dfe-sign-in: ## Serve the service like `make run`, signing in with the loopback DfE Sign-in (start `make dfe-sign-in-mock` first)
	DFE_SIGN_IN_ISSUER=http://localhost:$(DFE_SIGN_IN_MOCK_PORT) DFE_SIGN_IN_API_URL=http://localhost:$(DFE_SIGN_IN_MOCK_PORT) \
	DFE_SIGN_IN_CLIENT_ID=register-ects DFE_SIGN_IN_CLIENT_SECRET=local \
	DFE_SIGN_IN_API_SECRET=local-api-secret-of-at-least-32-bytes $(MAKE) run

chromium: ## Install Debian's Chromium for the browser tests, if it is missing
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Chromium from Debian's packages for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium'." >&2; exit 1; \
	fi

test: install chromium ## Run the whole test suite (browser tests included), in parallel
	$(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal

test-db: install ## Run only the database tests (constraints and concurrency)
	$(BIN)/pytest tests/db

lint: install ## ruff (lint and format check), the import layers (lint-imports), Django's system checks, missing migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run

audit: install ## Known vulnerabilities in the Python and npm packages (pip-audit, npm audit --omit=dev); fails on any
	$(BIN)/python bin/audit

format: install ## Fix what ruff can fix and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install ## Throughput of the ECTs list against a bare GOV.UK page, served by gunicorn
	$(BIN)/python -m tests.bench.run

bench-gias: install ## Import a generated 50,000-row GIAS extract twice: seconds and peak memory
	$(BIN)/python -m tests.bench.gias

clean: ## Remove the virtualenv, npm packages, built assets and local database
	rm -rf $(VENV) node_modules static/build staticfiles .local
