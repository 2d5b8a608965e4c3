import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.demo import translate_page
from portal.search import statistics
from tests.factories import ErfolgloseSucheFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response):
    return [a.get_text() for a in soup(response).select(".search-results a")]


def test_finds_live_public_pages_in_the_current_language(client, site_pages, locales):
    StandardPageFactory(parent=site_pages.home, title="Wohnraum für Geflüchtete")
    draft = StandardPageFactory(parent=site_pages.home, title="Wohnraum Entwurf")
    draft.unpublish()
    translate_page(site_pages.home, locales["en"], {})
    translate_page(
        site_pages.begriff, locales["en"], {"Gemeinsamer Integrationsbegriff": {"en": "Housing and integration"}}
    )

    german = result_titles(client.get("/de/suche/?q=Wohnraum"))
    assert german == ["Wohnraum für Geflüchtete"]
    english = result_titles(client.get("/en/suche/?q=Housing"))
    assert english == ["Housing and integration"]
    assert result_titles(client.get("/en/suche/?q=Wohnraum")) == []


def test_empty_query_shows_the_form_only(client, site_pages):
    page = soup(client.get("/de/suche/"))
    assert page.find("input", attrs={"name": "q"}) is not None
    assert page.find(id="results-heading") is None


def test_overlong_query_gets_a_message_not_a_500(client, site_pages):
    query = "Integration " * 420
    response = client.get("/de/suche/", {"q": query})
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one(".field__errors") is not None
    assert page.find("input", attrs={"name": "q"})["value"].strip() == query.strip()
    assert page.find(id="results-heading") is None


def test_results_are_paginated(client, site_pages):
    for number in range(13):
        StandardPageFactory(parent=site_pages.home, title=f"Beratung {number}")
    first = client.get("/de/suche/?q=Beratung")
    assert len(result_titles(first)) == 10
    next_link = soup(first).select_one('a[rel="next"]')["href"]
    assert next_link == "?q=Beratung&seite=2"
    assert len(result_titles(client.get("/de/suche/" + next_link))) == 3
    assert client.get("/de/suche/?q=Beratung&seite=x").status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_search_query_count_is_bounded(client, site_pages, django_assert_max_num_queries, settings, count):
    # Searches are counted in memory and written now and then (see the statistics test), not here.
    settings.PORTAL_SEARCH_STATISTICS_SECONDS = 3600
    for number in range(count):
        StandardPageFactory(parent=site_pages.home, title=f"Beratung {number}")
    # Cold: the first search after a change builds the vocabulary; warm: it is kept.
    with django_assert_max_num_queries(15):
        assert client.get("/de/suche/?q=Beratung").status_code == 200
    with django_assert_max_num_queries(9):
        assert client.get("/de/suche/?q=Beratung").status_code == 200
    statistics.write_if_due(force=True)


def test_results_show_a_teaser(client, site_pages):
    StandardPageFactory(parent=site_pages.home, title="Wohnraum", intro="Beratung für Vermieterinnen und Vermieter.")
    page = soup(client.get("/de/suche/?q=Wohnraum"))
    assert page.select_one(".search-results li p").get_text() == "Beratung für Vermieterinnen und Vermieter."


def test_nothing_found_offers_a_spelling_topics_and_a_contact(client, site_pages):
    from tests.factories import AngeboteIndexPageFactory, AngebotPageFactory, AnsprechpartnerFactory

    kontakt = AnsprechpartnerFactory(name="Integrationsmanagement Plochingen")
    finder = AngeboteIndexPageFactory(parent=site_pages.home, hilfe_kontakt=kontakt)
    AngebotPageFactory(parent=finder, title="Kleiderkammer", bereiche=["familie-kinder"])

    # Three letters wrong is too far to search for, close enough to suggest.
    page = soup(client.get("/de/suche/", {"q": "Klidrkamr"}))
    assert "0 Ergebnisse" in page.select_one("#results-heading").get_text()
    suggestion = page.select_one(".empty-state a[href*='q=']")
    assert suggestion.get_text() == "Kleiderkammer"
    assert suggestion["href"] == "?q=Kleiderkammer"
    topics = {a.get_text(): a["href"] for a in page.select(".topic-links a")}
    assert topics["Familie & Kinder"] == "/de/angebote/?bereich=familie-kinder"
    assert "Integrationsmanagement Plochingen" in page.select_one(".contact-card").get_text()

    arabic = soup(client.get("/ar/suche/", {"q": "zzzz"}))
    assert arabic.select_one(".topic-links a")["href"].startswith("/ar/angebote/?bereich=")


