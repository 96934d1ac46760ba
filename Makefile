# Eén Plan — the two commands a newcomer needs are `make run` and `make test`.
#
# Without DATABASE_URL both start a project-local PostgreSQL cluster in .pgdata/
# (see sociaaldomein/devdb.py); with DATABASE_URL they use that server.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# Arguments for pytest, e.g. `make test PYTEST_ARGS="-m 'not browser' -x"`.
PYTEST_ARGS ?=
# Arguments for the benchmark, e.g. `make bench BENCH_ARGS="--smoke"` or "--fresh".
BENCH_ARGS ?=

# Django 6.1 needs Python 3.12 or newer. The default python3 may be older (3.11 on
# these machines) and pyenv shims refuse to run a version pyenv has not selected, so
# try candidates and keep the first that really runs and is new enough.
define FIND_PYTHON
for c in "$${PYTHON:-}" python3.14 python3.13 python3.12 python3 \
	$$(ls -d "$$(pyenv root 2>/dev/null || echo $${PYENV_ROOT:-$$HOME/.pyenv})"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV) \
	/usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9]; do \
  [ -n "$$c" ] || continue; \
  if "$$c" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
    command -v "$$c" 2>/dev/null || echo "$$c"; exit 0; \
  fi; \
done; \
echo "Geen Python 3.12 of nieuwer gevonden; zet PYTHON=/pad/naar/python3.12" >&2; exit 1
endef

# Resolve DATABASE_URL inside a recipe: the given one, or the local cluster (started).
DB_ENV = export DATABASE_URL="$${DATABASE_URL:-$$($(PY) -m sociaaldomein.devdb start)}"

.PHONY: help
help:  ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	@if [ ! -x $(PY) ]; then \
	  python=$$($(FIND_PYTHON)); \
	  echo "==> virtualenv met $$python ($$($$python --version))"; \
	  $$python -m venv $(VENV); \
	fi
	@echo "==> afhankelijkheden installeren (vastgepind in requirements.lock)"
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dev]"
	@touch $(STAMP)

.PHONY: venv
venv: $(STAMP)  ## Create the virtualenv and install the pinned dependencies

.PHONY: db
db: $(STAMP)  ## Start the local PostgreSQL cluster (not needed with DATABASE_URL)
	@if [ -z "$${DATABASE_URL:-}" ]; then echo "==> lokale PostgreSQL: $$($(PY) -m sociaaldomein.devdb start)"; fi

.PHONY: db-stop
db-stop:  ## Stop the local PostgreSQL cluster
	@$(PY) -m sociaaldomein.devdb stop

.PHONY: run
run: db  ## Install, migrate, load demo data and serve the product as it is (DEBUG off) at http://127.0.0.1:8000
	@$(DB_ENV); export DEBUG="$${DEBUG:-false}" HTTPS="$${HTTPS:-false}"; \
	export SECRET_KEY="$${SECRET_KEY:-lokaal-make-run-$$(hostname)-niet-voor-productie}"; \
	export TWEEDE_FACTOR_VERPLICHT="$${TWEEDE_FACTOR_VERPLICHT:-false}"; \
	$(PY) manage.py migrate --noinput; \
	$(PY) manage.py collectstatic --noinput --verbosity 0; \
	$(PY) manage.py seed_demo --force; \
	app_url="$$($(PY) manage.py app_rol eenplan_app --url)" && export DATABASE_URL="$$app_url"; \
	$(PY) manage.py check; \
	echo; echo "==> Eén Plan draait op http://$(HOST):$(PORT)/  (stoppen: Ctrl+C)"; \
	echo "    demo-accounts (wachtwoord: demo): professional.noord, teamleider.noord,"; \
	echo "    professional.zuid, teamleider.zuid, auditor, beheerder, archivaris,"; \
	echo "    inwoner.demo (Mijn plan), aanbieder.demo (verwijzingen)"; echo; \
	$(PY) manage.py db_worker --interval 1 >>$(VENV)/worker.log 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null || true' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

