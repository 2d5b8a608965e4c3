"""The content generation, and what is kept until it changes: whole pages and values.

Every change to public content starts a new generation (`invalidate`): a page, or a snippet or other
content shown on pages, is published, unpublished, moved or deleted, or a view restriction changes.
Menus and listings make almost every page depend on other pages, so the whole generation goes, not
single URLs; saving a draft starts none.

- `PageCacheMiddleware`: full pages for anonymous visitors. A response is stored only when nothing
  about it is personal: a GET by a visitor without a session or messages cookie, answered 200 by a
  view that used no CSRF token, set no cookie and did not mark itself private or no-cache.
- Unknown query parameters: an anonymous GET whose query string has a parameter no view reads for
  anonymous visitors (`PORTAL_QUERY_PARAMETERS`) is redirected to its URL without it, before any
  view runs. The key of a page is its full URL, so `?r=<random>` would otherwise miss every cache.
- `kept(key, compute)`: values that every request would otherwise query again (menus, restricted
  sections, filter facets, the dates of events), for rendering pages when the page cache cannot
  answer. Rendered cards are kept by `{% wagtailcache %}` with the generation in their key.
- The generation is also kept in the database (`portal.models.Generation`, written with the change,
  in its transaction and again after the commit). Each worker compares the cache's generation with
  the database's at most every `PORTAL_GENERATION_CHECK_SECONDS` (one query then, none on other
  requests); the database's wins. So a new generation whose cache update was lost (Redis away or
  back with old data, a restored backup) still reaches every worker within that interval.
"""

import contextvars
import dataclasses
import datetime
import functools
import hashlib
import logging
import pickle
import secrets
import threading
import time
from decimal import Decimal
from uuid import UUID

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import DatabaseError, transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.encoding import escape_uri_path
from django.utils.http import parse_http_date_safe
from wagtail.models import DraftStateMixin, Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished
from wagtail.snippets.models import get_snippet_models

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


def _store_durably(token):
    """Write `token` as the database's generation; a failure is logged (the next publish or the
    next comparison writes it), never raised."""
    model = apps.get_model("portal", "Generation")
    try:
        with transaction.atomic():
            if not model.objects.filter(pk=1).update(token=token, begonnen_am=timezone.now()):
                model.objects.create(pk=1, token=token)
    except DatabaseError as error:  # e.g. while migrating a new database, before the table exists
        logger.warning("Could not store the content generation in the database: %s", error)


def _new_generation(durable=False):
    token = secrets.token_hex(8)
    if _request_generation.get() is not None:
        _request_generation.set(token)
    if durable:
        _store_durably(token)  # before the cache: a worker that sees the new token in the cache finds it here too
    try:
        page_cache().set(GENERATION_KEY, token, None)
    except Exception:  # noqa: BLE001 - a cache outage must not break publishing
        logger.exception("Could not invalidate the page cache")


def invalidate(**kwargs):
    """Start a new generation: every cached page is stale from now on, and again after the commit,
    so that nothing rendered from the data before the commit outlives it. The database keeps it
    too: inside the transaction (committed with the change) and after the commit."""
    _new_generation(durable=transaction.get_connection().in_atomic_block)
    transaction.on_commit(functools.partial(_new_generation, durable=True))
    _changed_in_request.set(True)


def start_new_generation():
    """A new generation in the database and the cache, outside any change (after a restore)."""
    _new_generation(durable=True)


# When this worker last compared the cache's generation with the database's (time.monotonic()).
_compared_at = [float("-inf")]


def _compared_with_database(current):
    """`current` (the cache's generation), or the database's when they differ; compared at most every
    `PORTAL_GENERATION_CHECK_SECONDS` per worker (0 never). The database's then goes to the cache."""
    interval = settings.PORTAL_GENERATION_CHECK_SECONDS
    now = time.monotonic()
    if current is None or not interval or now - _compared_at[0] < interval:
        return current
    _compared_at[0] = now
    try:
        stored = apps.get_model("portal", "Generation").objects.values_list("token", flat=True).filter(pk=1).first()
    except DatabaseError:
        logger.exception("Could not read the content generation from the database")
        return current
    if stored is None:
        _store_durably(current)
        return current
    if stored != current:
        logger.warning("The cache's content generation was outdated; the database's is used")
        try:
            page_cache().set(GENERATION_KEY, stored, None)
        except Exception:  # noqa: BLE001
            logger.exception("Could not correct the page cache's generation")
    return stored


