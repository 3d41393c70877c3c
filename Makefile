# Two commands: `make build` (graph of the bundled sample into output/) and `make test`
# (`make test-fast`: the quick part of it).
# Each creates .venv and installs what it needs when that is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test test-fast lint bench eval clean browser fuzz

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# bytecode for kg, as pip writes it for a regular install: an editable install has none, and
	# with PYTHONDONTWRITEBYTECODE set every kg process would compile kg's modules again
	$(BIN)/python -m compileall -q kg >/dev/null
	# the same for the compiled jieba route (numba's cache beside kg/nlp/route_kernel.py)
	$(BIN)/python -m kg.nlp.routes
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/kg build --out output

# Debian's Chromium and a CJK font for the browser tests (needs root; skipped otherwise).
browser:
	@if ! test -x /usr/bin/chromium || ! fc-list 2>/dev/null | grep -qi wqy; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null; \
	  else echo "browser: not root, cannot install chromium; browser tests will fail"; fi; \
	fi

test: $(STAMP) browser
	$(BIN)/ruff check kg tests bench
	$(BIN)/python -m pytest

# Under a minute: no browser, no corpus, no kg build processes, no Dask (markers: pyproject.toml).
test-fast: $(STAMP)
	$(BIN)/ruff check kg tests bench
	$(BIN)/python -m pytest -q -m "not slow and not browser"

# The reader fuzz tests with many more examples and fresh randomness (make test runs them
# derandomized, with few examples). FUZZ_EXAMPLES=N sets the examples per test.
FUZZ_EXAMPLES ?= 20000
fuzz: $(STAMP)
	KG_FUZZ=1 KG_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/ingest/test_fuzz_readers.py -q -p no:cacheprovider

eval: $(STAMP)
	$(BIN)/kg eval

bench: $(STAMP)
	$(BIN)/python bench/bench_build.py

clean:
	rm -rf output/* .kg-cache
