"""Job postings and the application form in German and Arabic, and the staff's training pages:
no axe violations. An applicant sends a real PDF through the browser."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from portal.demo import translate_page
from portal.models import Mail
from stellen.models import Bewerbung
from tests.browser.test_browser import assert_no_axe_violations
from tests.conftest import totp_code
from tests.factories import (
    PASSWORD,
    KursFactory,
    KursterminFactory,
    StellenangebotPageFactory,
    StellenIndexPageFactory,
    UserFactory,
    activate_totp,
    staff_member,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def test_job_postings_and_application_form_in_german_and_arabic(page, live_server, site_pages, locales, tmp_path):
    index = StellenIndexPageFactory(parent=site_pages.home)
    stelle = StellenangebotPageFactory(parent=index)
    translate_page(site_pages.home, locales["ar"], {})
    translate_page(index, locales["ar"], {})
    translate_page(stelle, locales["ar"], {})

    for lang in ("de", "ar"):
        page.goto(f"{live_server.url}/{lang}/stellen/")
        assert_no_axe_violations(page, f"stellen-{lang}")
        page.goto(f"{live_server.url}/{lang}/stellen/bauhof/")
        assert_no_axe_violations(page, f"stelle-{lang}")
        page.goto(f"{live_server.url}/{lang}/stellen/bauhof/bewerben/")
        assert_no_axe_violations(page, f"bewerbung-{lang}")
    assert page.locator("html").get_attribute("dir") == "rtl"

    # In Arabic: errors at the field keep what was typed, then the application goes through.
    page.locator("input[name=vorname]").fill("سمير")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("input[name=vorname]").input_value() == "سمير"
    assert page.locator("[aria-invalid=true]").count() > 0
    assert_no_axe_violations(page, "bewerbung-fehler-ar")

    cv = tmp_path / "lebenslauf.pdf"
    cv.write_bytes(PDF)
    page.locator("input[name=nachname]").fill("Haddad")
    page.locator("input[name=email]").fill("samir@example.org")
    page.locator("textarea[name=sprachen]").fill("العربية، الألمانية B1")
    page.locator("textarea[name=qualifikationen]").fill("بستاني في حلب")
    page.locator("input[name=lebenslauf]").set_input_files(str(cv))
    page.locator("input[name=fluechtling][value=ja]").check()
    page.locator("input[name=statistik_einwilligung]").check()
    page.locator("input[name=einwilligung]").check()
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url("**/bewerben/danke/")
    bewerbung = Bewerbung.objects.get()
    assert bewerbung.sprache == "ar" and bewerbung.anerkannter_fluechtling is True


def test_training_pages_have_no_axe_violations(browser, live_server, site_pages):
    user = staff_member()
    kurs = KursFactory(titel="Interkulturelle Kommunikation")
    KursterminFactory(kurs=kurs)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.goto(live_server.url + "/de/konto/login/?next=/de/intern/fortbildung/")
    page.get_by_label("E-Mail").fill(user.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmeldung").click()
    page.wait_for_url("**/de/intern/fortbildung/")
    assert_no_axe_violations(page, "fortbildung-katalog")
    page.goto(f"{live_server.url}/de/intern/fortbildung/kurse/{kurs.pk}/")
    assert_no_axe_violations(page, "fortbildung-kurs")
    page.locator("form[action$='/anmelden/'] button").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/de/intern/fortbildung/meine/")
    assert_no_axe_violations(page, "fortbildung-meine")
    context.close()


def test_hr_pages_have_no_axe_violations(browser, live_server, site_pages):
    hr = UserFactory(first_name="Petra", roles=["Personal"])
    secret = activate_totp(hr)
    staff_member()
    termin = KursterminFactory(kurs=KursFactory(titel="Interkulturelle Kommunikation"))
    index = StellenIndexPageFactory(parent=site_pages.home)
    stelle = StellenangebotPageFactory(parent=index)
    bewerbung = Bewerbung.objects.create(
        stelle=stelle,
        stelle_titel=stelle.title,
        bereich="bauhof",
        sprache="ar",
        vorname="Samir",
        nachname="Haddad",
        email="s@example.org",
        sprachen="Arabisch",
        qualifikationen="Gärtner",
        lebenslauf=ContentFile(PDF, "cv.pdf"),
        einwilligung_am=timezone.now(),
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.goto(live_server.url + "/de/konto/login/?next=/de/intern/fortbildung/verwaltung/")
    page.get_by_label("E-Mail").fill(hr.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmeldung").click()
    page.wait_for_url("**/2fa/authenticate/**")
    page.locator("input[name=code]").fill(totp_code(secret))
    page.get_by_role("button", name="Anmeldung").click()
    page.wait_for_url("**/de/intern/fortbildung/verwaltung/")
    assert_no_axe_violations(page, "fortbildung-uebersicht")
    for path in (
        f"fortbildung/verwaltung/termine/{termin.pk}/teilnehmende/",
        f"fortbildung/verwaltung/termine/{termin.pk}/bearbeiten/",
        "fortbildung/verwaltung/mitarbeitende/",
        "fortbildung/verwaltung/abteilungen/",
        "bewerbungen/",
        f"bewerbungen/{bewerbung.pk}/",
        "bewerbungen/statistik/",
        "fortbildung/verwaltung/erinnern/",
    ):
        page.goto(f"{live_server.url}/de/intern/{path}")
        assert_no_axe_violations(page, path)

    # HR invites the Arabic applicant to an interview: the mail is shown first, in Arabic, then sent.
    page.goto(f"{live_server.url}/de/intern/bewerbungen/{bewerbung.pk}/")
    page.locator("#id_status").select_option("gespraech")
    beginn = timezone.localtime() + datetime.timedelta(days=5)
    page.locator("#id_gespraech_beginn").fill(beginn.strftime("%Y-%m-%dT10:00"))
    page.locator("#id_gespraech_ort").fill("Rathaus, Zimmer 12")
    page.locator("#id_mail").check()
    page.locator("main form.form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#mail-vorschau-sprache").get_attribute("data-sprache") == "ar"
    assert page.locator(".mail-preview[lang=ar][dir=rtl]").count() == 1
    assert_no_axe_violations(page, "bewerbung-mail-vorschau")
    page.set_viewport_size({"width": 360, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator("button[name=senden]").click()
    page.wait_for_url(f"**/de/intern/bewerbungen/{bewerbung.pk}/")
    assert page.locator("#vorstellungsgespraech").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # the form with the interview fields
    assert Mail.objects.get().language == "ar"
    context.close()
