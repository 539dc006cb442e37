# The two commands a newcomer needs:  make demo   and   make test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install clean bench lock

# requirements.lock pins every package at the version the tests last passed with
# (regenerate: make lock); pyproject.toml declares what the code imports.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test,notebooks]"
	touch $(STAMP)

install: $(STAMP)

## set up, build the graph from the bundled article, write out/parkkg.ttl and the HTML views
demo: $(STAMP)
	scripts/ensure-system-deps.sh --demo
	$(BIN)/parkkg build -o out

## run the whole test suite (installs Chromium and a CJK font first if they are missing)
test: $(STAMP)
	scripts/ensure-system-deps.sh
	$(BIN)/python -m pytest -q

## run the benchmarks and write docs/benchmarks.md (about an hour on 2 cores; smaller: make bench BENCH_ARGS=--quick,
## other sizes: python bench/run.py --help)
bench: $(STAMP)
	scripts/ensure-system-deps.sh
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf out .pytest_cache

## pin the versions in the venv (after the tests pass) into requirements.lock
lock: $(STAMP)
	$(BIN)/python -m pip freeze --all --exclude-editable --exclude parkkg --exclude pip | grep -v '^-e ' > requirements.lock
