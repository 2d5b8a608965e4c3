"""Every calendar of the portal (portal/calendars.py): read back by icalendar and by vobject,
expanded in Berlin to the dates the pages show (summer two years ahead included), SEQUENCE rising
when a date moves or is cancelled, and 304 for a repeated request."""

import datetime
import re

import icalendar
import pytest
import recurring_ical_events
import vobject
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format, time_format

from ehrenamt.models import Einsatz
from portal import calendars, roles
from tests.conftest import login
from tests.factories import (
    EinsatzFactory,
    KursterminFactory,
    OrtFactory,
    SchichtFactory,
    SitzungFactory,
    UserFactory,
    VeranstaltungenIndexPageFactory,
    VeranstaltungPageFactory,
    hr_user,
    staff_member,
    volunteer,
)
from veranstaltungen import recurrence
from veranstaltungen.models import Ausfall, Verschiebung

pytestmark = pytest.mark.django_db
BERLIN = calendars.BERLIN
TITLE = "Sprachtreff"


def berlin(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BERLIN)


def month_range(year, month):
    first = datetime.date(year, month, 1)
    return berlin(first, 0), berlin((first + datetime.timedelta(days=32)).replace(day=1), 0)


def summer():
    """A Tuesday in July two years ahead: Berlin is on summer time (UTC+2)."""
    day = datetime.date(timezone.localdate().year + 2, 7, 1)
    return day + datetime.timedelta(days=(1 - day.weekday()) % 7)


def signed_in(user):
    return login(Client(), user)


# --- Reading calendars back ---------------------------------------------------------------------


def by_icalendar(body, after, before):
    """{summary: [Berlin starts]} as icalendar and recurring-ical-events expand the calendar; a
    cancelled date of a series (an override with STATUS:CANCELLED) is no date to go to."""
    calendar = icalendar.Calendar.from_ical(body)
    series = {str(event["UID"]) for event in calendar.walk("VEVENT") if "RRULE" in event}
    found = {}
    for event in recurring_ical_events.of(calendar).between(after, before):
        if str(event["UID"]) in series and event.get("STATUS") == "CANCELLED":
            continue
        found.setdefault(str(event["SUMMARY"]), []).append(event["DTSTART"].dt.astimezone(BERLIN))
    return {summary: sorted(starts) for summary, starts in found.items()}


def by_vobject(body, after, before):
    """The same read by vobject, whose times follow the rules of the calendar's own VTIMEZONE."""
    vobject.icalendar.registerTzid(calendars.TZID, None)  # vobject keeps the first zone per TZID it met
    calendar = vobject.readOne(body.decode())
    own_zone = type(calendar.vtimezone.gettzinfo())
    found = {}
    for summary in {event.summary.value for event in calendar.vevent_list}:
        events = [event for event in calendar.vevent_list if event.summary.value == summary]
        replaced = {event.recurrence_id.value for event in events if hasattr(event, "recurrence_id")}
        starts = []
        for event in events:
            if hasattr(event, "recurrence_id") and hasattr(event, "status") and event.status.value == "CANCELLED":
                continue
            rules = None if hasattr(event, "recurrence_id") else event.getrruleset()
            starts += [start for start in (rules or [event.dtstart.value]) if start not in replaced]
        for start in starts:
            assert type(start.tzinfo) is own_zone
            # Wall-clock time in the calendar's zone is wall-clock time in Berlin.
            assert start.replace(tzinfo=None) == start.astimezone(BERLIN).replace(tzinfo=None)
        starts = sorted(start.astimezone(BERLIN) for start in starts if after <= start < before)
        if starts:
            found[summary] = starts
    return found


def expanded(body, after, before):
    """{summary: starts} in [after, before): both parsers agree on them."""
    from_icalendar = by_icalendar(body, after, before)
    assert by_vobject(body, after, before) == from_icalendar
    return from_icalendar


def vevents(body):
    return icalendar.Calendar.from_ical(body).walk("VEVENT")


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def page_shows(response, start, language):
    """The page names the day and the time of `start` as its language writes them."""
    with translation.override(language):
        day, hour = date_format(start, "DATE_FORMAT"), time_format(start, "TIME_FORMAT")
    text = text_of(response)
    return day in text and hour in text


