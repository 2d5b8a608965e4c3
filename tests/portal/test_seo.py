"""Found from outside: sitemap.xml, canonical links, hreflang, meta descriptions and Open Graph.

A small site with one page of (almost) every public type, partly translated, as a crawler sees it:
from sitemap.xml to every page it lists and every alternate those pages name."""

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
import wagtail_factories
from django.conf import settings
from wagtail.models import PageViewRestriction

from angebote.models import InfoblattEintrag, InfoblattPage
from portal.demo import translate_page
from tests import factories

pytestmark = pytest.mark.django_db

BASE = "https://integration.plochingen.example"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
LANGUAGES = [code for code, _name in settings.LANGUAGES]


class Head(HTMLParser):
    """The <title>, <link> and <meta> elements of a document's head."""

    def __init__(self, html):
        super().__init__()
        self.links, self.metas, self.title, self._in_title = [], [], "", False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            self.metas.append(attrs)
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def canonicals(self):
        return [link["href"] for link in self.links if link.get("rel") == "canonical"]

    def alternates(self):
        return {
            link["hreflang"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and "hreflang" in link
        }

    def meta(self, key):
        return [m.get("content", "") for m in self.metas if m.get("name") == key or m.get("property") == key]


def path_of(url):
    assert url.startswith(BASE + "/"), f"{url} is not on the public address"
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def head_of(client, url):
    response = client.get(path_of(url) if url.startswith("http") else url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return Head(response.content.decode())


@pytest.fixture
def site(site_pages, locales, settings):
    """One page of each public type below the German home page; home, Integrationsbegriff, news,
    offers (finder, one offer, its Infoblatt) and events translated into English and Arabic; the
    rest German only. The Site record keeps the host `testserver`: the public address differs."""
    settings.PORTAL_BASE_URL = BASE
    home = site_pages.home
    finder = factories.AngeboteIndexPageFactory(parent=home)
    offer = factories.AngebotPageFactory(parent=finder, slug="beratung")
    sheet = InfoblattPage(title="Infoblatt", slug="infoblatt", variante="anmeldung", einleitung="Wer hilft wo.")
    finder.add_child(instance=sheet)
    InfoblattEintrag.objects.create(page=sheet, angebot=offer)
    sheet.save_revision().publish()
    events = factories.VeranstaltungenIndexPageFactory(parent=home)
    event = factories.VeranstaltungPageFactory(parent=events, slug="cafe")
    german_only = [
        factories.LeichteSprachePageFactory(parent=home),
        factories.GebaerdensprachePageFactory(parent=home),
        factories.MitmachenPageFactory(parent=home),
        factories.StellenIndexPageFactory(parent=home),
        factories.BeiratPageFactory(parent=home),
    ]
    factories.StellenangebotPageFactory(parent=german_only[3])
    factories.MonitorPageFactory(parent=german_only[4])
    german_only.append(factories.VereinPageFactory(parent=home))
    translated = [home, site_pages.begriff, site_pages.news, site_pages.article, finder, offer, sheet, events, event]
    for language in ("en", "ar"):
        for page in translated:
            translate_page(page, locales[language], {})
    return {"home": home, "events": events, "event": event, "sheet": sheet, "german_only": german_only}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - the portal's own response
    entries = {}
    for url in root.findall("s:url", SITEMAP_NS):
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("x:link", SITEMAP_NS)
            if link.get("rel") == "alternate"
        }
        entries[url.find("s:loc", SITEMAP_NS).text] = alternates
    return entries


def test_the_crawl_from_the_sitemap_finds_every_page_in_every_language_it_is_published_in(client, site):
    entries = sitemap_entries(client)
    assert f"{BASE}/de/" in entries and f"{BASE}/ar/angebote/infoblatt/" in entries
    assert f"{BASE}/de/leichte-sprache/" in entries
    assert f"{BASE}/ar/veranstaltungen/kalender/" in entries and f"{BASE}/de/veranstaltungen/archiv/" in entries
    assert f"{BASE}/en/leichte-sprache/" not in entries, "a German page shown under /en/ is no translation"
    heads = {}
    for location, sitemap_alternates in entries.items():
        head = heads[location] = head_of(client, location)
        assert head.canonicals() == [location], location
        assert head.alternates() == sitemap_alternates, location
        assert len(head.meta("description")) == 1 and head.meta("description")[0], location
    for location, head in heads.items():
        for code, alternate in head.alternates().items():
            other = heads.get(alternate) or head_of(client, alternate)
            assert other.alternates().get(code if code != "x-default" else "de") == alternate
            assert location in other.alternates().values(), f"{alternate} does not link back to {location}"
    languages = {urlsplit(location).path.split("/")[1] for location in entries}
    assert languages == {"de", "en", "ar"}


def test_an_untranslated_page_under_another_language_names_the_german_page_as_canonical(client, site):
    for language in ("en", "ar", "fa", "uk", "tr"):
        head = head_of(client, f"/{language}/leichte-sprache/")
        assert head.canonicals() == [f"{BASE}/de/leichte-sprache/"]
        assert head.alternates() == {}
    german = head_of(client, "/de/leichte-sprache/")
    assert german.canonicals() == [f"{BASE}/de/leichte-sprache/"]
    assert german.alternates() == {"de": f"{BASE}/de/leichte-sprache/", "x-default": f"{BASE}/de/leichte-sprache/"}


def test_sub_routes_name_their_own_address_in_canonical_and_hreflang(client, site):
    head = head_of(client, "/ar/veranstaltungen/kalender/")
    assert head.canonicals() == [f"{BASE}/ar/veranstaltungen/kalender/"]
    assert head.alternates() == {
        "de": f"{BASE}/de/veranstaltungen/kalender/",
        "en": f"{BASE}/en/veranstaltungen/kalender/",
        "ar": f"{BASE}/ar/veranstaltungen/kalender/",
        "x-default": f"{BASE}/de/veranstaltungen/kalender/",
    }
    # A list's further pages are pages of their own; other parameters are not part of the address.
    head = head_of(client, "/de/aktuelles/?seite=2")
    assert head.canonicals() == [f"{BASE}/de/aktuelles/?seite=2"]
    assert head_of(client, "/de/angebote/?bereich=wohnen").canonicals() == [f"{BASE}/de/angebote/"]


def test_the_infoblatt_has_canonical_and_hreflang(client, site):
    head = head_of(client, "/en/angebote/infoblatt/")
    assert head.canonicals() == [f"{BASE}/en/angebote/infoblatt/"]
    assert set(head.alternates()) == {"de", "en", "ar", "x-default"}
    assert head.meta("description") == ["Wer hilft wo."]


def test_every_page_type_has_a_description_and_open_graph_in_all_six_languages(client, site):
    locations = [urlsplit(location).path for location in sitemap_entries(client) if "/de/" in location]
    assert len(locations) >= 15
    for path in locations:
        for language in LANGUAGES:
            url = path.replace("/de/", f"/{language}/", 1)
            head = head_of(client, url)
            (description,) = head.meta("description")
            assert description.strip(), url
            assert head.meta("og:description") == [description]
            assert head.meta("og:url") == head.canonicals(), url
            assert head.meta("og:locale")[0].startswith(language), url
            assert head.meta("og:site_name") == [settings.WAGTAIL_SITE_NAME]
            assert head.meta("og:title")[0] and head.meta("og:type")[0]
            assert head.meta("twitter:card") in (["summary"], ["summary_large_image"])


def test_descriptions_come_from_the_page_in_its_language(client, site):
    event = site["event"]
    event.search_description = "Kaffee und Gespräche am Samstag."
    event.save_revision().publish()
    assert head_of(client, "/de/veranstaltungen/cafe/").meta("description") == ["Kaffee und Gespräche am Samstag."]
    # The German original shown under /tr/: a sentence in Turkish (the document's language) about it.
    turkish = head_of(client, "/tr/leichte-sprache/").meta("description")[0]
    assert turkish and "Hier finden Sie" not in turkish
    # Locales of the translations for link previews.
    head = head_of(client, "/en/veranstaltungen/cafe/")
    assert head.meta("og:locale") == ["en_GB"]
    assert set(head.meta("og:locale:alternate")) == {"de_DE", "ar_AR"}


def test_titles_name_the_portal_once(client, site):
    assert head_of(client, "/de/").title == settings.WAGTAIL_SITE_NAME
    assert head_of(client, "/de/mitmachen/").title == f"Mitmachen – {settings.WAGTAIL_SITE_NAME}"


def test_robots_txt_and_the_sitemap_name_the_public_address(client, site):
    assert f"Sitemap: {BASE}/sitemap.xml" in client.get("/robots.txt").content.decode()
    assert all(location.startswith(f"{BASE}/") for location in sitemap_entries(client))


def test_pages_behind_a_view_restriction_are_not_in_the_sitemap(client, site):
    beirat = site["german_only"][4]
    PageViewRestriction.objects.create(page=beirat, restriction_type=PageViewRestriction.LOGIN)
    beirat.save_revision().publish()  # a new generation
    entries = sitemap_entries(client)
    assert not [location for location in entries if "/beirat/" in location]
    assert f"{BASE}/de/mitmachen/" in entries


def test_a_page_with_a_picture_shows_it_in_link_previews(client, site):
    image = wagtail_factories.ImageFactory(title="Bild")
    page = site["german_only"][0]  # Leichte Sprache: its first section's picture
    page.body = [("abschnitt", {"ueberschrift": "Hallo", "text": "Ein Satz.", "bild": image, "bildbeschreibung": ""})]
    page.save_revision().publish()
    head = head_of(client, "/de/leichte-sprache/")
    (picture,) = head.meta("og:image")
    assert picture.startswith(f"{BASE}/media/") and picture.endswith((".png", ".jpg", ".jpeg", ".gif"))
    assert head.meta("twitter:card") == ["summary_large_image"]
    assert head_of(client, "/de/mitmachen/").meta("og:image") == []


def test_only_real_translations_count_not_aliases_nor_pages_below_a_missing_one(client, site, locales):
    """Translating a posting makes wagtail-localize put an alias of its German index above it: the
    alias shows the German text, so it is no translation; the posting's translation is one. A page
    below a page with no page at all in that language is not reached (PortalPage.route answers with
    the German original), so it is none either."""
    index = site["german_only"][3]
    posting = index.get_children().first().specific
    translate_page(posting, locales["en"], {})
    index_path, posting_path = index.get_url_parts()[2], posting.get_url_parts()[2]
    entries = sitemap_entries(client)
    assert f"{BASE}/en/{index_path[4:]}" not in entries
    assert entries[f"{BASE}{index_path}"] == {"de": f"{BASE}{index_path}", "x-default": f"{BASE}{index_path}"}
    assert head_of(client, f"/en/{index_path[4:]}").canonicals() == [f"{BASE}{index_path}"]
    assert f"{BASE}/en/{posting_path[4:]}" in entries
    assert head_of(client, f"/en/{posting_path[4:]}").canonicals() == [f"{BASE}/en/{posting_path[4:]}"]

    # The alias goes (an editor deletes it): /en/… below it shows the German posting again.
    index.get_translation(locales["en"]).delete()
    posting.save_revision().publish()  # a new content generation
    entries = sitemap_entries(client)
    assert f"{BASE}/en/{posting_path[4:]}" not in entries
    assert head_of(client, f"/en/{posting_path[4:]}").canonicals() == [f"{BASE}{posting_path}"]


@pytest.mark.parametrize("pages", [1, 30])
def test_the_sitemap_costs_the_same_queries_for_one_page_and_many(
    client, site_pages, django_assert_max_num_queries, pages
):
    for number in range(pages):
        factories.StandardPageFactory(parent=site_pages.home, slug=f"seite-{number}")
    with django_assert_max_num_queries(20):  # cold: measured 15 with 1 and with 30 pages (SQLite)
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response.content.count(b"<url>") >= pages
    with django_assert_max_num_queries(15):  # warm, page cache off: measured 12 with 1 and with 30 pages
        assert client.get("/sitemap.xml").status_code == 200
