import pytest
from bs4 import BeautifulSoup

from portal.demo import translate_page

pytestmark = pytest.mark.django_db

DIRECTIONS = {"de": "ltr", "en": "ltr", "ar": "rtl", "fa": "rtl", "uk": "ltr", "tr": "ltr"}


@pytest.fixture
def arabic_begriff(site_pages, locales):
    translations = {
        "Gemeinsamer Integrationsbegriff": {"ar": "مفهوم مشترك للاندماج"},
        "Erster Absatz.<br/>Zweiter Absatz.": {"ar": "الفقرة الأولى.<br/>الفقرة الثانية."},
    }
    translate_page(site_pages.home, locales["ar"], {"Integrationsportal Plochingen": {"ar": "بوابة الاندماج"}})
    return translate_page(site_pages.begriff, locales["ar"], translations)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(("language", "direction"), DIRECTIONS.items())
def test_html_lang_and_dir(client, site_pages, language, direction):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = soup(response).html
    assert (html["lang"], html["dir"]) == (language, direction)


def test_interface_strings_are_translated(client, site_pages):
    assert "Zum Inhalt springen" in client.get("/de/").content.decode()
    assert "Skip to content" in client.get("/en/").content.decode()
    assert "Skip to content" not in client.get("/ar/").content.decode()


def test_translated_page_shows_translation(client, arabic_begriff):
    response = client.get("/ar/integrationsbegriff/")
    page = soup(response)
    assert page.h1.get_text() == "مفهوم مشترك للاندماج"
    assert "الفقرة الثانية." in page.find("blockquote").get_text()
    assert page.find(class_="notice--translation") is None
    assert page.main.get("lang") is None


def test_translation_keeps_the_german_slug(arabic_begriff):
    assert arabic_begriff.slug == "integrationsbegriff"
    assert arabic_begriff.url == "/ar/integrationsbegriff/"


def test_missing_translation_shows_german_with_notice(client, site_pages):
    response = client.get("/en/handlungsfelder/handlungsfeld-1/")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == "en"
    assert page.main["lang"] == "de"
    notice = page.find(class_="notice--translation")
    assert notice is not None and "German original" in notice.get_text()


def test_language_switcher_keeps_the_page(client, arabic_begriff):
    page = soup(client.get("/de/integrationsbegriff/"))
    links = {a["hreflang"]: a["href"] for a in page.select(".language-switcher a")}
    assert links == {code: f"/{code}/integrationsbegriff/" for code in DIRECTIONS}
    current = page.select_one('.language-switcher a[aria-current="true"]')
    assert current["lang"] == "de"


def test_language_switcher_keeps_the_search_query(client, site_pages):
    page = soup(client.get("/de/suche/?q=Wohnraum"))
    links = {a["hreflang"]: a["href"] for a in page.select(".language-switcher a")}
    assert links["ar"] == "/ar/suche/?q=Wohnraum"


def test_hreflang_alternates_list_real_translations(client, arabic_begriff):
    page = soup(client.get("/de/integrationsbegriff/"))
    alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert alternates == {
        "de": "http://testserver/de/integrationsbegriff/",
        "ar": "http://testserver/ar/integrationsbegriff/",
        "x-default": "http://testserver/de/integrationsbegriff/",
    }


def test_hreflang_alternates_on_views(client, site_pages):
    page = soup(client.get("/de/suche/"))
    alternates = {link["hreflang"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert alternates == {*DIRECTIONS, "x-default"}


def test_menu_uses_translated_titles_and_falls_back_to_german(client, arabic_begriff):
    page = soup(client.get("/ar/"))
    menu = {a.get_text(): a for a in page.select(".main-nav a")}
    assert menu["مفهوم مشترك للاندماج"]["href"] == "/ar/integrationsbegriff/"
    german = menu["Die sieben Handlungsfelder"]
    assert (german["href"], german["lang"]) == ("/ar/handlungsfelder/", "de")


@pytest.mark.parametrize("language", DIRECTIONS)
def test_unknown_path_gives_a_localised_404(client, site_pages, language):
    response = client.get(f"/{language}/gibt-es-nicht/")
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == language
    assert page.find("form", role="search") is not None


def test_unknown_language_prefix_ends_in_404(client, site_pages):
    response = client.get("/xx/", follow=True)
    assert response.status_code == 404
    assert soup(response).html["lang"] == "de"


def test_german_interface_uses_the_formal_address(client, site_pages):
    html = client.get("/de/konto/login/").content.decode()
    assert "Sie haben noch kein Konto" in html
    assert "Du hast" not in html
