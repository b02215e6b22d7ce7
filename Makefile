# Two commands on a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= curator.db

.PHONY: demo test bench bench-peers clean

# One environment for both targets: the package (editable) and its test extra.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/curator --db $(DB) review seeds/

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# The peer figures (quantulum3, dateparser, spaCy's small English model) in an environment of their own.
BENCH_VENV := .venv-bench
$(BENCH_VENV)/.installed-stamp: pyproject.toml
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet -e ".[bench]"
	touch $@

bench-peers: $(BENCH_VENV)/.installed-stamp
	$(BENCH_VENV)/bin/python benchmarks/run.py --only peers

clean:
	rm -rf $(VENV) $(BENCH_VENV) .pytest_cache
