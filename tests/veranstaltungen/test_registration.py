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
        beginn=start,
        ende=start + datetime.timedelta(hours=2),
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


def test_a_second_sign_up_answers_as_the_first_and_tells_only_the_address(client, vortrag):
    """Issue 25, finding 10: the form does not reveal who is registered; the address owner hears of it."""
    sign_up(client, vortrag, "Ana", "ana@example.org", language="uk")
    datum = vortrag.termine()[0].date.isoformat()
    url = "/de/veranstaltungen/vortrag/anmelden/"
    new = client.post(url, {"datum": datum, "name": "Bo", "email": "bo@example.org"})
    again = client.post(url, {"datum": datum, "name": "Jemand", "email": "ANA@example.org"})
    assert again.status_code == new.status_code == 200

    def main(response):
        return BeautifulSoup(response.content, "html.parser").select_one("main").get_text(" ", strip=True)

    assert main(again) == main(new) and "Bitte sehen Sie in Ihrem E-Mail-Postfach nach" in main(again)
    assert Anmeldung.objects.filter(email="ana@example.org").count() == 1
    told = mail.outbox[-1]
    assert told.to == ["ana@example.org"]
    # In the language of the registration, with its own link to confirm it, nothing typed the second time.
    assert "Vortrag" in told.subject and "Якщо Ви не реєструвалися" in told.body
    assert "Jemand" not in told.body
    token = Anmeldung.objects.get(email="ana@example.org").token
    assert f"/uk/veranstaltungen/vortrag/anmelden/bestaetigen/{token}/" in told.body


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


def test_the_csv_export_has_no_formulas_in_any_column_and_only_confirmed_registrations(client_as, client, vortrag):
    """Issue 25, finding 11."""
    _response, link = sign_up(client, vortrag, "Ana", "=1+1@example.org")
    client.post(link)
    sign_up(client, vortrag, "Unbestätigt", "-2+3@example.org")
    editor = client_as(roles.REDAKTION)
    url = f"/cms/veranstaltungen/{vortrag.pk}/anmeldungen/csv/"

    def rows(response):
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))[1:]

    exported = rows(editor.get(url))
    assert [row[1] for row in exported] == ["Ana"], "only confirmed registrations unless asked"
    assert exported[0][2] == "'=1+1@example.org"
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in exported for cell in row)
    page = editor.get(f"/cms/veranstaltungen/{vortrag.pk}/anmeldungen/").content.decode()
    assert 'name="unbestaetigt"' in page
    everyone = rows(editor.get(url, {"unbestaetigt": "1"}))
    assert sorted(row[1] for row in everyone) == ["Ana", "Unbestätigt"]
    assert "'-2+3@example.org" in [row[2] for row in everyone]


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
    _response, link = sign_up(client, vortrag, "Seán O'Neil", "sean@example.org")
    request = mail.outbox[-1]
    assert "Kaffee & Kuchen" in request.body + request.subject and "&amp;" not in request.body + request.subject
    client.post(link)
    message = mail.outbox[-1]  # once the address is confirmed, the mails greet by name
    assert "Seán O'Neil" in message.body and "&#x27;" not in message.body


def test_the_request_to_confirm_does_not_repeat_what_was_typed(client, vortrag):
    """Issue 25, finding 5: the mail to an address nobody has confirmed carries no text from the form."""
    sign_up(client, vortrag, "Kaufen Sie jetzt: http://werbung.example", "opfer@example.org")
    message = mail.outbox[-1]
    assert message.to == ["opfer@example.org"]
    assert "werbung" not in message.body + message.subject and "Kaufen" not in message.body
    assert "Vortrag" in message.body and "/bestaetigen/" in message.body


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
    start = timezone.localtime(vortrag.beginn)
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
    assert event.decoded("DTSTART") == vortrag.beginn and event.decoded("DTEND") == vortrag.ende
    assert str(event["SUMMARY"]) == "Vortrag"
    assert "Marktstraße 20" in str(event["LOCATION"])
    assert str(event["URL"]).endswith("/uk/veranstaltungen/vortrag/")
    assert client.get(calendar_link.replace(f"{start:%Y-%m-%d}", "2000-01-01")).status_code == 404