def month_calendar_starts(client, year, month, title):
    """Starts of `title` as the month calendar shows them (cancelled dates left out)."""
    html = BeautifulSoup(client.get(f"/de/veranstaltungen/kalender/{year}/{month}/").content, "html.parser")
    starts = []
    for cell in html.select("table.month-calendar td"):
        day = datetime.date.fromisoformat(cell.find("time")["datetime"])
        for item in cell.select("li"):
            if title in item.get_text() and "termin--cancelled" not in item.get("class", []):
                hour, minute = re.match(r"\s*(\d\d):(\d\d)", item.get_text()).groups()
                starts.append(berlin(day, int(hour), int(minute)))
    return sorted(starts)


# --- Fixtures -----------------------------------------------------------------------------------


@pytest.fixture
def index(site_pages):
    return VeranstaltungenIndexPageFactory(parent=site_pages.home)


@pytest.fixture
def series(index):
    """Weekly at 10:00 for more than two years, with one date cancelled and one moved."""
    today = timezone.localdate()
    first = today + datetime.timedelta(days=7 + (2 - today.weekday()) % 7)  # a Wednesday
    page = VeranstaltungPageFactory(
        parent=index,
        slug="sprachtreff",
        title=TITLE,
        beginn=berlin(first, 10),
        ende=berlin(first, 12),
        wiederholung=recurrence.WEEKLY,
        bis_datum=datetime.date(today.year + 3, 1, 31),
        kategorie_slugs=["sprachcafe"],
    )
    page.ausfaelle = [Ausfall(datum=first + datetime.timedelta(days=7), hinweis="Ferien")]
    page.verschiebungen = [
        Verschiebung(
            datum=first + datetime.timedelta(days=14),
            neuer_beginn=berlin(first + datetime.timedelta(days=15), 17),
            neues_ende=berlin(first + datetime.timedelta(days=15), 19),
        )
    ]
    page.save_revision().publish()
    return page


EVENT_FEEDS = [
    "/de/veranstaltungen/ical/",
    "/de/veranstaltungen/ical/sprachcafe/",
    "/de/veranstaltungen/sprachtreff/ical/",
]


@pytest.fixture
def freiwillige(site_pages):
    user = volunteer()
    EinsatzFactory(
        schicht=SchichtFactory(titel="Kleiderkammer", beginn=berlin(summer(), 10), ende=berlin(summer(), 12)),
        freiwillige=user,
    )
    return user


def feed_url(user):
    return f"/de/ehrenamt/kalender/{user.ehrenamtsprofil.feed_token}/"


@pytest.fixture
def vorsitz(site_pages):
    return signed_in(UserFactory(roles=[roles.BEIRAT_VORSITZ]))


@pytest.fixture
def sitzung(site_pages):
    return SitzungFactory(titel="Sitzung im Sommer", beginn=berlin(summer(), 10), ende=berlin(summer(), 12))


@pytest.fixture
def termin(site_pages):
    return KursterminFactory(
        kurs__titel="Interkulturelle Kommunikation", beginn=berlin(summer(), 10), ende=berlin(summer(), 14)
    )


# --- Every calendar, read back ------------------------------------------------------------------


@pytest.mark.parametrize("url", EVENT_FEEDS)
def test_event_feeds_expand_to_the_dates_the_month_calendar_shows(client, series, url):
    body = client.get(url).content
    first = timezone.localtime(series.beginn).date()
    months = {(day.year, day.month) for day in (first, first + datetime.timedelta(days=15))}
    months |= {(first.year + 1, 3), (first.year + 1, 10), (summer().year, 7)}  # both DST changes, summer
    for year, month in sorted(months):
        shown = month_calendar_starts(client, year, month, TITLE)
        assert shown, (year, month)
        assert expanded(body, *month_range(year, month)).get(TITLE, []) == shown, (year, month)
    july = expanded(body, *month_range(summer().year, 7))[TITLE]
    assert {start.strftime("%H:%M %z") for start in july} == {"10:00 +0200"}


