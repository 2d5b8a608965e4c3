"""Personal calendar feed, reminders the day before, hours and the Ehrenamtsnachweis."""

import datetime
import io
from decimal import Decimal

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from ehrenamt.forms import at
from ehrenamt.models import Einsatz
from tests.factories import EinsatzFactory, SchichtFactory, volunteer
from tests.pdfs import tagged_pdf_text

pytestmark = pytest.mark.django_db


def feed_path(user):
    return f"/de/ehrenamt/kalender/{user.ehrenamtsprofil.feed_token}/"


def test_personal_feed_holds_only_own_shifts_and_nobody_elses_data(freiwillige):
    mine = SchichtFactory(titel="Meine Schicht", kapazitaet=3)
    cancelled = SchichtFactory(titel="Abgesagte Schicht")
    theirs = SchichtFactory(titel="Fremde Schicht")
    other = volunteer(user__first_name="Andere", user__email="andere@example.org")
    EinsatzFactory(schicht=mine, freiwillige=freiwillige.user)
    EinsatzFactory(schicht=mine, freiwillige=other)
    EinsatzFactory(schicht=cancelled, freiwillige=freiwillige.user)
    EinsatzFactory(schicht=theirs, freiwillige=other)
    cancelled.abgesagt_am = timezone.now()
    cancelled.save()

    response = Client().get(feed_path(freiwillige.user))  # no session: the token is the key
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert "Andere" not in body and "andere@example.org" not in body and "Fremde Schicht" not in body
    events = {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT")}
    assert set(events) == {"Meine Schicht", "Abgesagte Schicht"}
    assert events["Abgesagte Schicht"]["STATUS"] == "CANCELLED"
    assert events["Meine Schicht"].decoded("DTSTART") == timezone.localtime(mine.beginn)


def test_resetting_the_token_retires_the_old_link(freiwillige):
    old = feed_path(freiwillige.user)
    assert Client().get(old).status_code == 200
    freiwillige.post("/de/ehrenamt/meine-einsaetze/kalender-erneuern/")
    freiwillige.user.ehrenamtsprofil.refresh_from_db()
    assert Client().get(old).status_code == 404
    assert Client().get(feed_path(freiwillige.user)).status_code == 200


def test_feed_stops_when_the_role_is_taken_away(freiwillige):
    freiwillige.user.groups.clear()
    assert Client().get(feed_path(freiwillige.user)).status_code == 404


def test_reminders_go_out_once_the_day_before(db):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    schicht = SchichtFactory(
        titel="Begegnungscafé", beginn=at(tomorrow, datetime.time(18)), ende=at(tomorrow, datetime.time(20))
    )
    later = SchichtFactory(beginn=timezone.now() + datetime.timedelta(days=5))
    person = volunteer(user__email="f@example.org", user__preferred_language="ar")
    EinsatzFactory(schicht=schicht, freiwillige=person)
    EinsatzFactory(schicht=schicht, status="warteliste")
    EinsatzFactory(schicht=later, freiwillige=person)
    call_command("send_shift_reminders", stdout=io.StringIO())
    call_command("send_shift_reminders", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["f@example.org"]]
    assert "Begegnungscafé" in mail.outbox[0].subject
    assert "18:00" in mail.outbox[0].body
    assert "/ar/ehrenamt/" in mail.outbox[0].body  # in the volunteer's language


def hours_for(person, days_ago, hours):
    start = timezone.now() - datetime.timedelta(days=days_ago)
    schicht = SchichtFactory(beginn=start, ende=start + datetime.timedelta(hours=3), bereich="kleiderkammer")
    return EinsatzFactory(schicht=schicht, freiwillige=person, anwesend=True, stunden=Decimal(hours))


def test_volunteer_downloads_an_ehrenamtsnachweis(freiwillige):
    einsatz = hours_for(freiwillige.user, 3, "2.5")
    hours_for(freiwillige.user, 4, "3")
    year = timezone.localtime(einsatz.schicht.beginn).year
    page = freiwillige.get("/de/ehrenamt/meine-einsaetze/").content.decode()
    assert f"/de/ehrenamt/meine-einsaetze/nachweis/{year}/" in page
    response = freiwillige.get(f"/de/ehrenamt/meine-einsaetze/nachweis/{year}/")
    assert response["Content-Type"] == "application/pdf"
    text = tagged_pdf_text(response.content, "de")
    assert "Fatima Haddad" in text
    assert "5,5" in text
    assert "Kleiderkammer" in text
    assert freiwillige.get(f"/de/ehrenamt/meine-einsaetze/nachweis/{year - 5}/").status_code == 404


def test_coordination_issues_the_certificate_too(koordination):
    person = volunteer()
    einsatz = hours_for(person, 3, "2")
    year = timezone.localtime(einsatz.schicht.beginn).year
    profil = person.ehrenamtsprofil
    response = koordination.get(f"/de/ehrenamt/koordination/freiwillige/{profil.pk}/nachweis/{year}/")
    assert response["Content-Type"] == "application/pdf"


def test_a_refused_reminder_does_not_stop_the_others_and_is_kept_for_the_worker(db, monkeypatch):
    from django.core.mail import EmailMessage

    from portal.models import Mail

    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    schicht = SchichtFactory(beginn=at(tomorrow, datetime.time(10)), ende=at(tomorrow, datetime.time(12)), kapazitaet=3)
    for email in ("kaputt@example.org", "gut@example.org"):
        EinsatzFactory(schicht=schicht, freiwillige=volunteer(user__email=email))
    send = EmailMessage.send

    def refuse_one(message, *args, **kwargs):
        if message.to == ["kaputt@example.org"]:
            raise OSError("mail server unreachable")
        return send(message, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", refuse_one)
    call_command("send_shift_reminders", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["gut@example.org"]]
    refused = [stored for stored in Mail.objects.all() if stored.to == "kaputt@example.org"]
    assert len(refused) == 1 and refused[0].attempts > 1  # the worker tried again
    # The reminder is stored once: a second run sends nothing twice.
    call_command("send_shift_reminders", stdout=io.StringIO())
    assert Mail.objects.count() == 2


def test_deleting_the_account_keeps_the_hours_without_the_name(client, freiwillige, django_capture_on_commit_callbacks):
    past = hours_for(freiwillige.user, 3, "2")
    upcoming = SchichtFactory(kapazitaet=1)
    EinsatzFactory(schicht=upcoming, freiwillige=freiwillige.user)
    waiting = volunteer(user__email="warte@example.org")
    EinsatzFactory(schicht=upcoming, freiwillige=waiting, status="warteliste")
    with django_capture_on_commit_callbacks(execute=True):
        freiwillige.user.delete()

    past.refresh_from_db()
    assert past.freiwillige is None and past.stunden == Decimal("2")
    assert Einsatz.objects.get(freiwillige=waiting).status == "bestaetigt"
    assert Einsatz.objects.get(schicht=upcoming, freiwillige=None).status == "abgemeldet"
    assert [m.to for m in mail.outbox] == [["warte@example.org"]]


def test_data_download_includes_volunteering(freiwillige):
    hours_for(freiwillige.user, 3, "2")
    data = freiwillige.get("/de/konto/daten/").json()
    assert data["volunteer_profile"]["languages"] == ["de", "ar"]
    assert data["volunteer_shifts"][0]["hours"] == "2.00"
