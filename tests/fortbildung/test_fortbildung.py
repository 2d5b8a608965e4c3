"""Intercultural training: staff enrol, attend and get a certificate; the waiting list moves up;
HR records attendance, sees coverage rise, reminds and exports; staff see only their own."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.utils import formats, timezone, translation
from icalendar import Calendar

from intern.fortbildung.models import Abteilung, Kursanmeldung, Kurstermin, Mitarbeiter, Position
from portal.models import User
from tests.conftest import login
from tests.factories import KursanmeldungFactory, KursFactory, KursterminFactory, UserFactory, hr_user, staff_member
from tests.pdfs import tagged_pdf_text

pytestmark = pytest.mark.django_db


def signed_in(user):
    return login(Client(), user)


@pytest.fixture
def pflichtkurs(site_pages):
    kurs = KursFactory(titel="Interkulturelle Kommunikation im Bürgerkontakt")
    kurs.zielgruppen.set([Abteilung.objects.get(name="Bürgerbüro")])
    kurs.pflicht_fuer.set([Position.objects.get(name="Sachbearbeitung mit Publikumsverkehr")])
    return kurs


def pdf_text(response):
    return tagged_pdf_text(response.content, response.wsgi_request.path.split("/")[1])


def test_staff_member_enrols_attends_and_gets_a_certificate_while_coverage_rises(pflichtkurs):
    termin = KursterminFactory(kurs=pflichtkurs, kapazitaet=5)
    sabine = staff_member(user__first_name="Sabine", user__last_name="Keller")
    staff_member(abteilung="Bürgerbüro")
    hr = signed_in(hr_user())

    dashboard = hr.get("/en/intern/fortbildung/verwaltung/").content.decode()
    assert "0 of 2 staff (0 %)" in dashboard
    assert "Sabine Keller" in dashboard  # the mandatory course is missing

    client = signed_in(sabine)
    katalog = client.get("/en/intern/fortbildung/").content.decode()
    assert pflichtkurs.titel in katalog and "Mandatory for your position" in katalog
    response = client.post(f"/en/intern/fortbildung/termine/{termin.pk}/anmelden/", follow=True)
    assert "You are registered" in response.content.decode()
    assert Kursanmeldung.objects.get(user=sabine).status == "angemeldet"

    # Before the session, there is no attendance form, and the server refuses one all the same.
    page = hr.get(f"/en/intern/fortbildung/verwaltung/termine/{termin.pk}/teilnehmende/").content.decode()
    assert "Sabine Keller" in page and 'id="anwesenheit-spaeter"' in page and 'name="anwesend"' not in page
    response = hr.post(
        f"/en/intern/fortbildung/verwaltung/termine/{termin.pk}/teilnehmende/",
        {"anwesend": [str(Kursanmeldung.objects.get(user=sabine).pk)]},
    )
    assert "Attendance can be recorded once the session has begun." in response.content.decode()
    assert Kursanmeldung.objects.get(user=sabine).teilgenommen is None

    Kurstermin.objects.filter(pk=termin.pk).update(
        beginn=timezone.now() - datetime.timedelta(hours=5), ende=timezone.now() - datetime.timedelta(hours=1)
    )
    anmeldung = Kursanmeldung.objects.get(user=sabine)
    page = hr.get(f"/en/intern/fortbildung/verwaltung/termine/{termin.pk}/teilnehmende/").content.decode()
    assert "Sabine Keller" in page and 'name="anwesend"' in page and 'id="anwesenheit-spaeter"' not in page
    response = hr.post(
        f"/en/intern/fortbildung/verwaltung/termine/{termin.pk}/teilnehmende/", {"anwesend": [str(anmeldung.pk)]}
    )
    assert response.status_code == 302
    anmeldung.refresh_from_db()
    assert anmeldung.teilgenommen is True

    meine = client.get("/en/intern/fortbildung/meine/").content.decode()
    assert "Attended" in meine and "Certificate (PDF)" in meine
    pdf = client.get(f"/en/intern/fortbildung/meine/{anmeldung.pk}/bescheinigung.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf)
    assert "Certificate of attendance" in text and "Sabine Keller" in text and pflichtkurs.titel in text

    dashboard = hr.get("/en/intern/fortbildung/verwaltung/").content.decode()
    assert "1 of 2 staff (50 %)" in dashboard
    jahr = timezone.localdate().year
    assert f'<th scope="row">{jahr}</th><td>1</td><td>1</td><td>1</td><td>50 %</td>' in dashboard


def test_the_waiting_list_moves_up_when_someone_cancels(pflichtkurs, django_capture_on_commit_callbacks):
    termin = KursterminFactory(kurs=pflichtkurs, kapazitaet=1)
    erste, zweite = staff_member(), staff_member(user__preferred_language="ar")
    signed_in(erste).post(f"/en/intern/fortbildung/termine/{termin.pk}/anmelden/")
    response = signed_in(zweite).post(f"/en/intern/fortbildung/termine/{termin.pk}/anmelden/", follow=True)
    assert "you are on the waiting list" in response.content.decode()
    assert Kursanmeldung.objects.get(user=zweite).status == "warteliste"
    page = signed_in(erste).get(f"/en/intern/fortbildung/kurse/{pflichtkurs.pk}/").content.decode()
    assert "full, 1 waiting" in page

    platz = Kursanmeldung.objects.get(user=erste)
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(erste).post(f"/en/intern/fortbildung/meine/{platz.pk}/abmelden/", follow=True)
    assert "Your registration is cancelled." in response.content.decode()
    assert Kursanmeldung.objects.get(pk=platz.pk).status == "storniert"
    assert Kursanmeldung.objects.get(user=zweite).status == "angemeldet"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [zweite.email]
    assert pflichtkurs.titel in mail.outbox[0].subject


def test_registration_closes_at_the_deadline_and_twice_is_refused(pflichtkurs):
    offen = KursterminFactory(kurs=pflichtkurs)
    geschlossen = KursterminFactory(kurs=pflichtkurs, anmeldeschluss=timezone.localdate() - datetime.timedelta(days=1))
    client = signed_in(staff_member())
    client.post(f"/en/intern/fortbildung/termine/{offen.pk}/anmelden/")
    response = client.post(f"/en/intern/fortbildung/termine/{offen.pk}/anmelden/", follow=True)
    assert "You are already registered for this session." in response.content.decode()
    response = client.post(f"/en/intern/fortbildung/termine/{geschlossen.pk}/anmelden/", follow=True)
    assert "Registration for this session is closed." in response.content.decode()
    assert Kursanmeldung.objects.count() == 1


def test_staff_see_only_their_own_enrolments(pflichtkurs):
    termin = KursterminFactory(kurs=pflichtkurs)
    eigene, fremde = staff_member(user__first_name="Eva"), staff_member(user__first_name="Fritz")
    fremd = KursanmeldungFactory(termin=termin, user=fremde, teilgenommen=True)
    client = signed_in(eigene)
    assert "Fritz" not in client.get("/en/intern/fortbildung/meine/").content.decode()
    assert client.get(f"/en/intern/fortbildung/meine/{fremd.pk}/bescheinigung.pdf").status_code == 404
    assert client.post(f"/en/intern/fortbildung/meine/{fremd.pk}/abmelden/").status_code == 404
    assert Kursanmeldung.objects.get(pk=fremd.pk).status == "angemeldet"
    # Not even HR downloads someone else's certificate.
    assert signed_in(hr_user()).get(f"/en/intern/fortbildung/meine/{fremd.pk}/bescheinigung.pdf").status_code == 404


def test_no_certificate_without_attendance(pflichtkurs):
    user = staff_member()
    anmeldung = KursanmeldungFactory(termin=KursterminFactory(kurs=pflichtkurs), user=user)
    assert signed_in(user).get(f"/en/intern/fortbildung/meine/{anmeldung.pk}/bescheinigung.pdf").status_code == 404


def test_each_session_has_a_calendar_file(pflichtkurs):
    termin = KursterminFactory(kurs=pflichtkurs, ort="Rathaus, Sitzungssaal")
    response = signed_in(staff_member()).get(f"/en/intern/fortbildung/termine/{termin.pk}/termin.ics")
    assert response["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == pflichtkurs.titel
    assert str(event["LOCATION"]) == "Rathaus, Sitzungssaal"
    assert str(event["UID"]) == f"fortbildung-termin-{termin.pk}@integrationsportal.plochingen.de"
    assert event.decoded("DTSTART") == termin.beginn


def test_reminders_go_to_those_missing_a_mandatory_course_once_a_week(pflichtkurs):
    fehlt = staff_member(user__first_name="Jana")
    erledigt = staff_member()
    staff_member(abteilung="Bauhof", position="Mitarbeiterin / Mitarbeiter Bauhof")  # not mandatory for them
    vorbei = KursterminFactory(kurs=pflichtkurs, beginn=timezone.now() - datetime.timedelta(days=10))
    KursanmeldungFactory(termin=vorbei, user=erledigt, teilgenommen=True)
    hr = signed_in(hr_user())
    response = hr.post("/en/intern/fortbildung/verwaltung/erinnern/", follow=True)
    assert "Reminders sent: 1." in response.content.decode()
    assert [m.to for m in mail.outbox] == [[fehlt.email]]
    assert pflichtkurs.titel in mail.outbox[0].body
    response = hr.post("/en/intern/fortbildung/verwaltung/erinnern/", follow=True)
    assert "Reminders sent: 0." in response.content.decode() and len(mail.outbox) == 1


def test_csv_export_lists_staff_with_missing_courses(pflichtkurs):
    staff_member(user__first_name="=HYPERLINK(1)", user__last_name="X")
    response = signed_in(hr_user()).get("/en/intern/fortbildung/verwaltung/export.csv")
    text = response.content.decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.startswith("Name;Email;Department;Schnittstelle;Position")
    assert row.startswith("'=HYPERLINK(1) X;") and pflichtkurs.titel in row


def test_hr_plans_courses_and_sessions_and_bad_input_is_shown_at_the_field(pflichtkurs):
    hr = signed_in(hr_user())
    response = hr.post(
        "/en/intern/fortbildung/verwaltung/kurse/neu/",
        {
            "titel": "Vielfalt führen",
            "beschreibung": "x",
            "lernziele": "a",
            "format": "online",
            "dauer_stunden": "0",
            "trainer": "T",
            "aktiv": "on",
        },
    )
    assert response.status_code == 200
    assert "Please enter between 0.5 and 80 hours." in response.content.decode()
    assert 'value="Vielfalt führen"' in response.content.decode()

    beginn = timezone.localtime() + datetime.timedelta(days=10)
    response = hr.post(
        f"/en/intern/fortbildung/verwaltung/kurse/{pflichtkurs.pk}/termine/neu/",
        {
            "beginn": beginn.strftime("%Y-%m-%dT%H:%M"),
            "ende": (beginn - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "ort": "Rathaus",
            "kapazitaet": "12",
            "anmeldeschluss": (beginn + datetime.timedelta(days=1)).date().isoformat(),
        },
    )
    body = response.content.decode()
    assert "The end must be after the start." in body
    assert "The registration deadline cannot be after the session." in body
    assert 'value="Rathaus"' in body
    response = hr.post(
        f"/en/intern/fortbildung/verwaltung/kurse/{pflichtkurs.pk}/termine/neu/",
        {
            "beginn": beginn.strftime("%Y-%m-%dT%H:%M"),
            "ende": (beginn + datetime.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            "ort": "Rathaus",
            "kapazitaet": "12",
            "anmeldeschluss": (beginn - datetime.timedelta(days=3)).date().isoformat(),
        },
    )
    assert response.status_code == 302
    termin = Kurstermin.objects.get(kurs=pflichtkurs)
    response = hr.post(
        f"/en/intern/fortbildung/verwaltung/termine/{termin.pk}/bearbeiten/",
        {
            "beginn": beginn.strftime("%Y-%m-%dT%H:%M"),
            "ende": (beginn + datetime.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            "ort": "Rathaus, Raum 2",
            "kapazitaet": "12",
            "anmeldeschluss": (beginn - datetime.timedelta(days=3)).date().isoformat(),
        },
    )
    termin.refresh_from_db()
    assert termin.ort == "Rathaus, Raum 2" and termin.sequenz == 1


def test_hr_adds_a_staff_record_for_an_account_with_the_verwaltung_role(site_pages):
    neu = UserFactory(roles=["Verwaltung"], email="neu@stadt.example")
    UserFactory(email="ohne-rolle@example.org")
    hr = signed_in(hr_user())
    page = hr.get("/en/intern/fortbildung/verwaltung/mitarbeitende/neu/").content.decode()
    assert "neu@stadt.example" in page and "ohne-rolle@example.org" not in page
    response = hr.post(
        "/en/intern/fortbildung/verwaltung/mitarbeitende/neu/",
        {
            "user": neu.pk,
            "abteilung": Abteilung.objects.get(name="Sozialamt").pk,
            "position": Position.objects.get(name="Führungskraft").pk,
            "aktiv": "on",
        },
    )
    assert response.status_code == 302
    assert Mitarbeiter.objects.get(user=neu).abteilung.name == "Sozialamt"


@pytest.mark.parametrize("count", [1, pytest.param(500, marks=pytest.mark.slow)])
def test_the_dashboard_has_bounded_queries(pflichtkurs, count, django_assert_max_num_queries):
    abteilungen = list(Abteilung.objects.all())
    positionen = list(Position.objects.all())
    User.objects.bulk_create([User(email=f"m{n}@stadt.example", last_name=f"M{n}") for n in range(count)])
    users = list(User.objects.filter(email__endswith="@stadt.example"))
    Group.objects.get(name="Verwaltung").user_set.add(*users)
    Mitarbeiter.objects.bulk_create(
        [
            Mitarbeiter(user=u, abteilung=abteilungen[n % len(abteilungen)], position=positionen[n % len(positionen)])
            for n, u in enumerate(users)
        ]
    )
    vorbei = KursterminFactory(kurs=pflichtkurs, beginn=timezone.now() - datetime.timedelta(days=10), kapazitaet=500)
    Kursanmeldung.objects.bulk_create(
        [Kursanmeldung(termin=vorbei, user=u, status="angemeldet", teilgenommen=True) for u in users[::2]]
    )
    for n in range(3):
        KursterminFactory(kurs=KursFactory(), beginn=timezone.now() + datetime.timedelta(days=10 + n))
    hr = signed_in(hr_user())
    # Constant: most of it is the shared page chrome (menus, notices, language links).
    with django_assert_max_num_queries(32):
        assert hr.get("/en/intern/fortbildung/verwaltung/").status_code == 200
    with django_assert_max_num_queries(30):
        assert hr.get("/en/intern/fortbildung/verwaltung/export.csv").status_code == 200
    with django_assert_max_num_queries(30):
        assert hr.get("/en/intern/fortbildung/verwaltung/mitarbeitende/").status_code == 200
    with django_assert_max_num_queries(30):
        assert hr.get(f"/en/intern/fortbildung/verwaltung/termine/{vorbei.pk}/teilnehmende/").status_code == 200
    staff = signed_in(users[0])
    with django_assert_max_num_queries(30):
        assert staff.get("/en/intern/fortbildung/").status_code == 200
    with django_assert_max_num_queries(30):
        assert staff.get("/en/intern/fortbildung/meine/").status_code == 200


def session_data(termin, **changes):
    beginn = timezone.localtime(termin.beginn)
    data = {
        "beginn": beginn.strftime("%Y-%m-%dT%H:%M"),
        "ende": timezone.localtime(termin.ende).strftime("%Y-%m-%dT%H:%M"),
        "ort": termin.ort,
        "kapazitaet": str(termin.kapazitaet),
        "anmeldeschluss": termin.anmeldeschluss.isoformat(),
    }
    return {**data, **changes}


def test_more_places_let_the_waiting_list_move_up_before_anyone_new(pflichtkurs, django_capture_on_commit_callbacks):
    termin = KursterminFactory(kurs=pflichtkurs, kapazitaet=1)
    erste, zweite, dritte, neu = (staff_member() for _ in range(4))
    for person in (erste, zweite, dritte):
        signed_in(person).post(f"/en/intern/fortbildung/termine/{termin.pk}/anmelden/")
    hr = signed_in(hr_user())
    with django_capture_on_commit_callbacks(execute=True):
        response = hr.post(
            f"/en/intern/fortbildung/verwaltung/termine/{termin.pk}/bearbeiten/", session_data(termin, kapazitaet="2")
        )
    assert response.status_code == 302
    assert Kursanmeldung.objects.get(user=zweite).status == "angemeldet"
    assert Kursanmeldung.objects.get(user=dritte).status == "warteliste"
    assert [m.to for m in mail.outbox] == [[zweite.email]]
    # A newcomer does not pass the person still waiting.
    signed_in(neu).post(f"/en/intern/fortbildung/termine/{termin.pk}/anmelden/")
    assert Kursanmeldung.objects.get(user=neu).status == "warteliste"
    # Fewer places than people registered is refused at the field.
    response = hr.post(
        f"/en/intern/fortbildung/verwaltung/termine/{termin.pk}/bearbeiten/", session_data(termin, kapazitaet="1")
    )
    assert "2 people already have a place" in response.content.decode()
    termin.refresh_from_db()
    assert termin.kapazitaet == 2


def test_a_cancelled_session_is_announced_and_has_no_attendance(pflichtkurs, django_capture_on_commit_callbacks):
    termin = KursterminFactory(kurs=pflichtkurs, kapazitaet=1)
    dabei, wartend = staff_member(), staff_member()
    for person in (dabei, wartend):
        signed_in(person).post(f"/en/intern/fortbildung/termine/{termin.pk}/anmelden/")
    hr = signed_in(hr_user())
    with django_capture_on_commit_callbacks(execute=True):
        hr.post(
            f"/en/intern/fortbildung/verwaltung/termine/{termin.pk}/bearbeiten/",
            session_data(termin, abgesagt="on"),
        )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([dabei.email, wartend.email])
    assert all(m.subject.endswith(f"Abgesagt: {pflichtkurs.titel}") for m in mail.outbox)
    termin.refresh_from_db()
    assert termin.abgesagt and termin.sequenz == 1
    Kurstermin.objects.filter(pk=termin.pk).update(beginn=timezone.now() - datetime.timedelta(hours=2))
    anmeldung = Kursanmeldung.objects.get(user=dabei)
    response = hr.post(
        f"/en/intern/fortbildung/verwaltung/termine/{termin.pk}/teilnehmende/",
        {"anwesend": [str(anmeldung.pk)]},
        follow=True,
    )
    assert "This session was cancelled" in response.content.decode()
    assert 'name="anwesend"' not in response.content.decode()
    anmeldung.refresh_from_db()
    assert anmeldung.teilgenommen is None


def test_people_registered_for_a_coming_session_are_not_reminded(pflichtkurs):
    angemeldet, wartend = staff_member(), staff_member()
    termin = KursterminFactory(kurs=pflichtkurs)
    KursanmeldungFactory(termin=termin, user=angemeldet)
    KursanmeldungFactory(termin=termin, user=wartend, status="warteliste")
    hr = signed_in(hr_user())
    dashboard = hr.get("/en/intern/fortbildung/verwaltung/").content.decode()
    # The dashboard says for when (the German "angemeldet am" was left without a date).
    with translation.override("en"):
        datum = formats.date_format(timezone.localtime(termin.beginn), "DATE_FORMAT")
    assert f"(registered for the session on {datum})" in dashboard
    assert f"(on the waiting list for the session on {datum})" in dashboard
    assert dashboard.count(f'data-angemeldet="{timezone.localtime(termin.beginn):%Y-%m-%d}"') == 2
    response = hr.post("/en/intern/fortbildung/verwaltung/erinnern/", follow=True)
    assert "Reminders sent: 0." in response.content.decode() and mail.outbox == []


def test_hr_keeps_departments_and_positions(site_pages):
    hr = signed_in(hr_user())
    response = hr.post("/en/intern/fortbildung/verwaltung/abteilungen/neu/", {"name": "Bürgerbüro"})
    assert "already exists" in response.content.decode()
    response = hr.post(
        "/en/intern/fortbildung/verwaltung/abteilungen/neu/", {"name": "Stadtbücherei", "schnittstelle": "on"}
    )
    assert response.status_code == 302
    assert Abteilung.objects.get(name="Stadtbücherei").schnittstelle
    response = hr.post("/en/intern/fortbildung/verwaltung/positionen/neu/", {"name": "Bibliothekarin / Bibliothekar"})
    assert response.status_code == 302
    page = hr.get("/en/intern/fortbildung/verwaltung/abteilungen/").content.decode()
    assert "Stadtbücherei" in page and "Bibliothekarin / Bibliothekar" in page


def test_a_deleted_account_frees_its_place_for_those_waiting(pflichtkurs, django_capture_on_commit_callbacks):
    termin = KursterminFactory(kurs=pflichtkurs, kapazitaet=1)
    erste, zweite = staff_member(), staff_member()
    for person in (erste, zweite):
        signed_in(person).post(f"/en/intern/fortbildung/termine/{termin.pk}/anmelden/")
    with django_capture_on_commit_callbacks(execute=True):
        erste.delete()
    assert Kursanmeldung.objects.get(user=zweite).status == "angemeldet"
    assert [m.to for m in mail.outbox] == [[zweite.email]]


def test_the_service_refuses_attendance_for_a_session_that_did_not_take_place(pflichtkurs):
    from intern.fortbildung import services

    kommend = KursterminFactory(kurs=pflichtkurs)
    anmeldung = KursanmeldungFactory(termin=kommend, user=staff_member())
    with pytest.raises(services.KursanmeldungNichtMoeglich):
        services.anwesenheit_speichern(kommend, [anmeldung.pk])
    anmeldung.refresh_from_db()
    assert anmeldung.teilgenommen is None


def test_hr_previews_the_reminder_in_each_recipients_language_before_sending(pflichtkurs):
    from portal.models import Mail

    jana = staff_member(user__first_name="Jana", user__last_name="Albrecht")
    omar = staff_member(user__first_name="Omar", user__last_name="Bakri", user__preferred_language="ar")
    hr = signed_in(hr_user())
    dashboard = hr.get("/en/intern/fortbildung/verwaltung/").content.decode()
    assert 'id="erinnern" href="/en/intern/fortbildung/verwaltung/erinnern/"' in dashboard

    page = hr.get("/en/intern/fortbildung/verwaltung/erinnern/").content.decode()
    assert "This reminder goes to 2 people" in page
    assert 'data-sprache="de"' in page and 'data-sprache="ar"' in page
    # The first recipient's mail in full, in German, with a copy in the reader's language.
    mails = re.findall(r'<div class="notice mail-preview" lang="(\w+)".*?</div>', page, re.S)
    assert mails == ["de", "en"]
    assert "Erinnerung" in page and pflichtkurs.titel in page and "Jana Albrecht" in page
    # Omar's, in Arabic, right to left.
    page = hr.get(f"/en/intern/fortbildung/verwaltung/erinnern/?vorschau={omar.mitarbeiter.pk}").content.decode()
    assert re.findall(r'<div class="notice mail-preview" lang="(\w+)" dir="(\w+)"', page) == [
        ("ar", "rtl"),
        ("en", "ltr"),
    ]
    assert "The email to Omar Bakri" in page
    assert not Mail.objects.exists() and mail.outbox == []  # a preview sends nothing

    response = hr.post("/en/intern/fortbildung/verwaltung/erinnern/", follow=True)
    assert "Reminders sent: 2." in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([jana.email, omar.email])
    assert dict(Mail.objects.values_list("to", "language")) == {jana.email: "de", omar.email: "ar"}
    page = hr.get("/en/intern/fortbildung/verwaltung/erinnern/").content.decode()
    assert "Nobody is due for a reminder now" in page and 'type="submit"' not in page.split("<main")[1]


@pytest.mark.parametrize("count", [1, 200])
def test_the_reminder_preview_has_bounded_queries(pflichtkurs, count, django_assert_max_num_queries):
    abteilung = Abteilung.objects.get(name="Bürgerbüro")
    position = Position.objects.get(name="Sachbearbeitung mit Publikumsverkehr")
    User.objects.bulk_create([User(email=f"r{n}@stadt.example", last_name=f"R{n}") for n in range(count)])
    users = list(User.objects.filter(email__endswith="@stadt.example"))
    Group.objects.get(name="Verwaltung").user_set.add(*users)
    Mitarbeiter.objects.bulk_create([Mitarbeiter(user=u, abteilung=abteilung, position=position) for u in users])
    hr = signed_in(hr_user())
    with django_assert_max_num_queries(30):
        page = hr.get("/en/intern/fortbildung/verwaltung/erinnern/").content.decode()
    assert page.count('data-sprache="de"') == count
