"""Pages in the reader's language, falling back to the German original.

German is the source language: every page exists in German, and some are translated.
Listings start from the German pages and show each one's translation where it is live.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, override
from wagtail.models import Locale, Page


def cached_locales():
    from portal.pagecache import for_this_generation

    return for_this_generation("locales", lambda: {locale.pk: locale for locale in Locale.objects.all()})


def default_locale():
    for locale in cached_locales().values():
        if locale.language_code == settings.LANGUAGE_CODE:
            return locale
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def in_source_language(page):
    """The German original of a page (the page itself if it is German)."""
    if language_of(page) == settings.LANGUAGE_CODE:
        return page
    if not hasattr(page, "_portal_source"):
        page._portal_source = page.get_translation_or_none(default_locale()) or page
    return page._portal_source


def with_translations(pages, language=None):
    """Replace each (German) page by its live, public translation into `language`, if any."""
    from portal.pagecache import kept_objects

    pages = list(pages)
    language = language or get_language()
    if not pages or language == settings.LANGUAGE_CODE:
        return pages

    def load(keys):
        return {
            page.translation_key: page
            for page in Page.objects.live()
            .public()
            .filter(locale__language_code=language, translation_key__in=keys)
            .select_related("locale")
            .specific()
        }

    translated = kept_objects(f"translation:{language}", [page.translation_key for page in pages], load)
    return [translated.get(page.translation_key, page) for page in pages]


def attach_locale(page):
    """Give the page its locale from the cached locales, so that templates need no query for it."""
    locale = cached_locales().get(page.locale_id)
    if locale is not None:
        Page.locale.field.set_cached_value(page, locale)


def language_of(page):
    """The page's language code, without a query for its locale."""
    locale = cached_locales().get(page.locale_id)
    return locale.language_code if locale else page.locale.language_code


def localized_url(request, page):
    """The page's URL under the current language prefix; slugs are the same in every language."""
    url = page.get_url(request)
    language = get_language()
    page_language = language_of(page)
    if url and page_language != language:
        # translate_url resolves the path in the active language: the page's own.
        with override(page_language):
            return translate_url(url, language)
    return url
