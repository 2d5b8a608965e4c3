"""The Verein's pages in a real browser: public page and application, members' area, the Vorstand's register."""

import pytest

from portal import roles
from tests.browser.test_browser import assert_no_axe_violations
from tests.browser.test_ehrenamt import sign_in
from tests.factories import MitgliedFactory, UserFactory, VereinPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_verein_pages_are_accessible(browser, live_server, site_pages):
    VereinPageFactory(parent=site_pages.home)
    member = UserFactory(roles=[roles.VEREINSMITGLIED])
    mitglied = MitgliedFactory(user=member, email=member.email)
    MitgliedFactory(status="beantragt", mitgliedsnummer=None, eintritt=None)

    page = sign_in(browser, live_server, member)
    for path in ("/de/verein/", "/ar/verein/antrag/", "/de/verein/mitglieder/", "/de/verein/mitglieder/meine-daten/"):
        page.goto(live_server.url + path)
        assert_no_axe_violations(page, path.strip("/").replace("/", "_"))
    page.goto(live_server.url + "/de/verein/antrag/")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".field--error").count() > 3
    assert_no_axe_violations(page, "antrag-fehler")

    staff = sign_in(browser, live_server, UserFactory(roles=[roles.VORSTAND]))
    for path in (
        "/de/verein/mitglieder/vorstand/",
        f"/de/verein/mitglieder/vorstand/{mitglied.pk}/",
        "/de/verein/mitglieder/vorstand/offene-beitraege/",
        "/de/verein/mitglieder/vorstand/sprechrunden/",
    ):
        staff.goto(live_server.url + path)
        assert_no_axe_violations(staff, path.strip("/").replace("/", "_"))
