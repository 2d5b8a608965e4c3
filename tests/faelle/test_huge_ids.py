"""Ids typed into the case register's choice fields: a number too large for the database is an
invalid choice at its field, not a server error (issue 25, finding 14)."""

import pytest
from django.utils import timezone

from intern.faelle.models import Massnahme, RunderTisch
from portal import roles
from tests.factories import FallFactory, UserFactory, activate_totp
from tests.faelle.helpers import signed_in

pytestmark = pytest.mark.django_db

HUGE = "9" * 60


def test_huge_ids_in_the_case_forms_are_refused_at_the_field(worker):
    fall = FallFactory(pseudonym="Haushalt Linde", bearbeitende=[worker])
    fall.einwilligungen.create(erteilt_am=timezone.localdate(), empfaenger=["lbf", "fachberatung"])
    lead = UserFactory(roles=[roles.TEAMLEITUNG, roles.INTEGRATIONSMANAGEMENT])
    activate_totp(lead)
    client = signed_in(lead)
    client.raise_request_exception = False
    data = {
        "pseudonym": fall.pseudonym,
        "status": "in_betreuung",
        "unterbringung": "gu",
        "zugewiesen_am": fall.zugewiesen_am.isoformat(),
    }
    for ids in ([HUGE], [str(worker.pk), HUGE], ["-" + HUGE]):
        response = client.post(f"/de/intern/faelle/{fall.pk}/bearbeiten/", {**data, "bearbeitende": ids})
        assert response.status_code == 200
        assert "bearbeitende" in response.context["form"].errors
    assert list(fall.bearbeitende.all()) == [worker]

    massnahme = {
        "lebensbereich": "sprache",
        "beschreibung": "Beratung",
        "stelle": "fachberatung",
        "angebot": HUGE,
        "verantwortlich": worker.pk,
        "faellig_am": "",
        "status": "offen",
    }
    response = signed_in(worker).post(f"/de/intern/faelle/{fall.pk}/massnahmen/neu/", massnahme)
    assert response.status_code == 200
    assert "angebot" in response.context["form"].errors
    response = signed_in(worker).post(
        f"/de/intern/faelle/{fall.pk}/massnahmen/neu/", {**massnahme, "angebot": "", "verantwortlich": HUGE}
    )
    assert "verantwortlich" in response.context["form"].errors
    assert not Massnahme.objects.exists()

    client.post(
        "/de/intern/faelle/runder-tisch/", {"datum": "2026-12-02T10:00", "ort": "Rathaus", "teilnehmende": "LBF"}
    )
    tisch = RunderTisch.objects.get()
    url = f"/de/intern/faelle/runder-tisch/{tisch.pk}/"
    response = client.post(url, {"formular": "tagesordnung", "top-faelle": [HUGE]})
    assert response.status_code == 200 and "faelle" in response.context["top_form"].errors
    client.post(url, {"formular": "tagesordnung", "top-faelle": [fall.pk]})
    decision = {
        "beschluss-tisch_fall": fall.pk,
        "beschluss-lebensbereich": "sprache",
        "beschluss-beschreibung": "Sprachkurs",
        "beschluss-stelle": "fachberatung",
        "beschluss-angebot": HUGE,
        "beschluss-verantwortlich": worker.pk,
        "beschluss-faellig_am": "2026-12-20",
    }
    response = client.post(url, decision)
    assert response.status_code == 200
    assert "angebot" in response.context["beschluss_form"].errors
    response = client.post(url, {**decision, "beschluss-angebot": "", "beschluss-tisch_fall": HUGE})
    assert response.status_code == 200
    assert "tisch_fall" in response.context["beschluss_form"].errors
    assert not Massnahme.objects.exists()
