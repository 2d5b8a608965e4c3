"""Pages in the reader's language, falling back to the German original.

German is the source language: every page exists in German, and some are translated.
Listings start from the German pages and show each one's translation where it is live.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, override
from wagtail.models import Locale, Page


def default_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def in_source_language(page):
    """The German original of a page (the page itself if it is German)."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return page
    return page.get_translation_or_none(default_locale()) or page


def with_translations(pages, language=None):
    """Replace each (German) page by its live, public translation into `language`, if any."""
    pages = list(pages)
    language = language or get_language()
    if not pages or language == settings.LANGUAGE_CODE:
        return pages
    translated = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(locale__language_code=language, translation_key__in=[p.translation_key for p in pages])
        .select_related("locale")
        .specific()
    }
    return [translated.get(page.translation_key, page) for page in pages]


def localized_url(request, page):
    """The page's URL under the current language prefix; slugs are the same in every language."""
    url = page.get_url(request)
    language = get_language()
    if url and page.locale.language_code != language:
        # translate_url resolves the path in the active language: the page's own.
        with override(page.locale.language_code):
            return translate_url(url, language)
    return url
