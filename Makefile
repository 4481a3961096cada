# infocoach: every set-up step a fresh machine needs lives here.
# `make chat` and `make test` are the two commands a new user runs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Rasa phones home by default; this product never does.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

PORT ?= 5005
# PROFILE=scale: conversations in PostgreSQL, locks in Redis (README, "Running for many users").
PROFILE ?= default
ENDPOINTS := $(if $(filter scale,$(PROFILE)),endpoints.scale.yml,endpoints.yml)
ACTIONS_PORT ?= 5055
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Rasa 3.6 runs on Python 3.8-3.10 only: take python3.10 from PATH if it really
# runs, else the newest pyenv 3.10.
PYTHON310 := $(shell for p in python3.10 $(sort $(wildcard $(HOME)/.pyenv/versions/3.10.*/bin/python)); do \
	"$$p" -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1 && found="$$p"; done; echo "$$found")

.PHONY: help venv lock web train chat serve test test-fast lint validate bench browser-deps service-deps clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

# Python dependencies come from requirements.lock: exact versions with their
# hashes (pip-compile --generate-hashes, see `make lock`), so every machine
# installs the same files; then infocoach itself, without resolving again.
$(STAMP): pyproject.toml requirements.lock
	@if [ -z "$(PYTHON310)" ]; then \
	  echo "infocoach needs Python 3.10 (Rasa 3.6 supports 3.8-3.10 only)."; \
	  echo "Install it, e.g. 'pyenv install 3.10' or your system's python3.10 package, then run make again."; \
	  exit 1; fi
	@echo "==> creating $(VENV) with $(PYTHON310)"
	@test -x $(PY) || $(PYTHON310) -m venv $(VENV)
	@echo "==> installing infocoach and its dependencies (first time: a few minutes; log in $(VENV)/install.log)"
	@{ $(PY) -m pip install --upgrade pip \
	  && $(PY) -m pip install --progress-bar off --require-hashes -r requirements.lock \
	  && $(PY) -m pip install --progress-bar off --no-deps -e .; } \
	  > $(VENV)/install.log 2>&1 || { tail -n 30 $(VENV)/install.log; echo "install failed: see $(VENV)/install.log"; exit 1; }
	@touch $@

venv: $(STAMP) ## Create .venv and install everything

# Recompile the lock after changing dependencies in pyproject.toml (needs
# pip-tools: `pip install pip-tools` in any Python 3.10 environment).
lock: ## Recompile requirements.lock (with hashes) from pyproject.toml
	@command -v pip-compile >/dev/null 2>&1 || { echo "make lock needs pip-compile: pip install pip-tools"; exit 1; }
	pip-compile --generate-hashes --allow-unsafe --extra dev --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

# The web widget's npm packages, pinned by package-lock.json: socket.io-client,
# copied next to the widget so the Rasa server serves it (never a CDN at run
# time), and axe-core, which the browser tests inject to audit the chat page.
WEB := infocoach/web
NPM_STAMP := $(WEB)/node_modules/.installed
SOCKET_CLIENT := $(WEB)/static/vendor/socket.io.min.js
$(NPM_STAMP): $(WEB)/package.json $(WEB)/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "the web widget needs npm (Node.js 18+) to install socket.io-client and axe-core."; \
	  echo "Install Node.js and npm (e.g. 'apt-get install nodejs npm'), then run make again."; \
	  exit 1; }
	@echo "==> installing the web widget's npm packages (npm ci in $(WEB))"
	@cd $(WEB) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(SOCKET_CLIENT): $(NPM_STAMP)
	@mkdir -p $(@D) && cp $(WEB)/node_modules/socket.io-client/dist/socket.io.min.js $@

web: $(SOCKET_CLIENT) ## Install the web widget's npm packages (socket.io client; axe-core for the tests)

train: $(STAMP) ## Train the model (skipped when data and config are unchanged)
	@$(PY) -m infocoach.cli train

chat: train ## Chat with the coach in the terminal
	@$(PY) -m infocoach.cli chat --port $(PORT) --actions-port $(ACTIONS_PORT)

serve: train web ## Run the servers (REST, web widget; CORS="origin ..." lets other sites embed it; PROFILE=scale)
	@$(PY) -m infocoach.cli serve --port $(PORT) --actions-port $(ACTIONS_PORT) --endpoints $(ENDPOINTS) $(foreach origin,$(CORS),--cors $(origin))

lint: $(STAMP) ## ruff
	@$(PY) -m ruff check .

validate: $(STAMP) ## rasa data validate
	@$(PY) -m infocoach.server.quiet_rasa data validate --fail-on-warnings --quiet

browser-deps: ## Install Debian's chromium for the browser tests when missing
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "==> installing chromium (Debian package) for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }

# PostgreSQL and Redis for the scale-profile tests (tests/scale start their own
# throw-away instances on free ports; nothing is configured system-wide).
service-deps: ## Install Debian's postgresql and redis-server for the scale tests when missing
	@{ ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v redis-server >/dev/null 2>&1; } || { \
	  echo "==> installing postgresql and redis-server (Debian packages) for the scale tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server >/dev/null; }

test: lint validate train web browser-deps service-deps ## The whole suite
	@$(PY) -m pytest

# The edit-test loop: no server, browser, training or Rasa model (about 30 s).
FAST_TESTS := tests/unit tests/actions tests/replay tests/browser/test_socket_channel_units.py
test-fast: $(STAMP) ## Unit, action and replay-format tests only (no servers, browser or training)
	@$(PY) -m pytest $(FAST_TESTS) -m "not e2e and not browser and not slow" -q

bench: train ## Benchmarks: infocoach next to a plain Rasa bot (training, start, memory, 1/10/50 users), the signal spotter, NLU accuracy
	@$(PY) -m infocoach.cli bench compare
	@$(PY) -m infocoach.cli bench nlu

clean: ## Remove the venv, models and results
	rm -rf $(VENV) models/*.tar.gz models/signals results/* var/