# Values costly to compute that most pages need (the dates of events): the request that changed
# content computes them for the new generation after its response has left (`prepare_kept`), so
# that the next visitor's request finds them kept instead of computing them.
_preparers = []
_changed_in_request = contextvars.ContextVar("pagecache_changed", default=False)


def prepared_after_changes(compute):
    """Register `compute` (no arguments; it calls `kept`) to run after a request that changed
    public content. Returns `compute`, so it can be used as a decorator."""
    if compute not in _preparers:
        _preparers.append(compute)
    return compute


def prepare_kept():
    """Compute the registered values for the current generation. A failure is logged, never raised:
    the response has left, and the next request computes what is missing."""
    for compute in _preparers:
        try:
            compute()
        except Exception:  # noqa: BLE001
            logger.exception("Could not prepare %s for the new generation", compute.__qualname__)


def _request_started(**kwargs):
    _changed_in_request.set(False)


def _request_finished(**kwargs):
    if _changed_in_request.get():
        _changed_in_request.set(False)
        prepare_kept()


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
    current = _compared_with_database(current)
    if known is _IN_REQUEST:
        _request_generation.set(current)
    return current


# How long the shared cache holds a kept value; a new generation makes it stale long before.
KEPT_SECONDS = 3600
_MISSING = object()


class _WorkerCopies:
    """This worker's copies of kept values, for the current generation only: no round trip to the
    shared cache and no unpickling. At most `limit` values; beyond that the oldest go first. Values
    are shared by every request the worker serves, so they are plain (never model instances).
    They are dropped after `PORTAL_KEPT_IN_WORKER_SECONDS` even within one generation: a worker
    never serves its own copy longer, whatever happened to the shared cache meanwhile."""

    def __init__(self, limit):
        self.limit = limit
        self._current = (None, 0.0, {})  # (generation, since, values), replaced as one: no thread sees a mix
        self._lock = threading.Lock()

    def _is_current(self, generation, since, current):
        return generation == current and time.monotonic() - since < settings.PORTAL_KEPT_IN_WORKER_SECONDS

    def get(self, current, key):
        generation, since, values = self._current
        if not self._is_current(generation, since, current):
            return _MISSING
        return values.get(key, _MISSING)

    def put(self, current, key, value):
        with self._lock:
            generation, since, values = self._current
            if not self._is_current(generation, since, current):
                values = {}
                self._current = (current, time.monotonic(), values)
            values[key] = value
            while len(values) > self.limit:
                del values[next(iter(values))]


_copies = _WorkerCopies(limit=4096)


def kept(key, compute, *, in_worker=True):
    """`compute()`, kept until public content changes (a new generation, see `invalidate`).

    The value is kept in the shared cache (with the generation as its version, so every worker and
    host sees the same one) and, unless `in_worker` is false (large values asked for rarely), in this
    worker's memory. It must be plain data (ids, strings, dates, tuples, lists, dicts, dataclasses
    of those), never model instances: every request that asks gets the same value and must not
    change it. Without a cache, `compute()` is called each time."""
    current = generation()
    if current is None:
        return compute()
    value = _copies.get(current, key)
    if value is not _MISSING:
        return value
    cache_key = "kept:" + (key if len(key) <= 200 else hashlib.sha256(key.encode()).hexdigest())
    try:
        value = page_cache().get(cache_key, _MISSING, version=current)
    except Exception:  # noqa: BLE001 - without the shared cache the value is computed
        logger.exception("Page cache unavailable")
    if value is _MISSING:
        value = compute()
        if settings.PORTAL_CHECK_KEPT_VALUES:
            _require_plain(key, value)
        try:
            page_cache().set(cache_key, value, KEPT_SECONDS, version=current)
        except Exception:  # noqa: BLE001
            logger.exception("Could not keep %s in the page cache", key)
    if in_worker:
        _copies.put(current, key, value)
    return value


