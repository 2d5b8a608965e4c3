"""A landlord offers a flat in German and Arabic: no axe violations on the page and the form."""

import datetime

import pytest
from django.utils import timezone

from portal.demo import translate_page
from tests.browser.test_browser import assert_no_axe_violations
from wohnraum.models import WohnraumPage, Wohnungsangebot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_wohnraum_page_and_form_in_german_and_arabic(page, live_server, site_pages, locales):
    seite = WohnraumPage(
        title="Wohnraum vermieten",
        slug="wohnraum",
        intro="<p>Vermieten Sie an Menschen, die neu anfangen.</p>",
        fragen=[("frage", {"frage": "Wer zahlt die Miete?", "antwort": "<p>Die Mieter.</p>"})],
    )
    site_pages.home.add_child(instance=seite)
    translate_page(site_pages.home, locales["ar"], {})
    translate_page(seite, locales["ar"], {})

    for lang in ("de", "ar"):
        page.goto(f"{live_server.url}/{lang}/wohnraum/")
        assert_no_axe_violations(page, f"wohnraum-{lang}")
        page.goto(f"{live_server.url}/{lang}/wohnraum/angebot/")
        assert_no_axe_violations(page, f"wohnraum-formular-{lang}")
    assert page.locator("html").get_attribute("dir") == "rtl"

    # Errors are shown at the field and are accessible too.
    page.goto(f"{live_server.url}/de/wohnraum/angebot/")
    page.locator("input[name=adresse]").fill("Filsweg 12")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("input[name=adresse]").input_value() == "Filsweg 12"
    assert page.locator("[aria-invalid=true]").count() > 0
    assert_no_axe_violations(page, "wohnraum-formular-fehler")

    page.locator("input[name=flaeche]").fill("70")
    page.locator("input[name=zimmer]").fill("3")
    page.locator("input[name=kaltmiete]").fill("600")
    page.locator("input[name=warmmiete]").fill("750")
    page.locator("input[name=frei_ab]").fill((timezone.localdate() + datetime.timedelta(days=20)).isoformat())
    page.locator("select[name=stadtteil]").select_option("filstal")
    page.locator("input[name=name]").fill("Frau Weber")
    page.locator("input[name=email]").fill("weber@example.org")
    page.locator("input[name=einwilligung]").check()
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url("**/wohnraum/angebot/danke/")
    assert Wohnungsangebot.objects.get().adresse == "Filsweg 12"
