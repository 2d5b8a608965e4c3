"""With the page cache off, what every request would look up again (which page answers a path, the
restricted sections, filter facets, dates, rendered cards) is kept until public content changes:
a change shows at once."""

import datetime

import icalendar
import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from tests.factories import (
    AngeboteIndexPageFactory,
    AngebotPageFactory,
    PageViewRestrictionFactory,
    StandardPageFactory,
    VeranstaltungenIndexPageFactory,
    VeranstaltungPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0


def test_a_page_found_once_is_found_again_with_fewer_queries(client, site_pages):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    StandardPageFactory(parent=site_pages.home, slug="seite", title="Seite")
    with CaptureQueriesContext(connection) as first:
        assert client.get("/de/seite/").status_code == 200
    with CaptureQueriesContext(connection) as second:
        response = client.get("/de/seite/")
    assert "Seite" in response.content.decode()
    assert len(second) < len(first)
    # The site, the root page in the reader's language and the page that answers the path are kept.
    assert len(second) == 0, [query["sql"] for query in second.captured_queries]


def test_an_untranslated_page_below_a_translated_one_is_the_german_original(client, site_pages, locales):
    """PortalPage.route falls back to the German page at the level where the translation is missing."""
    arabic_home = site_pages.home.copy_for_translation(locales["ar"])
    arabic_home.save_revision().publish()
    arabic_news = site_pages.news.copy_for_translation(locales["ar"])
    arabic_news.title = "الأخبار"
    arabic_news.save_revision().publish()
    response = client.get("/ar/aktuelles/meldung/")
    assert response.status_code == 200
    assert site_pages.article.title in response.content.decode(), "the German article below the Arabic index"
    assert response.context["page"].pk == site_pages.article.pk
    assert "الأخبار" in client.get("/ar/aktuelles/").content.decode(), "the translated index itself"
    assert client.get("/ar/aktuelles/gibt-es-nicht/").status_code == 404
    assert client.get("/ar/gibt-es-nicht/weiter/").status_code == 404


def test_moved_unpublished_and_restricted_pages_are_routed_anew(client, site_pages):
    page = StandardPageFactory(parent=site_pages.home, slug="umzug", title="Umzug")
    client.get("/de/umzug/")
    assert client.get("/de/umzug/").status_code == 200
    page.move(site_pages.news, pos="last-child")
    assert client.get("/de/umzug/").status_code == 301
    assert client.get("/de/aktuelles/umzug/").status_code == 200
    PageViewRestrictionFactory(page=site_pages.news)
    restricted = client.get("/de/aktuelles/umzug/")
    assert restricted.status_code == 302 and "/konto/" in restricted["Location"], "its section is restricted now"
    PageViewRestriction.objects.all().delete()
    page.refresh_from_db()
    page.unpublish()
    assert client.get("/de/aktuelles/umzug/").status_code == 404


def test_a_new_translation_replaces_the_german_fallback_at_once(client, site_pages):
    page = StandardPageFactory(parent=site_pages.home, slug="hinweise", title="Hinweise")
    fallback = client.get("/ar/hinweise/")
    assert fallback.status_code == 200 and "Hinweise" in fallback.content.decode()
    assert client.get("/ar/hinweise/").status_code == 200
    arabic_home = site_pages.home.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic_home.save_revision().publish()
    arabic = page.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.title = "ملاحظات"
    arabic.save_revision().publish()
    assert "ملاحظات" in client.get("/ar/hinweise/").content.decode()


def test_an_edited_offer_shows_in_the_finder_with_its_new_title_and_areas(client, site_pages):
    finder = AngeboteIndexPageFactory(parent=site_pages.home)
    offer = AngebotPageFactory(parent=finder, title="Sprachcafé", bereiche=["sprache-bildung"])
    assert "Sprachcafé" in client.get("/de/angebote/").content.decode()
    assert "Sprachcafé" in client.get("/de/angebote/?bereich=sprache-bildung").content.decode()
    assert "Sprachcafé" not in client.get("/de/angebote/?bereich=wohnen").content.decode()
    offer.title = "Sprachcafé am Markt"
    offer.lebensbereiche.set(offer.lebensbereiche.model.objects.filter(slug="wohnen"))
    offer.save_revision().publish()
    assert "Sprachcafé am Markt" in client.get("/de/angebote/").content.decode()
    assert "Sprachcafé am Markt" in client.get("/de/angebote/?bereich=wohnen").content.decode()
    assert "Sprachcafé" not in client.get("/de/angebote/?bereich=sprache-bildung").content.decode()


def test_an_edited_event_shows_in_the_list_and_feed_with_its_new_title(client, site_pages):
    overview = VeranstaltungenIndexPageFactory(parent=site_pages.home)
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=5)
    event = VeranstaltungPageFactory(parent=overview, title="Frauenfrühstück", beginn=start)
    assert "Frauenfrühstück" in client.get("/de/veranstaltungen/").content.decode()
    event.title = "Frauenfrühstück im Begegnungszentrum"
    event.save_revision().publish()
    assert "Frauenfrühstück im Begegnungszentrum" in client.get("/de/veranstaltungen/").content.decode()
    feed = icalendar.Calendar.from_ical(client.get("/de/veranstaltungen/ical/").content)
    assert [str(e["SUMMARY"]) for e in feed.walk("VEVENT")] == ["Frauenfrühstück im Begegnungszentrum"]


def test_long_and_special_texts_survive_the_feed(client, site_pages):
    overview = VeranstaltungenIndexPageFactory(parent=site_pages.home)
    title = "Elterncafé; Fragen, Antworten \\ und Austausch – لقاء الأهالي " * 3
    teaser = "Zeile eins,\nZeile zwei; mit Umlauten äöü und ß. " * 4
    VeranstaltungPageFactory(parent=overview, title=title.strip()[:255], teaser=teaser)
    body = client.get("/de/veranstaltungen/ical/").content
    assert all(len(line) <= 75 for line in body.split(b"\r\n")), "content lines are folded at 75 octets"
    event = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == title.strip()[:255]
    assert str(event["DESCRIPTION"]) == teaser


def test_a_deployment_starts_a_new_generation(db):
    """`migrate` runs on every deployment: nothing rendered with the previous release's templates stays."""
    from django.core.management import call_command

    from portal.pagecache import generation

    before = generation()
    call_command("migrate", verbosity=0)
    assert generation() != before
