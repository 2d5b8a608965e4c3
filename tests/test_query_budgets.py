"""The main public pages need at most 15 queries when they are rendered (the page cache off), with
one item and with more than a page of them: the count does not grow with the volume.

Cold is the first request after a publish: the new content generation leaves nothing kept (no
route, menu, restricted section, facet, date or card, in this worker or the shared cache). Warm is
the next request, which finds what the first one kept."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from wagtail_localize.models import TranslationSource

from portal.demo import translate_page
from portal.search import statistics
from tests.factories import (
    AngeboteIndexPageFactory,
    AngebotPageFactory,
    NewsArticlePageFactory,
    VeranstaltungenIndexPageFactory,
    VeranstaltungPageFactory,
)
from tests.portal.test_translation_states import translate_all_strings
from veranstaltungen import recurrence

pytestmark = pytest.mark.django_db

COLD_BUDGET = 15
WARM_BUDGET = 10
PAGES = [
    "/de/",
    "/de/angebote/",
    "/de/angebote/?bereich=wohnen&status=duldung&sprache=ar",
    "/de/veranstaltungen/",
    "/de/veranstaltungen/?kategorie=vortrag",
    "/de/veranstaltungen/kalender/",
    "/de/aktuelles/",
    "/de/suche/?q=Beratung",
]


@pytest.fixture(params=[1, 17], ids=["first-of-month", "mid-month"])
def day_of_month(request):
    """The month calendar shows the whole current month: the budget holds on any day of it."""
    with time_machine.travel(datetime.datetime(2026, 12, request.param, 10, tzinfo=datetime.UTC)):
        yield request.param


@pytest.mark.parametrize("count", [1, 30])
def test_main_public_pages_need_at_most_15_queries_cold_and_10_warm(
    client, site_pages, django_assert_max_num_queries, count, day_of_month, settings
):
    # Searches are counted in memory and written together now and then (portal.search.statistics).
    settings.PORTAL_SEARCH_STATISTICS_SECONDS = 3600
    finder = AngeboteIndexPageFactory(parent=site_pages.home)
    index = VeranstaltungenIndexPageFactory(parent=site_pages.home)
    start = timezone.now() + datetime.timedelta(days=1)
    for number in range(count):
        offer = AngebotPageFactory(
            parent=finder, title=f"Beratung {number}", bereiche=["wohnen"], sprachen_codes=["ar"]
        )
        NewsArticlePageFactory(parent=site_pages.news, title=f"Beratung aktuell {number}")
        event = VeranstaltungPageFactory(
            parent=index,
            beginn=start + datetime.timedelta(hours=number),
            ende=start + datetime.timedelta(hours=number, minutes=90),
            wiederholung=recurrence.WEEKLY if number % 10 == 0 else "",
            anzahl=8 if number % 10 == 0 else None,
            kategorie_slugs=["vortrag"],
        )
    for url in [*PAGES, offer.url, event.url]:
        site_pages.begriff.save_revision().publish()  # a new generation: nothing is kept
        with django_assert_max_num_queries(COLD_BUDGET, info=f"{url}, cold"):
            assert client.get(url).status_code == 200, url
        with django_assert_max_num_queries(WARM_BUDGET, info=f"{url}, warm"):
            assert client.get(url).status_code == 200, url
    statistics.write_if_due(force=True)


@pytest.mark.parametrize("changed", [False, True], ids=["current", "outdated"])
def test_a_translated_page_with_its_state_needs_at_most_15_queries_cold_and_10_warm(
    client, site_pages, locales, django_assert_max_num_queries, changed
):
    translate_page(site_pages.home, locales["ar"], {})
    begriff = site_pages.begriff
    begriff.save_revision().publish()
    TranslationSource.get_or_create_from_instance(begriff)
    translate_all_strings(begriff, locales["ar"])
    translate_page(begriff, locales["ar"], {})
    if changed:
        begriff.title = "Unser Integrationsbegriff"
        begriff.save_revision().publish()
    for _round in range(2):
        site_pages.feld.save_revision().publish()  # a new generation: nothing is kept
        with django_assert_max_num_queries(COLD_BUDGET, info="cold"):
            response = client.get("/ar/integrationsbegriff/")
        assert response.status_code == 200
        assert (b"notice--translation" in response.content) == changed
        with django_assert_max_num_queries(WARM_BUDGET, info="warm"):
            assert client.get("/ar/integrationsbegriff/").status_code == 200
