"""The Erklärung zur Barrierefreiheit after the Baden-Württemberg Muster, and its feedback route."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command

from home.models import Barrierenmeldung, ein_monat_nach
from portal import roles
from tests.factories import BarrierenmeldungFactory

pytestmark = pytest.mark.django_db

MIDDAY = datetime.datetime(2027, 1, 31, 11, tzinfo=datetime.UTC)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def erklaerung(site_pages):
    page = site_pages.legal["barrierefreiheit"]
    page.stand_erlaeuterung = "Einige Inhalte sind noch nicht barrierefrei."
    page.nicht_barrierefrei = [
        ("inhalt", {"inhalt": "Gebärdensprachvideos", "grund": "unvereinbar", "beschreibung": "Noch ein Beispiel."}),
        ("inhalt", {"inhalt": "Fremde PDFs", "grund": "ausgenommen", "beschreibung": "Nicht von uns."}),
    ]
    page.ueberprueft_am = datetime.date(2026, 12, 1)
    page.save_revision().publish()
    return page


def test_the_statement_follows_the_muster(client, erklaerung):
    page = soup(client.get("/de/barrierefreiheit/"))
    headings = [h.get_text(strip=True) for h in page.select("main h2")]
    assert headings[:3] == [
        "Stand der Vereinbarkeit mit den Anforderungen",
        "Nicht barrierefreie Inhalte",
        "Erstellung dieser Erklärung zur Barrierefreiheit",
    ]
    assert "Feedback und Kontakt" in headings and headings[-1] == "Durchsetzungsverfahren"
    text = page.select_one("main").get_text(" ", strip=True)
    assert "teilweise vereinbar" in text
    assert "am 2. November 2026 erstellt" in text and "Selbstbewertung" in text
    assert "zuletzt am 1. Dezember 2026 überprüft" in text
    # Grouped by the reasons the Muster names, each with its items.
    groups = [h.get_text(strip=True) for h in page.select("main h3")]
    assert groups[:2] == ["Noch nicht mit den Anforderungen vereinbar", "Nicht im Anwendungsbereich des Gesetzes"]
    assert "Schlichtungsstelle beim Landeszentrum Barrierefreiheit" in text
    assert page.select_one("form textarea[name=barriere]") is not None


def test_in_arabic_the_form_speaks_arabic_and_the_german_text_is_marked(client, erklaerung):
    page = soup(client.get("/ar/barrierefreiheit/"))
    assert page.select_one("main").get("lang") is None
    assert page.select_one("main h1")["lang"] == "de"
    assert page.select_one("main h1")["dir"] == "ltr"
    label = page.select_one("label[for=id_barriere]").get_text(strip=True)
    assert label and not any("a" <= char.lower() <= "z" for char in label), label
    assert page.select_one("form.form")["action"] == "/ar/barrierefreiheit/meldung/#barriere-melden"
    # The contact card: the editors' name in German, its labels in Arabic (marked as such inside German text too).
    card = page.select_one(".contact-card")
    assert card["lang"] == "ar" and card["dir"] == "rtl"
    assert card.select_one(".contact-card__name")["lang"] == "de"
    assert card.select_one("dt").find_parent(attrs={"lang": "de"}) is None


def test_a_contact_card_on_an_untranslated_page_marks_its_labels_in_the_readers_language(client, site_pages):
    site_pages.begriff.body = [("contact", {"name": "Integrationsmanagement", "address": "Marktstraße 36"})]
    site_pages.begriff.save_revision().publish()
    page = soup(client.get(site_pages.begriff.url.replace("/de/", "/fa/")))
    assert page.select_one("main")["lang"] == "de"
    card = page.select_one(".contact-card")
    assert (card["lang"], card["dir"]) == ("fa", "rtl")
    assert card.select_one("dd")["lang"] == "de"  # the address


def test_a_report_is_stored_with_a_due_date_and_confirmed_in_the_reporters_language(client, erklaerung):
    with time_machine.travel(MIDDAY):
        response = client.post(
            "/uk/barrierefreiheit/meldung/",
            {"barriere": "Der Knopf ist zu klein.", "seite": "/uk/angebote/", "email": "olena@example.org"},
        )
    assert response.status_code == 302
    assert response.url == "/uk/barrierefreiheit/meldung/danke/"
    meldung = Barrierenmeldung.objects.get()
    assert (meldung.sprache, meldung.status, meldung.seite) == ("uk", "neu", "/uk/angebote/")
    assert meldung.antwort_bis == datetime.date(2027, 2, 28)
    by_address = {message.to[0]: message for message in mail.outbox}
    confirmation = by_address["olena@example.org"]
    assert "звернення" in confirmation.subject.lower() or "бар" in confirmation.subject.lower(), confirmation.subject
    assert "28 лютого 2027 р." in confirmation.body and "р.." not in confirmation.body
    assert "Der Knopf ist zu klein." not in confirmation.body, "no text of the sender's choosing is mailed out"
    notice = by_address["barrierefreiheit@example.org"]
    assert f"/cms/barrierenmeldungen/edit/{meldung.pk}/" in notice.body
    assert "Der Knopf ist zu klein." not in notice.body, "the report itself stays in the CMS"
    assert client.get(response.url).status_code == 200


def test_a_report_without_address_is_stored_and_announced_only_to_the_contact(client, erklaerung):
    client.post("/de/barrierefreiheit/meldung/", {"barriere": "Kontrast zu schwach."})
    assert Barrierenmeldung.objects.get().email == ""
    assert [message.to for message in mail.outbox] == [["barrierefreiheit@example.org"]]


def test_bad_input_is_explained_at_the_field_and_kept(client, erklaerung):
    response = client.post("/ar/barrierefreiheit/meldung/", {"barriere": "", "name": "Samir", "email": "keine-adresse"})
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("#id_barriere_errors") is not None
    assert page.select_one("#id_email_errors") is not None
    assert page.select_one("input[name=name]")["value"] == "Samir"
    assert page.select_one("input[name=email]")["value"] == "keine-adresse"
    assert not Barrierenmeldung.objects.exists()


def test_bots_filling_the_honeypot_store_nothing(client, erklaerung):
    response = client.post("/de/barrierefreiheit/meldung/", {"barriere": "Spam", "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Barrierenmeldung.objects.exists()
    assert mail.outbox == []


def test_the_form_knows_the_page_and_the_signed_in_reader(client, client_as, erklaerung):
    page = soup(client.get("/de/barrierefreiheit/", {"seite": "/de/angebote/"}))
    assert page.select_one("input[name=seite]")["value"] == "/de/angebote/"
    page = soup(client.get("/de/barrierefreiheit/", {"seite": "//evil.example/"}))
    assert not page.select_one("input[name=seite]").get("value")

    member = client_as(roles.EHRENAMT)
    page = soup(member.get("/de/barrierefreiheit/"))
    assert page.select_one("input[name=email]")["value"] == member.user.email


def test_every_page_links_to_the_report_form_with_its_address(client, erklaerung, site_pages):
    page = soup(client.get("/ar/integrationsbegriff/"))
    link = page.select_one(".footer-links a[href*='seite=']")
    assert link["href"] == "/ar/barrierefreiheit/?seite=%2Far%2Fintegrationsbegriff%2F#barriere-melden"


def test_one_month_after_receipt():
    assert ein_monat_nach(datetime.date(2027, 1, 31)) == datetime.date(2027, 2, 28)
    assert ein_monat_nach(datetime.date(2028, 1, 30)) == datetime.date(2028, 2, 29)
    assert ein_monat_nach(datetime.date(2026, 12, 15)) == datetime.date(2027, 1, 15)


def test_open_reports_are_overdue_after_a_month_and_marked_in_the_inbox(client_as, erklaerung):
    with time_machine.travel(MIDDAY):
        offen = BarrierenmeldungFactory(barriere="Kein Alternativtext")
        beantwortet = BarrierenmeldungFactory(barriere="Video ohne Text", status="beantwortet")
    with time_machine.travel(datetime.datetime(2027, 2, 28, 11, tzinfo=datetime.UTC)):
        assert not offen.ueberfaellig
        response = client_as(roles.REDAKTION).get("/cms/barrierenmeldungen/")
        assert "Kein Alternativtext" in response.content.decode()
        assert "überfällig" not in response.content.decode()
    with time_machine.travel(datetime.datetime(2027, 3, 1, 11, tzinfo=datetime.UTC)):
        assert offen.ueberfaellig and not beantwortet.ueberfaellig
        client_as(roles.REDAKTION).logout()  # a day without a request ends a CMS session: sign in anew
        rows = soup(client_as(roles.REDAKTION).get("/cms/barrierenmeldungen/")).select("tbody tr")
        marked = [row.get_text(" ", strip=True) for row in rows if "überfällig" in row.get_text()]
        assert len(marked) == 1 and "Kein Alternativtext" in marked[0]


def test_the_redaktion_answers_reports_in_the_cms_but_cannot_invent_them(client_as, erklaerung):
    meldung = BarrierenmeldungFactory(barriere="Fokus unsichtbar", email="a@example.org")
    redaktion = client_as(roles.REDAKTION)
    edit = redaktion.get(f"/cms/barrierenmeldungen/edit/{meldung.pk}/")
    assert edit.status_code == 200 and "Fokus unsichtbar" in edit.content.decode()
    response = redaktion.post(
        f"/cms/barrierenmeldungen/edit/{meldung.pk}/",
        {"barriere": "geändert", "status": "beantwortet", "notiz": "Am 3.12. per Mail beantwortet."},
    )
    assert response.status_code == 302
    meldung.refresh_from_db()
    assert (meldung.status, meldung.barriere) == ("beantwortet", "Fokus unsichtbar")
    assert redaktion.get("/cms/barrierenmeldungen/new/").status_code in (302, 403)


@pytest.mark.parametrize("role", [roles.INTEGRATIONSMANAGEMENT, roles.EHRENAMT, roles.PERSONAL])
def test_other_roles_never_see_the_reports(client_as, erklaerung, role):
    meldung = BarrierenmeldungFactory(barriere="Geheim", email="a@example.org")
    client = client_as(role)
    for url in ("/cms/barrierenmeldungen/", f"/cms/barrierenmeldungen/edit/{meldung.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"Geheim" not in response.content


def test_reports_are_deleted_a_year_after_receipt_once_closed(erklaerung):
    with time_machine.travel(MIDDAY):
        erledigt = BarrierenmeldungFactory(barriere="alt", status="erledigt")
        offen = BarrierenmeldungFactory(barriere="alt, offen")
    with time_machine.travel(MIDDAY + datetime.timedelta(days=366)):
        call_command("purge_barrierenmeldungen", stdout=open("/dev/null", "w"))  # noqa: SIM115
        call_command("purge_barrierenmeldungen", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(Barrierenmeldung.objects.values_list("pk", flat=True)) == [offen.pk]
    assert not Barrierenmeldung.objects.filter(pk=erledigt.pk).exists()


@pytest.mark.parametrize("count", [1, 60])
def test_the_inbox_needs_the_same_queries_for_one_report_and_for_many(
    client_as, erklaerung, count, django_assert_max_num_queries
):
    Barrierenmeldung.objects.bulk_create(
        Barrierenmeldung(barriere=f"Barriere {number}", antwort_bis=datetime.date(2027, 1, 1))
        for number in range(count)
    )
    redaktion = client_as(roles.REDAKTION)
    with django_assert_max_num_queries(13, info=f"{count} reports, cold"):
        redaktion.get("/cms/barrierenmeldungen/")
    with django_assert_max_num_queries(13, info=f"{count} reports, warm"):
        response = redaktion.get("/cms/barrierenmeldungen/")
    assert response.status_code == 200 and f"Barriere {count - 1}" in response.content.decode()
