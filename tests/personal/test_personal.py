"""Recruitment, HR's side: a recognised refugee applies in Arabic to a Bauhof posting and moves
through HR's pipeline; the refugee status is counted only with consent and never shown; every read
is audited; interviews with preview mails and calendar files; rejected applications are deleted
after six months. (The posting and the form themselves: tests/stellen/test_stellen.py.)"""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from intern.audit.models import AuditEintrag
from intern.personal.models import Einstellung
from stellen.models import Bewerbung
from tests.conftest import login
from tests.factories import BewerbungFactory, hr_user
from tests.stellen.helpers import PDF, application, bauhof_stelle

pytestmark = pytest.mark.django_db


@pytest.fixture
def stelle(site_pages, locales):
    return bauhof_stelle(site_pages, locales)


def interview_data(days=7, **overrides):
    beginn = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0) + datetime.timedelta(days=days)
    return {
        "status": "gespraech",
        "gespraech_beginn": beginn.strftime("%Y-%m-%dT%H:%M"),
        "gespraech_dauer": "60",
        "gespraech_ort": "Rathaus Plochingen, Zimmer 12",
        **overrides,
    }


def test_a_recognised_refugee_applies_in_arabic_and_moves_through_the_pipeline(client, stelle):
    form = client.get("/ar/stellen/bauhof/bewerben/").content.decode()
    assert 'id="formular-hilfe"' in form
    response = client.post("/ar/stellen/bauhof/bewerben/", application())
    assert response.status_code == 302 and response.url.endswith("/bewerben/danke/")
    bewerbung = Bewerbung.objects.get()
    assert bewerbung.sprache == "ar" and bewerbung.bereich == "bauhof" and bewerbung.stelle_id == stelle.pk
    assert bewerbung.anerkannter_fluechtling is True
    assert bewerbung.lebenslauf.read() == PDF
    assert mail.outbox[0].to == ["samir@example.org"]
    assert "Samir" not in mail.outbox[0].body  # nothing typed goes back to an unconfirmed address

    hr = login(Client(), hr_user())
    liste = hr.get("/en/intern/bewerbungen/").content.decode()
    assert "Samir Haddad" in liste
    detail = hr.get(f"/en/intern/bewerbungen/{bewerbung.pk}/").content.decode()
    assert "Gärtner in Aleppo" in detail
    # The self-declared status never reaches the people who decide.
    assert "refugee" not in detail.lower()
    datei = hr.get(f"/en/intern/bewerbungen/{bewerbung.pk}/lebenslauf.pdf")
    assert datei.status_code == 200 and b"".join(datei.streaming_content) == PDF
    assert datei["Content-Disposition"].startswith("attachment") and datei["Content-Security-Policy"] == "sandbox"

    gespraech = interview_data()
    response = hr.post(f"/en/intern/bewerbungen/{bewerbung.pk}/", {**gespraech, "notiz": "Schritt gespraech"})
    assert response.status_code == 302
    for status in ["hospitation", "angebot", "eingestellt"]:
        response = hr.post(f"/en/intern/bewerbungen/{bewerbung.pk}/", {"status": status, "notiz": f"Schritt {status}"})
        assert response.status_code == 302
    bewerbung.refresh_from_db()
    assert bewerbung.status == "eingestellt"
    assert [v.status for v in bewerbung.verlauf.order_by("zeitpunkt", "pk")] == [
        "eingegangen",
        "gespraech",
        "hospitation",
        "angebot",
        "eingestellt",
    ]
    detail = hr.get(f"/en/intern/bewerbungen/{bewerbung.pk}/").content.decode()
    assert "Schritt hospitation" in detail and "Trial day or internship" in detail
    einstellung = Einstellung.objects.get()
    assert einstellung.anerkannter_fluechtling is True and einstellung.jahr == timezone.localdate().year
    # From now on the status is only counted, no longer linked to the person.
    assert bewerbung.anerkannter_fluechtling is None

    # A hired application is closed.
    response = hr.post(f"/en/intern/bewerbungen/{bewerbung.pk}/", {"status": "abgesagt"})
    assert "This application is closed" in response.content.decode()
    assert Bewerbung.objects.get().status == "eingestellt"

    # Every read is in the audit log.
    reads = AuditEintrag.objects.filter(objekt_id=str(bewerbung.pk), aktion="lesen")
    assert reads.filter(bereich="bewerbung").count() == 3
    assert reads.filter(bereich="bewerbung_lebenslauf").count() == 1
    assert AuditEintrag.objects.filter(bereich="bewerbungen", aktion="liste").count() == 1


