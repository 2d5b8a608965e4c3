"""The coordination approves volunteers, plans shifts, writes to volunteers and confirms hours."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from ehrenamt.forms import at
from ehrenamt.models import Ehrenamtsprofil, Einsatz, Qualifikationsnachweis, Schicht
from portal import roles
from tests.conftest import login
from tests.factories import EhrenamtsprofilFactory, EinsatzFactory, SchichtFactory, UserFactory, volunteer

pytestmark = pytest.mark.django_db


def future_day(days=10, weekday=None):
    day = timezone.localdate() + datetime.timedelta(days=days)
    if weekday is not None:
        day += datetime.timedelta(days=(weekday - day.weekday()) % 7)
    return day


def as_form(schicht, **changes):
    """The shift as its edit form would send it back, with `changes`."""
    start = timezone.localtime(schicht.beginn)
    return {
        "bereich": schicht.bereich,
        "titel": schicht.titel,
        "datum": start.date().isoformat(),
        "von": start.strftime("%H:%M"),
        "bis": timezone.localtime(schicht.ende).strftime("%H:%M"),
        "ort": schicht.ort,
        "kapazitaet": schicht.kapazitaet,
        **changes,
    }


def test_a_citizen_applies_and_the_coordination_approves(client, koordination_user):
    citizen = UserFactory(email="neu@example.org", first_name="", last_name="")
    login(client, citizen)
    response = client.post(
        "/de/ehrenamt/mein-profil/",
        {
            "first_name": "Jonas",
            "last_name": "Weber",
            "telefon": "07153 1234",
            "sprachen": ["de", "en"],
            "bereiche": ["kleiderkammer", "fahrdienst"],
            "wochentage": ["mo", "sa"],
            "tageszeiten": ["abend"],
            "verfuegbarkeit": "",
            "einwilligung": "on",
        },
    )
    assert response.status_code == 302
    profil = Ehrenamtsprofil.objects.get(user=citizen)
    assert profil.status == "beantragt" and profil.bereiche == ["kleiderkammer", "fahrdienst"]
    citizen.refresh_from_db()
    assert citizen.get_full_name() == "Jonas Weber"
    # The coordination hears of it, without personal details in the email.
    assert [m.to for m in mail.outbox] == [[koordination_user.email]]
    assert "Jonas" not in mail.outbox[0].body
    # Not yet approved: no shift plan.
    assert client.get("/de/ehrenamt/schichten/").status_code == 403

    mail.outbox.clear()
    login(client, koordination_user)
    page = client.get(f"/de/ehrenamt/koordination/freiwillige/{profil.pk}/").content.decode()
    assert "Jonas Weber" in page and "07153 1234" in page
    client.post(f"/de/ehrenamt/koordination/freiwillige/{profil.pk}/entscheiden/", {"entscheidung": "freigeben"})
    citizen = type(citizen).objects.get(pk=citizen.pk)
    assert citizen.has_perm("ehrenamt.volunteer")
    assert [m.to for m in mail.outbox] == [["neu@example.org"]]
    assert "/de/ehrenamt/schichten/" in mail.outbox[0].body

    login(client, citizen)
    assert client.get("/de/ehrenamt/schichten/").status_code == 200


def test_profile_form_shows_errors_at_the_field_and_keeps_the_input(client, db):
    login(client, UserFactory())
    response = client.post(
        "/de/ehrenamt/mein-profil/",
        {"first_name": "Jonas", "last_name": "", "telefon": "abc", "sprachen": ["de"], "bereiche": []},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Jonas"' in page
    assert page.count('class="field__errors"') >= 4  # last name, phone, areas, consent
    assert not Ehrenamtsprofil.objects.exists()


def test_withdrawing_approval_takes_the_role_and_the_places_away(koordination):
    profil = EhrenamtsprofilFactory(user__email="x@example.org")
    schicht = SchichtFactory(kapazitaet=1)
    EinsatzFactory(schicht=schicht, freiwillige=profil.user)
    waiting = EinsatzFactory(schicht=schicht, status="warteliste")
    koordination.post(f"/de/ehrenamt/koordination/freiwillige/{profil.pk}/entscheiden/", {"entscheidung": "ablehnen"})
    profil.refresh_from_db()
    assert profil.status == "abgelehnt"
    assert not profil.user.groups.filter(name=roles.EHRENAMT).exists()
    assert "x@example.org" in [m.to[0] for m in mail.outbox]
    waiting.refresh_from_db()
    assert waiting.status == "bestaetigt"


def test_coordinator_creates_a_single_shift(koordination):
    day = future_day()
    response = koordination.post(
        "/de/ehrenamt/koordination/schichten/neu/",
        {
            "bereich": "kleiderkammer",
            "titel": "Kleiderkammer Ausgabe",
            "datum": day.isoformat(),
            "von": "14:00",
            "bis": "17:00",
            "ort": "Begegnungszentrum, Keller",
            "kapazitaet": "3",
            "qualifikation": "",
            "notizen": "",
        },
    )
    assert response.status_code == 302
    schicht = Schicht.objects.get()
    assert timezone.localtime(schicht.beginn) == at(day, datetime.time(14))
    assert schicht.erstellt_von == koordination.user


def test_weekly_series_keeps_the_wall_clock_time_across_the_dst_change(koordination):
    # Mondays from early March to mid-April cross the change to summer time.
    year = timezone.localdate().year + 1
    first = datetime.date(year, 3, 1)
    first += datetime.timedelta(days=(0 - first.weekday()) % 7)
    until = datetime.date(year, 4, 15)
    koordination.post(
        "/de/ehrenamt/koordination/schichten/neu/",
        {
            "bereich": "begegnungscafe",
            "titel": "Begegnungscafé",
            "datum": first.isoformat(),
            "von": "18:00",
            "bis": "20:00",
            "ort": "Begegnungszentrum",
            "kapazitaet": "4",
            "wiederholen_bis": until.isoformat(),
        },
    )
    schichten = list(Schicht.objects.order_by("beginn"))
    assert len(schichten) == ((until - first).days // 7) + 1
    assert {timezone.localtime(s.beginn).strftime("%a %H:%M") for s in schichten} == {"Mon 18:00"}
    assert len({s.serie for s in schichten}) == 1 and schichten[0].serie is not None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"bis": "13:00"}, "bis"),
        ({"datum": "2020-01-06"}, "datum"),
        ({"kapazitaet": "0"}, "kapazitaet"),
        ({"wiederholen_bis": "2099-01-01"}, "wiederholen_bis"),
        ({"bereich": "unbekannt"}, "bereich"),
    ],
)
def test_bad_shift_input_gets_a_message_at_the_field(koordination, changes, field):
    data = {
        "bereich": "begegnungscafe",
        "titel": "Café <b>",
        "datum": future_day().isoformat(),
        "von": "14:00",
        "bis": "16:00",
        "ort": "Begegnungszentrum",
        "kapazitaet": "2",
        **changes,
    }
    response = koordination.post("/de/ehrenamt/koordination/schichten/neu/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert f'id="id_{field}_errors"' in page
    assert 'value="Café &lt;b&gt;"' in page
    assert not Schicht.objects.exists()


def test_copying_a_week_copies_its_shifts_once(koordination):
    monday = future_day(7, weekday=0)
    SchichtFactory(titel="Café", beginn=at(monday, datetime.time(18)), ende=at(monday, datetime.time(20)))
    thursday = monday + datetime.timedelta(days=3)
    SchichtFactory(titel="Kleiderkammer", beginn=at(thursday, datetime.time(10)), ende=at(thursday, datetime.time(12)))
    SchichtFactory(
        titel="Abgesagt",
        beginn=at(thursday, datetime.time(14)),
        ende=at(thursday, datetime.time(15)),
        abgesagt_am=timezone.now(),
    )
    target = monday + datetime.timedelta(weeks=2, days=2)  # any day of the target week
    for _ in range(2):
        koordination.post(
            "/de/ehrenamt/koordination/woche-kopieren/", {"quelle": monday.isoformat(), "ziel": target.isoformat()}
        )
    copies = Schicht.objects.filter(beginn__gte=at(monday + datetime.timedelta(weeks=2), datetime.time.min))
    assert sorted((s.titel, timezone.localtime(s.beginn).strftime("%a %H:%M")) for s in copies) == [
        ("Café", "Mon 18:00"),
        ("Kleiderkammer", "Thu 10:00"),
    ]


def test_changing_a_shift_emails_everyone_signed_up(koordination):
    schicht = SchichtFactory(kapazitaet=1, titel="Fahrdienst")
    signed_up = volunteer(user__email="a@example.org")
    waiting = volunteer(user__email="b@example.org")
    EinsatzFactory(schicht=schicht, freiwillige=signed_up)
    EinsatzFactory(schicht=schicht, freiwillige=waiting, status="warteliste")
    start = timezone.localtime(schicht.beginn)
    response = koordination.post(
        f"/de/ehrenamt/koordination/schichten/{schicht.pk}/bearbeiten/",
        {
            "bereich": schicht.bereich,
            "titel": "Fahrdienst",
            "datum": start.date().isoformat(),
            "von": "09:00",
            "bis": "11:00",
            "ort": "Treffpunkt Bahnhof",
            "kapazitaet": "1",
        },
    )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert all("Treffpunkt Bahnhof" in m.body and "09:00" in m.body for m in mail.outbox)
    schicht.refresh_from_db()
    assert schicht.sequenz == 1


def test_more_places_move_the_waiting_list_up(koordination):
    schicht = SchichtFactory(kapazitaet=1)
    EinsatzFactory(schicht=schicht)
    waiting = volunteer(user__email="warte@example.org")
    EinsatzFactory(schicht=schicht, freiwillige=waiting, status="warteliste")
    koordination.post(f"/de/ehrenamt/koordination/schichten/{schicht.pk}/bearbeiten/", as_form(schicht, kapazitaet=2))
    assert Einsatz.objects.get(freiwillige=waiting).status == "bestaetigt"
    assert [m.to for m in mail.outbox] == [["warte@example.org"]]


def test_places_cannot_drop_below_the_sign_ups(koordination):
    schicht = SchichtFactory(kapazitaet=2)
    for _ in range(2):
        EinsatzFactory(schicht=schicht)
    response = koordination.post(
        f"/de/ehrenamt/koordination/schichten/{schicht.pk}/bearbeiten/", as_form(schicht, kapazitaet=1)
    )
    assert response.status_code == 200
    assert 'id="id_kapazitaet_errors"' in response.content.decode()
    schicht.refresh_from_db()
    assert schicht.kapazitaet == 2


def test_cancelling_a_shift_emails_everyone_and_closes_it(koordination):
    schicht = SchichtFactory(titel="Hausaufgabenhilfe")
    EinsatzFactory(schicht=schicht, freiwillige=volunteer(user__email="a@example.org"))
    EinsatzFactory(schicht=schicht, freiwillige=volunteer(user__email="b@example.org"), status="abgemeldet")
    response = koordination.post(f"/de/ehrenamt/koordination/schichten/{schicht.pk}/absagen/", {"grund": ""})
    assert response.status_code == 200  # the reason is required
    koordination.post(f"/de/ehrenamt/koordination/schichten/{schicht.pk}/absagen/", {"grund": "Raum belegt"})
    schicht.refresh_from_db()
    assert schicht.abgesagt
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert "Raum belegt" in mail.outbox[0].body


def test_emailing_the_volunteers_sends_one_email_each(koordination):
    schicht = SchichtFactory(kapazitaet=1)
    EinsatzFactory(schicht=schicht, freiwillige=volunteer(user__email="a@example.org"))
    EinsatzFactory(schicht=schicht, freiwillige=volunteer(user__email="b@example.org"), status="warteliste")
    koordination.post(
        f"/de/ehrenamt/koordination/schichten/{schicht.pk}/nachricht/", {"betreff": "Schlüssel", "text": "Bitte…"}
    )
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert mail.outbox[0].reply_to == [koordination.user.email]
    mail.outbox.clear()
    koordination.post(
        f"/de/ehrenamt/koordination/schichten/{schicht.pk}/nachricht/",
        {"betreff": "Schlüssel", "text": "Bitte…", "warteliste": "on"},
    )
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]


def test_confirmed_attendance_becomes_hours(koordination):
    start = timezone.now() - datetime.timedelta(days=1)
    schicht = SchichtFactory(beginn=start, ende=start + datetime.timedelta(hours=2, minutes=30), kapazitaet=2)
    came = volunteer()
    absent = volunteer()
    EinsatzFactory(schicht=schicht, freiwillige=came, angemeldet_am=start)
    EinsatzFactory(schicht=schicht, freiwillige=absent)
    page = koordination.get(f"/de/ehrenamt/koordination/schichten/{schicht.pk}/").content.decode()
    assert 'value="2.5"' in page or 'value="2.50"' in page
    response = koordination.post(
        f"/de/ehrenamt/koordination/schichten/{schicht.pk}/anwesenheit/",
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-anwesend": "on",
            "form-0-stunden": "2.5",
            "form-1-stunden": "",
        },
    )
    assert response.status_code == 302
    assert Einsatz.objects.get(freiwillige=came).stunden == Decimal("2.5")
    assert Einsatz.objects.get(freiwillige=absent).anwesend is False


def test_attendance_without_hours_gets_a_message(koordination):
    start = timezone.now() - datetime.timedelta(days=1)
    schicht = SchichtFactory(beginn=start, ende=start + datetime.timedelta(hours=2))
    EinsatzFactory(schicht=schicht)
    response = koordination.post(
        f"/de/ehrenamt/koordination/schichten/{schicht.pk}/anwesenheit/",
        {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-anwesend": "on", "form-0-stunden": ""},
    )
    assert response.status_code == 200
    assert 'id="id_form-0-stunden_errors"' in response.content.decode()


def test_csv_export_lists_shifts_and_volunteers_safely(koordination):
    schicht = SchichtFactory(titel="=HYPERLINK(1)")
    person = volunteer(user__first_name="+Anna", user__email="-anna@example.org")
    EinsatzFactory(schicht=schicht, freiwillige=person)
    SchichtFactory(titel="Ohne Anmeldung")
    day = timezone.localdate(schicht.beginn)
    response = koordination.get(f"/de/ehrenamt/koordination/export/?von={day}&bis={day}")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 3
    assert rows[1][4] == "'=HYPERLINK(1)" and rows[1][8] == "'+Anna" and rows[1][10] == "'-anna@example.org"
    assert rows[2][4] == "Ohne Anmeldung"
    bad = koordination.get("/de/ehrenamt/koordination/export/?von=2026-12-10&bis=2026-01-01")
    assert bad.status_code == 200 and 'id="id_bis_errors"' in bad.content.decode()


def test_staffing_overview_marks_understaffed_shifts(koordination):
    full = SchichtFactory(titel="Voll besetzt", kapazitaet=1)
    EinsatzFactory(schicht=full)
    SchichtFactory(titel="Braucht Hilfe", kapazitaet=3)
    SchichtFactory(titel="Zu spät", beginn=timezone.now() + datetime.timedelta(days=40))
    page = koordination.get("/de/ehrenamt/koordination/").content.decode()
    assert "Voll besetzt" in page and "Braucht Hilfe" in page and "Zu spät" not in page
    assert page.count("staffing--under") == 1
    assert "Unterbesetzt: 3 Plätze frei" in page


@pytest.mark.parametrize("count", [1, pytest.param(1000, marks=pytest.mark.slow)])
def test_staffing_overview_queries_are_bounded(koordination, django_assert_max_num_queries, count):
    start = timezone.now() + datetime.timedelta(hours=1)
    schichten = [
        Schicht(
            bereich="begegnungscafe",
            titel=f"Schicht {n}",
            beginn=start + datetime.timedelta(minutes=30 * n),
            ende=start + datetime.timedelta(minutes=30 * n + 60),
            ort="Begegnungszentrum",
            kapazitaet=2,
        )
        for n in range(count)
    ]
    Schicht.objects.bulk_create(schichten)
    person = volunteer()
    for schicht in Schicht.objects.all()[:50]:
        EinsatzFactory(schicht=schicht, freiwillige=person)
    with django_assert_max_num_queries(20):
        response = koordination.get("/de/ehrenamt/koordination/")
    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 60])
def test_volunteer_list_queries_are_bounded(koordination, django_assert_max_num_queries, count):
    EhrenamtsprofilFactory.create_batch(count)
    with django_assert_max_num_queries(20):
        response = koordination.get("/de/ehrenamt/koordination/freiwillige/")
    assert response.status_code == 200


def test_coordinator_records_qualifications_with_expiry(koordination):
    profil = EhrenamtsprofilFactory()
    expiry = future_day(300)
    koordination.post(
        f"/de/ehrenamt/koordination/freiwillige/{profil.pk}/qualifikation/",
        {"art": "fuehrungszeugnis", "gueltig_bis": expiry.isoformat()},
    )
    nachweis = Qualifikationsnachweis.objects.get(freiwillige=profil.user)
    assert nachweis.gueltig_bis == expiry and nachweis.erfasst_von == koordination.user
    response = koordination.post(
        f"/de/ehrenamt/koordination/freiwillige/{profil.pk}/qualifikation/", {"art": "", "gueltig_bis": "gestern"}
    )
    assert response.status_code == 200
    assert 'id="id_art_errors"' in response.content.decode()
    koordination.post(f"/de/ehrenamt/koordination/freiwillige/{profil.pk}/qualifikation/{nachweis.pk}/loeschen/")
    assert not Qualifikationsnachweis.objects.exists()


def test_coordinator_takes_someone_off_and_the_waiting_list_moves_up(koordination):
    schicht = SchichtFactory(kapazitaet=1, beginn=timezone.now() + datetime.timedelta(hours=2))
    first = EinsatzFactory(schicht=schicht)
    waiting = EinsatzFactory(schicht=schicht, status="warteliste")
    koordination.post(f"/de/ehrenamt/koordination/einsaetze/{first.pk}/austragen/", {"grund": "Krank gemeldet"})
    waiting.refresh_from_db()
    assert waiting.status == "bestaetigt"


@pytest.mark.parametrize(
    "url",
    [
        "/de/ehrenamt/koordination/export/?von=0001-01-01&bis=9999-12-31",
        "/de/ehrenamt/koordination/export/?von=kaputt&bis=2026-13-45",
    ],
)
def test_export_with_absurd_dates_gets_a_message(koordination, url):
    response = koordination.get(url)
    assert response.status_code == 200
    assert 'id="id_von_errors"' in response.content.decode()


def test_copying_absurd_weeks_gets_a_message(koordination):
    response = koordination.post(
        "/de/ehrenamt/koordination/woche-kopieren/", {"quelle": "0001-01-01", "ziel": "9999-12-31"}
    )
    assert response.status_code == 200
    assert 'id="id_quelle_errors"' in response.content.decode()


def test_moving_a_shift_resets_its_reminder(koordination):
    schicht = SchichtFactory()
    einsatz = EinsatzFactory(schicht=schicht, erinnert_am=timezone.now())
    koordination.post(f"/de/ehrenamt/koordination/schichten/{schicht.pk}/bearbeiten/", as_form(schicht, von="07:00"))
    einsatz.refresh_from_db()
    assert einsatz.erinnert_am is None


def test_editing_a_shift_cancelled_meanwhile_does_not_revive_it(koordination):
    schicht = SchichtFactory()
    data = as_form(schicht, titel="Neu")
    Schicht.objects.filter(pk=schicht.pk).update(abgesagt_am=timezone.now(), absagegrund="Raum belegt")
    koordination.post(f"/de/ehrenamt/koordination/schichten/{schicht.pk}/bearbeiten/", data)
    schicht.refresh_from_db()
    assert schicht.abgesagt and schicht.titel != "Neu"


def test_the_person_taken_off_is_told(koordination):
    schicht = SchichtFactory()
    einsatz = EinsatzFactory(schicht=schicht, freiwillige=volunteer(user__email="weg@example.org"))
    koordination.post(f"/de/ehrenamt/koordination/einsaetze/{einsatz.pk}/austragen/", {"grund": "Doppelt geplant"})
    assert [m.to for m in mail.outbox] == [["weg@example.org"]]
