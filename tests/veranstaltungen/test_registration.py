import csv
import datetime
import io
import re

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from portal import roles
from tests.factories import VeranstaltungAnmeldungFactory, VeranstaltungenIndexPageFactory, VeranstaltungPageFactory
from veranstaltungen.models import Anmeldung

pytestmark = pytest.mark.django_db


@pytest.fixture
def vortrag(site_pages):
    index = VeranstaltungenIndexPageFactory(parent=site_pages.home)
    start = (timezone.now() + datetime.timedelta(days=5)).replace(microsecond=0)
    return VeranstaltungPageFactory(
        parent=index,
        slug="vortrag",
        title="Vortrag",
        start=start,
        end=start + datetime.timedelta(hours=2),
        anmeldung=True,
        kapazitaet=2,
    )


def sign_up(client, page, name, email, language="de"):
    datum = page.termine()[0].date.isoformat()
    response = client.post(
        f"/{language}/veranstaltungen/vortrag/anmelden/", {"datum": datum, "name": name, "email": email}
    )
    link = re.search(r"http://testserver(\S+/bestaetigen/\S+/)", mail.outbox[-1].body).group(1)
    return response, link


def test_double_opt_in_then_waiting_list_then_moving_up(client, vortrag):
    links = {}
    for name in ("Ana", "Bo", "Cem"):
        response, links[name] = sign_up(client, vortrag, name, f"{name.lower()}@example.org")
        assert response.status_code == 200
    assert Anmeldung.objects.filter(status="unbestaetigt").count() == 3, "nothing counts before the confirmation"

    assert client.get(links["Ana"]).status_code == 200, "opening the link shows a button, it does not confirm"
    assert Anmeldung.objects.get(name="Ana").status == "unbestaetigt"
    for name in ("Ana", "Bo", "Cem"):
        client.post(links[name])
    status = dict(Anmeldung.objects.values_list("name", "status"))
    assert status == {"Ana": "bestaetigt", "Bo": "bestaetigt", "Cem": "warteliste"}

    cancel = re.search(r"http://testserver(\S+/abmelden/\S+/)", mail.outbox[-3].body).group(1)  # Ana's place mail
    assert "ana@example.org" in mail.outbox[-3].to
    client.post(cancel)
    status = dict(Anmeldung.objects.values_list("name", "status"))
    assert status == {"Ana": "storniert", "Bo": "bestaetigt", "Cem": "bestaetigt"}
    assert mail.outbox[-1].to == ["cem@example.org"], "the one who moved up is told"


def test_capacity_is_never_exceeded(client, vortrag):
    links = [sign_up(client, vortrag, f"Person {n}", f"p{n}@example.org")[1] for n in range(5)]
    for link in links:
        client.post(link)
        client.post(link)  # confirming twice changes nothing
    assert Anmeldung.objects.filter(status="bestaetigt").count() == 2
    assert Anmeldung.objects.filter(status="warteliste").count() == 3


def test_double_sign_up_is_rejected_politely(client, vortrag):
    sign_up(client, vortrag, "Ana", "ana@example.org")
    datum = vortrag.termine()[0].date.isoformat()
    response = client.post(
        "/de/veranstaltungen/vortrag/anmelden/", {"datum": datum, "name": "Ana", "email": "ANA@example.org"}
    )
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("#id_email_errors") is not None
    assert page.find("input", attrs={"name": "name"})["value"] == "Ana"
    assert Anmeldung.objects.count() == 1


def test_bad_input_is_shown_at_the_field(client, vortrag):
    response = client.post("/de/veranstaltungen/vortrag/anmelden/", {"datum": "1999-01-01", "name": "", "email": "x"})
    page = BeautifulSoup(response.content, "html.parser")
    assert {e["id"] for e in page.select(".field__errors")} == {"id_datum_errors", "id_name_errors", "id_email_errors"}
    assert not Anmeldung.objects.exists()


def test_no_registration_without_it_being_turned_on(client, vortrag):
    vortrag.anmeldung = False
    vortrag.save_revision().publish()
    assert client.get("/de/veranstaltungen/vortrag/anmelden/").status_code == 404


def test_editors_see_the_attendees_and_export_csv(client_as, client, vortrag):
    _response, link = sign_up(client, vortrag, '=HYPERLINK("x")', "ana@example.org")
    client.post(link)
    editor = client_as(roles.REDAKTION)
    assert "ana@example.org" in editor.get(f"/cms/veranstaltungen/{vortrag.pk}/anmeldungen/").content.decode()
    response = editor.get(f"/cms/veranstaltungen/{vortrag.pk}/anmeldungen/csv/")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][1].startswith("'="), "no formulas from the public in the spreadsheet"
    assert rows[1][2] == "ana@example.org"