def test_a_series_spanning_years_keeps_its_local_time(client, series):
    body = client.get("/de/veranstaltungen/sprachtreff/ical/").content
    starts = expanded(body, series.beginn, berlin(datetime.date(summer().year + 1, 2, 1), 0))[TITLE]
    assert len(starts) > 100
    moved = berlin(timezone.localtime(series.beginn).date() + datetime.timedelta(days=15), 17)
    assert {start.time() for start in starts if start != moved} == {datetime.time(10)}
    assert {start.utcoffset() for start in starts} == {datetime.timedelta(hours=1), datetime.timedelta(hours=2)}
    zone = icalendar.Calendar.from_ical(body).walk("VTIMEZONE")[0]
    assert [(part.name, part["DTSTART"].dt, dict(part["RRULE"])) for part in zone.subcomponents] == [
        ("DAYLIGHT", datetime.datetime(1981, 3, 29, 2), {"FREQ": ["YEARLY"], "BYMONTH": [3], "BYDAY": ["-1SU"]}),
        ("STANDARD", datetime.datetime(1996, 10, 27, 3), {"FREQ": ["YEARLY"], "BYMONTH": [10], "BYDAY": ["-1SU"]}),
    ]


def test_all_day_series_end_on_a_date(client, index):
    VeranstaltungPageFactory(
        parent=index,
        slug="flohmarkt",
        title="Flohmarkt",
        beginn=berlin(summer(), 0),
        ende=berlin(summer(), 23, 59),
        ganztaegig=True,
        wiederholung=recurrence.WEEKLY,
        bis_datum=summer() + datetime.timedelta(days=14),
    )
    body = client.get("/de/veranstaltungen/flohmarkt/ical/").content
    event = vevents(body)[0]
    assert event["RRULE"]["UNTIL"] == [summer() + datetime.timedelta(days=14)]
    days = [e["DTSTART"].dt for e in recurring_ical_events.of(icalendar.Calendar.from_ical(body)).at(summer().year)]
    assert days == [summer() + datetime.timedelta(days=n) for n in (0, 7, 14)]
    assert len(list(vobject.readOne(body.decode()).vevent.getrruleset())) == 3


def test_the_personal_shift_feed_shows_the_shifts_of_the_shift_pages(freiwillige):
    cancelled = SchichtFactory(titel="Abgesagt", abgesagt_am=timezone.now())
    EinsatzFactory(schicht=cancelled, freiwillige=freiwillige)
    body = Client().get(feed_url(freiwillige)).content
    found = expanded(body, berlin(timezone.localdate(), 0), berlin(summer() + datetime.timedelta(days=1), 0))
    assert set(found) == {"Kleiderkammer", "Abgesagt"}
    assert found["Kleiderkammer"] == [berlin(summer(), 10)]
    page = signed_in(freiwillige)
    for einsatz in Einsatz.objects.filter(freiwillige=freiwillige):
        assert page_shows(
            page.get(f"/de/ehrenamt/schichten/{einsatz.schicht.pk}/"), found[einsatz.schicht.titel][0], "de"
        )
    assert {str(e["SUMMARY"]): str(e["STATUS"]) for e in vevents(body)} == {
        "Kleiderkammer": "CONFIRMED",
        "Abgesagt": "CANCELLED",
    }


def test_the_meeting_file_and_the_invitation_show_the_time_of_the_meeting_page(vorsitz, sitzung):
    page = BeautifulSoup(vorsitz.get(f"/de/beirat/intern/sitzungen/{sitzung.pk}/").content, "html.parser")
    shown = datetime.datetime.fromisoformat(page.select_one("dd time")["datetime"])
    vorsitz.post(f"/de/beirat/intern/sitzungen/{sitzung.pk}/einladen/")
    attachment = mail.outbox[0].attachments[0][1].encode()  # text attachments are kept as str
    download = vorsitz.get(f"/de/beirat/intern/sitzungen/{sitzung.pk}/ical/").content
    for body in (attachment, download):
        assert expanded(body, *month_range(summer().year, 7)) == {"Sitzung im Sommer": [shown]}
        assert shown == berlin(summer(), 10)
        assert icalendar.Calendar.from_ical(body)["METHOD"] == "PUBLISH"


