"""Full-page cache for anonymous visitors.

A response is stored only when nothing about it is personal: a GET by a visitor without a session
or messages cookie, answered 200 by a view that used no CSRF token, set no cookie and did not mark
itself private or no-cache. Every change to public content starts a new generation, so all pages
are rendered afresh after a page, or a snippet shown on pages, is published, unpublished, moved
or deleted (menus and listings make almost every page depend on other pages).
"""

import contextvars
import hashlib
import logging
import secrets

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Q
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
STATUS_HEADER = "X-Page-Cache"
UNCACHEABLE_CONTROL = ("private", "no-cache", "no-store")
# Files are served by whitenoise or the web server in front.
SKIPPED_PREFIXES = ("/static/", "/media/")


def page_cache():
    return caches[settings.PORTAL_PAGE_CACHE_ALIAS]


# The generation as this request first read it (one cache round trip per request, not one per use).
_IN_REQUEST = object()
_request_generation = contextvars.ContextVar("pagecache_generation", default=None)


def _new_generation():
    token = secrets.token_hex(8)
    if _request_generation.get() is not None:
        _request_generation.set(token)
    try:
        page_cache().set(GENERATION_KEY, token, None)
    except Exception:  # noqa: BLE001 - a cache outage must not break publishing
        logger.exception("Could not invalidate the page cache")


def invalidate(**kwargs):
    """Start a new generation: every cached page is stale from now on, and again after the commit,
    so that nothing rendered from the data before the commit outlives it."""
    _new_generation()
    transaction.on_commit(_new_generation)


def generation():
    """The current generation's token (one is started if the cache has none), or None without a cache."""
    known = _request_generation.get()
    if isinstance(known, str):
        return known
    try:
        current = page_cache().get(GENERATION_KEY)
        if current is None:
            page_cache().add(GENERATION_KEY, secrets.token_hex(8), None)
            current = page_cache().get(GENERATION_KEY)
    except Exception:  # noqa: BLE001
        logger.exception("Page cache unavailable")
        return None
    if known is _IN_REQUEST:
        _request_generation.set(current)
    return current


def for_this_generation(name, build, timeout=300):
    """`build()`, kept until public content changes (e.g. the menu of one language): in the cache
    shared by all workers, and in this worker's memory (no round trip, no unpickling)."""
    kept = _kept_values.entries()
    if kept is None:
        return build()
    if name in kept:
        return kept[name]
    key = f"pagecache:{name}:{_kept_values.generation}"
    value = page_cache().get(key)
    if value is None:
        value = build()
        page_cache().set(key, value, timeout)
    if not _kept_values.full():
        kept[name] = value
    return value


class WorkerMemo:
    """Objects this worker keeps for the current generation only (page routes, loaded pages).

    Not shared between processes and never pickled; at most `limit` entries, after which callers
    simply do without the memo until the next generation.
    """

    def __init__(self, limit):
        self.limit = limit
        self._generation = None
        self._entries = {}

    @property
    def generation(self):
        return self._generation

    def entries(self):
        """This generation's entries, or None without a cache (then nothing is kept)."""
        current = generation()
        if current is None:
            return None
        if self._generation != current:
            self._generation, self._entries = current, {}
        return self._entries

    def full(self):
        return len(self._entries) >= self.limit


_ABSENT = object()
# Values callers treat as read-only: menus, locales, filter choices, facets, dates of events.
_kept_values = WorkerMemo(limit=4096)
_kept_objects = WorkerMemo(limit=5000)


def kept_objects(namespace, keys, load):
    """{key: object} for `keys`: this worker's copies for the current generation, and
    `load(missing_keys)` (a dict) for the rest. Keys `load` leaves out are remembered as absent.
    Callers treat the objects as read-only."""
    entries = _kept_objects.entries()
    if entries is None:
        return load(set(keys))
    found, missing = {}, set()
    for key in keys:
        value = entries.get((namespace, key), _ABSENT)
        if value is _ABSENT:
            missing.add(key)
        elif value is not None:
            found[key] = value
    if missing:
        loaded = load(missing)
        found.update(loaded)
        for key in missing:
            if not _kept_objects.full():
                entries[(namespace, key)] = loaded.get(key)
    return found


def _is_personal_request(request):
    return (
        request.method not in ("GET", "HEAD")
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in request.COOKIES
        or "HTTP_AUTHORIZATION" in request.META
    )


def _key(request):
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()


def _is_personal_response(request, response):
    """Made for this visitor: signed in, a form with their CSRF token, or a cookie set for them."""
    user = getattr(request, "user", None)
    return bool(
        (user is not None and user.is_authenticated)
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or response.cookies
        or settings.SESSION_COOKIE_NAME in request.COOKIES
    )


