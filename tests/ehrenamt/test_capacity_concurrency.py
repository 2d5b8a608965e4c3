"""2x capacity volunteers sign up at the same moment: exactly capacity get a place."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.test import Client

from ehrenamt.models import Einsatz
from tests.conftest import login, restore_migration_data
from tests.factories import SchichtFactory, volunteer

pytestmark = pytest.mark.django_db(transaction=True)

CAPACITY = 4


def test_concurrent_sign_ups_never_exceed_the_capacity(slow_count):
    restore_migration_data()
    schicht = SchichtFactory(kapazitaet=CAPACITY)
    people = [volunteer() for _ in range(2 * CAPACITY)]
    clients = []
    for person in people:
        client = Client()
        login(client, person)
        clients.append(client)

    start = threading.Barrier(len(clients))

    def sign_up(client):
        try:
            start.wait()
            return client.post(f"/de/ehrenamt/schichten/{schicht.pk}/anmelden/").status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        statuses = list(pool.map(sign_up, clients))
    assert statuses == [302] * len(clients)
    assert Einsatz.objects.filter(schicht=schicht, status="bestaetigt").count() == CAPACITY
    assert Einsatz.objects.filter(schicht=schicht, status="warteliste").count() == CAPACITY