def test_volunteers_cannot_see_attendees(client_as, vortrag):
    assert client_as(roles.EHRENAMT).get(f"/cms/veranstaltungen/{vortrag.pk}/anmeldungen/").status_code == 403


def test_registrations_are_deleted_after_the_event(vortrag):
    from django.core.management import call_command

    today = timezone.localdate()
    old = VeranstaltungAnmeldungFactory(veranstaltung=vortrag, datum=today - datetime.timedelta(days=40))
    stale = VeranstaltungAnmeldungFactory(veranstaltung=vortrag, datum=today + datetime.timedelta(days=5))
    Anmeldung.objects.filter(pk=stale.pk).update(angemeldet=timezone.now() - datetime.timedelta(days=8))
    keep = VeranstaltungAnmeldungFactory(
        veranstaltung=vortrag, datum=today + datetime.timedelta(days=5), status="bestaetigt"
    )
    call_command("purge_registrations", stdout=io.StringIO())
    assert list(Anmeldung.objects.all()) == [keep]
    assert not Anmeldung.objects.filter(pk__in=[old.pk, stale.pk]).exists()


def test_emails_are_plain_text_names_are_not_html_escaped(client, vortrag):
    vortrag.title = "Kaffee & Kuchen"
    vortrag.save_revision().publish()
    sign_up(client, vortrag, "Seán O'Neil", "sean@example.org")
    message = mail.outbox[-1]
    assert "Seán O'Neil" in message.body and "&#x27;" not in message.body
    assert "Kaffee & Kuchen" in message.body + message.subject and "&amp;" not in message.body + message.subject


def test_the_form_shows_free_places_or_the_waiting_list_for_each_date(client, vortrag):
    def choice_for_first_date(language):
        page = BeautifulSoup(client.get(f"/{language}/veranstaltungen/vortrag/anmelden/").content, "html.parser")
        return page.select_one("#id_datum option").get_text()

    assert choice_for_first_date("de").endswith("– 2 Plätze frei")
    for name in ("Ana", "Bo"):
        client.post(sign_up(client, vortrag, name, f"{name.lower()}@example.org")[1])
    assert choice_for_first_date("de").endswith("– ausgebucht, Warteliste")
    arabic = choice_for_first_date("ar")
    assert "، " in arabic and ", " not in arabic, "Arabic separators"


def test_confirmation_and_waiting_list_pages_name_the_date_and_the_position(client, vortrag):
    vortrag.kapazitaet = 1
    vortrag.save()
    links = [sign_up(client, vortrag, name, f"{name.lower()}@example.org")[1] for name in ("Ana", "Bo")]
    for link in links:
        client.post(link)
    page = BeautifulSoup(client.get(links[0].replace("/de/", "/ar/")).content, "html.parser")
    facts = page.select_one("main dl.facts").get_text(" ", strip=True)
    assert "، " in facts, "the date in the Arabic page's format"
    waiting = BeautifulSoup(client.post(links[1]).content, "html.parser").select_one("main").get_text(" ", strip=True)
    assert "Nummer 1 auf der Warteliste" in waiting


def test_the_mails_and_the_confirmation_page_name_date_time_and_place_and_offer_that_date_as_a_calendar_file(
    client, vortrag
):
    vortrag.adresse = "Begegnungszentrum\nMarktstraße 20\n73207 Plochingen"
    vortrag.save_revision().publish()
    start = timezone.localtime(vortrag.start)
    _response, link = sign_up(client, vortrag, "Olena", "olena@example.org", language="uk")
    request_mail = mail.outbox[-1].body
    assert f"{start:%H:%M}" in request_mail and "Marktstraße 20" in request_mail
    calendar_link = re.search(r"http://testserver(/uk/\S+/ical/\S+/)", request_mail).group(1)

    page = BeautifulSoup(client.post(link).content, "html.parser")
    facts = page.select_one("main dl.facts").get_text(" ", strip=True)
    assert f"{start:%H:%M}" in facts and "Marktstraße 20" in facts
    place = page.select_one("main dl.facts dd[lang=de]").get_text()
    assert place == "Begegnungszentrum, Marktstraße 20, 73207 Plochingen", "the German address is marked as such"
    offered = page.select_one("main a.calendar-link")["href"]
    assert offered == calendar_link
    place_mail = mail.outbox[-1].body
    assert calendar_link in place_mail and "olena@example.org" in mail.outbox[-1].to

    response = client.get(calendar_link)
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].startswith("attachment")
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == vortrag.start and event.decoded("DTEND") == vortrag.end
    assert str(event["SUMMARY"]) == "Vortrag"
    assert "Marktstraße 20" in str(event["LOCATION"])
    assert str(event["URL"]).endswith("/uk/veranstaltungen/vortrag/")
    assert client.get(calendar_link.replace(f"{start:%Y-%m-%d}", "2000-01-01")).status_code == 404
