# Integrationsportal Plochingen: `make run` sets up and serves, `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test install migrate seed lint format messages check-deploy clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo --credentials-json demo-credentials.json

run: seed
	@echo ""
	@echo "The portal runs at http://127.0.0.1:8000/  (CMS: http://127.0.0.1:8000/cms/)"
	$(PY) manage.py runserver 127.0.0.1:8000

test: install
	$(PY) -m pytest

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

messages: install
	$(PY) manage.py makemessages --all --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=locale_overrides --add-location=file
	$(PY) manage.py compilemessages --ignore=.venv

check-deploy: install
	DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=$$($(PY) -c "import secrets;print(secrets.token_urlsafe(50))") \
	ALLOWED_HOSTS=integration.plochingen.example DATABASE_URL=sqlite:///db.sqlite3 REDIS_URL=redis://127.0.0.1:6379/0 \
	FIELD_ENCRYPTION_SALT=$$($(PY) -c "import secrets;print(secrets.token_urlsafe(32))") \
	$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles .pytest-media .pytest_cache .ruff_cache
