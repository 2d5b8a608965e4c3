"""Listing queries of the offers app that other apps ask for through hooks."""

from django.utils.translation import get_language

from portal.choices import kept_codes
from portal.models import public_pages
from portal.translation import in_source_language, localized_url

from .contacts import kontakte
from .models import LEBENSBEREICHE, AngeboteIndexPage, Lebensbereich, Sprache


def finder_help(request):
    """{finder url, areas of life as (label, url), help contact} for someone who found nothing, or
    None without a public offer finder."""
    finders = (
        public_pages()
        .type(AngeboteIndexPage)
        .filter(locale__language_code__in=[get_language(), "de"])
        .select_related("locale")
    )
    finder = min(finders.specific(), key=lambda page: page.locale.language_code != get_language(), default=None)
    if finder is None:
        return None
    url = localized_url(request, finder)
    available = kept_codes("angebote:auswahl", bereiche=(Lebensbereich, "slug"), sprachen=(Sprache, "code"))
    source = in_source_language(finder)
    return {
        "finder_url": url,
        "bereiche": [(LEBENSBEREICHE.get(slug, slug), f"{url}?bereich={slug}") for slug in available["bereiche"]],
        "hilfe": kontakte([source.hilfe_kontakt])[0] if source.hilfe_kontakt else None,
    }
