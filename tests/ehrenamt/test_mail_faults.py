"""With the mail server refusing, editing, cancelling and signing up for a shift are saved and
answered as usual; the volunteers' mails are kept (failed ones listed for the administrators, who
send them again)."""

import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client

from portal.models import Mail
from tests.conftest import login, make_user
from tests.ehrenamt.test_koordination import as_form
from tests.factories import EinsatzFactory, SchichtFactory, volunteer

pytestmark = pytest.mark.django_db


class RefusingSMTP(EmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("connection refused")


@pytest.fixture(autouse=True)
def refusing_smtp(settings):
    settings.PORTAL_MAIL_DELIVERY_BACKEND = "tests.ehrenamt.test_mail_faults.RefusingSMTP"


def kept_for(*addresses):
    return sorted(m.to for m in Mail.objects.all()) == sorted(addresses)


def test_editing_a_shift_is_saved_and_the_volunteers_mails_are_kept(koordination, settings):
    schicht = SchichtFactory(titel="Fahrdienst")
    EinsatzFactory(schicht=schicht, freiwillige=volunteer(user__email="a@example.org"))
    response = koordination.post(
        f"/de/ehrenamt/koordination/schichten/{schicht.pk}/bearbeiten/", as_form(schicht, ort="Bahnhof")
    )
    assert response.status_code == 302
    schicht.refresh_from_db()
    assert schicht.ort == "Bahnhof"
    assert kept_for("a@example.org") and mail.outbox == []
    # the administrators send it again once the mail server is back
    settings.PORTAL_MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    kept = Mail.objects.get(status=Mail.Status.FAILED)
    administrator = Client()
    login(administrator, make_user("superuser"))
    administrator.post(f"/cms/mails/{kept.pk}/erneut/")
    assert [m.to for m in mail.outbox] == [["a@example.org"]] and "Bahnhof" in mail.outbox[0].body


def test_cancelling_a_shift_is_saved_and_the_volunteers_mails_are_kept(koordination):
    schicht = SchichtFactory()
    EinsatzFactory(schicht=schicht, freiwillige=volunteer(user__email="a@example.org"))
    EinsatzFactory(schicht=schicht, freiwillige=volunteer(user__email="b@example.org"))
    response = koordination.post(f"/de/ehrenamt/koordination/schichten/{schicht.pk}/absagen/", {"grund": "Raum belegt"})
    assert response.status_code == 302
    schicht.refresh_from_db()
    assert schicht.abgesagt
    assert kept_for("a@example.org", "b@example.org")


def test_signing_up_for_a_shift_is_saved(client):
    schicht = SchichtFactory()
    person = volunteer(user__email="a@example.org")
    login(client, person)
    response = client.post(f"/de/ehrenamt/schichten/{schicht.pk}/anmelden/")
    assert response.status_code == 302
    assert schicht.einsaetze.filter(freiwillige=person).exists()
