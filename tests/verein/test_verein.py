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

from portal import roles
from portal.models import Mail
from tests.conftest import login
from tests.factories import BeitragFactory, MitgliedFactory, UserFactory, VereinPageFactory
from verein.models import Beitrag, Mitglied, Sprechrunde, Vereinskonto

pytestmark = pytest.mark.django_db


@pytest.fixture
def verein(site_pages):
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
    assert "60,00" in mail.outbox[-1].body
    # Issue 25, finding 5: nothing typed as text goes back to an address nobody has confirmed.
    for typed in ("Jonas", "O'Neil", "Filsweg"):
        assert typed not in mail.outbox[-1].body


def test_second_application_with_the_same_email_is_handled_politely(client, verein):
    client.post("/de/verein/antrag/", APPLICATION)
    # another application (the same one again within minutes would be taken for a double click)
    response = client.post("/de/verein/antrag/", {**APPLICATION, "strasse": "Marktplatz 1"})
    # The form says nothing about who is a member; the address itself gets a friendly note.
    assert response.status_code == 302 and response.url == "/de/verein/antrag/danke/"
    assert Mitglied.objects.count() == 1
    assert mail.outbox[-1].to == ["jonas@example.org"]
    assert "already" in mail.outbox[-1].body or "bereits" in mail.outbox[-1].body
    assert "Jonas" not in mail.outbox[-1].body


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


def test_declining_asks_for_confirmation_and_a_reason_sent_in_the_applicants_language(client, vorstand, verein):
    client.post("/ar/verein/antrag/", APPLICATION)
    mitglied = Mitglied.objects.get()
    assert mitglied.sprache == "ar"
    url = f"/de/verein/mitglieder/vorstand/{mitglied.pk}/"
    # The old "decline" button does not decline: it leads to the confirmation.
    response = vorstand.post(url + "entscheiden/", {"entscheidung": "ablehnen"})
    assert response.status_code == 302 and response.url == url + "ablehnen/"
    confirmation = vorstand.get(url + "ablehnen/")
    assert confirmation.status_code == 200 and 'name="ablehnungsgrund"' in confirmation.content.decode()
    mitglied.refresh_from_db()
    assert mitglied.status == "beantragt"
    # Without a reason: the error at the field, nothing decided.
    bad = vorstand.post(url + "ablehnen/", {"ablehnungsgrund": " "})
    assert bad.status_code == 200 and 'id="id_ablehnungsgrund_errors"' in bad.content.decode()
    assert Mitglied.objects.get().status == "beantragt"

    vorstand.post(url + "ablehnen/", {"ablehnungsgrund": "Wir nehmen nur Mitglieder aus dem Landkreis auf."})
    mitglied.refresh_from_db()
    assert mitglied.status == "abgelehnt" and mitglied.ablehnungsgrund.startswith("Wir nehmen")
    declined = Mail.objects.filter(kind="MitgliedAbgelehnt").get()
    assert declined.to == "jonas@example.org" and declined.language == "ar"
    body = mail.outbox[-1].body
    assert mail.outbox[-1].to == ["jonas@example.org"]
    assert "مرحبًا" in body and "Wir nehmen nur Mitglieder aus dem Landkreis auf." in body
    # Decided once: the confirmation is not offered again.
    assert vorstand.get(url + "ablehnen/").status_code == 302
    assert vorstand.get("/de/verein/mitglieder/vorstand/999999/").status_code == 404


