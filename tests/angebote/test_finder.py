import pytest
from bs4 import BeautifulSoup

from portal.demo import translate_page, translate_snippet
from tests.factories import (
    AngebotAnsprechpartnerFactory,
    AngeboteIndexPageFactory,
    AngebotPageFactory,
    AnsprechpartnerFactory,
    OrtFactory,
)

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [a.get_text() for a in soup(response).select(".offer-list h3 a")]


@pytest.fixture
def finder(site_pages):
    hilfe = AnsprechpartnerFactory(name="Integrationsmanagement Plochingen", locale=site_pages.home.locale)
    return AngeboteIndexPageFactory(parent=site_pages.home, hilfe_kontakt=hilfe)


@pytest.fixture
def offers(finder):
    return {
        "jobcenter": AngebotPageFactory(
            parent=finder,
            title="Jobcenter",
            slug="jobcenter",
            bereiche=["arbeit-ausbildung"],
            sprachen_codes=["de"],
            fuer_gestattung=False,
            fuer_duldung=False,
            reichweite="landkreis",
        ),
        "migration": AngebotPageFactory(
            parent=finder,
            title="Migrationsberatung",
            slug="migrationsberatung",
            bereiche=["arbeit-ausbildung", "aufenthalt-recht"],
            sprachen_codes=["de", "ar"],
            reichweite="landkreis",
        ),
        "cafe": AngebotPageFactory(
            parent=finder,
            title="Begegnungscafé",
            slug="begegnungscafe",
            bereiche=["freizeit-begegnung"],
            sprachen_codes=["de", "tr"],
            kurzbeschreibung="Kaffee und Gespräche",
        ),
    }


def test_all_offers_without_filters(client, offers):
    response = client.get("/de/angebote/")
    assert sorted(titles(response)) == ["Begegnungscafé", "Jobcenter", "Migrationsberatung"]
    assert "3" in soup(response).find(id="results-heading").get_text()


def test_filter_by_area_and_status(client, offers):
    response = client.get("/de/angebote/?bereich=arbeit-ausbildung&status=duldung")
    assert titles(response) == ["Migrationsberatung"]
    assert soup(response).find("input", attrs={"name": "status", "value": "duldung"}).has_attr("checked")


def test_filter_by_language_reach_and_text(client, offers):
    assert titles(client.get("/de/angebote/?sprache=tr")) == ["Begegnungscafé"]
    assert sorted(titles(client.get("/de/angebote/?reichweite=landkreis"))) == ["Jobcenter", "Migrationsberatung"]
    assert titles(client.get("/de/angebote/?q=kaffee")) == ["Begegnungscafé"]


def test_text_search_finds_translated_words(client, offers, locales):
    translate_page(offers["cafe"].get_parent(), locales["ar"], {})
    translate_page(offers["cafe"], locales["ar"], {"Begegnungscafé": {"ar": "مقهى اللقاء"}})
    response = client.get("/ar/angebote/?q=مقهى")
    assert titles(response) == ["مقهى اللقاء"]


def test_invalid_filters_are_reported_at_the_field(client, offers):
    response = client.get("/de/angebote/?status=unbekannt&bereich=mond&q=" + "x" * 300)
    assert response.status_code == 200
    page = soup(response)
    assert len(page.select(".field__errors")) == 3
    assert len(titles(response)) == 3, "invalid filters are ignored"


def test_empty_result_points_to_the_integrationsmanagement(client, offers):
    response = client.get("/de/angebote/?bereich=rueckkehr")
    page = soup(response)
    assert titles(response) == []
    empty = page.select_one(".empty-state")
    assert "Integrationsmanagement Plochingen" in empty.get_text()
    assert empty.find("a", href="/de/angebote/") is not None


def test_pagination_keeps_the_filters(client, finder):
    for number in range(23):
        AngebotPageFactory(parent=finder, title=f"Sprachkurs {number:02d}", bereiche=["sprache-bildung"])
    response = client.get("/de/angebote/?bereich=sprache-bildung")
    assert len(titles(response)) == 20
    assert soup(response).select_one('a[rel="next"]')["href"] == "?bereich=sprache-bildung&seite=2"
    assert len(titles(client.get("/de/angebote/?bereich=sprache-bildung&seite=2"))) == 3


