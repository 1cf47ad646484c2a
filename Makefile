# Dais: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q

.PHONY: run test lint format demo migrate bench bench-quick clean-var help

help:
	@echo "make run    set up .venv, migrate, load the demo, start web + worker + beat on http://127.0.0.1:8000"
	@echo "make test   set up .venv with the test extras and run the whole test suite"
	@echo "make lint   ruff check and ruff format --check"

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: requirements.txt | $(PY)
	@echo "Installing runtime requirements into $(VENV) ..."
	$(PIP) install -r requirements.txt
	@touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	@echo "Installing runtime and test requirements into $(VENV) ..."
	$(PIP) install -r requirements-dev.txt
	@touch $@ $(VENV)/.run-installed

migrate: $(VENV)/.run-installed
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

# Web server, Celery worker and beat (and the demo feed server) in one
# terminal; one Ctrl-C stops them all.
run: demo
	@echo "Dais is starting on http://127.0.0.1:8000 (admin: editor / dais-editor). Ctrl-C stops everything."
	PATH="$(abspath $(VENV))/bin:$$PATH" $(VENV)/bin/honcho start -f Procfile

# The whole suite. On PostgreSQL when DATABASE_URL is set, on SQLite otherwise.
test: $(VENV)/.dev-installed
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Benchmarks (docs/benchmarks.md): PostgreSQL only; DATABASE_URL names the
# server and the base name of the benchmark databases (default dais_bench).
BENCH_DB ?= postgres://postgres@127.0.0.1:5432/dais_bench
bench: $(VENV)/.run-installed
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DB)} $(PY) -m bench.r1_api
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DB)} $(PY) -m bench.r2_pages
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DB)} $(PY) -m bench.r3_growth
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DB)} $(PY) -m bench.r5_load
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DB)}_r4 $(PY) -m bench.r4_ingest --broker $${BENCH_BROKER:-redis://127.0.0.1:6379/5}
	@echo "Results in bench/RESULTS.md"

bench-quick: $(VENV)/.run-installed
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DB)} $(PY) -m bench.r1_api --quick
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DB)} $(PY) -m bench.r2_pages --quick
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DB)} $(PY) -m bench.r3_growth --quick
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DB)} $(PY) -m bench.r5_load --quick
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DB)}_r4 $(PY) -m bench.r4_ingest --quick --no-write --broker $${BENCH_BROKER:-redis://127.0.0.1:6379/5}

clean-var:
	rm -rf var/
