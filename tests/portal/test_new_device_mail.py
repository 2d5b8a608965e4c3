"""Issue 25, finding 1: a sign-in on a browser the account has not used before is told to its owner
by mail, in the account's language; the same browser again is not."""

import pytest
from django.core import mail
from django.test import Client

from portal import devices, roles
from portal.models import Mail
from tests.conftest import login
from tests.factories import PASSWORD, UserFactory, activate_totp

pytestmark = pytest.mark.django_db

KIND = "allauth:account/email/sign_in_new_device"


def sign_out(client):
    # Client.logout() would drop every cookie; signing out as a person does keeps the browser's.
    assert client.post("/de/konto/logout/").status_code == 302


def sign_in(client, user):
    response = client.post("/de/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return response


def test_the_first_sign_in_of_a_new_account_sends_no_mail(site_pages):
    user = UserFactory()
    response = sign_in(Client(), user)
    assert not Mail.objects.filter(kind=KIND).exists()
    assert devices.COOKIE in response.cookies


def test_a_new_browser_is_told_by_mail_and_a_known_one_is_not(site_pages):
    user = UserFactory()
    known_browser = Client()
    sign_in(known_browser, user)
    sign_out(known_browser)
    sign_in(known_browser, user)
    assert not Mail.objects.filter(kind=KIND).exists()

    mail.outbox.clear()
    sign_in(Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"), user)
    (sent,) = mail.outbox
    assert sent.to == [user.email]
    assert sent.subject.endswith("Neue Anmeldung in Ihrem Konto")
    assert "Firefox/140.0" in sent.body
    assert "http://testserver/de/konto/password/change/" in sent.body
    assert Mail.objects.get(kind=KIND).user == user


def test_the_mail_is_in_the_accounts_language(site_pages):
    user = UserFactory(preferred_language="ar")
    sign_in(Client(), user)
    mail.outbox.clear()
    sign_in(Client(), user)
    (sent,) = mail.outbox
    assert Mail.objects.get(kind=KIND).language == "ar"
    assert "/ar/konto/password/change/" in sent.body
    assert "Neue Anmeldung" not in sent.subject


def test_staff_are_told_once_the_second_factor_is_passed(site_pages):
    user = UserFactory(roles=[roles.INTEGRATIONSMANAGEMENT])
    activate_totp(user)
    login(Client(), user)
    assert not Mail.objects.filter(kind=KIND).exists()
    # With the password only, the sign-in is not complete: no mail yet.
    half = Client()
    half.post("/de/konto/login/", {"login": user.email, "password": PASSWORD})
    assert not Mail.objects.filter(kind=KIND).exists()
    login(Client(), user)
    assert Mail.objects.filter(kind=KIND, user=user).count() == 1


def test_the_cookie_names_no_account_and_a_forged_one_counts_as_unknown(site_pages):
    user = UserFactory()
    browser = Client()
    cookie = sign_in(browser, user).cookies[devices.COOKIE]
    assert str(user.pk) not in cookie.value.split(":")[0].split(",")
    assert cookie["httponly"] and cookie["samesite"] == "Lax"

    sign_out(browser)
    browser.cookies[devices.COOKIE] = cookie.value.replace(cookie.value[:4], "abcd")
    mail.outbox.clear()
    sign_in(browser, user)
    assert len(mail.outbox) == 1


def test_a_browser_remembers_several_accounts(site_pages):
    first, second = UserFactory(), UserFactory()
    shared = Client()
    for user in (first, second, first, second):
        sign_in(shared, user)
        sign_out(shared)
    assert not Mail.objects.filter(kind=KIND).exists()