def test_untranslated_offers_are_listed_in_german(client, offers, locales):
    translate_page(offers["cafe"].get_parent(), locales["en"], {})
    response = client.get("/en/angebote/?sprache=tr")
    item = soup(response).select_one(".offer-card")
    assert (item.a["lang"], item.a["dir"]) == ("de", "ltr"), "the German title is marked"
    assert item.select_one(".language-note").get_text() == "(German)", "and the reader is told"
    assert item.get("lang") is None, "the card's interface text is the reader's language"
    assert item.a["href"] == "/en/angebote/begegnungscafe/"


@pytest.mark.parametrize("count", [1, pytest.param(300, marks=pytest.mark.slow)])
def test_finder_query_count_is_bounded(client, finder, django_assert_max_num_queries, count, no_search_index_updates):
    AngebotPageFactory.create_batch(
        count, parent=finder, bereiche=["wohnen", "gesundheit"], sprachen_codes=["de", "ar"]
    )
    client.get("/ar/angebote/?bereich=wohnen")
    # Constant: finder page (Arabic tree, then German original), filter choices, count, one page of
    # offers with their areas and languages prefetched, their translations, menu, footer, notices.
    with django_assert_max_num_queries(36):
        assert client.get("/ar/angebote/?bereich=wohnen&status=duldung").status_code == 200


def test_offer_page_shows_facts_contacts_and_place(client, finder, locales):
    ort = OrtFactory(locale=locales["de"], name="Rathaus", adresse="Schulstraße 5\n73207 Plochingen")
    kontakt = AnsprechpartnerFactory(locale=locales["de"], name="Amira Beispiel", telefon="+49 7153 111")
    offer = AngebotPageFactory(
        parent=finder,
        slug="integrationsmanagement",
        title="Integrationsmanagement",
        ort=ort,
        termin_noetig=True,
        termin_link="https://termine.example.org/im",
        voruebergehend_geschlossen=True,
        bereiche=["wohnen"],
        sprachen_codes=["ar"],
    )
    AngebotAnsprechpartnerFactory(page=offer, ansprechpartner=kontakt)
    page = soup(client.get("/de/angebote/integrationsmanagement/"))
    text = page.main.get_text()
    assert "Amira Beispiel" in text and "+49 7153 111" in text
    assert page.find("a", href="https://termine.example.org/im") is not None
    assert page.select_one(".notice--warning") is not None
    osm = page.find("a", href=lambda h: h and h.startswith("https://www.openstreetmap.org/search?"))
    assert "Schulstra%C3%9Fe+5" in osm["href"]
    assert not page.find("iframe"), "no third-party embeds"


def test_contact_changed_once_shows_in_every_language(client, finder, locales):
    kontakt = AnsprechpartnerFactory(locale=locales["de"], funktion="Beraterin", telefon="+49 7153 111")
    offer = AngebotPageFactory(parent=finder, slug="beratung", title="Beratung")
    AngebotAnsprechpartnerFactory(page=offer, ansprechpartner=kontakt)
    translate_snippet(kontakt, locales["ar"], {"Beraterin": {"ar": "مستشارة"}})
    translate_page(finder, locales["ar"], {})
    translate_page(offer, locales["ar"], {})
    before = soup(client.get("/ar/angebote/beratung/")).select_one(".contact-card").get_text()
    assert "+49 7153 111" in before, "the page's fragment is kept now"

    kontakt.telefon = "+49 7153 999"
    kontakt.save()
    arabic = soup(client.get("/ar/angebote/beratung/")).select_one(".contact-card").get_text()
    assert "+49 7153 999" in arabic and "+49 7153 111" not in arabic
    assert "مستشارة" in arabic


def test_an_offer_can_be_sent_on_or_printed_in_the_readers_language(client, offers, locales):
    page = soup(client.get("/ar/angebote/begegnungscafe/"))
    share = page.select_one("main section.share")
    links = {a.get_text(strip=True): a["href"] for a in share.select("a")}
    address = "http%3A%2F%2Ftestserver%2Far%2Fangebote%2Fbegegnungscafe%2F"
    assert links["الإرسال بالبريد الإلكتروني"] == f"mailto:?subject=Begegnungscaf%C3%A9&body={address}"
    assert links["الإرسال عبر واتساب"] == f"https://wa.me/?text=Begegnungscaf%C3%A9%20{address}"
    assert address in links["الإرسال عبر تيليغرام"]
    print_button = share.select_one("button[data-print]")
    assert print_button.has_attr("hidden"), (
        "shown by the script only where scripts run (the browser's print works anyway)"
    )
