"""Volunteers sign up, join the waiting list, cancel; the waiting list moves up."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from ehrenamt.models import Einsatz, Qualifikationsnachweis
from tests.conftest import login
from tests.factories import EinsatzFactory, QualifikationsnachweisFactory, SchichtFactory, volunteer

pytestmark = pytest.mark.django_db


def sign_up(client, schicht):
    return client.post(f"/de/ehrenamt/schichten/{schicht.pk}/anmelden/", follow=True)


def client_for(user):
    client = Client()
    login(client, user)
    return client


def test_volunteer_signs_up_and_sees_it(freiwillige):
    schicht = SchichtFactory(titel="Kleiderkammer Ausgabe", bereich="kleiderkammer", kapazitaet=2)
    response = sign_up(freiwillige, schicht)
    assert "Sie sind angemeldet" in response.content.decode()
    assert Einsatz.objects.get(schicht=schicht, freiwillige=freiwillige.user).status == "bestaetigt"
    page = freiwillige.get("/de/ehrenamt/meine-einsaetze/").content.decode()
    assert "Kleiderkammer Ausgabe" in page


def test_signing_up_twice_keeps_one_sign_up(freiwillige):
    schicht = SchichtFactory()
    sign_up(freiwillige, schicht)
    sign_up(freiwillige, schicht)
    assert Einsatz.objects.filter(schicht=schicht).count() == 1


def test_full_shift_puts_volunteers_on_the_waiting_list_in_order(db):
    schicht = SchichtFactory(kapazitaet=1)
    first, second, third = volunteer(), volunteer(), volunteer()
    for person in (first, second, third):
        sign_up(client_for(person), schicht)
    statuses = dict(Einsatz.objects.values_list("freiwillige", "status"))
    assert statuses == {first.pk: "bestaetigt", second.pk: "warteliste", third.pk: "warteliste"}
    page = client_for(third).get(f"/de/ehrenamt/schichten/{schicht.pk}/").content.decode()
    assert "Nummer 2 auf der Warteliste" in page


def test_i_cannot_come_moves_the_first_waiting_person_up_and_emails_them(db):
    schicht = SchichtFactory(kapazitaet=1, titel="Möbellager Abholung")
    first = volunteer()
    waiting = volunteer(user__email="wartend@example.org", user__first_name="Olena")
    later = volunteer()
    for person in (first, waiting, later):
        sign_up(client_for(person), schicht)
    mail.outbox.clear()
    einsatz = Einsatz.objects.get(freiwillige=first)
    response = client_for(first).post(f"/en/ehrenamt/einsaetze/{einsatz.pk}/absagen/", follow=True)
    assert "You have undone your sign-up" in response.content.decode()  # minutes after signing up
    statuses = dict(Einsatz.objects.values_list("freiwillige", "status"))
    assert statuses == {first.pk: "abgemeldet", waiting.pk: "bestaetigt", later.pk: "warteliste"}
    assert [m.to for m in mail.outbox] == [["wartend@example.org"]]
    assert "Möbellager Abholung" in mail.outbox[0].subject
    assert "Olena" in mail.outbox[0].body


def test_waiting_person_who_lacks_the_qualification_is_skipped(db):
    schicht = SchichtFactory(kapazitaet=1, qualifikation="fuehrungszeugnis")
    first, unqualified, qualified = volunteer(), volunteer(), volunteer()
    for person in (first, unqualified, qualified):
        QualifikationsnachweisFactory(freiwillige=person)
        sign_up(client_for(person), schicht)
    # The certificate of the first one on the waiting list has been withdrawn meanwhile.
    Qualifikationsnachweis.objects.filter(freiwillige=unqualified).delete()
    einsatz = Einsatz.objects.get(freiwillige=first)
    client_for(first).post(f"/de/ehrenamt/einsaetze/{einsatz.pk}/absagen/")
    assert Einsatz.objects.get(freiwillige=qualified).status == "bestaetigt"
    assert Einsatz.objects.get(freiwillige=unqualified).status == "warteliste"


def test_cancelling_after_the_cut_off_is_refused_with_a_message(freiwillige, settings):
    settings.PORTAL_SHIFT_CANCEL_CUTOFF_HOURS = 12
    schicht = SchichtFactory(beginn=timezone.now() + datetime.timedelta(hours=5))
    sign_up(freiwillige, schicht)
    # Signed up 20 minutes ago: the 15 minutes to undo it are over.
    Einsatz.objects.update(angemeldet_am=timezone.now() - datetime.timedelta(minutes=20))
    einsatz = Einsatz.objects.get(schicht=schicht)
    response = freiwillige.post(f"/de/ehrenamt/einsaetze/{einsatz.pk}/absagen/", follow=True)
    assert "bis 12 Stunden vor der Schicht" in response.content.decode()
    einsatz.refresh_from_db()
    assert einsatz.status == "bestaetigt"
    page = freiwillige.get(f"/de/ehrenamt/schichten/{schicht.pk}/").content.decode()
    assert "Ich kann nicht" not in page


def test_leaving_the_waiting_list_is_possible_until_the_start(db, settings):
    schicht = SchichtFactory(kapazitaet=1, beginn=timezone.now() + datetime.timedelta(hours=2))
    first, waiting = volunteer(), volunteer()
    sign_up(client_for(first), schicht)
    sign_up(client_for(waiting), schicht)
    einsatz = Einsatz.objects.get(freiwillige=waiting)
    client_for(waiting).post(f"/de/ehrenamt/einsaetze/{einsatz.pk}/absagen/")
    einsatz.refresh_from_db()
    assert einsatz.status == "abgemeldet"


@pytest.mark.parametrize(
    ("shift", "message"),
    [
        ({"beginn": timezone.now() - datetime.timedelta(hours=1)}, "bereits begonnen"),
        ({"abgesagt_am": timezone.now()}, "abgesagt"),
        ({"qualifikation": "fuehrungszeugnis"}, "Erweitertes Führungszeugnis"),
    ],
    ids=["past", "cancelled", "qualification"],
)
def test_signing_up_where_it_is_not_allowed_gets_a_clear_message(freiwillige, shift, message):
    schicht = SchichtFactory(**shift)
    response = sign_up(freiwillige, schicht)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Einsatz.objects.exists()


def test_expired_qualification_does_not_count(freiwillige):
    schicht = SchichtFactory(qualifikation="fuehrungszeugnis")
    QualifikationsnachweisFactory(
        freiwillige=freiwillige.user, gueltig_bis=timezone.localdate() - datetime.timedelta(1)
    )
    sign_up(freiwillige, schicht)
    assert not Einsatz.objects.exists()
    Qualifikationsnachweis.objects.update(gueltig_bis=timezone.localdate() + datetime.timedelta(days=365))
    sign_up(freiwillige, schicht)
    assert Einsatz.objects.get().status == "bestaetigt"


def test_nobody_can_cancel_someone_elses_sign_up(freiwillige):
    schicht = SchichtFactory()
    other = volunteer()
    sign_up(client_for(other), schicht)
    einsatz = Einsatz.objects.get(freiwillige=other)
    assert freiwillige.post(f"/de/ehrenamt/einsaetze/{einsatz.pk}/absagen/").status_code == 404
    assert freiwillige.post("/de/ehrenamt/einsaetze/999999/absagen/").status_code == 404
    assert freiwillige.post("/de/ehrenamt/schichten/999999/anmelden/").status_code == 404
    einsatz.refresh_from_db()
    assert einsatz.status == "bestaetigt"


def test_volunteers_see_first_names_of_others_and_no_contact_data(freiwillige):
    schicht = SchichtFactory(kapazitaet=3)
    other = volunteer(user__first_name="Yusuf", user__last_name="Nachname-geheim", user__email="yusuf@example.org")
    other.ehrenamtsprofil.telefon = "0711 555 123"
    other.ehrenamtsprofil.save()
    sign_up(client_for(other), schicht)
    sign_up(freiwillige, schicht)
    page = freiwillige.get(f"/de/ehrenamt/schichten/{schicht.pk}/").content.decode()
    assert "Yusuf" in page
    for secret in ("Nachname-geheim", "yusuf@example.org", "0711 555 123"):
        assert secret not in page
    listing = freiwillige.get("/de/ehrenamt/schichten/").content.decode()
    assert "Nachname-geheim" not in listing and "yusuf@" not in listing


def test_shift_list_filters_by_area_and_date(freiwillige):
    soon = timezone.now() + datetime.timedelta(days=2)
    later = timezone.now() + datetime.timedelta(days=20)
    cafe = SchichtFactory(titel="Cafe bald", bereich="begegnungscafe", beginn=soon, qualifikation="hygiene")
    SchichtFactory(titel="Kleider bald", bereich="kleiderkammer", beginn=soon)
    SchichtFactory(titel="Kleider spaeter", bereich="kleiderkammer", beginn=later)
    SchichtFactory(titel="Abgesagt", abgesagt_am=timezone.now())
    SchichtFactory(titel="Vorbei", beginn=timezone.now() - datetime.timedelta(days=1))
    page = freiwillige.get("/de/ehrenamt/schichten/").content.decode()
    assert "Cafe bald" in page and "Kleider spaeter" in page
    assert "Abgesagt" not in page and "Vorbei" not in page
    # Each row links to its shift and its sign-up, with the labels of its area and qualification.
    assert f'href="/de/ehrenamt/schichten/{cafe.pk}/"' in page
    assert "Begegnungscafé" in page and "Hygienebelehrung" in page
    bis = timezone.localdate(soon) + datetime.timedelta(days=1)
    page = freiwillige.get(f"/de/ehrenamt/schichten/?bereich=kleiderkammer&bis={bis.isoformat()}").content.decode()
    assert "Kleider bald" in page
    assert "Cafe bald" not in page and "Kleider spaeter" not in page


def test_shift_list_counts_places_and_the_waiting_list_of_each_row(freiwillige):
    soon = timezone.now() + datetime.timedelta(days=2)
    voll = SchichtFactory(titel="Voll besetzt", kapazitaet=2, beginn=soon)
    frei = SchichtFactory(titel="Noch frei", kapazitaet=3, beginn=soon + datetime.timedelta(hours=3))
    for schicht, status in [(voll, "bestaetigt"), (voll, "bestaetigt"), (voll, "warteliste"), (frei, "bestaetigt")]:
        EinsatzFactory(schicht=schicht, status=status)
    EinsatzFactory(schicht=frei, status="abgemeldet")
    page = freiwillige.get("/de/ehrenamt/schichten/").content.decode()
    voll_row, frei_row = page.split("Voll besetzt")[1].split("</li>")[0], page.split("Noch frei")[1].split("</li>")[0]
    assert "Voll" in voll_row and "1 Person auf der Warteliste" in voll_row
    assert "2 Plätze frei" in frei_row


def test_bad_filter_input_gets_a_message_and_keeps_the_input(freiwillige):
    response = freiwillige.get("/de/ehrenamt/schichten/?von=2026-12-10&bis=2026-12-01&bereich=unbekannt")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enddatum darf nicht vor dem Anfangsdatum" in page
    assert 'value="2026-12-10"' in page


@pytest.mark.parametrize("count", [1, pytest.param(1000, marks=pytest.mark.slow)])
def test_shift_list_queries_are_bounded(freiwillige, django_assert_max_num_queries, count):
    start = timezone.now() + datetime.timedelta(days=1)
    schichten = SchichtFactory.create_batch(count, beginn=start)
    others = [volunteer() for _ in range(3)]
    for schicht in schichten[:20]:
        for person in others:
            EinsatzFactory(schicht=schicht, freiwillige=person)
    with django_assert_max_num_queries(20):
        response = freiwillige.get("/de/ehrenamt/schichten/")
    assert response.status_code == 200


def test_my_shifts_queries_are_bounded(freiwillige, django_assert_max_num_queries):
    schichten = SchichtFactory.create_batch(30, kapazitaet=1)
    other = volunteer()
    for schicht in schichten:
        EinsatzFactory(schicht=schicht, freiwillige=other)
        EinsatzFactory(schicht=schicht, freiwillige=freiwillige.user, status="warteliste")
    with django_assert_max_num_queries(20):
        response = freiwillige.get("/de/ehrenamt/meine-einsaetze/")
    assert response.content.decode().count("Nummer 1 auf der Warteliste") == 30


def test_emails_show_titles_as_typed(db):
    schicht = SchichtFactory(kapazitaet=1, titel="Kaffee & Kuchen <Aufbau>")
    first, waiting = volunteer(), volunteer(user__first_name="Seán O'Neil")
    sign_up(client_for(first), schicht)
    sign_up(client_for(waiting), schicht)
    einsatz = Einsatz.objects.get(freiwillige=first)
    client_for(first).post(f"/de/ehrenamt/einsaetze/{einsatz.pk}/absagen/")
    message = mail.outbox[-1]
    assert "Kaffee & Kuchen <Aufbau>" in message.subject and "Kaffee & Kuchen <Aufbau>" in message.body
    assert "Seán O'Neil" in message.body


@pytest.mark.parametrize("query", ["von=0001-01-01", "bis=9999-12-31", "von=2026-02-30"])
def test_absurd_filter_dates_get_a_message_not_an_error(freiwillige, query):
    response = freiwillige.get(f"/de/ehrenamt/schichten/?{query}")
    assert response.status_code == 200
    assert "field__errors" in response.content.decode()


@pytest.mark.parametrize("year", [0, 1, 10000, 99999999])
def test_certificates_for_impossible_years_are_not_found(freiwillige, year):
    assert freiwillige.get(f"/de/ehrenamt/meine-einsaetze/nachweis/{year}/").status_code == 404
