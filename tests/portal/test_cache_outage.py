"""Redis is a cache, not a single point of failure (portal/cache.py), and no stale content after an
outage or a restore (the generation in the database, portal/pagecache.py).

The outage is real: the production backend pointed at a port where nothing listens."""

import socket
import time

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from angebote.models import AnwohnerAnliegen, SozialhausmeisterPage
from portal import pagecache
from portal.models import Generation
from tests.factories import PASSWORD, AnsprechpartnerFactory, UserFactory

pytestmark = pytest.mark.django_db

REDIS_AWAY = {
    "BACKEND": "portal.cache.PortalRedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens: refused at once
    "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
}


def shared_cache(location):
    """A cache that keeps its data while the settings switch away from it and back (as Redis does)."""
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": location}


@pytest.fixture
def redis_away(settings):
    settings.CACHES = {**settings.CACHES, "default": REDIS_AWAY}
    return settings


@pytest.fixture
def compared(settings, monkeypatch):
    """The generation is compared with the database every 30 seconds; the last comparison was
    longer ago than that."""
    settings.PORTAL_GENERATION_CHECK_SECONDS = 30
    monkeypatch.setattr(pagecache, "_compared_at", [float("-inf")])
    return settings


def test_anonymous_pages_are_served_while_redis_is_away(redis_away, site_pages, client):
    for url in ["/de/", site_pages.article.url, site_pages.begriff.url]:
        response = client.get(url)
        assert response.status_code == 200, url
    assert site_pages.article.title in client.get(site_pages.article.url).content.decode()


def test_a_hanging_redis_costs_one_timeout_not_a_failed_page(settings, site_pages, client):
    with socket.create_server(("127.0.0.1", 0)) as hanging:  # takes connections, never answers
        port = hanging.getsockname()[1]
        settings.CACHES = {**settings.CACHES, "default": {**REDIS_AWAY, "LOCATION": f"redis://127.0.0.1:{port}/0"}}
        started = time.monotonic()
        assert client.get("/de/").status_code == 200
        assert client.get(site_pages.article.url).status_code == 200
        assert time.monotonic() - started < 5
        assert client.get("/healthz").json() == {"status": "degraded"}


def test_redis_away_is_tried_again_only_after_a_pause(redis_away, site_pages, client):
    client.get("/de/")  # finds Redis away
    started = time.monotonic()
    for _ in range(5):
        assert client.get("/de/").status_code == 200
    assert time.monotonic() - started < 2, "no request waits for Redis again"
    assert not caches["default"].available


def test_signing_in_works_while_redis_is_away(redis_away, site_pages, client):
    user = UserFactory()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(reverse("account_email")).status_code == 200, "the session holds (database sessions)"


def test_a_public_form_is_stored_while_redis_is_away(redis_away, site_pages, client):
    kontakt = AnsprechpartnerFactory(locale=site_pages.home.locale, email="hausmeister@example.org")
    site_pages.home.add_child(
        instance=SozialhausmeisterPage(title="Sozialhausmeister", slug="sozialhausmeister", kontakt=kontakt)
    )
    response = client.post("/de/sozialhausmeister/anliegen/", {"thema": "laerm", "nachricht": "Nachts ist es laut."})
    assert response.status_code == 302
    assert AnwohnerAnliegen.objects.get().nachricht == "Nachts ist es laut."
    assert client.get(response["Location"]).status_code == 200


def test_publishing_works_while_redis_is_away(redis_away, site_pages, client):
    article = site_pages.article
    assert client.get(article.url).status_code == 200
    article.title = "Neue Öffnungszeiten"
    article.save_revision().publish()
    assert "Neue Öffnungszeiten" in client.get(article.url).content.decode()


def test_healthz_says_degraded_while_redis_is_away(redis_away, client):
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "degraded"})


def test_a_publish_lost_by_the_cache_reaches_every_worker_after_the_interval(settings, compared, site_pages, client):
    settings.CACHES = {**settings.CACHES, "default": shared_cache("outage-redis")}
    article = site_pages.article
    title = article.title
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    settings.CACHES = {**settings.CACHES, "default": REDIS_AWAY}  # Redis goes away ...
    article.title = "Neue Öffnungszeiten"
    article.save_revision().publish()
    # ... and comes back with its old data
    settings.CACHES = {**settings.CACHES, "default": shared_cache("outage-redis")}

    pagecache._compared_at[0] = time.monotonic()  # within the interval, the cache's generation stands
    assert title in client.get(article.url).content.decode()

    pagecache._compared_at[0] = time.monotonic() - 31  # the interval has passed
    response = client.get(article.url)
    assert "Neue Öffnungszeiten" in response.content.decode()
    assert response["X-Page-Cache"] == "miss"
    assert caches["default"].get(pagecache.GENERATION_KEY) == Generation.objects.get().token


def test_the_generation_is_compared_once_per_interval_not_per_request(compared, site_pages, client):
    pagecache._compared_at[0] = float("-inf")
    with CaptureQueriesContext(connection) as queries:
        for url in ["/de/", site_pages.article.url, "/de/", site_pages.begriff.url, "/de/"]:
            assert client.get(url).status_code == 200
    assert sum("portal_generation" in query["sql"] for query in queries.captured_queries) == 1


def test_worker_copies_have_a_maximum_age(settings):
    copies = pagecache._WorkerCopies(limit=10)
    copies.put("g1", "menu", ("Start",))
    assert copies.get("g1", "menu") == ("Start",)
    settings.PORTAL_KEPT_IN_WORKER_SECONDS = 0
    assert copies.get("g1", "menu") is pagecache._MISSING, "the same generation, but too old"


def test_new_generation_makes_everything_kept_stale(site_pages, client):
    client.get(site_pages.article.url)
    assert client.get(site_pages.article.url)["X-Page-Cache"] == "hit"
    before = caches["default"].get(pagecache.GENERATION_KEY)

    call_command("new_generation", stdout=open("/dev/null", "w"))  # noqa: SIM115

    current = caches["default"].get(pagecache.GENERATION_KEY)
    assert current != before
    assert Generation.objects.get().token == current
    assert client.get(site_pages.article.url)["X-Page-Cache"] == "miss"
