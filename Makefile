# Set-up is two commands: `make demo` and `make test`; each creates .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip

.PHONY: demo test fuzz bench lint clean

$(VENV)/.base:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	touch $@

$(VENV)/.demo: $(VENV)/.base pyproject.toml
	$(PIP) install -q -e '.[examples]'
	touch $@

$(VENV)/.dev: $(VENV)/.base pyproject.toml
	$(PIP) install -q -e '.[dev,examples]'
	touch $@

$(VENV)/.bench: $(VENV)/.dev
	$(PIP) install -q -e '.[bench]'
	touch $@

demo: $(VENV)/.demo
	$(PY) examples/demo.py

test: $(VENV)/.dev
	$(PY) -m pytest symgrad tests

# the long differential fuzzing profile (docs/reliability.md records its last result):
# 850 batches of 12 random expressions (10,200) and 300 random networks, both backends
FUZZ_BATCHES ?= 850
FUZZ_NETWORKS ?= 300
fuzz: $(VENV)/.dev
	rm -f fuzz-report.jsonl
	SYMGRAD_FUZZ_EXAMPLES=$(FUZZ_BATCHES) SYMGRAD_NET_FUZZ_EXAMPLES=$(FUZZ_NETWORKS) \
	SYMGRAD_FUZZ_REPORT=fuzz-report.jsonl \
	$(PY) -m pytest -p no:cacheprovider tests/test_fuzz_scalar.py tests/test_fuzz_networks.py
	cat fuzz-report.jsonl

bench: $(VENV)/.bench
	$(PY) benchmarks/run_all.py

lint: $(VENV)/.dev
	$(PY) -m ruff check symgrad codegen tests benchmarks examples

clean:
	rm -rf $(VENV) build *.egg-info
