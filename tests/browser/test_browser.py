import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import ARTIFACTS
from tests.conftest import totp_code
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PAGES = [
    "/{lang}/",
    "/{lang}/integrationsbegriff/",
    "/{lang}/aktuelles/",
    "/{lang}/suche/?q=Integration",
    "/{lang}/konto/login/",
    "/{lang}/handlungsfelder/handlungsfeld-2/",
]


def assert_no_axe_violations(page, name):
    results = Axe().run(page, options=WCAG_21_AA)
    if results.violations_count:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_pages_have_no_axe_violations(demo, page, lang):
    for path in PAGES:
        url = path.format(lang=lang)
        response = page.goto(demo["url"] + url)
        assert response.status == 200, url
        assert_no_axe_violations(page, url.strip("/").replace("/", "_").replace("?", "_"))


def test_home_in_german_and_arabic(demo, page):
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


def test_switching_language_keeps_the_page(demo, page):
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


def test_seeded_staff_login_asks_for_the_code(demo, page):
    login = demo["logins"]["Redaktion"]
    page.goto(demo["url"] + "/cms/")
    page.get_by_label("E-Mail").fill(login["email"])
    page.get_by_label("Passwort").fill(login["password"])
    page.get_by_role("button", name="Anmeldung").click()
    page.wait_for_url("**/2fa/authenticate/**")
    page.get_by_label("Code").fill(totp_code(login["totp"]))
    page.get_by_role("button", name="Anmeldung").click()
    page.wait_for_url("**/cms/")
    assert page.locator("body.wagtail-admin, body").first.inner_text()
    assert page.url == demo["url"] + "/cms/"


def test_staff_without_mfa_is_forced_through_setup(demo, page):
    from portal import roles

    user = UserFactory(email="neue.redakteurin@example.org", roles=[roles.REDAKTION])
    page.goto(demo["url"] + "/de/konto/login/?next=/cms/")
    page.get_by_label("E-Mail").fill(user.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmeldung").click()
    # The CMS sends her to set up two-factor authentication; allauth first asks for the password again.
    page.wait_for_url("**/konto/reauthenticate/**")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Bestätigen").click()
    page.wait_for_url("**/2fa/totp/activate/**")
    assert_no_axe_violations(page, "totp-activate")
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authentifizierungscode").fill(totp_code(secret))
    page.get_by_role("button", name="Aktivieren").click()
    page.wait_for_load_state()
    response = page.goto(demo["url"] + "/cms/")
    assert response.status == 200
    assert page.url == demo["url"] + "/cms/"
