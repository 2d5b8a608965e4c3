"""Twice as many staff as places enrol at the same moment: exactly the capacity get a place,
the rest are on the waiting list. Runs on SQLite and on PostgreSQL in CI."""

import pytest
from django.test import Client

from intern.fortbildung.models import Kursanmeldung
from tests.conftest import login, post_at_once
from tests.factories import KursterminFactory, staff_member

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CAPACITY = 4


def test_concurrent_enrolments_never_exceed_the_capacity(slow_count):
    termin = KursterminFactory(kapazitaet=CAPACITY)
    clients = [login(Client(), staff_member()) for _ in range(2 * CAPACITY)]
    statuses = post_at_once(clients, f"/de/intern/fortbildung/termine/{termin.pk}/anmelden/")
    assert statuses == [302] * len(clients)
    assert Kursanmeldung.objects.filter(termin=termin, status="angemeldet").count() == CAPACITY
    assert Kursanmeldung.objects.filter(termin=termin, status="warteliste").count() == CAPACITY