def test_closed_applications_are_deleted_after_six_months(stelle):
    import time_machine

    abgelehnt = BewerbungFactory(stelle=stelle, status="abgesagt", abgeschlossen_am=timezone.now())
    eingestellt = BewerbungFactory(stelle=stelle, status="eingestellt", abgeschlossen_am=timezone.now())
    offen = BewerbungFactory(stelle=stelle)
    liegen_geblieben = BewerbungFactory(stelle=stelle, status="gespraech")
    storage, datei = abgelehnt.lebenslauf.storage, abgelehnt.lebenslauf.name
    with time_machine.travel(timezone.now() + datetime.timedelta(days=150)):
        call_command("delete_rejected_applications")
    assert Bewerbung.objects.filter(pk__in=[abgelehnt.pk, eingestellt.pk]).count() == 2
    with time_machine.travel(timezone.now() + datetime.timedelta(days=190)):
        call_command("delete_rejected_applications")
        call_command("delete_rejected_applications")
    assert set(Bewerbung.objects.all()) == {offen, liegen_geblieben}
    assert not storage.exists(datei)
    assert AuditEintrag.objects.filter(bereich="bewerbung", aktion="loeschen").count() == 2
    # An application nobody closed goes after a year without any step; a recent note keeps it.
    with time_machine.travel(timezone.now() + datetime.timedelta(days=300)):
        offen.verlauf.create(notiz="Noch in Prüfung")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=370)):
        call_command("delete_rejected_applications")
    assert list(Bewerbung.objects.all()) == [offen]


def hires(jahr, fluechtling, anzahl):
    return [Einstellung(jahr=jahr, bereich="bauhof", anerkannter_fluechtling=fluechtling) for _ in range(anzahl)]


def test_hire_statistics_show_completed_years_and_suppress_what_could_point_to_a_person(stelle):
    jahr = timezone.localdate().year
    Einstellung.objects.bulk_create(
        hires(jahr, True, 7)  # this year: not shown until it is over
        + hires(jahr - 1, True, 2)
        + hires(jahr - 1, False, 6)
        + hires(jahr - 2, True, 5)
        + hires(jahr - 2, None, 6)
        + hires(jahr - 3, True, 6)  # everyone hired that year was a refugee: no breakdown
    )
    page = login(Client(), hr_user()).get("/en/intern/bewerbungen/statistik/").content.decode()
    assert f'<th scope="row">{jahr}</th>' not in page
    # 2 and 6 of 8: the 2 would follow from the total, so the 6 is hidden as well.
    assert f'<th scope="row">{jahr - 1}</th><td>fewer than 5</td><td>not shown</td><td>0</td><td>8</td>' in page
    assert f'<th scope="row">{jahr - 2}</th><td>5</td><td>0</td><td>6</td><td>11</td>' in page
    assert f'<th scope="row">{jahr - 3}</th><td>not shown</td><td>not shown</td><td>not shown</td><td>6</td>' in page


@pytest.mark.parametrize("count", [1, 120])
def test_the_applications_list_has_bounded_queries(stelle, count, django_assert_max_num_queries):
    for _ in range(count):
        BewerbungFactory(stelle=stelle)
    hr = login(Client(), hr_user())
    with django_assert_max_num_queries(30):
        assert hr.get("/en/intern/bewerbungen/").status_code == 200
    with django_assert_max_num_queries(30):
        assert hr.get(f"/en/intern/bewerbungen/{Bewerbung.objects.first().pk}/").status_code == 200
    with django_assert_max_num_queries(45):
        assert Client().get("/de/stellen/").status_code == 200


def arabic_application(stelle, **kwargs):
    return BewerbungFactory(
        stelle=stelle, sprache="ar", vorname="Samir", nachname="Haddad", email="samir@example.org", **kwargs
    )


