import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail

from tests.browser.conftest import ARTIFACTS, sign_in_to_cms
from tests.conftest import totp_code
from tests.factories import PASSWORD, UserFactory
from veranstaltungen.models import Anmeldung

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# WCAG 2.2 AA: the 2.0 and 2.1 rules plus 2.2's own (target size 24×24 px).
WCAG_22_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
PAGES = [
    "/{lang}/",
    "/{lang}/integrationsbegriff/",
    "/{lang}/aktuelles/",
    "/{lang}/suche/?q=Integration",
    "/{lang}/suche/?q=Zqxwvy",  # nothing found: topics and the help contact
    "/{lang}/konto/login/",
    "/{lang}/handlungsfelder/handlungsfeld-2/",
    "/{lang}/veranstaltungen/",
    "/{lang}/veranstaltungen/kalender/",
    "/{lang}/veranstaltungen/begegnungscafe/",
    "/{lang}/offene-daten/",
]


def assert_no_axe_violations(page, name):
    results = Axe().run(page, options=WCAG_22_AA)
    if results.violations_count:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"


def test_public_pages_in_german_and_arabic(demo, page):
    """Each browser test seeds the whole demo, so one test walks all public pages."""
    page.goto(demo["url"] + "/de/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.get_by_role("link", name="Zum Inhalt springen").count() == 1

    page.goto(demo["url"] + "/ar/")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    # The layout mirrors: the brand sits at the right edge in Arabic.
    brand = page.locator(".site-brand").bounding_box()
    assert brand["x"] > 1280 / 2
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home-ar.png"), full_page=True)

    for lang in ("de", "ar"):
        for path in PAGES:
            url = path.format(lang=lang)
            response = page.goto(demo["url"] + url)
            assert response.status == 200, url
            assert_no_axe_violations(page, url.strip("/").replace("/", "_").replace("?", "_"))

    # Switching language keeps the page.
    page.goto(demo["url"] + "/de/integrationsbegriff/")
    german_title = page.locator("h1").inner_text()
    page.locator(".language-switcher").get_by_role("link", name="العربيّة").click()
    page.wait_for_url("**/ar/integrationsbegriff/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() != german_title
    assert page.locator(".notice--translation").count() == 0
    page.locator(".language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/integrationsbegriff/")
    page.goto(demo["url"] + "/en/handlungsfelder/handlungsfeld-4/")
    assert page.locator(".notice--translation").count() == 1
    assert page.locator("main").get_attribute("lang") == "de"

    # Registering for a talk: the form, the email with the link, the confirmation button.
    page.goto(demo["url"] + "/ar/veranstaltungen/vortragsreihe-ankommen/anmelden/")
    assert_no_axe_violations(page, "anmeldung-ar")
    page.locator("#id_name").fill("Amal")
    page.locator("#id_email").fill("amal@example.org")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    link = re.search(r"(/ar/veranstaltungen/\S+/bestaetigen/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(demo["url"] + link)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert Anmeldung.objects.get(email="amal@example.org").status == "bestaetigt"


def test_staff_sign_in_with_two_factors(demo, page, browser):
    # A seeded editor: password, then the code from the authenticator app.
    sign_in_to_cms(page, demo)
    assert page.url == demo["url"] + "/cms/"

    # A new editor without a device is forced through the setup first.
    from portal import roles

    user = UserFactory(email="neue.redakteurin@example.org", roles=[roles.REDAKTION])
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    new = context.new_page()
    new.goto(demo["url"] + "/de/konto/login/?next=/cms/")
    new.get_by_label("E-Mail").fill(user.email)
    new.get_by_label("Passwort").fill(PASSWORD)
    new.get_by_role("button", name="Anmeldung").click()
    # The password alone is not enough: a link goes to the account's address first.
    new.wait_for_url("**/konto/2fa/einrichten/**")
    assert_no_axe_violations(new, "mfa-enrolment")
    mail.outbox.clear()
    with new.expect_navigation():
        new.locator("#mfa-enrolment button").click()
    link = re.search(r"(https?://\S+/de/konto/2fa/einrichten/\S+/)", mail.outbox[-1].body).group(1)
    new.goto(link)
    # allauth asks for the password again before a device can be added.
    new.wait_for_url("**/konto/reauthenticate/**")
    new.get_by_label("Passwort").fill(PASSWORD)
    new.get_by_role("button", name="Bestätigen").click()
    new.wait_for_url("**/2fa/totp/activate/**")
    assert_no_axe_violations(new, "totp-activate")
    secret = new.locator("#authenticator_secret").input_value()
    new.get_by_label("Authentifizierungscode").fill(totp_code(secret))
    new.get_by_role("button", name="Aktivieren").click()
    new.wait_for_load_state()
    response = new.goto(demo["url"] + "/cms/")
    assert response.status == 200
    assert new.url == demo["url"] + "/cms/"
    context.close()
