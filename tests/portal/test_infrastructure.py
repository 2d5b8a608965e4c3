import os

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import translation

from tests.factories import PageViewRestrictionFactory, StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
REDIS_CACHE = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}


def redis_available():
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def test_login_rate_limit_holds_on_redis(client, site_pages):
    """The production cache backend: counters survive across clients (workers)."""
    if not redis_available():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but Redis is not reachable at {REDIS_URL}")
        pytest.skip(f"Redis not reachable at {REDIS_URL}")
    user = UserFactory()
    with override_settings(CACHES=REDIS_CACHE):
        caches["default"].clear()
        try:
            for _attempt in range(5):
                client.post("/en/konto/login/", {"login": user.email, "password": "falsch"})
            from django.test import Client

            other_worker = Client()
            response = other_worker.post("/en/konto/login/", {"login": user.email, "password": "falsch"})
            assert "Too many failed login attempts" in response.content.decode()
        finally:
            caches["default"].clear()


def test_sitemap_lists_only_public_live_pages(client, site_pages):
    private = StandardPageFactory(parent=site_pages.home, slug="intern-info", title="Intern")
    PageViewRestrictionFactory(page=private)
    draft = StandardPageFactory(parent=site_pages.home, slug="entwurf", title="Entwurf")
    draft.unpublish()
    body = client.get("/sitemap.xml").content.decode()
    assert "/de/integrationsbegriff/" in body
    assert "intern-info" not in body
    assert "entwurf" not in body


@pytest.mark.parametrize(("language", "direction"), [("de", "ltr"), ("ar", "rtl"), ("fa", "rtl")])
def test_server_error_page_is_localised(language, direction):
    with translation.override(language):
        html = BeautifulSoup(render_to_string("500.html"), "html.parser")
    assert (html.html["lang"], html.html["dir"]) == (language, direction)
    if language == "de":
        assert html.h1.get_text() == "Serverfehler"


def test_error_pages_hide_details_from_the_public(client, site_pages):
    response = client.get("/de/gibt-es-nicht/")
    assert response.status_code == 404
    assert b"Traceback" not in response.content
    assert b"urlpatterns" not in response.content


def test_robots_txt_names_no_private_area(client):
    """Issue 25, finding 15: the staff and member areas are closed anyway; listing them maps them."""
    body = client.get("/robots.txt").content.decode()
    for prefix in ("/cms/", "/konto/", "/intern/", "/ehrenamt/"):
        assert prefix not in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.parametrize("url", ["/cms/", "/de/intern/", "/de/ehrenamt/koordination/paten/"])
def test_private_areas_keep_crawlers_out_themselves(client, site_pages, url):
    response = client.get(url, follow=True)
    assert response.redirect_chain and "/konto/login/" in response.redirect_chain[-1][0]
    assert '<meta name="robots" content="noindex' in response.content.decode()
