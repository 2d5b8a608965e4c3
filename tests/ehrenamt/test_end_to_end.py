"""The issue's "done when": a new volunteer registers, gets approved, signs up, gets a reminder,
cancels, and downloads a certificate after attending."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from ehrenamt.forms import at
from ehrenamt.models import Einsatz
from portal import roles
from tests.conftest import login
from tests.factories import SchichtFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "ein-langes-passwort-7"


def test_from_sign_up_to_certificate(site_pages):
    coordinator = Client()
    login(coordinator, UserFactory(roles=[roles.EHRENAMTSKOORDINATION], email="koordination@example.org"))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    cafe = SchichtFactory(
        titel="Begegnungscafé", beginn=at(tomorrow, datetime.time(18)), ende=at(tomorrow, datetime.time(20, 30))
    )
    kleider = SchichtFactory(titel="Kleiderkammer", beginn=timezone.now() + datetime.timedelta(days=5))

    # Registers with allauth and confirms the email address.
    person = Client()
    person.post("/de/konto/signup/", {"email": "mara@example.org", "password1": PASSWORD, "password2": PASSWORD})
    confirm = re.search(r"http://testserver(/de/konto/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    person.post(confirm)
    person.post("/de/konto/login/", {"login": "mara@example.org", "password": PASSWORD})

    # Fills in the volunteer profile; the coordination approves.
    person.post(
        "/de/ehrenamt/mein-profil/",
        {
            "first_name": "Mara",
            "last_name": "Schneider",
            "sprachen": ["de", "tr"],
            "bereiche": ["begegnungscafe"],
            "einwilligung": "on",
        },
    )
    assert person.get("/de/ehrenamt/schichten/").status_code == 403
    profil_url = re.search(r"http://testserver(\S+/freiwillige/\d+/)", mail.outbox[-1].body).group(1)
    coordinator.post(profil_url + "entscheiden/", {"entscheidung": "freigeben"})
    assert mail.outbox[-1].to == ["mara@example.org"]

    # Signs up for two shifts, gets a reminder for tomorrow's, cancels the other.
    person.post(f"/de/ehrenamt/schichten/{cafe.pk}/anmelden/")
    person.post(f"/de/ehrenamt/schichten/{kleider.pk}/anmelden/")
    mail.outbox.clear()
    call_command("send_shift_reminders", stdout=io.StringIO())
    assert [(m.to, "Begegnungscafé" in m.subject) for m in mail.outbox] == [(["mara@example.org"], True)]
    einsatz = Einsatz.objects.get(schicht=kleider)
    person.post(f"/de/ehrenamt/einsaetze/{einsatz.pk}/absagen/")
    assert "Kleiderkammer" not in person.get("/de/ehrenamt/meine-einsaetze/").content.decode()

    # The café took place; the coordination confirms attendance; the certificate follows.
    cafe.beginn -= datetime.timedelta(days=2)
    cafe.ende -= datetime.timedelta(days=2)
    cafe.save()
    coordinator.post(
        f"/de/ehrenamt/koordination/schichten/{cafe.pk}/anwesenheit/",
        {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-anwesend": "on", "form-0-stunden": "2.5"},
    )
    year = timezone.localtime(cafe.beginn).year
    response = person.get(f"/de/ehrenamt/meine-einsaetze/nachweis/{year}/")
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Mara Schneider" in text and "2,5" in text
