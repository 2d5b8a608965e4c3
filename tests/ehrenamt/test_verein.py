"""The Verein: application, the Vorstand's register and fees, the members' area and its documents."""

import csv
import datetime
import io
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Collection

from ehrenamt.models import Beitrag, Mitglied, Sprechrunde
from portal import roles
from tests.conftest import login, restore_migration_data
from tests.factories import MitgliedFactory, UserFactory, VereinPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def verein(site_pages):
    restore_migration_data()
    return VereinPageFactory(parent=site_pages.home)


@pytest.fixture
def satzung(verein):
    collection = Collection.objects.get(name=settings.PORTAL_VEREIN_COLLECTION)
    return Document.objects.create(
        title="Satzung", collection=collection, file=ContentFile(b"%PDF-1.4 Satzung-9911", "satzung.pdf")
    )


@pytest.fixture
def vorstand(db):
    client = Client()
    login(client, UserFactory(roles=[roles.VORSTAND], email="vorstand@example.org"))
    return client


APPLICATION = {
    "vorname": "Jonas",
    "nachname": "O'Neil",
    "strasse": "Filsweg 3",
    "plz": "73207",
    "ort": "Plochingen",
    "email": "Jonas@Example.org",
    "geburtsdatum": "1990-04-02",
    "art": "foerdernd",
    "einwilligung_satzung": "on",
    "einwilligung_datenschutz": "on",
}


def test_application_is_stored_and_confirmed(client, verein):
    page = client.get("/de/verein/antrag/").content.decode()
    assert "60,00" in page and "24,00" in page
    response = client.post("/de/verein/antrag/", APPLICATION)
    assert response.status_code == 302
    mitglied = Mitglied.objects.get()
    assert mitglied.status == "beantragt" and mitglied.email == "jonas@example.org" and mitglied.sprache == "de"
    assert mail.outbox[-1].to == ["jonas@example.org"]
    assert "O'Neil" in mail.outbox[-1].body and "60,00" in mail.outbox[-1].body


def test_second_application_with_the_same_email_is_handled_politely(client, verein):
    client.post("/de/verein/antrag/", APPLICATION)
    response = client.post("/de/verein/antrag/", APPLICATION)
    # The form says nothing about who is a member; the address itself gets a friendly note.
    assert response.status_code == 302 and response.url == "/de/verein/antrag/danke/"
    assert Mitglied.objects.count() == 1
    assert mail.outbox[-1].to == ["jonas@example.org"]
    assert "already" in mail.outbox[-1].body or "bereits" in mail.outbox[-1].body


def test_bad_application_input_is_shown_at_the_field(client, verein):
    data = {**APPLICATION, "plz": "7320", "geburtsdatum": (timezone.localdate()).isoformat()}
    del data["einwilligung_satzung"]
    page = client.post("/de/verein/antrag/", data).content.decode()
    for field in ("plz", "geburtsdatum", "einwilligung_satzung"):
        assert f'id="id_{field}_errors"' in page
    assert 'value="Filsweg 3"' in page
    assert not Mitglied.objects.exists()


