import unicodedata

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from angebote.models import InfoblattEintrag, InfoblattPage
from portal.demo import translate_page, translate_snippet
from tests.factories import (
    AngebotAnsprechpartnerFactory,
    AngeboteIndexPageFactory,
    AngebotPageFactory,
    AnsprechpartnerFactory,
    OrtFactory,
)
from tests.pdfs import tagged_pdf_text

pytestmark = pytest.mark.django_db

ARABIC = {
    "Integrationsmanagement": "إدارة الاندماج",
    "Persönliche Beratung für Geflüchtete.": "استشارة شخصية للاجئين.",
    "Integrationsmanagerin": "مديرة الاندماج",
    "Ansprechpartner und Beratungsangebote vor Ort": "جهات الاتصال وخدمات الاستشارة المحلية",
}
PERSIAN = {
    "Integrationsmanagement": "مدیریت ادغام",
    "Persönliche Beratung für Geflüchtete.": "مشاوره شخصی برای پناهندگان.",
    "Integrationsmanagerin": "مدیر ادغام",
    "Ansprechpartner und Beratungsangebote vor Ort": "افراد تماس و خدمات مشاوره محلی",
}


@pytest.fixture
def blatt(site_pages, locales):
    finder = AngeboteIndexPageFactory(parent=site_pages.home)
    kontakt = AnsprechpartnerFactory(
        locale=locales["de"], name="Amira Beispiel", funktion="Integrationsmanagerin", telefon="+49 7153 7005-210"
    )
    ort = OrtFactory(locale=locales["de"], name="Rathaus")
    offer = AngebotPageFactory(
        parent=finder,
        slug="integrationsmanagement",
        title="Integrationsmanagement",
        ort=ort,
        kurzbeschreibung="Persönliche Beratung für Geflüchtete.",
    )
    AngebotAnsprechpartnerFactory(page=offer, ansprechpartner=kontakt)
    page = InfoblattPage(
        title="Ansprechpartner und Beratungsangebote vor Ort", slug="infoblatt-einweisung", variante="einweisung"
    )
    page.eintraege = [InfoblattEintrag(angebot=offer)]
    finder.add_child(instance=page)
    page.save_revision().publish()
    for code, texts in (("ar", ARABIC), ("fa", PERSIAN)):
        strings = {german: {code: text} for german, text in texts.items()}
        translate_snippet(kontakt, locales[code], strings)
        translate_page(finder, locales[code], strings)
        translate_page(offer, locales[code], strings)
        translate_page(page, locales[code], strings)
    return {"page": page, "kontakt": kontakt}


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    language = response.wsgi_request.path.split("/")[1]
    return unicodedata.normalize("NFKC", tagged_pdf_text(response.content, language))


def test_print_view_in_arabic(client, blatt):
    response = client.get("/ar/angebote/infoblatt-einweisung/")
    page = BeautifulSoup(response.content, "html.parser")
    assert (page.html["lang"], page.html["dir"]) == ("ar", "rtl")
    assert page.h1.get_text() == ARABIC["Ansprechpartner und Beratungsangebote vor Ort"]
    text = page.main.get_text()
    assert "إدارة الاندماج" in text and "مديرة الاندماج" in text and "+49 7153 7005-210" in text
    assert page.find("svg") is not None, "QR code to the finder"
    assert page.find("a", href="/ar/angebote/infoblatt-einweisung/pdf/") is not None
    assert "http://testserver/ar/angebote/" in page.footer.get_text()


@pytest.mark.parametrize(("language", "strings"), [("ar", ARABIC), ("fa", PERSIAN)])
def test_pdf_contains_the_offers_in_the_language(client, blatt, language, strings):
    text = pdf_text(client.get(f"/{language}/angebote/infoblatt-einweisung/pdf/"))
    assert strings["Integrationsmanagement"] in text
    assert strings["Persönliche Beratung für Geflüchtete."].rstrip(".") in text
    assert "7005-210" in text


def test_contact_changed_once_changes_every_sheet(client, blatt):
    kontakt = blatt["kontakt"]
    kontakt.telefon = "+49 7153 9999-000"
    kontakt.save()
    for language in ("de", "ar", "fa"):
        assert "9999-000" in client.get(f"/{language}/angebote/infoblatt-einweisung/").content.decode()
    assert "9999-000" in pdf_text(client.get("/ar/angebote/infoblatt-einweisung/pdf/"))


def test_pdf_fetches_nothing_from_outside(blatt):
    from portal.pdf import refuse_fetch

    with pytest.raises(ValueError):
        refuse_fetch("http://169.254.169.254/latest/meta-data/")


@pytest.mark.parametrize("count", [1, 30])
def test_sheet_query_count_is_bounded(client, site_pages, locales, django_assert_max_num_queries, count):
    finder = AngeboteIndexPageFactory(parent=site_pages.home)
    page = InfoblattPage(title="Infoblatt", slug="infoblatt", variante="anmeldung")
    entries = []
    for _ in range(count):
        offer = AngebotPageFactory(parent=finder, ort=OrtFactory(locale=locales["de"]))
        AngebotAnsprechpartnerFactory(page=offer, ansprechpartner=AnsprechpartnerFactory(locale=locales["de"]))
        entries.append(InfoblattEintrag(angebot=offer))
    page.eintraege = entries
    finder.add_child(instance=page)
    client.get("/ar/angebote/infoblatt/")
    with django_assert_max_num_queries(30):
        assert client.get("/ar/angebote/infoblatt/").status_code == 200


