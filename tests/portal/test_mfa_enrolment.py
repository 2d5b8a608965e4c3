"""Issue 25, finding 1: a staff account adds its second factor only with proof of its mailbox, and
adding or removing a factor or new recovery codes are announced by mail."""

import datetime
import re

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core import mail
from django.test import Client

from portal import roles
from portal.models import Mail
from tests.conftest import login, totp_code
from tests.factories import PASSWORD, UserFactory, activate_totp

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/[a-z]{2}/konto/2fa/einrichten/[^\s/]+/)")


def has_totp(user):
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def staff():
    return UserFactory(roles=[roles.INTEGRATIONSMANAGEMENT])


def request_link(client):
    response = client.post("/de/konto/2fa/einrichten/", {"next": "/de/intern/"})
    assert response.status_code == 302
    return LINK.search(mail.outbox[-1].body).group(1)


def test_the_password_alone_cannot_add_a_second_factor(client, site_pages):
    """The attack: whoever phished a staff password signs in and tries to register their own
    authenticator to reach /intern/."""
    user = staff()
    login(client, user, mfa=False, reauthenticated=True)

    response = client.get("/de/intern/")
    assert response.status_code == 302
    assert response.url.startswith("/de/konto/2fa/einrichten/?next=")
    # The set-up page offers a link to the owner's mailbox, not the authenticator's secret.
    page = client.get(response.url)
    assert page.status_code == 200
    assert user.email in page.content.decode()
    assert "authenticator_secret" not in page.content.decode()

    # allauth's activation is closed, for showing the secret as for sending a code.
    response = client.get("/de/konto/2fa/totp/activate/?next=/de/intern/")
    assert response.status_code == 302
    assert response.url == "/de/konto/2fa/einrichten/?next=%2Fde%2Fintern%2F"
    response = client.post("/de/konto/2fa/totp/activate/", {"code": "123456"})
    assert response.status_code == 302
    assert response.url == "/de/konto/2fa/einrichten/"
    # Nor can the address be swapped for one the attacker reads.
    response = client.post("/de/konto/email/", {"action_add": "", "email": "angreifer@example.net"})
    assert response.status_code == 302
    assert not EmailAddress.objects.filter(email="angreifer@example.net").exists()

    assert not has_totp(user)
    assert client.get("/de/intern/").status_code == 302


def test_the_owner_sets_up_totp_from_the_mailed_link(client, site_pages, django_capture_on_commit_callbacks):
    user = staff()
    login(client, user, mfa=False, reauthenticated=True)
    link = request_link(client)
    (sent,) = mail.outbox
    assert sent.to == [user.email]
    assert Mail.objects.filter(kind="MFAEnrolmentLink", user=user, language="de").exists()

    response = client.get(link)
    assert response.status_code == 302
    assert response.url == "/de/konto/2fa/totp/activate/?next=%2Fde%2Fintern%2F"
    page = client.get(response.url)
    assert page.status_code == 200
    secret = page.context["form"].secret
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/de/konto/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert has_totp(user)
    # The owner is told, by mail, that a second factor was added. (That the valid code then opens
    # the staff area is shown in the browser test: the receiver runs on commit, after the response here.)
    assert Mail.objects.filter(kind="allauth:mfa/email/totp_activated", user=user).exists()


def test_the_link_works_once(client, site_pages):
    user = staff()
    login(client, user, mfa=False, reauthenticated=True)
    link = request_link(client)
    assert client.get(link).url.startswith("/de/konto/2fa/totp/activate/")

    # Someone else signed in with the password who got hold of the link too.
    other = Client()
    login(other, user, mfa=False, reauthenticated=True)
    response = other.get(link)
    assert response.url == "/de/konto/2fa/einrichten/"
    assert other.get("/de/konto/2fa/totp/activate/").url == "/de/konto/2fa/einrichten/"


def test_the_link_expires(client, site_pages):
    user = staff()
    login(client, user, mfa=False, reauthenticated=True)
    link = request_link(client)
    with time_machine.travel(datetime.timedelta(minutes=31)):
        response = client.get(link)
    assert response.url == "/de/konto/2fa/einrichten/"
    assert client.get("/de/konto/2fa/totp/activate/").url == "/de/konto/2fa/einrichten/"


def test_the_link_opens_nothing_for_another_account(client, site_pages):
    owner = staff()
    login(client, owner, mfa=False, reauthenticated=True)
    link = request_link(client)
    other = Client()
    login(other, staff(), mfa=False, reauthenticated=True)
    assert other.get(link).url == "/de/konto/2fa/einrichten/"
    assert other.get("/de/konto/2fa/totp/activate/").url == "/de/konto/2fa/einrichten/"


def test_the_link_needs_a_sign_in(client, site_pages):
    owner = staff()
    login(client, owner, mfa=False, reauthenticated=True)
    link = request_link(client)
    response = Client().get(link)
    assert response.status_code == 302
    assert response.url.startswith("/de/konto/login/?next=")


def test_the_link_is_mailed_in_the_accounts_language_once_a_minute(client, site_pages):
    user = UserFactory(roles=[roles.PERSONAL], preferred_language="tr")
    login(client, user, mfa=False, reauthenticated=True)
    request_link(client)
    client.post("/de/konto/2fa/einrichten/")
    (sent,) = mail.outbox
    assert "/tr/konto/2fa/einrichten/" in sent.body
    assert Mail.objects.get(kind="MFAEnrolmentLink").language == "tr"


def test_accounts_that_need_no_second_factor_set_one_up_directly(client, site_pages):
    user = UserFactory(roles=[roles.EHRENAMT])
    login(client, user, mfa=False, reauthenticated=True)
    assert client.get("/de/konto/2fa/einrichten/").url == "/de/konto/2fa/totp/activate/"
    assert client.get("/de/konto/2fa/totp/activate/").status_code == 200
    assert not mail.outbox


def test_removing_totp_and_new_recovery_codes_are_announced_by_mail(
    client, site_pages, django_capture_on_commit_callbacks
):
    user = UserFactory(roles=[roles.EHRENAMT], preferred_language="ar")
    secret = activate_totp(user)
    login(client, user, reauthenticated=True)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/de/konto/2fa/recovery-codes/generate/", {})
    assert Mail.objects.get(kind="allauth:mfa/email/recovery_codes_generated", user=user).language == "ar"
    client.post("/de/konto/2fa/totp/deactivate/", {"code": totp_code(secret)})
    assert not has_totp(user)
    assert Mail.objects.get(kind="allauth:mfa/email/totp_deactivated", user=user).language == "ar"


def test_a_changed_password_is_announced_by_mail(client, site_pages):
    user = UserFactory()
    login(client, user, mfa=False, reauthenticated=True)
    client.post(
        "/de/konto/password/change/",
        {"oldpassword": PASSWORD, "password1": "ein-neues-passwort-8", "password2": "ein-neues-passwort-8"},
    )
    assert Mail.objects.filter(kind="allauth:account/email/password_changed", user=user).exists()
