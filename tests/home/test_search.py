import pytest
from bs4 import BeautifulSoup

from portal.demo import translate_page
from tests.factories import StandardPageFactory

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
def test_search_query_count_is_bounded(client, site_pages, django_assert_max_num_queries, count):
    for number in range(count):
        StandardPageFactory(parent=site_pages.home, title=f"Beratung {number}")
    client.get("/de/suche/?q=Beratung")
    with django_assert_max_num_queries(25):
        assert client.get("/de/suche/?q=Beratung").status_code == 200


def test_results_show_a_teaser(client, site_pages):
    StandardPageFactory(parent=site_pages.home, title="Wohnraum", intro="Beratung für Vermieterinnen und Vermieter.")
    page = soup(client.get("/de/suche/?q=Wohnraum"))
    assert page.select_one(".search-results li p").get_text() == "Beratung für Vermieterinnen und Vermieter."
