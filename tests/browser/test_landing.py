"""A newcomer on an Arabic phone signs up to volunteer: the confirmation mail opens in another
browser, and after signing in they land on the volunteer profile they came for; until the
coordination approves them, the shift plan says that it is being reviewed and whom to ask."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from ehrenamt.models import Ehrenamtsprofil
from tests.browser.test_browser import assert_no_axe_violations
from tests.factories import AnsprechpartnerFactory, MitmachenPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 360, "height": 740}
PASSWORD = "ein-langes-passwort-7"


def fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def test_sign_up_confirm_elsewhere_and_land_on_the_volunteer_profile(browser, live_server, site_pages):
    kontakt = AnsprechpartnerFactory(name="Nadia Muster", funktion="Ehrenamtskoordination", telefon="+49 7153 7005")
    MitmachenPageFactory(parent=site_pages.home, kontakt=kontakt)

    phone = browser.new_context(viewport=PHONE, locale="ar").new_page()
    phone.goto(live_server.url + "/ar/mitmachen/")
    phone.locator("a.button[href*='/konto/signup/']").click()
    phone.wait_for_url(re.compile(r".*/ar/konto/signup/\?next=.*"))
    fits_the_phone(phone)
    phone.locator("input[name=email]").fill("neu@example.org")
    phone.locator("input[name=password1]").fill(PASSWORD)
    phone.locator("input[name=password2]").fill(PASSWORD)
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_load_state()

    (message,) = mail.outbox
    link = re.search(r"https?://[^/\s]+(/ar/konto/confirm-email/\S+)", message.body).group(1)

    # The mail app opens the link in the phone's other browser: confirm, sign in, go on.
    other = browser.new_context(viewport=PHONE, locale="ar").new_page()
    other.goto(live_server.url + link)
    assert other.locator("html").get_attribute("dir") == "rtl"
    other.locator("main form button[type=submit]").click()
    other.wait_for_url(re.compile(r".*/konto/login/\?next=.*"))
    other.locator("input[name=login]").fill("neu@example.org")
    other.locator("input[name=password]").fill(PASSWORD)
    other.locator("main form button[type=submit]").click()
    other.wait_for_url("**/ehrenamt/mein-profil/")
    fits_the_phone(other)

    # Before approval the shift plan explains the wait and names the coordination.
    Ehrenamtsprofil.objects.create(
        user=get_user_model().objects.get(email="neu@example.org"),
        sprachen=["ar"],
        bereiche=["begegnungscafe"],
        einwilligung_am=timezone.now(),
    )
    response = other.goto(live_server.url + "/ar/ehrenamt/schichten/")
    assert response.status == 403
    assert other.locator("#koordination-kontakt").count() == 1
    assert other.get_by_text("Nadia Muster").count() == 1
    fits_the_phone(other)
    assert_no_axe_violations(other, "nicht-freigegeben-ar")
