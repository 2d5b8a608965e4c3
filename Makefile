# Integrationsportal Plochingen: `make run` sets up and serves, `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Test tools from npm (the W3C Nu HTML Checker, run with Java 17), pinned in package-lock.json.
NODE_STAMP := node_modules/.installed

.PHONY: run test test-fast bench audit install migrate seed lint format messages check-deploy clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# Again only when node_modules is missing or the lock changed. Install scripts are skipped: vnu-jar's would
# download a JDK; the system's Java 17 runs the checker. Without npm the HTML validity test is skipped.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --ignore-scripts && touch $(NODE_STAMP); \
	else echo "npm not found: the HTML validity test will be skipped (apt-get install npm openjdk-17-jre-headless)"; fi

install: $(STAMP) $(NODE_STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo --credentials-json demo-credentials.json

# The mail worker runs beside the server and stops with it; mails are printed on its console.
run: seed
	@echo ""
	@echo "The portal runs at http://127.0.0.1:8000/  (CMS: http://127.0.0.1:8000/cms/)"
	$(PY) manage.py db_worker --backend mails & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

# Every test, on every core (pytest-xdist; one test database per worker).
test: install
	$(PY) -m pytest -n auto

# While working: without the browser and volume tests.
test-fast: install
	$(PY) -m pytest -n auto -m "not slow and not browser"

# Load test under production settings on PostgreSQL and SQLite; writes bench/RESULTS.md (needs wrk and nginx).
bench: install
	$(PY) bench/run.py

# Known vulnerabilities in every installed package (pip-audit; needs PyPI's vulnerability data).
audit: install
	$(PY) .ci/audit_dependencies.py

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

messages: install
	$(PY) manage.py makemessages --all --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=locale_overrides --add-location=file
	# English is the source language: its catalog repeats every message (needs gettext's msgen); a guessed
	# (fuzzy) English entry is emptied first, so msgen writes the new source text.
	msgattrib --clear-fuzzy --empty locale/en/LC_MESSAGES/django.po | msgen - -o locale/en/LC_MESSAGES/django.po
	$(PY) manage.py compilemessages --ignore=.venv

check-deploy: install
	DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=$$($(PY) -c "import secrets;print(secrets.token_urlsafe(50))") \
	ALLOWED_HOSTS=integration.plochingen.example DATABASE_URL=sqlite:///db.sqlite3 REDIS_URL=redis://127.0.0.1:6379/0 \
	FIELD_ENCRYPTION_SALT=$$($(PY) -c "import secrets;print(secrets.token_urlsafe(32))") \
	$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest-media .pytest_cache .ruff_cache .import_linter_cache
