import datetime

import icalendar
import pytest
import recurring_ical_events
from bs4 import BeautifulSoup
from django.utils import timezone

from portal.pagecache import invalidate as invalidate_feeds
from tests.factories import PageViewRestrictionFactory, VeranstaltungenIndexPageFactory, VeranstaltungPageFactory
from veranstaltungen import recurrence
from veranstaltungen.models import Ausfall, Verschiebung

pytestmark = pytest.mark.django_db
BERLIN = recurrence.BERLIN


def at(year, month, day, hour=18, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def index(site_pages):
    return VeranstaltungenIndexPageFactory(parent=site_pages.home)


@pytest.fixture
def cafe(index):
    """Weekly at 18:00 from February to November 2027: both DST changes (28 March, 31 October)."""
    page = VeranstaltungPageFactory(
        parent=index,
        slug="begegnungscafe",
        title="Begegnungscafé",
        beginn=at(2027, 2, 3),
        ende=at(2027, 2, 3, 20),
        wiederholung=recurrence.WEEKLY,
        bis_datum=datetime.date(2027, 11, 24),
        kategorie_slugs=["begegnungscafe"],
    )
    page.ausfaelle = [Ausfall(datum=datetime.date(2027, 4, 7), hinweis="Ostern")]
    page.verschiebungen = [
        Verschiebung(datum=datetime.date(2027, 5, 5), neuer_beginn=at(2027, 5, 6, 17), neues_ende=at(2027, 5, 6, 19))
    ]
    page.save_revision().publish()
    return page


def site_dates(page, after, before):
    return [(t.beginn, t.cancelled) for t in recurrence.occurrences(page, after, before)]


def test_weekly_series_keeps_local_time_across_dst(cafe):
    termine = recurrence.occurrences(cafe, at(2027, 3, 1, 0), at(2027, 11, 30, 0))
    normal = [t for t in termine if not t.moved_from]
    assert {t.beginn.astimezone(BERLIN).time() for t in normal} == {datetime.time(18, 0)}
    assert {t.beginn.utcoffset() for t in normal} == {datetime.timedelta(hours=1), datetime.timedelta(hours=2)}
    cancelled = [t for t in termine if t.cancelled]
    assert [(t.date, t.note) for t in cancelled] == [(datetime.date(2027, 4, 7), "Ostern")]
    moved = [t for t in termine if t.moved_from]
    assert [(t.moved_from, t.beginn) for t in moved] == [(datetime.date(2027, 5, 5), at(2027, 5, 6, 17))]


def test_monthly_on_the_second_tuesday(index):
    page = VeranstaltungPageFactory(
        parent=index,
        beginn=at(2027, 1, 12, 19),
        ende=at(2027, 1, 12, 21),
        wiederholung=recurrence.MONTHLY_WEEKDAY,
        anzahl=4,
    )
    days = [t.date for t in recurrence.occurrences(page, at(2027, 1, 1, 0), at(2028, 1, 1, 0))]
    assert days == [
        datetime.date(2027, 1, 12),
        datetime.date(2027, 2, 9),
        datetime.date(2027, 3, 9),
        datetime.date(2027, 4, 13),
    ]
    assert page.serienende == at(2027, 4, 13, 21)


def test_feed_expands_to_the_dates_the_site_shows(client, cafe):
    response = client.get("/de/veranstaltungen/ical/begegnungscafe/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"
    events = calendar.walk("VEVENT")
    assert "RRULE" in events[0], "series are not exploded"
    after, before = at(2027, 1, 1, 0), at(2027, 12, 31, 0)
    expanded = recurring_ical_events.of(calendar).between(after, before)
    from_feed = sorted(e["DTSTART"].dt for e in expanded if e.get("STATUS") != "CANCELLED")
    from_site = sorted(t.beginn for t in recurrence.occurrences(cafe, after, before) if not t.cancelled)
    assert from_feed == from_site
    assert all(dt.astimezone(BERLIN).hour == 18 for dt in from_feed if dt.date() != datetime.date(2027, 5, 6))


def test_uid_is_stable_and_sequence_grows_when_the_time_changes(client, cafe):
    first = icalendar.Calendar.from_ical(client.get("/de/veranstaltungen/begegnungscafe/ical/").content)
    cafe.beginn = at(2027, 2, 3, 18, 30)
    cafe.ende = at(2027, 2, 3, 20, 30)
    cafe.save_revision().publish()
    second = icalendar.Calendar.from_ical(client.get("/de/veranstaltungen/begegnungscafe/ical/").content)
    one, two = first.walk("VEVENT")[0], second.walk("VEVENT")[0]
    assert one["UID"] == two["UID"]
    assert two["SEQUENCE"] > one["SEQUENCE"]
    assert two["DTSTART"].dt == at(2027, 2, 3, 18, 30)


def test_feed_answers_304_to_a_conditional_request(client, cafe):
    response = client.get("/de/veranstaltungen/ical/")
    etag, modified = response["ETag"], response["Last-Modified"]
    assert client.get("/de/veranstaltungen/ical/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/de/veranstaltungen/ical/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304


def test_feeds_show_only_public_live_events_and_follow_publishing(client, index, cafe):
    hidden = VeranstaltungPageFactory(parent=index, title="Nur intern")
    PageViewRestrictionFactory(page=hidden)
    draft = VeranstaltungPageFactory(parent=index, title="Entwurf")
    draft.unpublish()
    body = client.get("/de/veranstaltungen/ical/").content.decode()
    assert "Begegnungscafé" in body and "Nur intern" not in body and "Entwurf" not in body
    draft.save_revision().publish()
    assert "Entwurf" in client.get("/de/veranstaltungen/ical/").content.decode(), "publishing invalidates the cache"
    cafe.unpublish()
    assert "Begegnungscafé" not in client.get("/de/veranstaltungen/ical/").content.decode()


def test_category_feed(client, index, cafe):
    VeranstaltungPageFactory(parent=index, title="Vortrag Gesundheit", kategorie_slugs=["vortrag"])
    body = client.get("/de/veranstaltungen/ical/begegnungscafe/").content.decode()
    assert "Begegnungscafé" in body and "Vortrag Gesundheit" not in body
    assert client.get("/de/veranstaltungen/ical/gibt-es-nicht/").status_code == 404


def test_list_shows_upcoming_dates_with_cancellations(client, index, site_pages):
    from django.utils import timezone

    soon = timezone.now().astimezone(BERLIN).replace(hour=18, minute=0, second=0, microsecond=0) + datetime.timedelta(
        days=1
    )
    page = VeranstaltungPageFactory(
        parent=index,
        title="Sprachcafé",
        beginn=soon,
        ende=soon + datetime.timedelta(hours=2),
        wiederholung=recurrence.WEEKLY,
        anzahl=3,
        kategorie_slugs=["sprachcafe"],
    )
    page.ausfaelle = [Ausfall(datum=(soon + datetime.timedelta(days=7)).date(), hinweis="Ferien")]
    page.save_revision().publish()
    html = BeautifulSoup(client.get("/de/veranstaltungen/").content, "html.parser")
    items = html.select(".termin-list > li")
    assert len(items) == 3
    assert "termin--cancelled" in items[1]["class"] and "Ferien" in items[1].get_text()
    assert html.select(".termin-list > li")[0].find("time")["datetime"].startswith(soon.date().isoformat())
    assert client.get("/de/veranstaltungen/?kategorie=vortrag").content.decode().count('class="termin') == 0
    home = BeautifulSoup(client.get("/de/").content, "html.parser")
    assert "Sprachcafé" in home.select_one(".date-list").get_text()


def test_archive_lists_past_dates(client, index):
    from django.utils import timezone

    past = timezone.now() - datetime.timedelta(days=20)
    VeranstaltungPageFactory(parent=index, title="Sommerfest", beginn=past, ende=past + datetime.timedelta(hours=3))
    assert "Sommerfest" in client.get("/de/veranstaltungen/archiv/").content.decode()
    assert "Sommerfest" not in client.get("/de/veranstaltungen/").content.decode()


@pytest.mark.parametrize("count", [1, pytest.param(2000, marks=pytest.mark.slow)])
def test_list_calendar_and_feeds_query_counts_are_bounded(
    client, index, django_assert_max_num_queries, count, no_search_index_updates
):
    """The issue's budget: 1 and 2,000 events, 100 of them recurring."""
    from django.utils import timezone

    start = timezone.now() + datetime.timedelta(days=2)
    for number in range(count):
        recurring = number % 20 == 0
        VeranstaltungPageFactory(
            parent=index,
            beginn=start + datetime.timedelta(hours=number % 200),
            ende=start + datetime.timedelta(hours=number % 200, minutes=90),
            wiederholung=recurrence.WEEKLY if recurring else "",
            anzahl=10 if recurring else None,
            kategorie_slugs=["begegnungscafe"] if recurring else ["vortrag"],
        )
    for url, budget in [
        ("/ar/veranstaltungen/", 40),
        ("/ar/veranstaltungen/kalender/", 40),
        ("/ar/veranstaltungen/ical/", 30),
        ("/ar/veranstaltungen/ical/begegnungscafe/", 30),
    ]:
        client.get(url)
        invalidate_feeds()  # measure building the calendar, not the cached copy
        with django_assert_max_num_queries(budget):
            assert client.get(url, HTTP_IF_NONE_MATCH="other").status_code == 200


def test_month_calendar_is_a_table_with_the_dates(client, cafe):
    response = client.get("/de/veranstaltungen/kalender/2027/3/?kategorie=begegnungscafe")
    html = BeautifulSoup(response.content, "html.parser")
    table = html.find("table", class_="month-calendar")
    assert table.caption is not None
    assert len(table.select("thead th[scope=col]")) == 7
    days_with_cafe = [td.find("time")["datetime"] for td in table.select("td") if "Begegnungscafé" in td.get_text()]
    assert days_with_cafe == ["2027-03-03", "2027-03-10", "2027-03-17", "2027-03-24", "2027-03-31"]
    assert html.find("a", rel="next")["href"].startswith("/de/veranstaltungen/kalender/2027/4/?kategorie=")
    assert client.get("/de/veranstaltungen/kalender/2027/13/").status_code == 404


def test_month_calendar_query_count_is_bounded(client, index, django_assert_max_num_queries):
    from django.utils import timezone

    start = timezone.now()
    for number in range(60):
        VeranstaltungPageFactory(
            parent=index,
            beginn=start,
            ende=start + datetime.timedelta(hours=1),
            wiederholung=recurrence.WEEKLY if number % 10 == 0 else "",
        )
    client.get("/de/veranstaltungen/kalender/")
    with django_assert_max_num_queries(40):
        assert client.get("/ar/veranstaltungen/kalender/").status_code == 200


def test_all_day_events_are_dates_in_the_feed(client, index):
    page = VeranstaltungPageFactory(
        parent=index,
        slug="fest",
        title="Sommerfest",
        beginn=at(2027, 7, 3, 0),
        ende=at(2027, 7, 3, 23, 59),
        ganztaegig=True,
    )
    event = icalendar.Calendar.from_ical(client.get("/de/veranstaltungen/fest/ical/").content).walk("VEVENT")[0]
    assert event["DTSTART"].dt == datetime.date(2027, 7, 3)
    assert event["DTEND"].dt == datetime.date(2027, 7, 4)
    assert page.termine(at(2027, 7, 1, 0), at(2027, 7, 31, 0))[0].date == datetime.date(2027, 7, 3)


def test_private_and_unpublished_events_are_in_no_list_calendar_or_search(client, index, cafe):
    hidden = VeranstaltungPageFactory(
        parent=index, title="Geheimtreffen", beginn=at(2027, 3, 10), ende=at(2027, 3, 10, 20)
    )
    PageViewRestrictionFactory(page=hidden)
    draft = VeranstaltungPageFactory(
        parent=index, title="Entwurfstreffen", beginn=at(2027, 3, 11), ende=at(2027, 3, 11, 20)
    )
    draft.unpublish()
    for url in (
        "/de/veranstaltungen/",
        "/de/veranstaltungen/kalender/2027/3/",
        "/de/veranstaltungen/archiv/",
        "/de/suche/?q=treffen",
        "/de/",
    ):
        body = client.get(url).content.decode()
        assert "Geheimtreffen" not in body and "Entwurfstreffen" not in body, url


def test_moving_an_event_invalidates_the_feeds(client, site_pages, index, cafe):
    assert "Begegnungscafé" in client.get("/de/veranstaltungen/ical/").content.decode()
    other = VeranstaltungenIndexPageFactory(parent=site_pages.home, slug="anderswo", title="Anderswo")
    cafe.move(other, pos="last-child")
    assert "Begegnungscafé" not in client.get("/de/veranstaltungen/ical/").content.decode()


def test_month_calendar_in_arabic_links_each_date_in_the_readers_language(client, index, cafe, locales):
    """Translated events show their Arabic title; untranslated ones the German one, marked as German;
    every link stays under /ar/."""
    index.get_parent().specific.copy_for_translation(locales["ar"]).save_revision().publish()
    index.copy_for_translation(locales["ar"]).save_revision().publish()
    lecture = VeranstaltungPageFactory(
        parent=index, slug="vortrag", title="Vortrag", beginn=at(2027, 3, 9, 19), ende=at(2027, 3, 9, 21)
    )
    arabic = cafe.copy_for_translation(locales["ar"])
    arabic.title = "مقهى اللقاء"
    arabic.save_revision().publish()
    html = BeautifulSoup(client.get("/ar/veranstaltungen/kalender/2027/3/").content, "html.parser")
    cafe_links = html.select('table.month-calendar a[href="/ar/veranstaltungen/begegnungscafe/"]')
    assert len(cafe_links) == 5 and {a.get_text() for a in cafe_links} == {"مقهى اللقاء"}
    assert cafe_links[0].get("lang") is None
    (lecture_link,) = html.select('table.month-calendar a[href="/ar/veranstaltungen/vortrag/"]')
    assert lecture_link.get_text() == lecture.title
    assert (lecture_link["lang"], lecture_link["dir"]) == ("de", "ltr")


def test_an_event_page_shows_its_cancelled_dates_and_a_new_cancellation_at_once(client, index):
    soon = (timezone.now() + datetime.timedelta(days=2)).astimezone(BERLIN).replace(hour=18, minute=0, second=0)
    page = VeranstaltungPageFactory(
        parent=index,
        slug="sprachcafe",
        title="Sprachcafé",
        beginn=soon,
        ende=soon + datetime.timedelta(hours=2),
        wiederholung=recurrence.WEEKLY,
        anzahl=4,
    )
    page.ausfaelle = [Ausfall(datum=(soon + datetime.timedelta(days=7)).date(), hinweis="Ferien")]
    page.save_revision().publish()

    def dates():
        html = BeautifulSoup(client.get("/de/veranstaltungen/sprachcafe/").content, "html.parser")
        return [
            (li.time["datetime"][:10], "termin--cancelled" in li.get("class", []))
            for li in html.select(".termin-dates li")
        ]

    days = [(soon + datetime.timedelta(days=7 * week)).date().isoformat() for week in range(4)]
    assert dates() == [(days[0], False), (days[1], True), (days[2], False), (days[3], False)]
    page.ausfaelle.add(Ausfall(datum=(soon + datetime.timedelta(days=21)).date(), hinweis="Feiertag"))
    page.save_revision().publish()
    assert dates() == [(days[0], False), (days[1], True), (days[2], False), (days[3], True)]
