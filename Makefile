# The two set-up commands: `make run` starts the app, `make test` runs every test.
# Both work on a fresh Debian 12/13 or Ubuntu 24.04 with the system's python3, and with pyenv:
#   1. scripts/setup-system.sh installs the missing system packages of scripts/system-packages.txt
#      (as root or through password-less sudo; otherwise it prints the one apt-get line and stops);
#   2. the project's own virtual environment .venv gets the pinned requirements (pip never touches
#      the system Python, so PEP 668's externally-managed-environment error cannot happen);
#   3. `make test` also installs the pinned npm packages (axe-core, mermaid, bpmn-js, pdfjs-dist) with `npm ci`;
#   4. where the distribution has no chromium package (Ubuntu 24.04: a snap only), Playwright's own
#      Chromium with the libraries it needs (`playwright install --with-deps chromium`).
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8501
VENV_PYTHON := $(VENV)/bin/python
STAMP := $(VENV)/.polku-requirements

.PHONY: setup setup-run system system-run venv browser run test lint bench

# A venv whose pip is missing (python3-venv was absent when it was made) is made again.
$(VENV_PYTHON):
	@rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); echo "python3 -m venv failed: run scripts/setup-system.sh (python3-venv)" >&2; exit 1; }

$(STAMP): requirements.txt | $(VENV_PYTHON)
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

venv: $(STAMP)

system:
	@bash scripts/setup-system.sh test

system-run:
	@bash scripts/setup-system.sh run

node_modules/axe-core/axe.min.js: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# The browser tests' Chromium: the system's (tests/support/browser.py), else Playwright's own build.
PLAYWRIGHT_CHROMIUM := $(VENV)/.polku-playwright-chromium
browser:
	@if [ -x /usr/bin/chromium ] || command -v chromium >/dev/null || [ -n "$$POLKU_CHROMIUM" ]; then :; \
	else $(MAKE) --no-print-directory $(PLAYWRIGHT_CHROMIUM); fi

$(PLAYWRIGHT_CHROMIUM): $(STAMP)
	$(VENV_PYTHON) -m playwright install --with-deps chromium
	@touch $@

# Everything `make test` needs; `.ci/run` calls this too.
setup: system
	@$(MAKE) --no-print-directory venv node_modules/axe-core/axe.min.js browser

setup-run: system-run
	@$(MAKE) --no-print-directory venv

run: setup-run
	$(VENV_PYTHON) -m streamlit run app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: setup
	$(VENV_PYTHON) -m ruff check .
	$(VENV_PYTHON) -m pytest -q

lint: venv
	$(VENV_PYTHON) -m ruff check .

bench: setup
	$(VENV_PYTHON) bench/run_all.py

# Nightly-size fuzzing (tests/fuzz): ten times the cases CI runs, each still bounded in time.
.PHONY: fuzz
fuzz: setup
	POLKU_FUZZ_SCALE=10 $(VENV_PYTHON) -m pytest tests/fuzz -q -p no:cacheprovider --hypothesis-show-statistics
