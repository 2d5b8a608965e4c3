"""Anonymous public pages come from the page cache; they are rendered afresh when public content
changes, and nothing personal is ever stored or served from it."""

import re

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.models import Hinweis
from portal import roles
from tests.conftest import login, make_user
from tests.factories import EhrenamtsprofilFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

STATUS = "X-Page-Cache"


def test_an_anonymous_page_is_rendered_once_and_then_served_from_the_cache(
    client, site_pages, django_assert_num_queries
):
    first = client.get("/de/")
    assert first[STATUS] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/de/")
    assert second[STATUS] == "hit"
    assert second.content == first.content
    assert client.get("/en/")[STATUS] == "miss", "every language is a page of its own"


def test_a_cached_page_keeps_the_policy_whose_nonce_its_body_carries(client, site_pages):
    page = StandardPageFactory(parent=site_pages.home, slug="seite", title="Seite")
    first = client.get(page.url)
    second = client.get(page.url)
    assert second[STATUS] == "hit"
    assert re.search(r"'nonce-[\w-]+'", second["Content-Security-Policy"])
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second.content == first.content


def test_publishing_a_page_renders_every_page_again(client, site_pages):
    client.get("/de/")
    assert client.get("/de/")[STATUS] == "hit"
    site_pages.begriff.title = "Unser gemeinsamer Integrationsbegriff"
    site_pages.begriff.save_revision().publish()
    response = client.get("/de/")
    assert response[STATUS] == "miss"
    assert "Unser gemeinsamer Integrationsbegriff" in response.content.decode(), "the menu shows the new title"


def test_unpublishing_and_moving_pages_render_them_again(client, site_pages):
    page = StandardPageFactory(parent=site_pages.home, slug="umzug", title="Umzug")
    assert client.get("/de/umzug/").status_code == 200
    assert client.get("/de/umzug/")[STATUS] == "hit"
    page.move(site_pages.news, pos="last-child")
    old_address = client.get("/de/umzug/")
    assert old_address.status_code == 301 and old_address["Location"] == "/de/aktuelles/umzug/"
    assert client.get("/de/aktuelles/umzug/").status_code == 200
    page.refresh_from_db()
    page.unpublish()
    assert client.get("/de/aktuelles/umzug/").status_code == 404


def test_a_changed_snippet_shows_at_once(client, site_pages):
    client.get("/de/")
    notice = Hinweis.objects.create(text="Das Rathaus ist am Freitag geschlossen.", gueltig_ab=timezone.localdate())
    assert notice.text in client.get("/de/").content.decode()
    notice.delete()
    assert "Das Rathaus ist am Freitag geschlossen." not in client.get("/de/").content.decode()


def test_a_view_restriction_on_a_cached_page_applies_at_once(client, site_pages):
    page = StandardPageFactory(parent=site_pages.home, slug="bald-privat", title="Bald privat")
    client.get(page.url)
    assert client.get(page.url)[STATUS] == "hit"
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302 and "/konto/" in response["Location"]


def test_signed_in_visitors_are_never_served_or_stored(client, site_pages):
    client.get("/de/")  # the anonymous page is cached
    login(client, make_user(roles.EHRENAMT))
    response = client.get("/de/")
    assert response[STATUS] == "skip"
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert "/de/konto/logout/" in response.content.decode()
    client.logout()
    anonymous = client.get("/de/")
    assert anonymous[STATUS] in {"hit", "miss"}
    assert "/de/konto/logout/" not in anonymous.content.decode()


def test_a_restricted_page_is_never_stored_for_those_who_may_see_it(client, site_pages):
    page = StandardPageFactory(parent=site_pages.home, slug="mitglieder-info", title="Nur für Mitglieder")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    login(client, make_user(roles.VEREINSMITGLIED))
    response = client.get(page.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    client.logout()
    assert client.get(page.url).status_code == 302, "the anonymous visitor is sent to the login"


def test_forms_with_a_csrf_token_are_never_cached(client, site_pages):
    for _ in range(2):
        response = client.get("/de/konto/login/")
        assert response.status_code == 200 and 'name="csrfmiddlewaretoken"' in response.content.decode()
        assert response[STATUS] == "skip"
        assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]


def test_a_personal_feed_is_never_cached(client, site_pages):
    profil = EhrenamtsprofilFactory()
    url = f"/de/ehrenamt/kalender/{profil.feed_token}/"
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert response[STATUS] == "skip"
        assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]


def test_a_visitor_with_a_session_bypasses_the_cache(client, site_pages):
    client.get("/de/")
    client.cookies["sessionid"] = "irgendwas"
    assert client.get("/de/")[STATUS] == "skip"


def test_the_page_cache_can_be_switched_off(client, site_pages, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    client.get("/de/")
    assert STATUS not in client.get("/de/")
