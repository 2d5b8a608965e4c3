"""What every page request looks up, kept per content generation instead of queried each time.

Wagtail finds the site, the active locale, the page for the path (one query per path segment
and one for each page's specific class) and the page's view restrictions (two queries) on every
request. None of it changes until public content does, and every such change starts a new
generation (see `portal.pagecache`), so a worker keeps:

- the site for each host name and port, and the locale of each language;
- for each path, which page answers it (its class and id, never the object: each request loads
  its page fresh with one query and routes it as Wagtail would);
- whether a page lies outside every restricted section and alias, in which case it has no
  view restriction to check.
"""

import copy

from django.apps import apps
from django.conf import settings
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models import sites as wagtail_sites

from .pagecache import WorkerMemo, for_this_generation, restricted_sections

# Paths a worker remembers per generation; beyond that, a request is routed without the memo.
_routes = WorkerMemo(limit=5000)


def _site_for_hostname(hostname, port):
    site = for_this_generation(f"site:{hostname}:{port}", lambda: _uncached_site_for_hostname(hostname, port))
    if site is None:
        raise Site.DoesNotExist
    # Each request gets its own copy: Wagtail caches values on the site and its root page.
    site = copy.copy(site)
    Site.root_page.field.set_cached_value(site, copy.copy(site.root_page))
    return site


_uncached_site_for_hostname_original = wagtail_sites.get_site_for_hostname


def _uncached_site_for_hostname(hostname, port):
    try:
        return _uncached_site_for_hostname_original(hostname, port)
    except Site.DoesNotExist:
        return None


def _locale_for_language(manager, language_code):
    from .translation import cached_locales

    for locale in cached_locales().values():
        if locale.language_code == language_code:
            return locale
    return _locale_for_language_original(manager, language_code)


_locale_for_language_original = type(Locale.objects).get_for_language


def _route_from(root, request, components):
    try:
        return root.route(request, components)
    except Http404:
        return None


def route(request, path):
    """The page (and sub-route) for `path`, as `Page.route_for_request` finds it, with one fallback:
    where a page has no translation into the reader's language, the German original answers
    (slugs are German in every language). Sets `request._wagtail_route_for_request`."""
    site = Site.find_for_request(request)
    result = None
    if site is not None:
        components = [part for part in path.split("/") if part]
        routes = _routes.entries()
        key = (site.pk, get_language(), tuple(components))
        known = routes.get(key) if routes is not None else None
        if known is not None:
            label, pk, consumed = known
            page = apps.get_model(label).objects.filter(pk=pk).first()
            result = _route_from(page, request, components[consumed:]) if page is not None else None
        else:
            result = _route_from(site.root_page.localized.specific, request, components)
            if result is None and get_language() != settings.LANGUAGE_CODE:
                result = _route_from(site.root_page.specific, request, components)
            if result is not None and routes is not None and not _routes.full():
                page = result[0]
                routes[key] = (page._meta.label_lower, page.pk, page.depth - site.root_page.depth)
    request._wagtail_route_for_request = result
    return result


def _alias_paths():
    """Paths of alias pages: their originals' restrictions apply to them."""
    return for_this_generation(
        "aliases", lambda: list(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))
    )


def _view_restrictions(page):
    """Wagtail's `get_view_restrictions`, without a query for pages outside every restricted
    section and alias."""
    paths = [path for path, _depth in restricted_sections()] + _alias_paths()
    if page.path and not any(page.path.startswith(path) for path in paths):
        return PageViewRestriction.objects.none()
    return _view_restrictions_original(page)


_view_restrictions_original = Page.get_view_restrictions


def install():
    wagtail_sites.get_site_for_hostname = _site_for_hostname
    type(Locale.objects).get_for_language = _locale_for_language
    Page.get_view_restrictions = _view_restrictions
