"""A volunteer signs up, cancels, and the person on the waiting list moves up."""

import datetime
import re

import pytest
from django.core import mail

from ehrenamt.models import Einsatz
from patenschaften.models import Patenbewerbung, Patenschaft, Patensuche
from portal import roles
from tests.browser.test_browser import assert_no_axe_violations
from tests.factories import (
    PASSWORD,
    MitmachenPageFactory,
    SchichtFactory,
    UserFactory,
    volunteer,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sign_in(browser, live_server, user):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.goto(live_server.url + "/de/konto/login/")
    page.get_by_label("E-Mail").fill(user.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmeldung").click()
    page.wait_for_load_state()
    return page


def test_sign_up_cancel_and_the_waiting_list_moves_up(browser, live_server, site_pages):
    MitmachenPageFactory(
        parent=site_pages.home,
        einsatzfelder=[{"type": "feld", "value": {"titel": "Kleiderkammer", "text": "<p>Sortieren.</p>"}}],
    )
    schicht = SchichtFactory(titel="Kleiderkammer Ausgabe", bereich="kleiderkammer", kapazitaet=1)
    anna = volunteer(user__first_name="Anna", user__email="anna@example.org")
    bernd = volunteer(user__first_name="Bernd", user__email="bernd@example.org")

    page = sign_in(browser, live_server, anna)
    for lang in ("de", "ar"):
        page.goto(f"{live_server.url}/{lang}/mitmachen/")
        assert_no_axe_violations(page, f"mitmachen-{lang}")
    page.goto(live_server.url + "/de/ehrenamt/schichten/")
    assert_no_axe_violations(page, "schichten")
    page.get_by_role("button", name=re.compile(r"^Eintragen\W+Kleiderkammer Ausgabe")).click()
    page.wait_for_url(f"**/ehrenamt/schichten/{schicht.pk}/")
    assert page.get_by_text("Sie sind angemeldet. Vielen Dank!").count() == 1
    assert_no_axe_violations(page, "schicht")

    other = sign_in(browser, live_server, bernd)
    other.goto(f"{live_server.url}/ar/ehrenamt/schichten/{schicht.pk}/")
    assert other.locator("html").get_attribute("dir") == "rtl"
    assert_no_axe_violations(other, "schicht-ar")
    other.locator("main form button[type=submit]").click()
    other.wait_for_load_state()
    assert Einsatz.objects.get(freiwillige=bernd).status == "warteliste"

    page.goto(live_server.url + "/de/ehrenamt/meine-einsaetze/")
    assert_no_axe_violations(page, "meine-einsaetze")
    mail.outbox.clear()
    # "Ich kann nicht" asks first, with an optional reason; the page fits a phone in Arabic too.
    page.get_by_role("link", name=re.compile(r"^Ich kann nicht\W+Kleiderkammer Ausgabe")).click()
    page.wait_for_url("**/absagen/?zurueck=meine")
    assert_no_axe_violations(page, "absagen")
    absagen = page.url
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(absagen.replace("/de/", "/ar/", 1))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.goto(absagen)
    page.locator("#id_grund").fill("Mein Kind ist krank")
    page.locator("#absagen-form button[type=submit]").click()
    page.wait_for_url("**/ehrenamt/meine-einsaetze/")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.get_by_text("Sie sind für keine Schicht angemeldet.").count() == 1

    # Bernd has moved up: his page says so, Anna sees him on the shift, and he has an email.
    other.goto(f"{live_server.url}/de/ehrenamt/schichten/{schicht.pk}/")
    assert other.get_by_text("Sie sind angemeldet.").count() == 1
    page.goto(f"{live_server.url}/de/ehrenamt/schichten/{schicht.pk}/")
    assert page.locator(".facts").get_by_text("Bernd").count() == 1
    assert [m.to for m in mail.outbox] == [["bernd@example.org"]]

    page.goto(live_server.url + "/de/ehrenamt/mein-profil/")
    assert_no_axe_violations(page, "ehrenamtsprofil")
    page.goto(live_server.url + "/de/ehrenamt/patenschaft/")
    assert_no_axe_violations(page, "patenbewerbung")
    page.goto(live_server.url + "/ar/ehrenamt/meine-patenschaften/")
    assert_no_axe_violations(page, "meine-patenschaften-ar")

    coordinator = UserFactory(roles=[roles.EHRENAMTSKOORDINATION])
    staff = sign_in(browser, live_server, coordinator)
    suche = Patensuche.objects.create(
        bezeichnung="Familie K.", sprachen=["ar"], themen=["schule"], stadtteil="innenstadt", mit_kindern=True
    )
    Patenbewerbung.objects.create(user=bernd, stadtteil="innenstadt", themen=["schule"], status="aktiv")
    patenschaft = Patenschaft.objects.create(suche=suche, pate=anna, beginn=datetime.date(2026, 1, 5))
    for path in (
        "/de/ehrenamt/koordination/",
        f"/de/ehrenamt/koordination/schichten/{schicht.pk}/",
        f"/de/ehrenamt/koordination/paten-suchende/{suche.pk}/",
        "/de/ehrenamt/koordination/paten/",
        f"/de/ehrenamt/koordination/patenschaften/{patenschaft.pk}/",
        "/de/ehrenamt/koordination/patenschaften/",
        f"/de/ehrenamt/koordination/patenschaften/{patenschaft.pk}/beenden/",
    ):
        staff.goto(live_server.url + path)
        assert_no_axe_violations(staff, path.strip("/").replace("/", "_"))

    # The coordinator puts Anna back on the full shift with one more place, and takes Bernd off.
    staff.goto(f"{live_server.url}/de/ehrenamt/koordination/schichten/{schicht.pk}/")
    staff.locator("#id_freiwillige").select_option(str(anna.pk))
    staff.locator("#id_platz_dazu").check()
    staff.locator("#eintragen-form button[type=submit]").click()
    staff.wait_for_load_state()
    assert Einsatz.objects.get(freiwillige=anna).status == "bestaetigt"
    bernd_einsatz = Einsatz.objects.get(freiwillige=bernd)
    staff.locator(f"a[href$='/einsaetze/{bernd_einsatz.pk}/austragen/']").click()
    staff.wait_for_url("**/austragen/")
    assert_no_axe_violations(staff, "austragen")
    staff.locator("#id_grund").fill("Doppelt geplant")
    staff.locator("#austragen-form button[type=submit]").click()
    staff.wait_for_url(f"**/koordination/schichten/{schicht.pk}/")
    bernd_einsatz.refresh_from_db()
    assert bernd_einsatz.status == "abgemeldet" and bernd_einsatz.abmeldegrund == "Doppelt geplant"
