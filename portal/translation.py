"""Pages in the reader's language, falling back to the German original.

German is the source language: every page exists in German, and some are translated.
Listings start from the German pages and show each one's translation where it is live.
"""

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.http.request import split_domain_port
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info, override
from wagtail.models import Locale, Page, Site

from .pagecache import kept, kept_instance


def locale_codes():
    """{locale id: language code}, kept until public content changes."""
    return kept("locales", lambda: dict(Locale.objects.values_list("pk", "language_code")))


SITE_FIELDS = ("pk", "hostname", "port", "site_name", "root_page_id", "is_default_site")


def current_site(request):
    """The Site that answers `request` (Wagtail's rules: `Site.find_for_request`), looked up once per
    host until public content changes; each request gets an instance of its own."""
    if request is None:
        return None
    if not hasattr(request, "portal_site"):
        hostname, port = split_domain_port(request.get_host())[0], request.get_port()

        found = []

        def find():
            found.append(Site.find_for_request(request))
            return None if found[0] is None else {name: getattr(found[0], name) for name in SITE_FIELDS}

        values = kept(f"site:{hostname}:{port}", find)
        # Where this request looked the site up, Wagtail's instance comes with its root page.
        request.portal_site = found[0] if found else Site(**values) if values else None
    return request.portal_site


def root_page_for(request):
    """The root page of the request's site in the active language (Wagtail's `site.root_page.localized`,
    specific), found once per site and language until public content changes; None without a site."""
    site = current_site(request)
    if site is None:
        return None

    def load():
        # Wagtail's `site.root_page.localized.specific` in two queries: the live translation into the
        # active language, else the root page itself, with its type; then that page.
        root = site.root_page
        wanted = locale_id_of(get_language()) or root.locale_id
        rows = (
            Page.objects.filter(translation_key=root.translation_key, locale_id__in={wanted, root.locale_id})
            .filter(Q(pk=root.pk) | Q(live=True))
            .values_list("pk", "locale_id", "content_type__app_label", "content_type__model")
        )
        found = {locale_id: (f"{app_label}.{model}", pk) for pk, locale_id, app_label, model in rows}
        label, pk = found.get(wanted) or found[root.locale_id]
        return apps.get_model(label).objects.get(pk=pk)

    return kept_instance(f"root-page:{site.pk}:{get_language()}", load)


def locale_id_of(language):
    """The id of the locale of `language` (a code), from the kept locale codes; None if there is none."""
    return next((pk for pk, code in locale_codes().items() if code == language), None)


def default_locale_id():
    return locale_id_of(settings.LANGUAGE_CODE) or Locale.get_default().pk


def in_source_language(page):
    """The German original of a page (the page itself if it is German)."""
    if language_of(page) == settings.LANGUAGE_CODE:
        return page
    if not hasattr(page, "_portal_source"):
        page._portal_source = page.get_translation_or_none(default_locale_id()) or page
    return page._portal_source


def translated_page_ids(language):
    """{translation key: page id} of the live, public pages in `language`, kept until public content changes."""
    from .models import public_pages  # portal.models imports this module

    def build():
        pages = public_pages().filter(locale__language_code=language)
        return {str(key): pk for key, pk in pages.values_list("translation_key", "pk")}

    return kept(f"translations:{language}", build)


def with_translations(pages, language=None):
    """Replace each (German) page by its live, public translation into `language`, if any."""
    pages = list(pages)
    language = language or get_language()
    if not pages or language == settings.LANGUAGE_CODE:
        return pages
    ids = translated_page_ids(language)
    wanted = {ids[str(page.translation_key)] for page in pages if str(page.translation_key) in ids}
    if not wanted:
        return pages
    # Translations have their original's type: pages of one type (plain `Page`s included) load in one
    # query; only a mix of specific types needs one query per type.
    types = {type(page) for page in pages}
    if len(types) == 1 and issubclass(model := types.pop(), Page):
        found = model.objects.filter(pk__in=wanted).select_related("locale")
    else:
        found = Page.objects.filter(pk__in=wanted).select_related("locale").specific()
    translated = {str(page.translation_key): page for page in found}
    return [translated.get(str(page.translation_key), page) for page in pages]


def live_translations(model, originals, language=None):
    """{translation key: published translation into `language`} of translatable snippets, in one
    query. A translation still in the works (a draft) is not shown: the reader gets the original."""
    language = language or get_language()
    codes = locale_codes()
    keys = [o.translation_key for o in originals if o is not None and codes.get(o.locale_id) != language]
    if not keys:
        return {}
    found = model.objects.filter(translation_key__in=keys, locale__language_code=language, live=True)
    return {t.translation_key: t for t in found}


def attach_locale(page):
    """Give the page its locale from the kept locale codes, so that templates need no query for it."""
    code = locale_codes().get(page.locale_id)
    if code is not None and not Page.locale.is_cached(page):
        Page.locale.field.set_cached_value(page, Locale(pk=page.locale_id, language_code=code))


def language_of(page):
    """The page's language code, without a query for its locale."""
    code = locale_codes().get(page.locale_id)
    return code or page.locale.language_code


def _marking(language):
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language, direction)


def language_attributes(language):
    """` lang="de" dir="ltr"` for text in `language` (a code) shown to a reader of another language, else ""."""
    if not language or language == get_language():
        return ""
    return _marking(language)


def reader_attributes(page):
    """` lang="ar" dir="rtl"` for interface text inside a page shown in another language (the page's
    content is marked with its own language, the labels among it with the reader's), else ""."""
    if not page or language_of(page) == get_language():
        return ""
    return _marking(get_language())


def lang_attributes(obj):
    """The same for a page or snippet, by its locale."""
    return language_attributes(language_of(obj))


def localized_url(request, page):
    """The page's URL under the current language prefix; slugs are the same in every language."""
    url = page.get_url(request, current_site=current_site(request))
    language = get_language()
    page_language = language_of(page)
    if url and page_language != language:
        # translate_url resolves the path in the active language: the page's own.
        with override(page_language):
            return translate_url(url, language)
    return url