def test_the_session_file_shows_the_time_of_the_course_page(termin):
    client = signed_in(staff_member())
    body = client.get(f"/en/intern/fortbildung/termine/{termin.pk}/termin.ics").content
    start = expanded(body, *month_range(summer().year, 7))["Interkulturelle Kommunikation"][0]
    assert start == berlin(summer(), 10)
    assert page_shows(client.get(f"/en/intern/fortbildung/kurse/{termin.kurs_id}/"), start, "en")


def test_texts_are_escaped_and_lines_folded():
    text = "Elterncafé; Fragen, Antworten \\ und Austausch – لقاء الأهالي\nZeile zwei " * 3
    event = calendars.Event(
        uid="x@example.org",
        start=berlin(summer(), 10),
        end=berlin(summer(), 11),
        summary=text,
        description=text,
        modified=timezone.now(),
    )
    body = calendars.ics("Test", [event])
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    assert str(vevents(body)[0]["SUMMARY"]) == text
    assert vobject.readOne(body.decode()).vevent.description.value == text


@pytest.mark.parametrize("offset", range(4))
def test_folding_never_splits_a_character(offset):
    text = "x" * offset + "Begegnung 😀 لقاء – 𝄞 " * 12
    event = calendars.Event(
        uid="x@example.org", start=berlin(summer(), 10), end=berlin(summer(), 11), summary=text, modified=None
    )
    body = calendars.ics("Test", [event])
    lines = body.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines) and body.endswith(b"\r\n")
    for line in lines:
        line.decode()  # each folded line on its own is whole UTF-8
    assert str(vevents(body)[0]["SUMMARY"]) == text


# --- Cancelled dates, empty categories, places in the feed's language ---------------------------


def test_a_cancelled_date_is_an_override_that_says_why(client, series):
    day = timezone.localtime(series.beginn).date() + datetime.timedelta(days=7)
    for url in ("/de/veranstaltungen/sprachtreff/ical/", "/en/veranstaltungen/ical/", "/ar/veranstaltungen/ical/"):
        events = vevents(client.get(url).content)
        (master,) = [e for e in events if "RRULE" in e]
        assert "EXDATE" not in master
        (override,) = [e for e in events if e.get("STATUS") == "CANCELLED"]
        assert override["UID"] == master["UID"] and override["SEQUENCE"] == master["SEQUENCE"]
        assert override["RECURRENCE-ID"].dt == berlin(day, 10)
        assert (override["DTSTART"].dt, override["DTEND"].dt) == (berlin(day, 10), berlin(day, 12))
        assert str(override["COMMENT"]) == "Ferien" and "Ferien" in str(override["DESCRIPTION"])
        german_note = override["COMMENT"].params.get("LANGUAGE")
        assert german_note == (None if url.startswith("/de/") else "de"), url
    # The file of that one date says so too.
    single = vevents(client.get(f"/en/veranstaltungen/sprachtreff/ical/{day.isoformat()}/").content)[0]
    assert str(single["STATUS"]) == "CANCELLED" and str(single["COMMENT"]) == "Ferien"
    assert str(single["DESCRIPTION"]).startswith("Cancelled on ") and "Ferien" in str(single["DESCRIPTION"])


def test_a_cancelled_single_event_is_cancelled_in_the_feed(client, index):
    page = VeranstaltungPageFactory(
        parent=index, slug="fest", title="Fest", beginn=berlin(summer(), 15), ende=berlin(summer(), 18)
    )
    page.ausfaelle = [Ausfall(datum=summer(), hinweis="Unwetter")]
    page.save_revision().publish()
    (event,) = vevents(client.get("/de/veranstaltungen/fest/ical/").content)
    assert str(event["STATUS"]) == "CANCELLED" and str(event["COMMENT"]) == "Unwetter"
    assert "RECURRENCE-ID" not in event and event["DTSTART"].dt == berlin(summer(), 15)


