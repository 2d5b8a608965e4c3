"""Twice as many staff as places enrol at the same moment: exactly the capacity get a place,
the rest are on the waiting list. Runs on SQLite and on PostgreSQL in CI."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.test import Client

from intern.fortbildung.models import Kursanmeldung
from tests.conftest import login, restore_migration_data
from tests.factories import KursterminFactory, staff_member

pytestmark = pytest.mark.django_db(transaction=True)

CAPACITY = 4


def test_concurrent_enrolments_never_exceed_the_capacity(slow_count):
    restore_migration_data()
    termin = KursterminFactory(kapazitaet=CAPACITY)
    clients = [login(Client(), staff_member()) for _ in range(2 * CAPACITY)]
    start = threading.Barrier(len(clients))

    def enrol(client):
        try:
            start.wait()
            return client.post(f"/de/intern/fortbildung/termine/{termin.pk}/anmelden/").status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        statuses = list(pool.map(enrol, clients))
    assert statuses == [302] * len(clients)
    assert Kursanmeldung.objects.filter(termin=termin, status="angemeldet").count() == CAPACITY
    assert Kursanmeldung.objects.filter(termin=termin, status="warteliste").count() == CAPACITY
