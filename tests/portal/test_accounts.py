import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from portal import roles
from tests.conftest import login
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_signup_needs_email_verification_before_login(client, site_pages):
    response = client.post(
        "/de/konto/signup/",
        {"email": "neu@example.org", "password1": "ein-langes-passwort-7", "password2": "ein-langes-passwort-7"},
    )
    assert response.status_code == 302
    assert response.url == "/de/konto/confirm-email/"
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/de/konto/confirm-email/[^\s]+)", mail.outbox[0].body).group(1)

    client.logout()
    response = client.post("/de/konto/login/", {"login": "neu@example.org", "password": "ein-langes-passwort-7"})
    assert response.url == "/de/konto/confirm-email/", "unverified accounts cannot sign in"

    assert client.post(link).status_code == 302
    response = client.post("/de/konto/login/", {"login": "neu@example.org", "password": "ein-langes-passwort-7"})
    assert response.status_code == 302
    assert response.url == "/de/konto/profil/"


def test_signup_errors_are_shown_at_the_field_and_input_is_kept(client, site_pages):
    response = client.post("/de/konto/signup/", {"email": "kaputt@", "password1": "kurz", "password2": "anders"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="kaputt@"' in html
    assert 'aria-invalid="true"' in html or "field--error" in html
    assert not User.objects.filter(email="kaputt@").exists()


def test_login_opens_in_preferred_language(client, site_pages):
    user = UserFactory(preferred_language="ar")
    response = client.post("/de/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == "/ar/konto/profil/"


def test_six_wrong_passwords_are_rate_limited(client, site_pages):
    user = UserFactory()
    for _attempt in range(5):
        response = client.post("/en/konto/login/", {"login": user.email, "password": "falsch"})
        assert response.status_code == 200
        assert "field--error" in response.content.decode() or "form-errors" in response.content.decode()
    response = client.post("/en/konto/login/", {"login": user.email, "password": "falsch"})
    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in response.content.decode() or response.status_code == 429
    # Even the right password is refused while the limit holds.
    response = client.post("/de/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code != 302


def test_wrong_passwords_from_one_address_do_not_lock_the_owner_out_elsewhere(site_pages):
    """Issue 25, finding 13: five wrong passwords locked the account for everyone for five minutes."""
    user = UserFactory()
    attacker = Client(REMOTE_ADDR="198.51.100.7")
    for _attempt in range(5):
        attacker.post("/en/konto/login/", {"login": user.email, "password": "falsch"})
    response = attacker.post("/en/konto/login/", {"login": user.email, "password": "falsch"})
    assert "Too many failed login attempts" in response.content.decode()

    owner = Client(REMOTE_ADDR="203.0.113.20")
    response = owner.post("/de/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == "/de/konto/profil/"

    # The attacker's address stays blocked, the right password included.
    response = attacker.post("/en/konto/login/", {"login": user.email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()


def test_an_ipv6_client_is_counted_by_its_network(site_pages):
    """Another address of the same /64 network is the same client: no fresh five attempts."""
    user = UserFactory()
    for attempt in range(5):
        Client(REMOTE_ADDR=f"2001:db8:1:2::{attempt + 1}").post(
            "/en/konto/login/", {"login": user.email, "password": "falsch"}
        )
    response = Client(REMOTE_ADDR="2001:db8:1:2::99").post(
        "/en/konto/login/", {"login": user.email, "password": PASSWORD}
    )
    assert "Too many failed login attempts" in response.content.decode()
    response = Client(REMOTE_ADDR="2001:db8:1:3::1").post(
        "/de/konto/login/", {"login": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302


def test_password_reset_sends_a_link(client, site_pages):
    user = UserFactory()
    response = client.post("/de/konto/password/reset/", {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/de/konto/password/reset/key/" in mail.outbox[0].body


def test_forms_are_csrf_protected(site_pages):
    client = Client(enforce_csrf_checks=True)
    user = UserFactory()
    assert client.post("/de/konto/login/", {"login": user.email, "password": PASSWORD}).status_code == 403
    login(client, user, mfa=False)
    assert client.post("/de/konto/loeschen/", {"password": PASSWORD}).status_code == 403
    assert User.objects.filter(pk=user.pk).exists()


def test_profile_saves_preferred_language_and_switches_to_it(client, site_pages):
    user = UserFactory()
    login(client, user, mfa=False)
    response = client.post(
        "/de/konto/profil/", {"first_name": "Aylin", "last_name": "Yıldız", "preferred_language": "tr"}
    )
    assert response.status_code == 302
    assert response.url == "/tr/konto/profil/"
    user.refresh_from_db()
    assert (user.first_name, user.preferred_language) == ("Aylin", "tr")


def test_profile_rejects_unknown_language_at_the_field(client, site_pages):
    user = UserFactory()
    login(client, user, mfa=False)
    response = client.post("/de/konto/profil/", {"first_name": "Aylin", "last_name": "X", "preferred_language": "xx"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_preferred_language_errors"' in html or "field__errors" in html
    assert 'value="Aylin"' in html


def test_profile_lists_roles(client, site_pages):
    user = UserFactory(roles=[roles.EHRENAMT, roles.BEIRAT])
    login(client, user, mfa=False)
    html = client.get("/en/konto/profil/").content.decode()
    assert "Ehrenamt" in html and "Beirat" in html


def test_download_own_data(client, site_pages):
    user = UserFactory(roles=[roles.EHRENAMT])
    other = UserFactory()
    login(client, user, mfa=False)
    response = client.get("/de/konto/daten/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert data["account"]["roles"] == [roles.EHRENAMT]
    assert other.email not in response.content.decode()


def test_delete_account_needs_the_password(client, site_pages):
    user = UserFactory()
    login(client, user, mfa=False)
    response = client.post("/de/konto/loeschen/", {"password": "falsch"})
    assert response.status_code == 200
    assert "field__errors" in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()

    response = client.post("/de/konto/loeschen/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert client.get("/de/konto/profil/").status_code == 302, "signed out after deletion"


def test_cms_login_goes_through_allauth(client):
    response = client.get("/cms/login/?next=/cms/pages/")
    assert response.status_code == 302
    assert response.url == "/de/konto/login/?next=/cms/pages/"


def test_every_role_sees_its_own_profile_and_data(client_as, site_pages, role):
    from tests.conftest import ANONYMOUS

    client = client_as(role)
    response = client.get("/de/konto/profil/")
    if role == ANONYMOUS:
        assert response.status_code == 302
        return
    assert response.status_code == 200
    assert client.user.email in response.content.decode()
    data = json.loads(client.get("/de/konto/daten/").content)
    assert data["account"]["email"] == client.user.email


GERMAN_WORDS = re.compile(r"\b(?:Dieses|Passwort|ist|zu|kurz|nicht|Bitte|Sie|und|der|die|das)\b")


@pytest.mark.parametrize("language", ["en", "ar", "fa", "uk", "tr"])
def test_sign_up_errors_come_in_the_readers_language(client, site_pages, language):
    """Django's password rules and allauth's messages, not only the portal's own."""
    from bs4 import BeautifulSoup

    response = client.post(
        f"/{language}/konto/signup/", {"email": "kaputt@", "password1": "1234", "password2": "12345"}
    )
    page = BeautifulSoup(response.content, "html.parser")
    errors = [item.get_text(" ", strip=True) for item in page.select(".field__errors li, .form-errors li")]
    assert errors, "the errors are shown"
    german = [error for error in errors if GERMAN_WORDS.search(error)]
    assert german == [], f"German errors on /{language}/: {german}"


def test_sign_up_announces_the_password_rules_at_the_field(client, site_pages):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get("/de/konto/signup/").content, "html.parser")
    password = page.find("input", attrs={"name": "password1"})
    help_text = page.find(id=password["aria-describedby"].split()[0])
    assert help_text.name == "div", "a list inside a paragraph would leave the paragraph empty"
    assert help_text.find_all("li"), "the rules are read out with the field"


def test_signing_in_asks_no_cognitive_test(client, site_pages):
    """WCAG 2.2, accessible authentication: no puzzle, and every field can be filled by a password
    manager or the phone's one-time-code suggestion (autocomplete tokens, pasting allowed)."""
    from bs4 import BeautifulSoup

    expected = {
        "/de/konto/login/": {"login": "email", "password": "current-password"},
        "/de/konto/signup/": {"email": "email", "password1": "new-password", "password2": "new-password"},
    }
    for url, fields in expected.items():
        form = BeautifulSoup(client.get(url).content, "html.parser").select_one("main form")
        for name, token in fields.items():
            field = form.find("input", attrs={"name": name})
            assert field["autocomplete"] == token, (url, name)
            assert not field.get("onpaste"), "pasting is never blocked"
        assert not form.select("[class*=captcha], [name*=captcha]"), "no puzzle to solve"


@pytest.mark.parametrize(("language", "sentence"), [("de", "Erfolgreich als"), ("ar", "لقد سجلت الدخول بنجاح")])
def test_the_signed_in_message_isolates_the_name_from_the_sentence(client, site_pages, language, sentence):
    user = UserFactory(first_name="Erika", last_name="Muster")
    response = client.post(f"/{language}/konto/login/", {"login": user.email, "password": PASSWORD}, follow=True)
    (message,) = [str(m) for m in response.context["messages"]]
    assert sentence in message
    # A Latin name in an Arabic sentence keeps its own direction (FSI ... PDI).
    assert "\u2068Erika Muster\u2069" in message


@pytest.mark.parametrize(
    ("language", "word", "other"), [("ar", "كلمة المرور", "رمز المرور"), ("fa", "گذرواژه", "رمزعبور")]
)
def test_the_password_field_uses_the_portals_word_for_password(client, language, word, other):
    """Wagtail's catalog names the password differently; the portal's word wins on the sign-in page."""
    content = client.get(f"/{language}/konto/login/").content.decode()
    label = content.split('for="id_password"', 1)[1].split("</label>", 1)[0]
    assert word in label and other not in content