def test_only_categories_with_dates_offer_a_calendar(client, series):
    page = BeautifulSoup(client.get("/de/veranstaltungen/").content, "html.parser")
    offered = [a["href"] for a in page.select("#kategorie-feeds-heading + ul a:not([href^='webcal'])")]
    assert offered == ["/de/veranstaltungen/ical/sprachcafe/"]
    # A category without dates (subscribed to before, or typed in) is still a calendar: RFC 5545
    # asks for one component at least, here the time zone, and the calendar has its name.
    body = client.get("/de/veranstaltungen/ical/vortrag/").content
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar.walk("VEVENT") == [] and [c.name for c in calendar.subcomponents] == ["VTIMEZONE"]
    assert str(calendar["X-WR-CALNAME"]).endswith(": Vortrag")
    assert vobject.readOne(body.decode()).vtimezone.tzid.value == calendars.TZID
    series.unpublish()
    page = BeautifulSoup(client.get("/de/veranstaltungen/").content, "html.parser")
    assert page.find(id="kategorie-feeds-heading") is None


def test_the_place_is_named_in_the_feeds_language(client, series, locales):
    ort = OrtFactory(name="Begegnungszentrum", adresse="Marktstraße 20\n73207 Plochingen")
    series.ort = ort
    series.save_revision().publish()
    arabic = ort.copy_for_translation(locales["ar"])
    arabic.name = "مركز اللقاء"
    arabic.live = True
    arabic.save()

    def location(language):
        (master,) = [e for e in vevents(client.get(f"/{language}/veranstaltungen/ical/").content) if "RRULE" in e]
        return str(master["LOCATION"]), master["LOCATION"].params.get("LANGUAGE")

    assert location("ar") == ("مركز اللقاء, Marktstraße 20, 73207 Plochingen", None)
    assert location("de") == ("Begegnungszentrum, Marktstraße 20, 73207 Plochingen", None)
    assert location("fa") == ("Begegnungszentrum, Marktstraße 20, 73207 Plochingen", "de"), "not translated"
    single = vevents(client.get("/ar/veranstaltungen/sprachtreff/ical/").content)[0]
    assert str(single["LOCATION"]).startswith("مركز اللقاء")


# --- SEQUENCE -----------------------------------------------------------------------------------


def sequence(client, url, uid_start=""):
    return max(int(e["SEQUENCE"]) for e in vevents(client.get(url).content) if str(e["UID"]).startswith(uid_start))


def test_event_sequence_rises_when_a_date_is_cancelled_or_moved(client, series):
    url = "/de/veranstaltungen/sprachtreff/ical/"
    first = timezone.localtime(series.beginn).date()
    before = sequence(client, url)
    series.ausfaelle.add(Ausfall(datum=first + datetime.timedelta(days=21)))
    series.save_revision().publish()
    cancelled = sequence(client, url)
    assert cancelled > before
    series.verschiebungen.add(
        Verschiebung(
            datum=first + datetime.timedelta(days=28),
            neuer_beginn=berlin(first + datetime.timedelta(days=29), 10),
            neues_ende=berlin(first + datetime.timedelta(days=29), 12),
        )
    )
    series.save_revision().publish()
    moved = sequence(client, url)
    assert moved > cancelled
    events = vevents(client.get(url).content)
    assert {int(e["SEQUENCE"]) for e in events} == {moved}, "the series and its moved dates"
    series.title = "Sprachtreff am Markt"
    series.save_revision().publish()
    assert sequence(client, url) == moved, "a new title is no new date"


