"""Capacity under concurrent confirmations, on SQLite and PostgreSQL."""

import datetime
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.test import Client
from django.utils import timezone

from tests.factories import VeranstaltungenIndexPageFactory, VeranstaltungPageFactory
from veranstaltungen.models import Anmeldung

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_parallel_confirmations_never_exceed_the_capacity(site_pages, slow_count):
    index = VeranstaltungenIndexPageFactory(parent=site_pages.home)
    start = timezone.now() + datetime.timedelta(days=5)
    page = VeranstaltungPageFactory(
        parent=index,
        slug="vortrag",
        beginn=start,
        ende=start + datetime.timedelta(hours=1),
        anmeldung=True,
        kapazitaet=3,
    )
    datum = page.termine()[0].date
    tokens = [
        Anmeldung.objects.create(veranstaltung=page, datum=datum, name=f"P{n}", email=f"p{n}@example.org").token
        for n in range(12)
    ]

    def confirm(token):
        try:
            return Client().post(f"/de/veranstaltungen/vortrag/anmelden/bestaetigen/{token}/").status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(pool.map(confirm, tokens))
    assert set(statuses) == {200}
    assert Anmeldung.objects.filter(status="bestaetigt").count() == 3
    assert Anmeldung.objects.filter(status="warteliste").count() == 9
