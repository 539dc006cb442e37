# The two commands a newcomer needs:  make demo   and   make test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,notebooks]"
	touch $(STAMP)

install: $(STAMP)

## set up, build the graph from the bundled article, write out/parkkg.ttl and the HTML views
demo: $(STAMP)
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
