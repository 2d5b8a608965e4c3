"""Ids typed into the training forms' choice fields: a number too large for the database is an
invalid choice at its field, not a server error (issue 25, finding 14)."""

import pytest
from django.test import Client

from intern.fortbildung.models import Kurs
from tests.conftest import login
from tests.factories import hr_user

pytestmark = pytest.mark.django_db

HUGE = "9" * 60


def test_huge_ids_in_the_course_form_are_refused_at_the_field(site_pages):
    hr = login(Client(raise_request_exception=False), hr_user())
    course = {
        "titel": "Vielfalt führen",
        "beschreibung": "x",
        "lernziele": "a",
        "format": "online",
        "dauer_stunden": "2",
        "trainer": "T",
        "aktiv": "on",
    }
    for field in ("pflicht_fuer", "zielgruppen"):
        response = hr.post("/en/intern/fortbildung/verwaltung/kurse/neu/", {**course, field: [HUGE]})
        assert response.status_code == 200
        assert field in response.context["form"].errors
    assert not Kurs.objects.filter(titel="Vielfalt führen").exists()
    response = hr.get("/en/intern/fortbildung/", {"abteilung": HUGE})
    assert response.status_code == 200
