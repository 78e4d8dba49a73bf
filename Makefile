# Liaison — every target mirrors a command of README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Local development runs in debug mode with a throw-away key; production sets its own.
DEV := DJANGO_DEBUG=1
TEST := DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-tests-only-not-secret}

.PHONY: install browser migrate seed run test test-unit test-browser lint format superuser clean

install: $(VENV)/.installed

# requirements*.txt lock the whole tree (every package pinned, with its hashes), so a fresh
# install gets exactly what CI tested; `make lock` writes them from requirements*.in.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

PIP_COMPILE := $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links
.PHONY: lock
lock: install
	$(PIP_COMPILE) --output-file requirements.txt requirements.in
	$(PIP_COMPILE) --output-file requirements-dev.txt requirements-dev.in

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

# Load and fault test on a throw-away PostgreSQL cluster (README.md, "Soak test").
soak: install
	$(BIN)/python -m bench.soak $(SOAK_ARGS)

# The production topology on loopback (README.md, "Cluster"; docs/deploy.md): a PostgreSQL
# primary and its streaming replica, two gunicorn instances, HAProxy (deploy/haproxy.cfg) in
# front. `make cluster` runs it in the foreground for CLUSTER_MINUTES (default 30) or until
# Ctrl-C; `make cluster-stop` tears down any left running; `make cluster-test` runs the faults.
.PHONY: cluster cluster-stop cluster-test haproxy
cluster: install haproxy
	$(BIN)/python -m bench.cluster start $(CLUSTER_ARGS)

cluster-stop: install
	$(BIN)/python -m bench.cluster stop

cluster-test: install haproxy
	$(BIN)/python -m bench.cluster test $(CLUSTER_TEST_ARGS)

# The cluster's load balancer is Debian's HAProxy (kept in /usr/sbin, off a user's PATH).
haproxy:
	@scripts/debian-package haproxy "the local cluster" haproxy /usr/sbin/haproxy

# Benchmarks, not tests (README.md, "Benchmarks"): the pages and the API against a bare
# Django baseline on SQLite and PostgreSQL at several data scales (BENCH_ARGS), then the
# mixed load — Zipf reads over every public page while a curator writes — at 10× and 100×
# (BENCH_MIXED_ARGS), then search over 100,000 documents on a throw-away PostgreSQL database
# (BENCH_SEARCH_ARGS), then the local cluster with 1 and 2 instances, reads on the replica or
# the primary (BENCH_CLUSTER_ARGS). One after the other, never side by side: each measures
# the whole machine.
.PHONY: bench bench-pages bench-mixed bench-search bench-import bench-cluster wrk
bench: bench-pages
	$(MAKE) --no-print-directory bench-mixed
	$(MAKE) --no-print-directory bench-search
	$(MAKE) --no-print-directory bench-cluster

bench-pages: install wrk
	$(BIN)/python -m bench.pages $(BENCH_ARGS)

bench-mixed: install wrk
	$(BIN)/python -m bench.mixed $(BENCH_MIXED_ARGS)

bench-search: install
	$(BIN)/python -m bench.search $(BENCH_SEARCH_ARGS)

# Imports of 1 MB and 4 MB on a fresh SQLite database, and a 4.9 MB upload through the admin
# (BENCH_IMPORT_ARGS): about 3 minutes, so not part of `make bench`.
bench-import: install
	$(BIN)/python -m bench.imports $(BENCH_IMPORT_ARGS)

bench-cluster: install wrk haproxy
	$(BIN)/python -m bench.cluster bench $(BENCH_CLUSTER_ARGS)

# The page benchmark's load client is Debian's wrk.
wrk:
	@scripts/debian-package wrk "the page benchmark" wrk

# The whole suite; `make test-unit` leaves out the browser tests (tests/e2e/) and needs no
# Chromium, `make test-browser` runs only them.
test: install browser lighthouse haproxy
	$(TEST) $(BIN)/python -m pytest $(PYTEST_ARGS)

test-unit: install haproxy
	$(TEST) $(BIN)/python -m pytest --ignore=tests/e2e $(PYTEST_ARGS)

test-browser: install browser lighthouse
	$(TEST) $(BIN)/python -m pytest tests/e2e $(PYTEST_ARGS)

# The browser tests drive Debian's Chromium; no test tool downloads a browser of its own.
browser:
	@scripts/debian-package chromium "the browser tests" chromium "$${LIAISON_CHROMIUM:-/nonexistent}"

# Lighthouse for tests/e2e/test_lighthouse.py, pinned with its whole tree (package-lock.json,
# integrity hashes); it drives Debian's Chromium (CHROME_PATH) and downloads no browser.
LIGHTHOUSE_DIR := tools/lighthouse
.PHONY: lighthouse
lighthouse: $(LIGHTHOUSE_DIR)/node_modules/.installed

$(LIGHTHOUSE_DIR)/node_modules/.installed: $(LIGHTHOUSE_DIR)/package-lock.json
	cd $(LIGHTHOUSE_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

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
	rm -rf $(VENV) $(LIGHTHOUSE_DIR)/node_modules db.sqlite3 staticfiles .pytest_cache .ruff_cache .hypothesis
