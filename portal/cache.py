"""The shared cache (Redis) as a cache, not a single point of failure.

`PortalRedisCache` is django-redis's `RedisCache` with one difference: when Redis does not answer
(refused, or no answer within the socket timeouts set in the settings), the call is answered by this
worker's own memory instead, and so is every call for the next `RETRY_SECONDS`, without waiting for
Redis again; then Redis is tried anew. The failure is logged once per try (every `RETRY_SECONDS` per
worker), not once per call.

Why memory and not simply a miss (django-redis's `IGNORE_EXCEPTIONS`): code that asks the cache for
a lock or a one-time mark (`add`) must get a true answer. allauth's rate limits take a lock with
`add` before counting (with misses every login would be refused as "too many attempts"), and allauth
and the portal mark one-time codes and links as used with `add`. In memory, the page cache, kept
values, fragments, Wagtail's caches, feed versions and rate limits go on working per worker; what
one worker keeps, another does not see until Redis is back, which makes rate limits looser and
kept values computed once per worker, never wrong: the content generation is compared with its
database row (`portal/pagecache.py`), so a publish during the outage reaches every worker.
"""

import logging
import socket
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# How long a worker answers from memory after Redis failed, before it tries Redis again.
RETRY_SECONDS = 5
UNAVAILABLE = (ConnectionInterrupted, RedisConnectionError, RedisTimeoutError, socket.timeout, OSError)


class PortalRedisCache(RedisCache):
    """django-redis, answered from this worker's memory while Redis is unavailable (module doc)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        fallback = {"TIMEOUT": params.get("TIMEOUT", 300), "OPTIONS": {"MAX_ENTRIES": 5000}}
        self._fallback = LocMemCache(f"portal-cache-fallback-{id(self)}", fallback)
        self._unavailable_until = 0.0
        self._lock = threading.Lock()

    @property
    def available(self):
        """False while this worker answers from memory (for /healthz)."""
        return time.monotonic() >= self._unavailable_until

    def _call(self, name, *args, **kwargs):
        if self.available:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except UNAVAILABLE:
                with self._lock:
                    if self.available:
                        logger.warning(
                            "Redis is unavailable: this worker uses its own memory as the cache for %s s",
                            RETRY_SECONDS,
                            exc_info=True,
                        )
                    self._unavailable_until = time.monotonic() + RETRY_SECONDS
        kwargs.pop("client", None)  # django-redis's own argument
        return getattr(self._fallback, name)(*args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def decr(self, *args, **kwargs):
        return self._call("decr", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def clear(self):
        return self._call("clear")


def is_available(alias="default"):
    """False when the cache is a `PortalRedisCache` answering from memory, or does not answer at all."""
    cache = caches[alias]
    if isinstance(cache, PortalRedisCache):
        cache.get("healthz")  # tries Redis unless it is known to be away
        return cache.available
    try:
        cache.set("healthz", "ok", 5)
        return cache.get("healthz") == "ok"
    except Exception:  # noqa: BLE001 - any failure means "not available"
        return False