def sheet_with(site_pages, locales, count):
    finder = AngeboteIndexPageFactory(parent=site_pages.home)
    page = InfoblattPage(title="Infoblatt", slug="infoblatt", variante="anmeldung", hinweis="Im Notfall: 112.")
    entries = []
    for number in range(1, count + 1):
        offer = AngebotPageFactory(
            parent=finder,
            title=f"Angebot {number:02d}",
            kurzbeschreibung="Beratung zu Aufenthalt, Arbeit, Wohnen und Schule, in vielen Sprachen und kostenlos.",
            ort=OrtFactory(locale=locales["de"]),
        )
        kontakt = AnsprechpartnerFactory(locale=locales["de"], telefon="+49 7153 0000-100")
        AngebotAnsprechpartnerFactory(page=offer, ansprechpartner=kontakt)
        entries.append(InfoblattEintrag(angebot=offer))
    page.eintraege = entries
    finder.add_child(instance=page)
    page.save_revision().publish()
    return page


def pdf_pages(response):
    import io

    from pypdf import PdfReader

    tagged_pdf_text(response.content, response.wsgi_request.path.split("/")[1])
    return [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_sheet_is_one_page(client, site_pages, locales, language):
    sheet_with(site_pages, locales, 8)
    pages = pdf_pages(client.get(f"/{language}/angebote/infoblatt/pdf/"))
    assert len(pages) == 1
    assert "Angebot 01" in pages[0] and "Angebot 08" in pages[0] and "/angebote/" in pages[0]


def test_a_sheet_too_long_for_one_page_breaks_between_offers(client, site_pages, locales):
    sheet_with(site_pages, locales, 24)
    pages = pdf_pages(client.get("/de/angebote/infoblatt/pdf/"))
    assert len(pages) > 1
    assert "Infoblatt" in pages[0] and "Angebot 01" in pages[0], "the header stays with the first offers"
    assert "Angebot 24" in pages[-1] and "/de/angebote/" in pages[-1], "the QR code stays with the last offer"
    offers_per_page = [sum(f"Angebot {n:02d}" in text for n in range(1, 25)) for text in pages]
    assert all(offers_per_page) and sum(offers_per_page) == 24, offers_per_page


@pytest.fixture
def renders(monkeypatch):
    """Each PDF set by WeasyPrint, counted (a fake PDF: setting a real one costs seconds)."""
    made = []

    def fake(versions, pages=1):
        made.append(next(iter(versions)))
        return b"%PDF-1.7 fake"

    monkeypatch.setattr("angebote.views.public.first_fitting_pdf", fake)
    return made


def test_a_made_up_parameter_neither_misses_the_caches_nor_sets_the_pdf_again(client, blatt, renders):
    """Issue 25, finding 3: `?r=<random>` made every request cost seconds of CPU."""
    url = "/de/angebote/infoblatt-einweisung/pdf/"
    response = client.get(f"{url}?r=1")
    assert (response.status_code, response["Location"]) == (302, url)
    assert client.get(url).content == b"%PDF-1.7 fake"
    # Even past the page cache (a session cookie), the PDF is set once per language and content.
    client.cookies["sessionid"] = "made-up"
    for token in range(5):
        assert client.get(f"{url}?r={token}").content == b"%PDF-1.7 fake"
    assert len(renders) == 1
    client.get("/ar/angebote/infoblatt-einweisung/pdf/")
    assert len(renders) == 2, "each language has its own PDF"


def test_publishing_a_change_sets_the_pdf_again(client, blatt, renders):
    url = "/de/angebote/infoblatt-einweisung/pdf/"
    client.get(url)
    client.get(url)
    assert len(renders) == 1
    page = blatt["page"]
    page.hinweis = "Notruf: 112"
    page.save_revision().publish()
    client.get(url)
    assert len(renders) == 2
    assert "Notruf: 112" in renders[-1]


def test_pdf_setting_is_limited_per_client_and_kept_pdfs_are_served_freely(client, blatt, renders, settings):
    settings.PORTAL_PDF_RENDER_LIMIT = 2
    client.cookies["sessionid"] = "made-up"  # past the page cache
    assert client.get("/de/angebote/infoblatt-einweisung/pdf/").status_code == 200
    assert client.get("/ar/angebote/infoblatt-einweisung/pdf/").status_code == 200
    response = client.get("/fa/angebote/infoblatt-einweisung/pdf/")
    assert response.status_code == 429 and response["Retry-After"] == "3600"
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == "fa", "in the reader's language"
    assert page.find("a", href="/fa/angebote/infoblatt-einweisung/") is not None, "the print view instead"
    assert len(renders) == 2
    # What is kept costs nothing and is served to this client still.
    assert client.get("/ar/angebote/infoblatt-einweisung/pdf/").status_code == 200
    # Another client is not affected.
    assert Client().get("/fa/angebote/infoblatt-einweisung/pdf/", REMOTE_ADDR="10.0.0.9").status_code == 200
