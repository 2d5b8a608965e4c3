"""Staff roles must use two-factor authentication before they reach the CMS or /intern/."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail

from portal import roles
from tests.conftest import login, totp_code
from tests.factories import PASSWORD, UserFactory, activate_totp

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", sorted(roles.MFA_REQUIRED_ROLES))
def test_staff_without_totp_are_sent_to_set_it_up(client, site_pages, role):
    user = UserFactory(roles=[role])
    login(client, user, mfa=False)
    for protected in ("/cms/", "/de/intern/"):
        response = client.get(protected)
        allowed = roles.REDAKTION if protected == "/cms/" else roles.INTERN_ROLES
        if role not in allowed:
            assert response.status_code == 403
            continue
        assert response.status_code == 302
        # The set-up starts with a link mailed to the account (tests/portal/test_mfa_enrolment.py).
        assert response.url.startswith("/de/konto/2fa/einrichten/?next=")


def test_superuser_without_totp_is_sent_to_set_it_up(client, site_pages):
    user = UserFactory(is_superuser=True)
    login(client, user, mfa=False)
    response = client.get("/cms/")
    assert response.url.startswith("/de/konto/2fa/einrichten/")


def test_staff_with_totp_must_have_used_it_in_this_session(client, site_pages):
    user = UserFactory(roles=[roles.REDAKTION])
    activate_totp(user)
    login(client, user, mfa=False)
    response = client.get("/cms/")
    assert response.status_code == 302
    assert response.url.startswith("/de/konto/2fa/reauthenticate/?next=")


def test_staff_login_asks_for_the_code_and_then_opens_the_cms(client, site_pages):
    user = UserFactory(roles=[roles.REDAKTION])
    secret = activate_totp(user)
    response = client.post("/de/konto/login/?next=/cms/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url.startswith("/de/konto/2fa/authenticate/")
    assert client.get("/cms/").status_code == 302, "not signed in before the code"

    response = client.post("/de/konto/2fa/authenticate/", {"code": "000000"})
    assert response.status_code == 200, "a wrong code is refused at the field"

    response = client.post("/de/konto/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response.url == "/cms/"
    assert client.get("/cms/").status_code == 200


def test_forced_setup_activates_totp(client, site_pages):
    user = UserFactory(roles=[roles.INTEGRATIONSMANAGEMENT])
    login(client, user, mfa=False, reauthenticated=True)
    client.post("/de/konto/2fa/einrichten/")
    link = re.search(r"http://testserver(/de/konto/2fa/einrichten/\S+/)", mail.outbox[-1].body).group(1)
    assert client.get(link).status_code == 302
    page = client.get("/de/konto/2fa/totp/activate/")
    assert page.status_code == 200
    secret = page.context["form"].secret
    response = client.post("/de/konto/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    # That the valid code then opens the staff area is shown in the browser test: the
    # receiver runs on commit, which the test transaction only simulates after the response.


def test_staff_cannot_switch_totp_off(client, site_pages):
    user = UserFactory(roles=[roles.PERSONAL])
    secret = activate_totp(user)
    login(client, user, reauthenticated=True)
    response = client.post("/de/konto/2fa/totp/deactivate/", {"code": totp_code(secret)})
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert response.status_code in (200, 302, 403)


def test_volunteers_may_switch_totp_off(client, site_pages):
    user = UserFactory(roles=[roles.EHRENAMT])
    secret = activate_totp(user)
    login(client, user, reauthenticated=True)
    client.post("/de/konto/2fa/totp/deactivate/", {"code": totp_code(secret)})
    assert not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def test_recovery_codes_are_shown_after_reauthentication(client, site_pages):
    user = UserFactory(roles=[roles.DATENSCHUTZ])
    activate_totp(user)
    login(client, user, reauthenticated=True)
    response = client.get("/de/konto/2fa/recovery-codes/")
    assert response.status_code == 200
    assert len(response.context["unused_codes"]) == 10