def test_fees_unpaid_list_and_csv(vorstand, verein):
    year = timezone.localdate().year
    paid = MitgliedFactory(nachname="Bezahlt")
    unpaid = MitgliedFactory(nachname="=Offen")
    MitgliedFactory(nachname="Ausgetreten", status="ausgetreten", austritt=datetime.date(2025, 6, 1))
    BeitragFactory(mitglied=unpaid, jahr=year, betrag=24)
    vorstand.post(
        f"/de/verein/mitglieder/vorstand/{paid.pk}/beitrag/",
        {"jahr": year, "betrag": "24.00", "bezahlt": "bezahlt", "bezahlt_am": timezone.localdate().isoformat()},
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


@pytest.mark.parametrize("count", [1, pytest.param(500, marks=pytest.mark.slow)])
def test_register_queries_are_bounded(vorstand, django_assert_max_num_queries, count):
    MitgliedFactory.create_batch(count)
    with django_assert_max_num_queries(20):
        assert vorstand.get("/de/verein/mitglieder/vorstand/").status_code == 200


def test_the_vorstand_is_told_of_each_application_in_their_language(client, verein):
    UserFactory(roles=[roles.VORSTAND], email="kasse@example.org", preferred_language="en")
    UserFactory(roles=[roles.VORSTAND], email="vorsitz@example.org", preferred_language="uk")
    UserFactory(roles=[roles.VORSTAND], email="ehemals@example.org", is_active=False)
    UserFactory(roles=[roles.VEREINSMITGLIED], email="mitglied@example.org")
    client.post("/de/verein/antrag/", APPLICATION)
    mitglied = Mitglied.objects.get()
    told = {m.to: m.language for m in Mail.objects.filter(kind="NeuerMitgliedsantrag")}
    assert told == {"kasse@example.org": "en", "vorsitz@example.org": "uk"}
    english = next(m for m in mail.outbox if m.to == ["kasse@example.org"])
    assert f"/en/verein/mitglieder/vorstand/{mitglied.pk}/" in english.body
    assert "1 application is waiting in all" in english.body
    # Nothing about the applicant in the mail itself.
    assert "Jonas" not in english.body and "jonas@example.org" not in english.body


def test_open_applications_are_counted_on_the_register_and_in_the_nav(vorstand, verein):
    MitgliedFactory.create_batch(2, status="beantragt", mitgliedsnummer=None, eintritt=None)
    MitgliedFactory()
    page = vorstand.get("/en/verein/mitglieder/vorstand/").content.decode()
    assert "2 membership applications waiting" in page
    assert 'data-offene-antraege="2"' in page
    other = vorstand.get("/en/verein/mitglieder/vorstand/offene-beitraege/").content.decode()
    assert 'data-offene-antraege="2"' in other


def test_an_application_is_accepted_one_way_only(vorstand, verein):
    mitglied = MitgliedFactory(status="beantragt", mitgliedsnummer=None, eintritt=None)
    url = f"/de/verein/mitglieder/vorstand/{mitglied.pk}/"
    page = vorstand.get(url).content.decode()
    # One button to accept, a link to decline; no status drop-down or fee form beside them.
    assert page.count('value="annehmen"') == 1 and f'href="{url}ablehnen/"' in page
    assert 'name="status"' not in page and 'name="bezahlt_am"' not in page
    # Nor through the member form or the fee form behind the page's back.
    vorstand.post(url, {"status": "aktiv", "art": "ordentlich"})
    vorstand.post(url + "beitrag/", {"jahr": 2026, "betrag": "24", "bezahlt": "offen"})
    mitglied.refresh_from_db()
    assert mitglied.status == "beantragt" and mitglied.mitgliedsnummer is None and not mitglied.beitraege.exists()
    # A second click on "accept" (or a decline at the same moment) changes nothing more.
    entscheiden = f"{url}entscheiden/"
    vorstand.post(entscheiden, {"entscheidung": "annehmen"})
    mitglied.refresh_from_db()
    nummer, mails = mitglied.mitgliedsnummer, len(mail.outbox)
    assert mitglied.status == "aktiv" and nummer
    vorstand.post(entscheiden, {"entscheidung": "annehmen"})
    vorstand.post(f"{url}ablehnen/", {"ablehnungsgrund": "zu spät"})
    mitglied.refresh_from_db()
    assert (mitglied.status, mitglied.mitgliedsnummer, len(mail.outbox)) == ("aktiv", nummer, mails)
    # Members' status choices no longer offer "applied" or "not accepted".
    member = MitgliedFactory()
    form = vorstand.get(f"/de/verein/mitglieder/vorstand/{member.pk}/").content.decode()
    assert 'value="aktiv"' in form and 'value="beantragt"' not in form and 'value="abgelehnt"' not in form


def test_a_fee_is_recorded_as_paid_only_by_choice_and_with_a_date(vorstand, verein):
    year = timezone.localdate().year
    mitglied = MitgliedFactory()
    url = f"/de/verein/mitglieder/vorstand/{mitglied.pk}/"
    page = vorstand.get(url).content.decode()
    # "Paid on" is empty and neither "paid" nor "not yet paid" is chosen.
    assert re.search(r'<input[^>]*name="bezahlt_am"', page)
    assert not re.search(r'<input[^>]*name="bezahlt_am"[^>]*value=', page)
    assert not re.search(r'<input[^>]*name="bezahlt"[^>]*checked', page)
    assert 'value="24,00"' in page or 'value="24.00"' in page  # the fee of the membership type

    no_choice = vorstand.post(url + "beitrag/", {"jahr": year, "betrag": "24.00"})
    assert 'id="id_bezahlt_errors"' in no_choice.content.decode()
    paid_without_date = vorstand.post(url + "beitrag/", {"jahr": year, "betrag": "24.00", "bezahlt": "bezahlt"})
    assert 'id="id_bezahlt_am_errors"' in paid_without_date.content.decode()
    assert 'value="24.00"' in paid_without_date.content.decode()  # what was typed stays
    today = timezone.localdate().isoformat()
    open_with_date = vorstand.post(
        url + "beitrag/", {"jahr": year, "betrag": "24.00", "bezahlt": "offen", "bezahlt_am": today}
    )
    assert 'id="id_bezahlt_am_errors"' in open_with_date.content.decode()
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    in_future = vorstand.post(
        url + "beitrag/", {"jahr": year, "betrag": "24.00", "bezahlt": "bezahlt", "bezahlt_am": future}
    )
    assert 'id="id_bezahlt_am_errors"' in in_future.content.decode()
    assert not Beitrag.objects.exists()

    vorstand.post(url + "beitrag/", {"jahr": year, "betrag": "24.00", "bezahlt": "offen"})
    assert Beitrag.objects.get().bezahlt_am is None
    vorstand.post(url + "beitrag/", {"jahr": year, "betrag": "24.00", "bezahlt": "bezahlt", "bezahlt_am": today})
    assert Beitrag.objects.get().bezahlt_am == timezone.localdate()
    # A paid fee is not made unpaid by accident.
    response = vorstand.post(url + "beitrag/", {"jahr": year, "betrag": "24.00", "bezahlt": "offen"})
    assert 'id="id_bezahlt_errors"' in response.content.decode()
    assert Beitrag.objects.get().bezahlt_am == timezone.localdate()


def _accept(vorstand, client, language="de"):
    client.post(f"/{language}/verein/antrag/", APPLICATION)
    mitglied = Mitglied.objects.get()
    vorstand.post(f"/de/verein/mitglieder/vorstand/{mitglied.pk}/entscheiden/", {"entscheidung": "annehmen"})
    mitglied.refresh_from_db()
    return mitglied, next(m for m in reversed(mail.outbox) if m.to == ["jonas@example.org"])


def test_the_welcome_mail_says_how_to_pay_the_fee(client, vorstand, verein):
    konto = Vereinskonto.load()
    konto.kontoinhaber = "LBF Plochingen e. V."
    konto.iban = "de89370400440532013000"
    konto.bank = "Kreissparkasse Esslingen-Nürtingen"
    konto.save()
    mitglied, welcome = _accept(vorstand, client)
    year = timezone.localdate().year
    assert mitglied.mitgliedsnummer == 1001
    assert "DE89 3704 0044 0532 0130 00" in welcome.body and "LBF Plochingen e. V." in welcome.body
    assert "Kreissparkasse Esslingen-Nürtingen" in welcome.body
    assert f"Mitgliedsbeitrag {year} Nr. 1001" in welcome.body
    assert "60,00 €" in welcome.body


def test_without_an_account_the_welcome_mail_says_how_to_get_in_touch(client, vorstand, verein):
    mitglied, welcome = _accept(vorstand, client, language="en")
    assert "IBAN" not in welcome.body
    assert "60.00 €" in welcome.body and "please reply to this email" in welcome.body


def test_the_bank_account_setting_checks_the_iban():
    from django.core.exceptions import ValidationError

    konto = Vereinskonto(kontoinhaber="LBF", iban="DE89 3704 0044 0532 0130 01")
    with pytest.raises(ValidationError) as error:
        konto.full_clean()
    assert "iban" in error.value.error_dict
    konto.iban = "DE89 3704 0044 0532 0130 00"
    konto.verwendungszweck = "Beitrag {jahr}"
    with pytest.raises(ValidationError) as error:
        konto.full_clean()
    assert list(error.value.error_dict) == ["verwendungszweck"]
    for kaputt in ("Nr. {nummer.x}", "Nr. {nummer[0]}", "Nr. {nummer", "{jahr:s} {nummer}", "{name} {nummer}"):
        konto.verwendungszweck = kaputt
        with pytest.raises(ValidationError):
            konto.full_clean()
    konto.verwendungszweck = "Beitrag {jahr} / {nummer}"
    konto.full_clean()


def test_the_redaktion_keeps_the_bank_account_in_the_cms(client_as):
    client = client_as(roles.REDAKTION)
    url = client.get("/cms/settings/verein/vereinskonto/").url
    assert client.get(url).status_code == 200
    data = {"kontoinhaber": "LBF", "iban": "DE89 3704 0044 0532 0130 01", "bic": "", "bank": ""}
    bad = client.post(url, {**data, "verwendungszweck": "Beitrag {jahr} Nr. {nummer}"})
    assert bad.status_code == 200 and "iban" in bad.context["form"].errors
    client.post(url, {**data, "iban": "DE89370400440532013000", "verwendungszweck": "Beitrag {jahr} Nr. {nummer}"})
    assert Vereinskonto.load().iban == "DE89 3704 0044 0532 0130 00"
