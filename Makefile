# The two set-up commands: `make run` starts the app, `make test` runs every test.
PYTHON ?= python3
PORT ?= 8501

.PHONY: install run test lint bench

install:
	$(PYTHON) -m pip install --quiet -r requirements.txt

run: install
	$(PYTHON) -m streamlit run app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: install
	@test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund
	$(PYTHON) -m ruff check .
	$(PYTHON) -m pytest -q

lint:
	$(PYTHON) -m ruff check .

bench: install
	$(PYTHON) bench/run_all.py

# Nightly-size fuzzing (tests/fuzz): POLKU_FUZZ_EXAMPLES cases per reader (CI runs 500).
FUZZ_EXAMPLES ?= 5000
.PHONY: fuzz
fuzz: install
	POLKU_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PYTHON) -m pytest tests/fuzz -q -p no:cacheprovider --hypothesis-show-statistics
