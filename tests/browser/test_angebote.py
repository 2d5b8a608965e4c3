import re

import pytest

from tests.browser.test_browser import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_offers_forms_and_infoblatt(demo, page):
    """Each browser test seeds the whole demo, so one test walks the Angebote area."""
    # A visitor finds, in Arabic, the offers for a person with Duldung about work, and opens one.
    page.goto(demo["url"] + "/ar/angebote/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_no_axe_violations(page, "finder-ar")
    page.locator('input[name="bereich"][value="arbeit-ausbildung"]').check()
    page.locator('input[name="status"][value="duldung"]').check()
    page.locator(".finder__filters button[type=submit]").click()
    page.wait_for_url(re.compile(r".*status=duldung.*"))
    assert "bereich=arbeit-ausbildung" in page.url
    titles = page.locator(".offer-list h3 a").all_inner_texts()
    assert titles, "offers for Duldung and work"
    assert not any("Jobcenter" in t for t in titles), "the Jobcenter is for recognised refugees only"
    page.locator(".offer-list h3 a").first.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator(".contact-card").count() >= 1
    assert_no_axe_violations(page, "offer-ar")

    # ... and prints the Arabic Infoblatt.
    page.goto(demo["url"] + "/ar/angebote/infoblatt-einweisung/")
    assert page.locator("main section").count() >= 5
    assert_no_axe_violations(page, "infoblatt-ar")
    response = page.request.get(demo["url"] + "/ar/angebote/infoblatt-einweisung/pdf/")
    assert response.headers["content-type"] == "application/pdf"

    for path in (
        "/de/begegnungszentrum/",
        "/ar/begegnungszentrum/moebelspende/",
        "/de/sozialhausmeister/",
        "/ar/sozialhausmeister/anliegen/",
    ):
        page.goto(demo["url"] + path)
        assert_no_axe_violations(page, path.strip("/").replace("/", "_"))

    # A furniture donation: an error at the field, then accepted.
    page.goto(demo["url"] + "/de/begegnungszentrum/moebelspende/")
    page.locator("#id_name").fill("Erika Muster")
    page.locator("#id_email").fill("keine-adresse")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#id_email_errors").count() == 1
    assert page.locator("#id_name").input_value() == "Erika Muster"
    assert_no_axe_violations(page, "moebelspende-errors")
    page.locator("#id_email").fill("erika@example.org")
    page.locator("#id_gegenstaende").fill("Ein Sofa")
    page.locator("#id_abholadresse").fill("Marktstraße 3, Plochingen")
    page.locator("#id_wunschtermine").fill("Samstag")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/moebelspende/danke/")
