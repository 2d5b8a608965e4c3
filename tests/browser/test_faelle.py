"""A case worker signs in with a second factor and works on a case: no axe violations; a contact
with a follow-up date shows in My tasks and is marked done there, at phone width too."""

import pytest
from django.utils import timezone

from intern.faelle.models import Bedarf, Massnahme
from tests.browser.test_browser import assert_no_axe_violations
from tests.conftest import totp_code
from tests.factories import PASSWORD, FallFactory, UserFactory, activate_totp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_case_worker_pages_have_no_axe_violations(browser, live_server, site_pages):
    worker = UserFactory(first_name="Karin", roles=["Integrationsmanagement"])
    secret = activate_totp(worker)
    fall = FallFactory(pseudonym="Haushalt Linde", bearbeitende=[worker])
    fall.personen.create(vorname="Amal", nachname="Haddad")
    Bedarf.objects.create(fall=fall, lebensbereich="sprache", status="bedarf", prioritaet=1)
    Massnahme.objects.create(
        fall=fall, lebensbereich="sprache", beschreibung="Integrationskurs", stelle="integrationsmanagement"
    )

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.goto(live_server.url + "/de/konto/login/?next=/de/intern/faelle/")
    page.get_by_label("E-Mail").fill(worker.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmeldung").click()
    page.wait_for_url("**/2fa/authenticate/**")
    page.locator("input[name=code]").fill(totp_code(secret))
    page.get_by_role("button", name="Anmeldung").click()
    page.wait_for_url("**/de/intern/faelle/")
    assert_no_axe_violations(page, "faelle-liste")
    for path in ("", "raster/", "uebergabe/", "massnahmen/neu/"):
        page.goto(f"{live_server.url}/de/intern/faelle/{fall.pk}/{path}")
        assert_no_axe_violations(page, f"fall-{path.strip('/') or 'detail'}")
    page.goto(f"{live_server.url}/de/intern/faelle/aufgaben/")
    assert_no_axe_violations(page, "aufgaben")

    page.goto(f"{live_server.url}/de/intern/faelle/{fall.pk}/kontakte/")
    assert_no_axe_violations(page, "kontakte")
    page.locator("#id_art").select_option("telefon")
    page.locator("#id_notiz").fill("Rückruf Jobcenter")
    page.locator("#id_wiedervorlage_am").fill(timezone.localdate().isoformat())
    page.locator("section[aria-labelledby=neu] button[type=submit]").click()
    page.wait_for_selector("#kontakte-tabelle")
    assert "Rückruf Jobcenter" in page.locator("#kontakte-tabelle").inner_text()

    page.set_viewport_size({"width": 360, "height": 800})
    for path in (f"{fall.pk}/raster/", f"{fall.pk}/kontakte/", "aufgaben/"):
        page.goto(f"{live_server.url}/de/intern/faelle/{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
    row = page.locator("#wiedervorlagen-tabelle tr[data-kontakt]")
    assert "Rückruf Jobcenter" in row.inner_text()
    assert_no_axe_violations(page, "aufgaben-mit-wiedervorlage")
    row.get_by_role("button").click()
    page.wait_for_url("**/de/intern/faelle/aufgaben/")
    assert page.locator("#wiedervorlagen-tabelle").count() == 0
    context.close()