def test_the_demo_applications_were_received_when_their_history_says(site_pages, locales):
    from io import StringIO

    from intern.personal import demo
    from stellen import demo as stellen_demo

    stellen_demo.seed(StringIO())
    demo.seed(StringIO())
    for bewerbung in Bewerbung.objects.all():
        erster = bewerbung.verlauf.order_by("zeitpunkt", "pk").first()
        assert erster.status == "eingegangen" and erster.zeitpunkt == bewerbung.eingegangen
        assert all(v.zeitpunkt >= bewerbung.eingegangen for v in bewerbung.verlauf.all())
    assert Bewerbung.objects.filter(status="gespraech").get().gespraech_beginn > timezone.now()


def test_hr_invites_to_an_interview_and_previews_the_mail_in_the_language_of_the_application(stelle):
    from icalendar import Calendar

    from portal.models import Mail

    bewerbung = arabic_application(stelle)
    hr = login(Client(), hr_user())
    daten = interview_data(mail="on", nachricht="Bitte bringen Sie Ihre Zeugnisse mit.", notiz="intern: gut")
    vorschau = hr.post(f"/en/intern/bewerbungen/{bewerbung.pk}/", daten)
    page = vorschau.content.decode()
    assert vorschau.status_code == 200 and 'data-sprache="ar"' in page
    # The mail as the applicant reads it: in Arabic, right to left, with the calendar file …
    assert 'lang="ar" dir="rtl"' in page and "مرحبًا Samir" in page and "vorstellungsgespraech.ics" in page
    assert "Rathaus Plochingen, Zimmer 12" in page and "Bitte bringen Sie Ihre Zeugnisse mit." in page
    # … and in HR's language to read; the internal note is not in the mail.
    mails = re.findall(r'<div class="notice mail-preview".*?</div>', page, re.S)
    assert len(mails) == 2 and "Hello Samir," in mails[1]
    assert not any("intern: gut" in text for text in mails)
    # Nothing is saved or sent before HR confirms.
    bewerbung.refresh_from_db()
    assert bewerbung.status == "eingegangen" and bewerbung.gespraech_beginn is None
    assert not Mail.objects.exists() and mail.outbox == []

    # "Change" goes back to the form with everything typed kept.
    zurueck = hr.post(f"/en/intern/bewerbungen/{bewerbung.pk}/", {**daten, "aendern": "1"}).content.decode()
    assert 'value="Rathaus Plochingen, Zimmer 12"' in zurueck and "Bitte bringen Sie Ihre Zeugnisse mit." in zurueck
    assert not Mail.objects.exists()

    response = hr.post(f"/en/intern/bewerbungen/{bewerbung.pk}/", {**daten, "senden": "1"})
    assert response.status_code == 302
    bewerbung.refresh_from_db()
    assert bewerbung.status == "gespraech" and bewerbung.gespraech_ort == "Rathaus Plochingen, Zimmer 12"
    gesendet = Mail.objects.get()
    assert gesendet.language == "ar" and gesendet.kind == "StatusMitteilung"
    (message,) = mail.outbox
    assert message.to == ["samir@example.org"]
    assert "مرحبًا Samir" in message.body and "قسم شؤون الموظفين" in message.body
    assert "Bitte bringen Sie Ihre Zeugnisse mit." in message.body and "intern: gut" not in message.body
    name, content, mimetype = message.attachments[0]
    assert name == "vorstellungsgespraech.ics" and mimetype.startswith("text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == bewerbung.gespraech_beginn
    assert str(event["LOCATION"]) == "Rathaus Plochingen, Zimmer 12" and "Haddad" not in str(event["SUMMARY"])

    detail = hr.get(f"/en/intern/bewerbungen/{bewerbung.pk}/").content.decode()
    assert 'id="vorstellungsgespraech"' in detail and "Email sent to the applicant." in detail
    schritt = bewerbung.verlauf.filter(status="gespraech").get()
    assert schritt.mail_gesendet and schritt.nachricht == "Bitte bringen Sie Ihre Zeugnisse mit."
    assert schritt.notiz == "intern: gut" and schritt.gespraech_beginn == bewerbung.gespraech_beginn
    assert AuditEintrag.objects.filter(objekt_id=str(bewerbung.pk), aktion="aendern").count() == 1


def test_hr_downloads_the_interview_for_the_calendar_and_a_new_date_replaces_it(stelle):
    from icalendar import Calendar

    bewerbung = arabic_application(stelle)
    hr = login(Client(), hr_user())
    assert hr.get(f"/en/intern/bewerbungen/{bewerbung.pk}/vorstellungsgespraech.ics").status_code == 404
    hr.post(f"/en/intern/bewerbungen/{bewerbung.pk}/", interview_data())
    response = hr.get(f"/en/intern/bewerbungen/{bewerbung.pk}/vorstellungsgespraech.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    erstes = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert "Haddad" not in response.content.decode()  # no applicant's name in a calendar
    # A new date, told by mail: the same event with a higher SEQUENCE, in the mail and the download.
    neu = interview_data(days=9, status="", mail="on")
    assert hr.post(f"/en/intern/bewerbungen/{bewerbung.pk}/", neu).status_code == 200  # the preview
    hr.post(f"/en/intern/bewerbungen/{bewerbung.pk}/", {**neu, "senden": "1"})
    zweites = Calendar.from_ical(
        hr.get(f"/en/intern/bewerbungen/{bewerbung.pk}/vorstellungsgespraech.ics").content
    ).walk("VEVENT")[0]
    assert str(zweites["UID"]) == str(erstes["UID"]) and int(zweites["SEQUENCE"]) > int(erstes["SEQUENCE"])
    assert zweites.decoded("DTSTART") - erstes.decoded("DTSTART") == datetime.timedelta(days=2)
    (message,) = mail.outbox
    assert Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")[0]["SEQUENCE"] == zweites["SEQUENCE"]
    assert AuditEintrag.objects.filter(bereich="bewerbung_gespraech", aktion="lesen").count() == 2


@pytest.mark.parametrize(
    "daten,feld,fehler",
    [
        ({"status": "gespraech"}, "gespraech_beginn", "Please enter the date and time of the interview."),
        (interview_data(days=-1), "gespraech_beginn", "Please enter a date within the coming year."),
        (interview_data(gespraech_ort=""), "gespraech_ort", "Please enter where the interview takes place."),
        (
            interview_data(gespraech_beginn="9999-12-31T23:30"),
            "gespraech_beginn",
            "Please enter a date within the coming year.",
        ),
        (interview_data(status="abgesagt"), "gespraech_beginn", "no interview can be planned"),
        ({"notiz": "x", "nachricht": "Hallo"}, "nachricht", "The message is sent only with the email"),
        ({"notiz": "x", "mail": "on"}, "mail", "There is nothing new to tell the applicant"),
    ],
)
def test_a_step_hr_cannot_take_is_refused_at_the_field(stelle, daten, feld, fehler):
    bewerbung = arabic_application(stelle)
    response = login(Client(), hr_user()).post(f"/en/intern/bewerbungen/{bewerbung.pk}/", daten)
    body = response.content.decode()
    assert response.status_code == 200 and fehler in body
    assert f'id="id_{feld}"' in body and body.count('aria-invalid="true"') == 1
    bewerbung.refresh_from_db()
    assert bewerbung.status == "eingegangen" and not bewerbung.verlauf.exists() and mail.outbox == []


@pytest.mark.parametrize("status", ["hospitation", "angebot", "eingestellt", "abgesagt"])
def test_each_status_can_be_told_to_the_applicant_in_their_language(stelle, status):
    bewerbung = arabic_application(stelle)
    hr = login(Client(), hr_user())
    vorschau = hr.post(f"/en/intern/bewerbungen/{bewerbung.pk}/", {"status": status, "mail": "on"}).content.decode()
    assert 'data-sprache="ar"' in vorschau
    hr.post(f"/en/intern/bewerbungen/{bewerbung.pk}/", {"status": status, "mail": "on", "senden": "1"})
    (message,) = mail.outbox
    assert message.to == ["samir@example.org"] and "مرحبًا Samir" in message.body
    assert message.attachments == []
    bewerbung.refresh_from_db()
    assert bewerbung.status == status
