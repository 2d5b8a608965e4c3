"""Every public form has a short 'Hilfe zum Ausfüllen' box above it, in the reader's language."""

import datetime
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation

from angebote.models import BegegnungszentrumPage, SozialhausmeisterPage
from tests.conftest import login
from tests.factories import (
    AnsprechpartnerFactory,
    EhrenamtsprofilFactory,
    UserFactory,
    VeranstaltungenIndexPageFactory,
    VeranstaltungPageFactory,
    VereinPageFactory,
)
from wohnraum.models import WohnraumPage

pytestmark = pytest.mark.django_db

# form -> (its URL without the language prefix, the English msgid of its help text)
FORMS = {
    "moebelspende": (
        "/begegnungszentrum/moebelspende/",
        "We need your name, your email address, what you would like to give, the pickup address and when we "
        "may come. Your phone number and photos are optional. If something is missing or wrong, we explain it "
        "at the field. If you are unsure, ask at the Begegnungszentrum.",
    ),
    "anliegen": (
        "/sozialhausmeister/anliegen/",
        "We only need a topic and your message. Your name and contact details are optional. If something is "
        "missing, we explain it at the field. If you are unsure, talk to the Sozialhausmeister in person.",
    ),
    "wohnungsangebot": (
        "/wohnraum/angebot/",
        "Fill in what you know about the flat. Fields marked as required are needed; everything else is "
        "optional. You can add photos. If you are unsure, call us: we fill in the form together with you.",
    ),
    "mitgliedsantrag": (
        "/verein/antrag/",
        "All fields are needed: name, address, email address, date of birth, type of membership and your "
        "agreement to the statutes and the privacy notice. Members must be at least 14 years old. If something "
        "is missing or wrong, we explain it at the field. If you have questions, ask the Vorstand of the Verein.",
    ),
    "veranstaltung": (
        "/veranstaltungen/vortrag/anmelden/",
        "Choose a date and enter your name and email address: that is all we need. If something is missing, "
        "we explain it at the field. If you are unsure, ask at the Begegnungszentrum.",
    ),
    "ehrenamtsprofil": (
        "/ehrenamt/mein-profil/",
        "We need your name, the languages you speak, where you would like to help and your consent. Your phone "
        "number, your free days and times and other notes are optional. If something is missing, we explain it "
        "at the field. If you are unsure, ask the volunteer coordination.",
    ),
    "patenbewerbung": (
        "/ehrenamt/patenschaft/",
        "We need your district, what you would like to help with and whether you have a certificate of good "
        "conduct. Everything else is optional. If something is missing, we explain it at the field. If you are "
        "unsure, ask the volunteer coordination.",
    ),
    "barrierenmeldung": (
        "/barrierefreiheit/",
        "Describe the barrier in your own words; you can write in any language. Name and email address are "
        "optional: give them only if you would like an answer. If something is missing, we explain it at the field.",
    ),
    "konto": (
        "/konto/signup/",
        "We only need your email address and a password, which you type in twice. Then we send you an email "
        "with a link to confirm your address. If something is missing, we explain it at the field. If you are "
        "unsure, ask at the Begegnungszentrum.",
    ),
}


@pytest.fixture
def formular_seiten(site_pages):
    """The pages that carry the public forms, under the German home page."""
    home = site_pages.home
    home.add_child(instance=BegegnungszentrumPage(title="Begegnungszentrum", slug="begegnungszentrum"))
    kontakt = AnsprechpartnerFactory(locale=home.locale, email="hausmeister@example.org")
    home.add_child(instance=SozialhausmeisterPage(title="Sozialhausmeister", slug="sozialhausmeister", kontakt=kontakt))
    wohnraum = WohnraumPage(title="Wohnraum", slug="wohnraum", intro="<p>Vermieten Sie an die Stadt.</p>")
    home.add_child(instance=wohnraum)
    VereinPageFactory(parent=home)
    start = (timezone.now() + datetime.timedelta(days=5)).replace(microsecond=0)
    VeranstaltungPageFactory(
        parent=VeranstaltungenIndexPageFactory(parent=home),
        slug="vortrag",
        title="Vortrag",
        beginn=start,
        ende=start + datetime.timedelta(hours=2),
        anmeldung=True,
        kapazitaet=10,
    )
    return SimpleNamespace(wohnraum=wohnraum)


def open_form(client, form, language):
    """GET the form as the person who fills it in: a new account, a volunteer, or anyone."""
    if form == "ehrenamtsprofil":
        login(client, UserFactory())
    elif form == "patenbewerbung":
        login(client, EhrenamtsprofilFactory().user)
    response = client.get(f"/{language}{FORMS[form][0]}")
    assert response.status_code == 200, form
    return response.content.decode()


def help_box(html):
    """The help section, checked to stand once on the page and before the form."""
    soup = BeautifulSoup(html, "html.parser")
    boxes = soup.find_all("section", attrs={"aria-labelledby": "formular-hilfe"})
    assert len(boxes) == 1 and len(soup.find_all(id="formular-hilfe")) == 1
    heading = boxes[0].find("h2", id="formular-hilfe")
    assert heading is not None
    main = html[html.index("<main") :]  # the header's search field is a form too
    assert main.index('id="formular-hilfe"') < main.index("<form"), "the help comes before the form"
    return boxes[0], heading


def text(element):
    return " ".join(element.get_text(" ").split())


@pytest.mark.parametrize("form", FORMS)
def test_each_public_form_has_help_in_german_above_it(client, formular_seiten, form):
    box, heading = help_box(open_form(client, form, "de"))
    assert text(heading) == "Hilfe zum Ausfüllen"
    with translation.override("de"):
        hilfe = translation.gettext(FORMS[form][1])
    assert hilfe != FORMS[form][1], f"{form}: the help text has no German translation"
    assert " ".join(hilfe.split()) in text(box)


@pytest.mark.parametrize("form", FORMS)
def test_the_forms_with_help_still_render_in_arabic(client, formular_seiten, form):
    html = open_form(client, form, "ar")
    help_box(html)
    assert 'dir="rtl"' in html


def test_the_cms_help_text_replaces_the_default_on_the_landlord_form(client, formular_seiten):
    formular_seiten.wohnraum.formular_hilfe = "Rufen Sie Frau Weber an: 07153 1234.\n\nSie hilft <gern>."
    formular_seiten.wohnraum.save_revision().publish()
    box, _heading = help_box(open_form(client, "wohnungsangebot", "de"))
    assert [p.get_text() for p in box.find_all("p")] == ["Rufen Sie Frau Weber an: 07153 1234.", "Sie hilft <gern>."]
    with translation.override("de"):
        default = translation.gettext(FORMS["wohnungsangebot"][1])
    assert default not in text(box)
