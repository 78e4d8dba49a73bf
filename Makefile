# Liaison — every target mirrors a command of README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Local development runs in debug mode with a throw-away key; production sets its own.
DEV := DJANGO_DEBUG=1
TEST := DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-tests-only-not-secret}

.PHONY: install migrate seed run test lint format superuser clean

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

test: install
	$(TEST) $(BIN)/python -m pytest $(PYTEST_ARGS)

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
