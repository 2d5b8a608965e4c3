"""What the tests of job postings and of HR's applicant tracking share: a posting at the Bauhof
(translated into Arabic) and a filled-in application form."""

from django.core.files.uploadedfile import SimpleUploadedFile

from portal.demo import translate_page
from tests.factories import StellenangebotPageFactory, StellenIndexPageFactory

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def cv(content=PDF, name="lebenslauf.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def bauhof_stelle(site_pages, locales):
    """A posting at the Bauhof, with its job postings page, both also in Arabic."""
    index = StellenIndexPageFactory(parent=site_pages.home)
    posting = StellenangebotPageFactory(parent=index)
    translate_page(index, locales["ar"], {})
    translate_page(posting, locales["ar"], {"Mitarbeit im Bauhof": {"ar": "العمل في Bauhof"}})
    return posting


def application(**overrides):
    return {
        "vorname": "Samir",
        "nachname": "Haddad",
        "email": "samir@example.org",
        "telefon": "0711 123456",
        "sprachen": "Arabisch, Deutsch B1",
        "qualifikationen": "Gärtner in Aleppo, 8 Jahre",
        "lebenslauf": cv(),
        "fluechtling": "ja",
        "statistik_einwilligung": "on",
        "einwilligung": "on",
        **overrides,
    }
