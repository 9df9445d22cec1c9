# Set-up is two commands: `make demo` and `make test`; each creates .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip

.PHONY: demo test bench lint clean

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

bench: $(VENV)/.bench
	$(PY) benchmarks/run_all.py

lint: $(VENV)/.dev
	$(PY) -m ruff check symgrad codegen tests benchmarks examples

clean:
	rm -rf $(VENV) build *.egg-info