def test_searches_without_results_are_counted_per_language_for_the_editors(client, site_pages, client_as):
    from portal.models import ErfolgloseSuche

    StandardPageFactory(parent=site_pages.home, title="Wohnraum")
    client.get("/de/suche/", {"q": "Quarkspeise"})
    client.get("/de/suche/", {"q": "  QUARKSPEISE "})
    client.get("/ar/suche/", {"q": "Quarkspeise"})
    client.get("/de/suche/", {"q": "Wohnraum"})
    client.get("/de/suche/", {"q": "Quarkspeise", "seite": "2"})  # counted once per search, not per page
    assert set(ErfolgloseSuche.objects.values_list("sprache", "suchbegriff", "anzahl")) == {
        ("de", "quarkspeise", 2),
        ("ar", "quarkspeise", 1),
    }

    from portal import roles

    editor = client_as(roles.REDAKTION)
    report = soup(editor.get("/cms/suche/ohne-ergebnis/"))
    rows = [[cell.get_text(strip=True) for cell in row.select("td")] for row in report.select("tbody tr")]
    assert rows == [["quarkspeise", "Deutsch", "2"], ["quarkspeise", "Arabisch", "1"]]
    assert report.select_one("tbody td[lang=ar]") is not None


def test_searches_are_counted_in_memory_and_written_together(client, site_pages, settings):
    from wagtail.contrib.search_promotions.models import Query

    from portal.models import ErfolgloseSuche

    settings.PORTAL_SEARCH_STATISTICS_SECONDS = 3600
    for query in ("Quarkspeise", "quarkspeise", "QUARKSPEISE "):  # one URL twice is answered from the page cache
        client.get("/de/suche/", {"q": query})
    assert not ErfolgloseSuche.objects.exists()
    statistics.write_if_due(force=True)
    assert ErfolgloseSuche.objects.get().anzahl == 3
    assert Query.objects.get(query_string="quarkspeise").hits == 3


def test_editors_promote_a_page_for_a_search_term(client, site_pages):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    answer = StandardPageFactory(parent=site_pages.home, title="Anmeldung im Rathaus")
    StandardPageFactory(parent=site_pages.home, title="Ummeldung Hinweise")
    SearchPromotion.objects.create(query=Query.get("ummeldung"), page=answer, description="Hier geht es los.")
    page = soup(client.get("/de/suche/", {"q": "Ummeldung"}))
    links = [a.get_text() for a in page.select(".search-results a")]
    assert links == ["Anmeldung im Rathaus", "Ummeldung Hinweise"]
    assert page.select_one(".search-results--promoted").get_text().count("Hier geht es los.") == 1
    assert "2 Ergebnisse" in page.select_one("#results-heading").get_text()


@given(query=st.text(max_size=1000))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_is_searched_without_a_server_error(client, site_pages, query):
    response = client.get("/de/suche/", {"q": query})
    assert response.status_code == 200
    response = client.get("/ar/angebote/", {"q": query})
    assert response.status_code in (200, 404)


@pytest.mark.parametrize("query", ['"', '"Wohnraum', "Wohn*", "NEAR(a b)", "a AND OR NOT", "-", "^", "'", "\\", "%_"])
def test_query_syntax_never_breaks_the_search(client, site_pages, query):
    StandardPageFactory(parent=site_pages.home, title="Wohnraum")
    for language in ("de", "en", "ar", "fa", "uk", "tr"):
        assert client.get(f"/{language}/suche/", {"q": query}).status_code == 200


def test_search_statistics_are_deleted_after_ninety_days(site_pages):
    import datetime

    import time_machine
    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    from portal.models import ErfolgloseSuche

    # At midday: Wagtail counts its ninety days from the UTC date, the portal from the local one.
    with time_machine.travel(datetime.datetime(2026, 12, 3, 12, tzinfo=datetime.UTC)):
        today = timezone.localdate()
        old, recent = today - datetime.timedelta(days=91), today - datetime.timedelta(days=89)
        for tag in (old, recent):
            ErfolgloseSucheFactory(suchbegriff="quarkspeise", tag=tag, anzahl=1)
            QueryDailyHits.objects.create(query=Query.get("quarkspeise"), date=tag, hits=1)
        call_command("purge_search_statistics", stdout=open("/dev/null", "w"))  # noqa: SIM115
        call_command("purge_search_statistics", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(ErfolgloseSuche.objects.values_list("tag", flat=True)) == [recent]
    assert list(QueryDailyHits.objects.values_list("date", flat=True)) == [recent]


def test_search_statistics_that_could_not_be_written_are_tried_again(client, site_pages, monkeypatch):
    from django.db import OperationalError

    from portal import search
    from portal.models import ErfolgloseSuche

    monkeypatch.setattr(search.time, "sleep", lambda seconds: None)
    real_write, failures = search._write, []

    def busy_database(*args):
        if len(failures) < search.WRITE_ATTEMPTS:  # every attempt of the first write fails
            failures.append(args)
            raise OperationalError("database is locked")
        real_write(*args)

    monkeypatch.setattr(search, "_write", busy_database)
    client.get("/de/suche/", {"q": "Quarkspeise"})  # written after the request (test settings: at once)
    assert len(failures) == search.WRITE_ATTEMPTS and not ErfolgloseSuche.objects.exists()
    statistics.write_if_due(force=True)  # the next write takes the counts along
    assert ErfolgloseSuche.objects.get().anzahl == 1
