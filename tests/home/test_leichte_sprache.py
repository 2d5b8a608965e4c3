"""BITV 2.0 § 4: explanations in Leichte Sprache, reached from the header of every page."""

import pytest
from bs4 import BeautifulSoup

from home.demo import LEICHTE_SPRACHE, LEICHTE_SPRACHE_PRUEFUNG
from tests.factories import LeichteSprachePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def leichte_sprache(site_pages):
    _title, einleitung, body = LEICHTE_SPRACHE
    page = LeichteSprachePageFactory(
        parent=site_pages.home, einleitung=einleitung, body=body, pruefung=LEICHTE_SPRACHE_PRUEFUNG
    )
    LeichteSprachePageFactory(parent=page, slug="hilfe-finden", title="Hilfe finden")
    return page


def test_the_page_explains_the_site_in_short_sentences_with_words_explained(client, leichte_sprache):
    page = BeautifulSoup(client.get("/de/leichte-sprache/").content, "html.parser")
    article = page.find("article", class_="easy-read")
    assert article.h1.get_text() == "Leichte Sprache"
    headings = [h2.get_text() for h2 in article.find_all("h2")]
    # The four explanations of BITV 2.0 Anlage 2, then the further pages.
    assert headings[:4] == [
        "Was steht im Integrations·portal?",
        "So finden Sie sich zurecht",
        "Barriere·freiheit: Was ist gut? Was ist noch nicht gut?",
        "Wo gibt es mehr Infos in Leichter Sprache und in Gebärden·sprache?",
    ]
    sentences = [p.get_text() for p in article.select(".easy-read__section p")]
    assert "Tippen Sie auf Menü." in sentences, "one sentence per paragraph"
    words = [box.find("strong").get_text() for box in article.select(".word-box")]
    assert words == ["Integration", "Barriere·freiheit"]
    assert article.find("a", href="/de/leichte-sprache/hilfe-finden/").get_text() == "Hilfe finden"
    assert LEICHTE_SPRACHE_PRUEFUNG in article.get_text()


@pytest.mark.parametrize("path", ["/de/", "/ar/", "/de/impressum/", "/uk/aktuelles/", "/de/konto/login/"])
def test_every_page_links_to_leichte_sprache_in_its_header(client, leichte_sprache, path):
    page = BeautifulSoup(client.get(path).content, "html.parser")
    link = page.find("header").find("a", href="/de/leichte-sprache/")
    assert link is not None and link.get_text(strip=True) == "Leichte Sprache"
    assert link.find("svg", attrs={"aria-hidden": "true"}) is not None, "the pictogram beside the words"
    if not path.startswith("/de/"):
        assert link["lang"] == "de", "the German words are marked as German"


def test_without_the_page_the_header_has_no_empty_links(client, site_pages):
    page = BeautifulSoup(client.get("/de/").content, "html.parser")
    assert page.find(class_="site-header__access") is None
