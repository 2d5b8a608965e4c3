"""2x capacity volunteers sign up at the same moment: exactly capacity get a place."""

import pytest
from django.test import Client

from ehrenamt.models import Einsatz
from tests.conftest import login, post_at_once
from tests.factories import SchichtFactory, volunteer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CAPACITY = 4


def test_concurrent_sign_ups_never_exceed_the_capacity(slow_count):
    schicht = SchichtFactory(kapazitaet=CAPACITY)
    people = [volunteer() for _ in range(2 * CAPACITY)]
    clients = []
    for person in people:
        client = Client()
        login(client, person)
        clients.append(client)

    statuses = post_at_once(clients, f"/de/ehrenamt/schichten/{schicht.pk}/anmelden/")
    assert statuses == [302] * len(clients)
    assert Einsatz.objects.filter(schicht=schicht, status="bestaetigt").count() == CAPACITY
    assert Einsatz.objects.filter(schicht=schicht, status="warteliste").count() == CAPACITY