def _is_cacheable(request, response):
    control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not any(word in control for word in UNCACHEABLE_CONTROL)
        and not getattr(request, "is_preview", False)
        and not _is_personal_response(request, response)
    )


def _mark_personal(request, response):
    """What is made for one visitor must not be kept by shared caches or proxies either."""
    if _is_personal_response(request, response):
        patch_cache_control(response, private=True, no_cache=True)
    return response


def _skip(request, response):
    response.setdefault(STATUS_HEADER, "skip")
    return _mark_personal(request, response)


class PageCacheMiddleware:
    """Serve anonymous GETs from the page cache; store what is safe to share (see module doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_generation.set(_IN_REQUEST)
        try:
            return self.handle(request)
        finally:
            _request_generation.reset(token)

    def handle(self, request):
        if request.path_info.startswith(SKIPPED_PREFIXES):
            return self.get_response(request)
        if not settings.PORTAL_PAGE_CACHE_SECONDS:
            return _mark_personal(request, self.get_response(request))
        if _is_personal_request(request):
            return _skip(request, self.get_response(request))

        key = _key(request)
        try:
            found = page_cache().get_many([GENERATION_KEY, key])
        except Exception:  # noqa: BLE001 - without a cache the page is simply rendered
            logger.exception("Page cache unavailable")
            return self.get_response(request)
        if GENERATION_KEY in found:
            _request_generation.set(found[GENERATION_KEY])
        current = generation()
        entry = found.get(key)
        if entry is not None and entry[0] == current:
            return self._from_cache(request, entry[1])

        response = self.get_response(request)
        if _is_cacheable(request, response):
            response[STATUS_HEADER] = "miss"
            try:
                page_cache().set(key, (current, response), settings.PORTAL_PAGE_CACHE_SECONDS)
            except Exception:  # noqa: BLE001
                logger.exception("Could not store a page in the page cache")
            return response
        return _skip(request, response)

    @staticmethod
    def _from_cache(request, response):
        """The stored page, or 304 when the client's copy is still current (ETag / Last-Modified)."""
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        conditional = get_conditional_response(
            request, etag=response.get("ETag"), last_modified=last_modified, response=response
        )
        if conditional is not response:
            return conditional
        response[STATUS_HEADER] = "hit"
        return response


# Models outside the page tree whose rows public pages show (snippets are found on their own).
PUBLIC_CONTENT_MODELS = {
    "angebote.lebensbereich",
    "angebote.sprache",
    "beirat.beiratsmitglied",
    "beirat.beschluss",
    "beirat.beschlussverlauf",
    "beirat.massnahmenotiz",
    "beirat.massnahmeverweis",
    "veranstaltungen.kategorie",
    "wagtailcore.collectionviewrestriction",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.site",
    "wagtaildocs.document",
    "wagtailimages.image",
    "wagtailredirects.redirect",
}


def shows_on_public_pages(model):
    from wagtail.models import Page
    from wagtail.snippets.models import get_snippet_models

    return issubclass(model, Page) or model._meta.label_lower in PUBLIC_CONTENT_MODELS or model in get_snippet_models()


def content_saved_or_deleted(sender, **kwargs):
    if not kwargs.get("raw") and shows_on_public_pages(sender):
        invalidate()


def roles_changed(sender, action, **kwargs):
    """Public pages name people by their role (the Beirat's members): a new role shows at once."""
    if action in ("post_add", "post_remove", "post_clear"):
        invalidate()


def restricted_sections():
    """(path, depth) of every page with a view restriction: the sections `.public()` leaves out."""
    from wagtail.models import PageViewRestriction

    return for_this_generation(
        "restricted",
        lambda: list(PageViewRestriction.objects.values_list("page__path", "page__depth").distinct()),
    )


def private_q_from_cache(queryset):
    """Wagtail's `PageQuerySet.private_q`, from the cached restricted sections instead of a query
    on every `.public()`. Every change to a restriction or to the page tree starts a new generation."""
    q = Q()
    for path, depth in restricted_sections():
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    return q if q else Q(pk__in=[])


def connect_invalidation():
    from django.contrib.auth import get_user_model
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.query import PageQuerySet
    from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate, dispatch_uid=f"pagecache-{id(signal)}")
    post_save.connect(content_saved_or_deleted, dispatch_uid="pagecache-save")
    post_delete.connect(content_saved_or_deleted, dispatch_uid="pagecache-delete")
    m2m_changed.connect(roles_changed, sender=get_user_model().groups.through, dispatch_uid="pagecache-roles")
    PageQuerySet.private_q = private_q_from_cache