def test_applicant_becomes_member_and_reads_the_satzung(client, verein, satzung, vorstand):
    client.post("/de/verein/antrag/", APPLICATION)
    mitglied = Mitglied.objects.get()
    # An outsider, a volunteer who is not a member, cannot reach the document.
    outsider = Client()
    login(outsider, UserFactory(roles=[roles.EHRENAMT]))
    assert outsider.get(satzung.url).status_code == 403
    assert Client().get(satzung.url).status_code == 302
    assert outsider.get("/de/verein/mitglieder/").status_code == 403

    vorstand.post(f"/de/verein/mitglieder/vorstand/{mitglied.pk}/entscheiden/", {"entscheidung": "annehmen"})
    mitglied.refresh_from_db()
    assert mitglied.status == "aktiv" and mitglied.mitgliedsnummer == 1001
    assert Beitrag.objects.get(mitglied=mitglied).betrag == 60
    signup = re.search(r"http://testserver(/de/konto/signup/)", mail.outbox[-1].body).group(1)

    # The new member creates an account with the same address and confirms it.
    client.post(
        signup,
        {"email": "jonas@example.org", "password1": "ein-langes-passwort-7", "password2": "ein-langes-passwort-7"},
    )
    confirm = re.search(r"http://testserver(/de/konto/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    client.post(confirm)
    client.post("/de/konto/login/", {"login": "jonas@example.org", "password": "ein-langes-passwort-7"})
    area = client.get("/de/verein/mitglieder/").content.decode()
    assert "Satzung" in area and "1001" in area
    response = client.get(satzung.url)
    assert response.status_code == 200
    assert b"Satzung-9911" in b"".join(response.streaming_content)


def test_no_direct_media_url_serves_verein_documents(client, satzung):
    assert client.get(settings.MEDIA_URL + satzung.file.name).status_code == 404


def test_resigned_members_get_nothing(client, verein, satzung):
    user = UserFactory(roles=[roles.VEREINSMITGLIED])
    MitgliedFactory(user=user, email=user.email)
    login(client, user)
    assert client.get(satzung.url).status_code == 200
    client.post("/de/verein/mitglieder/austreten/")
    mitglied = Mitglied.objects.get()
    assert mitglied.status == "ausgetreten" and mitglied.austritt == timezone.localdate()
    user = type(user).objects.get(pk=user.pk)
    assert not user.groups.filter(name=roles.VEREINSMITGLIED).exists()
    assert client.get("/de/verein/mitglieder/").status_code == 403
    assert client.get(satzung.url).status_code == 403
    assert mail.outbox[-1].to == [mitglied.email]


def test_members_update_their_own_data(client, verein):
    user = UserFactory(roles=[roles.VEREINSMITGLIED])
    MitgliedFactory(user=user, email=user.email)
    other = MitgliedFactory(email="belegt@example.org")
    login(client, user)
    bad = client.post(
        "/de/verein/mitglieder/meine-daten/",
        {"strasse": "Neu 1", "plz": "73207", "ort": "Plochingen", "email": other.email},
    )
    assert 'id="id_email_errors"' in bad.content.decode()
    client.post(
        "/de/verein/mitglieder/meine-daten/",
        {"strasse": "Neu 1", "plz": "73207", "ort": "Plochingen", "email": user.email},
    )
    assert Mitglied.objects.get(user=user).strasse == "Neu 1"


def test_declined_applicants_are_told(vorstand, verein):
    mitglied = MitgliedFactory(status="beantragt", mitgliedsnummer=None, eintritt=None)
    vorstand.post(f"/de/verein/mitglieder/vorstand/{mitglied.pk}/entscheiden/", {"entscheidung": "ablehnen"})
    mitglied.refresh_from_db()
    assert mitglied.status == "abgelehnt" and mail.outbox[-1].to == [mitglied.email]
    assert vorstand.get("/de/verein/mitglieder/vorstand/999999/").status_code == 404


def test_fees_unpaid_list_and_csv(vorstand, verein):
    year = timezone.localdate().year
    paid = MitgliedFactory(nachname="Bezahlt")
    unpaid = MitgliedFactory(nachname="=Offen")
    MitgliedFactory(nachname="Ausgetreten", status="ausgetreten", austritt=datetime.date(2025, 6, 1))
    Beitrag.objects.create(mitglied=unpaid, jahr=year, betrag=24)
    vorstand.post(
        f"/de/verein/mitglieder/vorstand/{paid.pk}/beitrag/",
        {"jahr": year, "betrag": "24.00", "bezahlt_am": timezone.localdate().isoformat()},
    )
    assert Beitrag.objects.get(mitglied=paid).bezahlt_am == timezone.localdate()
    page = vorstand.get("/de/verein/mitglieder/vorstand/offene-beitraege/").content.decode()
    assert "=Offen" in page and "Bezahlt" not in page and "Ausgetreten" not in page
    bad = vorstand.post(f"/de/verein/mitglieder/vorstand/{paid.pk}/beitrag/", {"jahr": "1850", "betrag": "-3"})
    assert 'id="id_jahr_errors"' in bad.content.decode() and 'id="id_betrag_errors"' in bad.content.decode()
    response = vorstand.get("/de/verein/mitglieder/vorstand/export/")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    names = [row[2] for row in rows[1:]]
    assert "'=Offen" in names and "Bezahlt" in names


def test_sprechrunde_dates_appear_in_the_members_area(client, vorstand, verein):
    day = timezone.localdate() + datetime.timedelta(days=10)
    vorstand.post(
        "/de/verein/mitglieder/vorstand/sprechrunden/",
        {"datum": day.isoformat(), "uhrzeit": "19:00", "ort": "Begegnungszentrum", "thema": "Jahresplanung"},
    )
    assert Sprechrunde.objects.get().thema == "Jahresplanung"
    user = UserFactory(roles=[roles.VEREINSMITGLIED])
    login(client, user)
    assert "Jahresplanung" in client.get("/de/verein/mitglieder/").content.decode()


@pytest.mark.parametrize("count", [1, 500])
def test_register_queries_are_bounded(vorstand, django_assert_max_num_queries, count):
    MitgliedFactory.create_batch(count)
    with django_assert_max_num_queries(20):
        assert vorstand.get("/de/verein/mitglieder/vorstand/").status_code == 200