def test_shift_sequence_rises_when_it_is_moved_or_cancelled(freiwillige):
    koordination = signed_in(UserFactory(roles=[roles.EHRENAMTSKOORDINATION]))
    schicht = Einsatz.objects.get(freiwillige=freiwillige).schicht
    url = feed_url(freiwillige)
    before = sequence(Client(), url)
    koordination.post(
        f"/de/ehrenamt/koordination/schichten/{schicht.pk}/bearbeiten/",
        {
            "bereich": schicht.bereich,
            "titel": schicht.titel,
            "datum": summer().isoformat(),
            "von": "11:00",
            "bis": "13:00",
            "ort": schicht.ort,
            "kapazitaet": "2",
        },
    )
    moved = sequence(Client(), url)
    assert moved > before
    koordination.post(f"/de/ehrenamt/koordination/schichten/{schicht.pk}/absagen/", {"grund": "Krankheit"})
    assert sequence(Client(), url) > moved
    assert str(vevents(Client().get(url).content)[0]["STATUS"]) == "CANCELLED"


def test_meeting_sequence_rises_when_it_is_moved(vorsitz, sitzung):
    url = f"/de/beirat/intern/sitzungen/{sitzung.pk}/ical/"
    before = sequence(vorsitz, url)
    form = {"titel": sitzung.titel, "ort": sitzung.ort, "datum": summer().isoformat(), "tagesordnung": "Begrüßung"}
    vorsitz.post(f"/de/beirat/intern/sitzungen/{sitzung.pk}/bearbeiten/", {**form, "von": "10:00", "bis": "12:00"})
    assert sequence(vorsitz, url) == before, "new agenda, same time"
    vorsitz.post(f"/de/beirat/intern/sitzungen/{sitzung.pk}/bearbeiten/", {**form, "von": "16:00", "bis": "18:00"})
    assert sequence(vorsitz, url) > before


def test_session_sequence_rises_when_it_is_moved_or_cancelled(termin, django_capture_on_commit_callbacks):
    hr = signed_in(hr_user())
    url = f"/en/intern/fortbildung/termine/{termin.pk}/termin.ics"
    data = {
        "beginn": berlin(summer(), 9).strftime("%Y-%m-%dT%H:%M"),
        "ende": berlin(summer(), 13).strftime("%Y-%m-%dT%H:%M"),
        "ort": termin.ort,
        "kapazitaet": str(termin.kapazitaet),
        "anmeldeschluss": termin.anmeldeschluss.isoformat(),
    }
    before = sequence(hr, url)
    with django_capture_on_commit_callbacks(execute=True):
        hr.post(f"/en/intern/fortbildung/verwaltung/termine/{termin.pk}/bearbeiten/", data)
    moved = sequence(hr, url)
    assert moved > before
    with django_capture_on_commit_callbacks(execute=True):
        hr.post(f"/en/intern/fortbildung/verwaltung/termine/{termin.pk}/bearbeiten/", {**data, "abgesagt": "on"})
    assert sequence(hr, url) > moved


# --- Conditional GET ----------------------------------------------------------------------------


@pytest.fixture
def calendar_requests(series, freiwillige, sitzung, termin):
    beirat = signed_in(UserFactory(roles=[roles.BEIRAT]))
    staff = signed_in(staff_member())
    return {
        **{url: (Client(), url) for url in EVENT_FEEDS},
        "shifts": (Client(), feed_url(freiwillige)),
        "meeting": (beirat, f"/de/beirat/intern/sitzungen/{sitzung.pk}/ical/"),
        "session": (staff, f"/en/intern/fortbildung/termine/{termin.pk}/termin.ics"),
    }


@pytest.mark.parametrize("name", [*EVENT_FEEDS, "shifts", "meeting", "session"])
def test_a_repeated_request_is_answered_304(calendar_requests, name, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # the calendar view answers, not the page cache
    client, url = calendar_requests[name]
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    etag, modified = response["ETag"], response["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    again = client.get(url, HTTP_IF_NONE_MATCH='"other"')
    assert again.status_code == 200 and again["ETag"] == etag and again["Last-Modified"] == modified


def test_a_changed_feed_is_sent_again(client, series, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    url = "/de/veranstaltungen/ical/"
    etag = client.get(url)["ETag"]
    series.beginn += datetime.timedelta(hours=1)
    series.ende += datetime.timedelta(hours=1)
    series.save_revision().publish()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag
    assert response["Cache-Control"] == "public, max-age=900"
