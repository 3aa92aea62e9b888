# The whole dev workflow. `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TOWN_DATA := jionlp==1.5.31
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install browser run test lint format bench screens clean

install: $(STAMP)

$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -e '.[dev]'
	# Town names only (ingest/towns.py reads its data file): jionlp's own dependencies
	# (an 85 MB segmenter among them) are never imported, so they are not installed.
	$(BIN)/pip install --quiet --no-deps "$(TOWN_DATA)"
	touch $(STAMP)

# Debian's chromium and a CJK font for the browser tests; never a downloaded browser.
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi wenquanyi; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; \
	fi

run: install
	$(BIN)/policykg serve

test: install browser
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Quality and latency against the baselines, the cost curve, the 60-second load test,
# and the graph on an Oxigraph server next to the embedded one.
bench: install
	$(BIN)/python -m benchmarks.run
	$(BIN)/python -m benchmarks.cost
	$(BIN)/python -m benchmarks.load --clients 16 --seconds 60 --report docs/load-test.md
	$(BIN)/python -m benchmarks.server
	$(BIN)/python -m benchmarks.owneval

# The app's screenshots, taken by the browser tests, kept in docs/ for review.
screens: test
	mkdir -p docs/screens && cp test-artifacts/screens/*.png docs/screens/

clean:
	rm -rf $(VENV) build *.egg-info test-artifacts
