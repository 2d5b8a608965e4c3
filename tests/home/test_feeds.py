"""The news feeds (RSS 2.0 and Atom, RFC 4287) as a feed reader reads them: one per language, each
item dated by the article's own date, newest first, the Atom feed with its author."""

import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from django.utils import timezone

from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def rss(client, language="de"):
    response = client.get(f"/{language}/aktuelles/feed/rss/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).find("channel")  # noqa: S314 - the portal's own response


def atom(client, language="de"):
    response = client.get(f"/{language}/aktuelles/feed/atom/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # noqa: S314 - the portal's own response


def midnight(day):
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def articles(site_pages):
    """The seed's article dated a month ago but published last; two newer ones published before it."""
    today = timezone.localdate()
    newer = [
        NewsArticlePageFactory(
            parent=site_pages.news, title=f"Neu {n}", slug=f"neu-{n}", date=today - datetime.timedelta(days=n)
        )
        for n in (1, 2)
    ]
    old = site_pages.article
    old.date = today - datetime.timedelta(days=30)
    old.save_revision().publish()
    return [*newer, old]


def translate(page, locale, title):
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.title = title
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def test_rss_items_carry_the_articles_date_newest_first(client, articles):
    items = rss(client).findall("item")
    assert [item.findtext("title") for item in items] == [article.title for article in articles]
    dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert dates == [midnight(article.date) for article in articles]
    assert items[2].findtext("link") == "http://testserver/de/aktuelles/meldung/"
    assert rss(client).findtext("language") == "de"


def test_atom_has_an_author_and_dates_the_entries_by_the_article(client, articles):
    feed = atom(client)
    assert feed.get(XML_LANG) == "de"
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Stadt Plochingen"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [article.title for article in articles]
    for entry, article in zip(entries, articles, strict=True):
        for name in ("published", "updated"):
            assert datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}{name}")) == midnight(article.date)
    assert datetime.datetime.fromisoformat(feed.findtext(f"{ATOM}updated")) == midnight(articles[0].date)


def test_each_language_has_its_translations_only(client, articles, locales):
    translate(articles[2], locales["en"], "Old news")
    translate(articles[0], locales["en"], "New news")
    translate(articles[1], locales["uk"], "Новини")
    english = rss(client, "en")
    assert english.findtext("language") == "en"
    items = english.findall("item")
    assert [item.findtext("title") for item in items] == ["New news", "Old news"]
    assert [item.findtext("link") for item in items] == [
        "http://testserver/en/aktuelles/neu-1/",
        "http://testserver/en/aktuelles/meldung/",
    ]
    assert [parsedate_to_datetime(item.findtext("pubDate")) for item in items] == [
        midnight(articles[0].date),
        midnight(articles[2].date),
    ]
    assert english.findtext("link") == "http://testserver/en/aktuelles/"
    ukrainian = atom(client, "uk")
    assert ukrainian.get(XML_LANG) == "uk"
    assert [e.findtext(f"{ATOM}title") for e in ukrainian.findall(f"{ATOM}entry")] == ["Новини"]
    assert ukrainian.find(f"{ATOM}entry/{ATOM}link").get("href") == "http://testserver/uk/aktuelles/neu-2/"
    arabic = rss(client, "ar")
    assert arabic.findtext("language") == "ar" and arabic.findall("item") == [], "nothing is translated"
    german = [item.findtext("title") for item in rss(client).findall("item")]
    assert german == [article.title for article in articles]


def test_an_unpublished_translation_leaves_the_feed(client, articles, locales):
    english = translate(articles[0], locales["en"], "New news")
    assert [item.findtext("title") for item in rss(client, "en").findall("item")] == ["New news"]
    english.unpublish()
    assert rss(client, "en").findall("item") == []