def kept_instance(key, load):
    """What `load()` returns (a model instance, None, or a tuple holding instances), kept until public
    content changes as its pickle: each request gets a copy of its own, without a query, and changes
    none but its own."""
    data = kept(key, lambda: pickle.dumps(load(), pickle.HIGHEST_PROTOCOL))
    return pickle.loads(data)  # noqa: S301 - written by `kept_instance` into the portal's own cache


_ATOMS = (str, int, float, bool, bytes, type(None), datetime.date, datetime.time, datetime.timedelta, Decimal, UUID)


def _require_plain(key, value):
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, _ATOMS):
            continue
        if isinstance(item, Model):
            raise TypeError(f"kept({key!r}) returned a model instance ({item!r}); keep ids or plain values")
        if isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            pending.extend(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            pending.extend(getattr(item, name) for name in item.__dataclass_fields__)


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


def _without_unknown_parameters(request):
    """This anonymous request's URL without the query parameters no view reads for anonymous
    visitors, or None when it has none of them (or is personal: signed-in views read their own)."""
    if not request.META.get("QUERY_STRING") or _is_personal_request(request):
        return None
    known = settings.PORTAL_QUERY_PARAMETERS
    if all(name in known for name in request.GET):
        return None
    query = request.GET.copy()
    for name in list(query):
        if name not in known:
            del query[name]
    path = escape_uri_path(request.path)
    return f"{path}?{query.urlencode()}" if query else path


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
        canonical = _without_unknown_parameters(request)
        if canonical is not None:
            response = HttpResponseRedirect(canonical)
            response[STATUS_HEADER] = "redirect"
            return response
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
            _request_generation.set(_compared_with_database(found[GENERATION_KEY]))
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
    "wagtailsearchpromotions.searchpromotion",
    "angebote.lebensbereich",
    "angebote.sprache",
    "beirat.beiratsmitglied",
    "beirat.beschluss",
    "beirat.beschlussverlauf",
    "beirat.planmassnahmenotiz",
    "beirat.planmassnahmeverweis",
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
    return issubclass(model, Page) or model._meta.label_lower in PUBLIC_CONTENT_MODELS or model in get_snippet_models()


# What Wagtail saves for a draft, a revision or a lock: nothing public pages show changes.
DRAFT_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "wagtail_admin_comments",
    "locked",
    "locked_at",
    "locked_by",
}


def content_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """A page or content public pages show was saved: a new generation, unless it was only a draft
    (an editor saving a draft changes nothing public; publishing sends `page_published`)."""
    if raw or not shows_on_public_pages(sender):
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    if isinstance(instance, Page | DraftStateMixin) and not instance.live:
        return  # a draft: pages and snippets show only what is live
    invalidate()


def content_deleted(sender, **kwargs):
    if shows_on_public_pages(sender):
        invalidate()


def content_published(sender, **kwargs):
    """A page or a snippet was published or unpublished."""
    if shows_on_public_pages(sender):
        invalidate()


def roles_changed(sender, action, **kwargs):
    """Public pages name people by their role (the Beirat's members): a new role shows at once."""
    if action in ("post_add", "post_remove", "post_clear"):
        invalidate()


def connect_invalidation():
    for signal in (page_published, page_unpublished, published, unpublished):
        signal.connect(content_published, dispatch_uid=f"pagecache-{id(signal)}")
    post_page_move.connect(invalidate, dispatch_uid="pagecache-move")
    post_save.connect(content_saved, dispatch_uid="pagecache-save")
    post_delete.connect(content_deleted, dispatch_uid="pagecache-delete")
    m2m_changed.connect(roles_changed, sender=get_user_model().groups.through, dispatch_uid="pagecache-roles")
    # Every deployment migrates: pages kept from the previous release's templates are stale.
    post_migrate.connect(invalidate, sender=apps.get_app_config("portal"), dispatch_uid="pagecache-deploy")
    request_started.connect(_request_started, dispatch_uid="pagecache-request-started")
    request_finished.connect(_request_finished, dispatch_uid="pagecache-request-finished")
