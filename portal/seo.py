"""How the portal is found from outside: canonical links, hreflang alternates, descriptions and Open
Graph in the head of each page, and the entries of sitemap.xml.

Every absolute URL names the portal's public address (`PORTAL_BASE_URL`), never the host a request
came in on or the Wagtail Site record's. Slugs are German in every language, so a page's address in
another language differs only in its prefix (`/de/…` → `/ar/…`); a page counts as translated into a
language when a live, public translation exists there. A non-German address of an untranslated page
shows the German original (PortalPage.route): its canonical is the German address, and it declares no
alternates of its own.
"""

import html

from django.conf import settings
from django.utils.encoding import escape_uri_path, iri_to_uri
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from .pagecache import kept
from .translation import language_of

# og:locale wants language_TERRITORY (the Open Graph protocol's list, as Facebook reads it).
OG_LOCALES = {"de": "de_DE", "en": "en_GB", "ar": "ar_AR", "fa": "fa_IR", "uk": "uk_UA", "tr": "tr_TR"}
DESCRIPTION_WORDS = 40
# Query parameters that make a URL a page of its own (the pages of a list); all others are dropped.
CANONICAL_PARAMETERS = ("seite",)


def base_url():
    return settings.PORTAL_BASE_URL.rstrip("/")


def absolute(path):
    """A path (already URI-encoded) on the portal's public address."""
    return base_url() + path


def translation_languages():
    """{translation key: [language codes of its real translations: live, public pages that are no
    alias and are reached at their address]}, for the whole site in one query, kept until public
    content changes."""
    from .models import public_pages  # portal.models imports this module

    def build():
        rows = list(public_pages().values_list("translation_key", "locale__language_code", "path", "alias_of"))
        shown = {path for _key, _code, path, _alias in rows}
        languages = {}
        for key, code, path, alias_of in rows:
            # An alias (wagtail-localize's stand-in above a translated page) shows the original's text.
            # Below a page with no live page in the language the German original answers
            # (PortalPage.route): a translation there is not reached at its address.
            reached = all(path[:end] in shown for end in range(2 * Page.steplen, len(path), Page.steplen))
            if alias_of is None and reached:
                languages.setdefault(str(key), []).append(code)
        return languages

    return kept("translation-languages", build)


def languages_of(page):
    """The languages in which `page` is published (live and public), in the order of LANGUAGES."""
    found = translation_languages().get(str(page.translation_key), ())
    return [code for code, _name in settings.LANGUAGES if code in found]


def _split_prefix(path):
    """(language, rest) of a path under a language prefix (`/ar/angebote/` → ("ar", "angebote/")),
    or (None, path)."""
    for code, _name in settings.LANGUAGES:
        if path.startswith(f"/{code}/"):
            return code, path[len(code) + 2 :]
    return None, path


def _query(request):
    """The part of the query string that belongs to the canonical address (`?seite=2`)."""
    parts = []
    for name in CANONICAL_PARAMETERS:
        value = request.GET.get(name, "")
        if value.isdigit() and value.lstrip("0") not in ("", "1"):
            parts.append(f"{name}={int(value)}")
    return "?" + "&".join(parts) if parts else ""


def _alternates(codes, rest):
    """[(hreflang, absolute URL)] of the path `rest` (after the language prefix) in each language of
    `codes`, and x-default: the German one, where there is one."""
    alternates = [(code, absolute(f"/{code}/{rest}")) for code in codes]
    if settings.LANGUAGE_CODE in codes:
        alternates.append(("x-default", absolute(f"/{settings.LANGUAGE_CODE}/{rest}")))
    return alternates


def addresses(request, page=None):
    """(canonical URL, [(hreflang, URL)]) of this request's page or view, absolute on the public address.

    A page's view (the page itself or one of its sub-routes: calendar, archive, a form) is canonical
    under the language of the page it shows; alternates are given only where the page is shown in
    the reader's language, one per language the page is published in, and x-default (German).
    A view that is not a page (search, sign-in) exists in every language."""
    path = escape_uri_path(request.path)
    language, rest = _split_prefix(path)
    query = _query(request)
    if language is None:
        return absolute(path + query), []
    if isinstance(page, Page):
        shown = language_of(page)
        published = languages_of(page)
        if shown != language or language not in published:
            # The German original under another prefix, an alias showing the original's text, or a
            # page not published (a preview, a restricted page): canonical is the original's address.
            if shown not in published and settings.LANGUAGE_CODE in published:
                shown = settings.LANGUAGE_CODE
            return absolute(f"/{shown}/{rest}{query}"), []
        codes = published
    else:
        codes = [code for code, _name in settings.LANGUAGES]
    return absolute(f"/{language}/{rest}{query}"), _alternates(codes, rest + query)


def _plain(text):
    """Rich text or plain text as one line of plain text."""
    return " ".join(html.unescape(strip_tags(str(text or ""))).split())


def site_description():
    return _(
        "The integration portal of the City of Plochingen: advice and help, dates and events, "
        "and ways to get involved, in six languages."
    )


def description(page):
    """The meta description in the reader's language: the page's search description, else its
    teaser text, else a sentence of its type about it (also for the German original shown in
    place of a missing translation, whose own text is in another language than the document)."""
    if not isinstance(page, Page):
        return site_description()
    if language_of(page) == get_language():
        text = _plain(page.search_description) or _plain(getattr(page, getattr(page, "teaser_field", "intro"), ""))
        if text:
            return Truncator(text).words(DESCRIPTION_WORDS)
    fallback = getattr(page, "description_fallback", None)
    if fallback:
        return str(fallback) % {"title": page.title}
    return _("%(title)s – on the integration portal of the City of Plochingen.") % {"title": page.title}


def image_url(page):
    """The absolute URL of the page's picture for link previews (a rendition), or ""; kept until
    public content changes."""
    picture = getattr(page, "social_image", None)
    image = picture() if callable(picture) else None
    if image is None:
        return ""
    return kept(f"social-image:{image.pk}", lambda: absolute(iri_to_uri(image.get_rendition("fill-1200x630").url)))


def sitemap_urls(page, request):
    """The sitemap entry of a page, in its own language, with its alternates: [] where the page is not
    published in its language (or is no page of the site)."""
    parts = page.get_url_parts(request)
    if parts is None:
        return []
    language, rest = _split_prefix(parts[2])
    codes = languages_of(page)
    if language is None or language not in codes:
        return []
    lastmod = page.last_published_at or page.latest_revision_created_at
    entries = []
    for subpath in ["", *(page.reverse_subpage(name) for name in getattr(page, "sitemap_subpages", ()))]:
        entries.append(
            {
                "location": absolute(f"/{language}/{rest}{subpath}"),
                "lastmod": lastmod,
                "alternates": [
                    {"lang_code": code, "location": url} for code, url in _alternates(codes, f"{rest}{subpath}")
                ],
            }
        )
    return entries
