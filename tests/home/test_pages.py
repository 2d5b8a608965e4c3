import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail import hooks

from home.models import NEWS_PAGE_SIZE
from tests.factories import HinweisFactory, NewsArticlePageFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_home_renders_with_empty_sections(client, site_pages):
    site_pages.article.unpublish()
    page = soup(client.get("/de/"))
    assert page.h1.get_text() == "Integrationsportal Plochingen"
    assert page.find(id="dates-heading") is not None
    assert page.find(id="news-heading") is not None
    assert page.select(".news-list li") == []


def test_home_shows_the_three_latest_news(client, site_pages):
    site_pages.article.date = timezone.localdate() - datetime.timedelta(days=30)
    site_pages.article.save()
    for days_ago in range(4):
        NewsArticlePageFactory(parent=site_pages.news, date=timezone.localdate() - datetime.timedelta(days=days_ago))
    titles = [a.get_text() for a in soup(client.get("/de/")).select(".news-list h3 a")]
    assert len(titles) == 3
    assert site_pages.article.title not in titles, "the oldest article is not on the home page"


def test_home_shows_dates_registered_by_other_areas(client, site_pages):
    start = timezone.now() + datetime.timedelta(days=3)

    def begegnungscafe(request, limit):
        return [{"title": "Begegnungscafé", "start": start, "url": "/de/veranstaltungen/cafe/", "location": "Rathaus"}]

    with hooks.register_temporarily("portal_upcoming_dates", begegnungscafe):
        page = soup(client.get("/de/"))
    item = page.select_one(".date-list li")
    assert "Begegnungscafé" in item.get_text() and "Rathaus" in item.get_text()


def test_news_index_is_paginated(client, site_pages):
    for _ in range(NEWS_PAGE_SIZE + 2):
        NewsArticlePageFactory(parent=site_pages.news)
    first = soup(client.get("/de/aktuelles/"))
    assert len(first.select(".news-list > li")) == NEWS_PAGE_SIZE
    assert first.select_one('a[rel="next"]')["href"] == "?seite=2"
    second = soup(client.get("/de/aktuelles/?seite=2"))
    assert len(second.select(".news-list > li")) == 3
    assert client.get("/de/aktuelles/?seite=abc").status_code == 200
    assert client.get("/de/aktuelles/?seite=999").status_code == 200


def test_news_feeds_list_live_articles(client, site_pages):
    draft = NewsArticlePageFactory(parent=site_pages.news, title="Noch nicht veröffentlicht")
    draft.unpublish()
    rss = client.get("/de/aktuelles/feed/rss/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert site_pages.article.title in body
    assert "Noch nicht veröffentlicht" not in body
    assert "http://testserver/de/aktuelles/meldung/" in body
    atom = client.get("/de/aktuelles/feed/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert site_pages.article.title in atom.content.decode()


def test_news_index_links_its_feeds(client, site_pages):
    page = soup(client.get("/de/aktuelles/"))
    assert page.select_one('link[type="application/rss+xml"]')["href"] == "/de/aktuelles/feed/rss/"


def test_handlungsfeld_shows_measures(client, site_pages):
    feld = site_pages.feld
    feld.massnahmen = [("massnahme", {"text": "Runder Tisch einrichten", "details": ["Jugendamt", "Jobcenter"]})]
    feld.save_revision().publish()
    page = soup(client.get("/de/handlungsfelder/handlungsfeld-1/"))
    measures = page.select_one(".massnahmen").get_text()
    assert "Runder Tisch einrichten" in measures and "Jobcenter" in measures


def test_legal_pages_are_linked_in_the_footer(client, site_pages):
    links = [a["href"] for a in soup(client.get("/en/")).select(".footer-links a")]
    assert links == [
        "/en/impressum/",
        "/en/datenschutz/",
        "/en/barrierefreiheit/",
        "/en/barrierefreiheit/?seite=%2Fen%2F#barriere-melden",
    ]


def test_print_stylesheet_and_skip_link(client, site_pages):
    response = client.get("/de/")
    page = soup(response)
    assert page.select_one("a.skip-link")["href"] == "#main"
    assert page.find("main", id="main") is not None
    css = client.get(page.select_one('link[rel="stylesheet"]')["href"])
    assert b"@media print" in b"".join(css.streaming_content) if css.streaming else css.content


@pytest.mark.parametrize("count", [1, 50])
def test_home_query_count_is_bounded(client, site_pages, django_assert_max_num_queries, count):
    for _ in range(count - 1):
        NewsArticlePageFactory(parent=site_pages.news)
    client.get("/de/")  # the kept values (tests/test_query_budgets.py also measures the cold request)
    # Constant: Wagtail's site, locale and root page, the page; news and dates are in its kept fragment.
    with django_assert_max_num_queries(6):
        assert client.get("/de/").status_code == 200


@pytest.mark.parametrize("count", [1, 50])
def test_news_index_query_count_is_bounded(client, site_pages, django_assert_max_num_queries, count):
    for _ in range(count - 1):
        NewsArticlePageFactory(parent=site_pages.news)
    client.get("/de/aktuelles/")
    with django_assert_max_num_queries(10):
        assert client.get("/de/aktuelles/").status_code == 200
    # Untranslated: the English tree is tried first, then the German original is shown.
    client.get("/en/aktuelles/")
    with django_assert_max_num_queries(10):
        assert client.get("/en/aktuelles/").status_code == 200


def test_site_notice_shows_while_valid_in_the_readers_language(client, site_pages, locales):
    from portal.demo import translate_snippet

    today = timezone.localdate()
    notice = HinweisFactory(text="Das Rathaus ist am Freitag geschlossen.", link_page=site_pages.begriff)
    HinweisFactory(
        text="Abgelaufen",
        gueltig_ab=today - datetime.timedelta(days=9),
        gueltig_bis=today - datetime.timedelta(days=1),
    )
    translate_snippet(notice, locales["ar"], {notice.text: {"ar": "البلدية مغلقة يوم الجمعة."}})

    german = soup(client.get("/de/")).select_one(".site-notices").get_text()
    assert "Das Rathaus ist am Freitag geschlossen." in german and "Abgelaufen" not in german
    arabic = soup(client.get("/ar/")).select_one(".site-notices li")
    assert "البلدية مغلقة يوم الجمعة." in arabic.get_text()
    assert arabic.span.get("lang") is None
    english = soup(client.get("/en/")).select_one(".site-notices li")
    assert english.span["lang"] == "de", "untranslated notices are marked as German"
    assert english.a.get("lang") is None, "the link's text is the reader's language"
    assert english.a["href"] == "/en/integrationsbegriff/"


def test_site_notice_rejects_end_before_start(locales):
    from django.core.exceptions import ValidationError

    from home.models import Hinweis

    notice = Hinweis(
        locale=locales["de"],
        text="x",
        gueltig_ab=timezone.localdate(),
        gueltig_bis=timezone.localdate() - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError) as error:
        notice.full_clean()
    assert "gueltig_bis" in error.value.message_dict
