"""The production cache backend (Redis) keeps one client and still behaves as Django's cache."""

import os

import pytest

from portal.cache import RedisCache

REDIS_URL = "redis://127.0.0.1:6379/9"


@pytest.fixture
def redis_cache():
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": f"portal-test-{os.getpid()}"})
    try:
        cache.get("probe")
    except Exception as error:  # noqa: BLE001 - no Redis on this machine
        pytest.skip(f"Redis not reachable at {REDIS_URL}: {error}")
    yield cache
    cache.delete_many(["seite", "fehlt"])


def test_values_are_stored_read_and_deleted(redis_cache):
    redis_cache.set("seite", {"titel": "Aktuelles"}, 30)
    assert redis_cache.get("seite") == {"titel": "Aktuelles"}
    assert redis_cache.get_many(["seite", "fehlt"]) == {"seite": {"titel": "Aktuelles"}}
    redis_cache.delete("seite")
    assert redis_cache.get("seite") is None


def test_one_client_serves_every_operation(redis_cache):
    assert redis_cache._cache.get_client() is redis_cache._cache.get_client(write=True)