.PHONY: test
test: db  ## Run the whole suite (unit, view and browser tests) on PostgreSQL
	@$(DB_ENV); $(PY) -m pytest $(PYTEST_ARGS)

.PHONY: chaos
chaos: db  ## Restart PostgreSQL under load: fast friendly 503s, then recovery without restarting the app
	@if [ -n "$${DATABASE_URL:-}" ]; then echo "make chaos draait alleen op de lokale cluster"; exit 2; fi
	@$(PY) tests/bench/chaos.py

.PHONY: backup
backup: db  ## pg_dump the database to backups/eenplan-<time>.dump
	@$(DB_ENV); $(PY) manage.py backup

.PHONY: restore
restore: db  ## Restore FILE=backups/….dump into an EMPTY database (TARGET_DATABASE_URL or the configured one)
	@test -n "$(FILE)" || { echo "gebruik: make restore FILE=backups/eenplan-….dump [TARGET_DATABASE_URL=…]"; exit 2; }
	@$(DB_ENV); $(PY) manage.py restore "$(FILE)" $(if $(TARGET_DATABASE_URL),--database-url "$(TARGET_DATABASE_URL)")

.PHONY: bench
bench: db  ## Benchmarks: screens at 1 000 and 100 000 households, load under gunicorn, PDF dossier
	@$(PY) -m tests.bench.vereisten
	@$(DB_ENV); $(PY) -m tests.bench.bench_schermen $(BENCH_ARGS); \
	$(PY) -m tests.bench.belasting $(filter --smoke,$(BENCH_ARGS)); \
	$(PY) -m tests.bench.bench_dossier $(BENCH_ARGS); \
	$(PY) -m tests.bench.bench_vroegsignalering $(BENCH_ARGS); \
	$(PY) -m tests.bench.bench_wijkbeeld $(BENCH_ARGS); \
	$(PY) -m tests.bench.bench_socialekaart; \
	$(PY) -m tests.bench.samenvatting $(filter --smoke,$(BENCH_ARGS))

.PHONY: lint
lint: $(STAMP)  ## ruff check and format check, and the layer contract (import-linter)
	@$(PY) -m ruff check .
	@$(PY) -m ruff format --check .
	@$(VENV)/bin/lint-imports --no-cache

.PHONY: format
format: $(STAMP)  ## Format the code with ruff
	@$(PY) -m ruff check --fix .
	@$(PY) -m ruff format .

.PHONY: lock
lock:  ## Re-resolve requirements.lock from pyproject.toml in a scratch virtualenv
	@python=$$($(FIND_PYTHON)); rm -rf .venv-lock; $$python -m venv .venv-lock; \
	.venv-lock/bin/pip install --quiet --disable-pip-version-check -e ".[dev]"; \
	{ echo "# Generated by 'make lock' from pyproject.toml; do not edit by hand."; \
	  .venv-lock/bin/pip freeze --exclude-editable | LC_ALL=C sort; } > requirements.lock; \
	rm -rf .venv-lock; echo "requirements.lock bijgewerkt"

.PHONY: clean
clean:  ## Remove the virtualenv and stop and delete the local database
	@if [ -x $(PY) ]; then $(PY) -m sociaaldomein.devdb destroy; fi
	rm -rf $(VENV) staticfiles

.PHONY: bench-vroegsignalering
bench-vroegsignalering: db  ## Benchmark of vroegsignalering: import 10 000 rows, queue at 1 000 and 100 000 signals
	@$(DB_ENV); $(PY) -m tests.bench.bench_vroegsignalering $(BENCH_ARGS)
.PHONY: toegangslog-anker
toegangslog-anker: db  ## Write the access log's anchor outside the database (run daily)
	@$(DB_ENV); $(PY) manage.py toegangslog_anker

.PHONY: vernietigen
vernietigen: db  ## Carry out the destruction lists whose wait has passed (run daily)
	@$(DB_ENV); $(PY) manage.py vernietigingslijsten_uitvoeren
.PHONY: dev
dev:  ## As `make run`, with DEBUG on: Django's debug pages and static files from the source
	@DEBUG=true $(MAKE) --no-print-directory run
