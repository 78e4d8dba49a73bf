# Liaison — every target mirrors a command of README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Local development runs in debug mode with a throw-away key; production sets its own.
DEV := DJANGO_DEBUG=1
TEST := DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-tests-only-not-secret}

.PHONY: install browser migrate seed run test lint format superuser clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

migrate: install
	$(DEV) $(BIN)/python manage.py migrate --noinput

seed: migrate
	$(DEV) $(BIN)/python manage.py load_seed

run: seed
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

# Production: settings come from the environment (README.md, "Production").
.PHONY: serve backup restore soak
serve: install
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/gunicorn -c config/gunicorn.conf.py

BACKUP ?= backups/liaison-$(shell date +%Y%m%d-%H%M%S).json.gz
backup: install
	$(BIN)/python manage.py backup $(BACKUP)

restore: install
	@test -n "$(FROM)" || { echo "Say which file: make restore FROM=backups/….json.gz" >&2; exit 2; }
	$(BIN)/python manage.py restore $(FROM) $(RESTORE_ARGS)

# Load and fault test on a throw-away PostgreSQL cluster (bench/soak/README.md).
soak: install
	$(BIN)/python -m bench.soak $(SOAK_ARGS)

# Benchmarks, not tests. Search: 100,000 synthetic documents on a throw-away PostgreSQL
# database, p50/p95/p99 of 200 queries (README.md, "Search"; BENCH_SEARCH_ARGS to change).
.PHONY: bench
bench: install
	$(BIN)/python -m bench.search $(BENCH_SEARCH_ARGS)

test: install browser
	$(TEST) $(BIN)/python -m pytest $(PYTEST_ARGS)

# The browser tests drive Debian's Chromium; no test tool downloads a browser of its own.
browser:
	@command -v chromium >/dev/null 2>&1 || test -x "$${LIAISON_CHROMIUM:-/nonexistent}" || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null \
	    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }; \
	  else \
	    echo "The browser tests need Chromium: install the Debian package 'chromium' (sudo apt-get install chromium) or set LIAISON_CHROMIUM." >&2; \
	    exit 1; \
	  fi; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

superuser: migrate
	$(DEV) $(BIN)/python manage.py createsuperuser

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache .hypothesis
