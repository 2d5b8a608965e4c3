"""The database settings every settings module builds with `database_from_url`: SQLite queues its
writes (no "database is locked", never overbooked), PostgreSQL checks a kept connection first."""

import importlib
import sys

import pytest
from django.db import connection
from django.test import Client

from ehrenamt.models import Einsatz
from portal.settings.base import database_from_url
from tests.conftest import login, post_at_once
from tests.factories import SchichtFactory, volunteer

SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}


def production_settings(monkeypatch, database_url):
    """portal.settings.production as a server imports it, with the environment it needs."""
    for name, value in {
        "SECRET_KEY": "production-test-key",
        "FIELD_ENCRYPTION_SALT": "production-test-salt",
        "ALLOWED_HOSTS": "integration.example",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "DATABASE_URL": database_url,
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delitem(sys.modules, "portal.settings.production", raising=False)
    module = importlib.import_module("portal.settings.production")
    monkeypatch.delitem(sys.modules, "portal.settings.production")
    return module


def test_sqlite_gets_immediate_transactions_a_timeout_and_wal():
    database = database_from_url("sqlite:////srv/portal/db.sqlite3")
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["OPTIONS"] == SQLITE_OPTIONS


def test_postgresql_checks_a_kept_connection_before_reusing_it():
    database = database_from_url("postgres://portal:geheim@db.example:5432/portal", conn_max_age=600)
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["CONN_MAX_AGE"] == 600


def test_production_settings_keep_the_sqlite_options(monkeypatch):
    production = production_settings(monkeypatch, "sqlite:////srv/portal/db.sqlite3")
    assert production.DATABASES["default"]["OPTIONS"] == SQLITE_OPTIONS
    assert production.DATABASES["default"]["CONN_MAX_AGE"] == 600


def test_production_settings_check_postgresql_connections(monkeypatch):
    production = production_settings(monkeypatch, "postgres://portal:geheim@db.example:5432/portal")
    assert production.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert production.DATABASES["default"]["CONN_MAX_AGE"] == 600


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_sign_ups_under_the_production_sqlite_options(monkeypatch, slow_count):
    """30 volunteers sign up for a shift of 10 at the same moment, each request on its own
    connection with the options production uses: none is refused, exactly 10 get a place."""
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite options")
    # The test database's file, opened with the production options (the test settings add only
    # synchronous=OFF); each thread's connection reads them when it connects.
    monkeypatch.setitem(connection.settings_dict, "OPTIONS", dict(SQLITE_OPTIONS))
    connection.close()
    capacity = 10
    schicht = SchichtFactory(kapazitaet=capacity)
    clients = []
    for _ in range(3 * capacity):
        client = Client()
        login(client, volunteer())
        clients.append(client)
    statuses = post_at_once(clients, f"/de/ehrenamt/schichten/{schicht.pk}/anmelden/")
    assert statuses == [302] * len(clients)
    assert Einsatz.objects.filter(schicht=schicht, status="bestaetigt").count() == capacity
    assert Einsatz.objects.filter(schicht=schicht, status="warteliste").count() == 2 * capacity
