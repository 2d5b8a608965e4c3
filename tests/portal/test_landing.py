"""Where people land: the page they came for survives sign-up, confirmation and login; without
one, each role starts on its own page."""

import datetime
import re

import pytest
from allauth.account.adapter import get_adapter
from django.core import mail
from django.test import Client, RequestFactory
from django.utils import timezone

from ehrenamt.models import Ehrenamtsprofil
from portal import roles
from tests.conftest import login
from tests.factories import (
    PASSWORD,
    AnsprechpartnerFactory,
    EhrenamtsprofilFactory,
    MitmachenPageFactory,
    SitzungFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PROFILE = "/de/ehrenamt/mein-profil/"
SIGNUP = {"email": "neu@example.org", "password1": "ein-langes-passwort-7", "password2": "ein-langes-passwort-7"}


def sign_up(client, next_url=PROFILE):
    assert f'value="{next_url}"' in client.get(f"/de/konto/signup/?next={next_url}").content.decode()
    response = client.post("/de/konto/signup/", {**SIGNUP, "next": next_url})
    assert response.status_code == 302
    (message,) = mail.outbox
    return re.search(r"http://testserver(/de/konto/confirm-email/\S+)", message.body).group(1)


def test_the_confirmation_link_keeps_the_page_the_person_came_for(client, site_pages):
    link = sign_up(client)
    assert "next=" in link

    # The mail is opened in another browser (the phone's mail app).
    other = Client()
    confirm_page = other.get(link).content.decode()
    assert f'name="next" value="{PROFILE}"' in confirm_page
    response = other.post(link, {"next": PROFILE})
    assert response.url == PROFILE
    response = other.get(PROFILE)
    assert response.status_code == 302
    assert response.url.startswith("/de/konto/login/?next=")
    response = other.post(response.url, {"login": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert response.url == PROFILE


def test_confirming_in_the_same_browser_signs_in_and_goes_on(client, site_pages):
    link = sign_up(client)
    response = client.post(link, {"next": PROFILE})
    assert response.url == PROFILE
    assert client.get(PROFILE).status_code == 200


def test_a_foreign_next_target_is_not_carried_into_the_mail(client, site_pages):
    client.post("/de/konto/signup/", {**SIGNUP, "next": "https://evil.example/"})
    (message,) = mail.outbox
    assert "evil" not in message.body


@pytest.mark.parametrize(
    ("role", "start"),
    [
        (roles.EHRENAMT, "/de/ehrenamt/meine-einsaetze/"),
        (roles.EHRENAMTSKOORDINATION, "/de/ehrenamt/koordination/"),
        (roles.INTEGRATIONSMANAGEMENT, "/de/intern/faelle/aufgaben/"),
        (roles.TEAMLEITUNG, "/de/intern/faelle/aufgaben/"),
        (roles.VEREINSMITGLIED, "/de/verein/mitglieder/"),
        (roles.VORSTAND, "/de/verein/mitglieder/vorstand/"),
        (roles.BEIRAT, "/de/beirat/intern/"),
        (roles.BEIRAT_VORSITZ, "/de/beirat/intern/"),
        (roles.BEIRAT_SCHRIFTFUEHRUNG, "/de/beirat/intern/"),
        (roles.PERSONAL, "/de/intern/"),
        (roles.DATENSCHUTZ, "/de/intern/datenschutz/protokoll/"),
        (roles.VERWALTUNG, "/de/intern/fortbildung/"),
        (roles.REDAKTION, "/cms/"),
    ],
)
def test_each_role_starts_on_its_own_page(client, site_pages, role, start):
    user = UserFactory(roles=[role])
    response = client.post("/de/konto/login/", {"login": user.email, "password": PASSWORD})
    if roles.requires_mfa(user):
        # The second factor comes first; where it leads afterwards is the same.
        request = RequestFactory().get("/")
        request.user = user
        assert get_adapter(request).get_login_redirect_url(request) == start
    else:
        assert response.url == start


def test_a_superuser_starts_in_the_cms_although_every_permission_lets_them_in(site_pages):
    request = RequestFactory().get("/")
    request.user = UserFactory(is_superuser=True, is_staff=True, roles=[roles.INTEGRATIONSMANAGEMENT])
    assert request.user.has_perm("faelle.work_on_cases")
    assert get_adapter(request).get_login_redirect_url(request) == "/cms/"


def test_the_beirat_starts_on_its_next_meeting(client, site_pages):
    now = timezone.now()
    SitzungFactory(beginn=now - datetime.timedelta(days=10))
    SitzungFactory(beginn=now + datetime.timedelta(days=40))
    sitzung = SitzungFactory(beginn=now + datetime.timedelta(days=5))
    user = UserFactory(roles=[roles.BEIRAT])
    response = client.post("/de/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.url == f"/de/beirat/intern/sitzungen/{sitzung.pk}/"


def test_a_volunteer_waiting_for_approval_starts_on_the_volunteer_profile(client, site_pages):
    user = UserFactory()
    EhrenamtsprofilFactory(user=user)
    response = client.post("/de/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.url == PROFILE


def test_the_preferred_language_wins_and_an_explicit_target_wins_over_the_role(client, site_pages):
    user = UserFactory(roles=[roles.EHRENAMT], preferred_language="ar")
    response = client.post("/de/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.url == "/ar/ehrenamt/meine-einsaetze/"
    client.logout()
    response = client.post("/de/konto/login/?next=/de/ehrenamt/schichten/", {"login": user.email, "password": PASSWORD})
    assert response.url == "/de/ehrenamt/schichten/"


@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_volunteer_waiting_for_approval_learns_where_they_stand_and_whom_to_ask(client, site_pages, language):
    kontakt = AnsprechpartnerFactory(name="Nadia Muster", funktion="Ehrenamtskoordination", telefon="+49 7153 1")
    MitmachenPageFactory(parent=site_pages.home, kontakt=kontakt)
    profil = EhrenamtsprofilFactory(user=UserFactory(), status=Ehrenamtsprofil.Status.BEANTRAGT)
    login(client, profil.user)

    response = client.get(f"/{language}/ehrenamt/schichten/")
    assert response.status_code == 403
    html = response.content.decode()
    assert 'id="koordination-kontakt"' in html
    assert "Nadia Muster" in html and "+49 7153 1" in html
    assert "Access denied" not in html
    if language == "ar":
        assert 'dir="rtl"' in html
        assert 'lang="de"' in html  # the German contact card in an Arabic page


def test_an_account_without_a_volunteer_profile_is_invited_to_fill_one_in(client, site_pages):
    login(client, UserFactory(roles=[roles.VEREINSMITGLIED]))
    response = client.get("/en/ehrenamt/schichten/")
    assert response.status_code == 403
    assert 'href="/en/ehrenamt/mein-profil/"' in response.content.decode()
