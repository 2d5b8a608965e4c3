"""The production cache (django-redis) keeps pages and values as the page cache expects, with
one Redis client for every operation (Django's own backend builds one per operation)."""

import os

import pytest
from django.http import HttpResponse

from portal.cache import PortalRedisCache

REDIS_URL = "redis://127.0.0.1:6379/9"


@pytest.fixture
def redis_cache():
    cache = PortalRedisCache(REDIS_URL, {"KEY_PREFIX": f"portal-test-{os.getpid()}"})
    cache.get("probe")
    if not cache.available:  # no Redis on this machine
        pytest.skip(f"Redis not reachable at {REDIS_URL}")
    yield cache
    cache.delete_many(["seite", "fehlt", "generation"])


def test_a_page_and_its_generation_are_stored_read_and_deleted(redis_cache):
    redis_cache.set("generation", "a1b2", None)
    redis_cache.set("seite", ("a1b2", HttpResponse("<h1>Aktuelles</h1>")), 30)
    found = redis_cache.get_many(["generation", "seite", "fehlt"])
    assert set(found) == {"generation", "seite"}
    generation, response = found["seite"]
    assert generation == found["generation"] == "a1b2"
    assert response.content == b"<h1>Aktuelles</h1>"
    redis_cache.delete("seite")
    assert redis_cache.get("seite") is None


def test_one_client_serves_every_operation(redis_cache):
    assert redis_cache.client.get_client(write=False) is redis_cache.client.get_client(write=True)


def test_redis_answers_again_after_the_pause(redis_cache, monkeypatch):
    redis_cache.set("generation", "a1b2", None)

    def refused(*args, **kwargs):
        raise ConnectionError("refused")

    monkeypatch.setattr(redis_cache.client, "get", refused)
    assert redis_cache.get("generation") is None, "away: this worker's memory answers"
    assert redis_cache.add("lock", True, 10), "a lock can be taken meanwhile"
    assert not redis_cache.available
    monkeypatch.undo()
    redis_cache._unavailable_until = 0.0  # the pause is over
    assert redis_cache.get("generation") == "a1b2"
    assert redis_cache.available
