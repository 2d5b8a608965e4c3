"""Listing queries of the offers app: the offer finder's offers and filters, and what other apps ask
for through hooks."""

from django.conf import settings
from django.utils.translation import get_language

from portal import search as site_search
from portal.choices import kept_codes
from portal.models import public_pages
from portal.pagecache import kept
from portal.translation import in_source_language, localized_url, with_translations

from .contacts import kontakte
from .models import LEBENSBEREICHE, SPRACHEN, AngeboteIndexPage, AngebotPage, Lebensbereich, Sprache


def facets(index_page):
    """{id: what the filters and cards look at} of each live public offer of the finder, in the
    finder's order (areas and languages in theirs); kept until public content changes, so that
    filters without a search term need no query. One query: a row per offer, area and language."""
    source = in_source_language(index_page)

    def build():
        offers = AngebotPage.objects.child_of(source).live().public()
        rows = offers.order_by(
            "voruebergehend_geschlossen", "title", "pk", "lebensbereiche__position", "sprachen__position"
        ).values_list(
            "pk",
            "reichweite",
            "fuer_gestattung",
            "fuer_duldung",
            "fuer_anerkennung",
            "lebensbereiche__slug",
            "sprachen__code",
        )
        facets = {}
        for pk, reichweite, gestattung, duldung, anerkennung, bereich, sprache in rows:
            offer = facets.setdefault(
                pk,
                {
                    "reichweite": reichweite,
                    "status": {"gestattung": gestattung, "duldung": duldung, "anerkennung": anerkennung},
                    "bereiche": {},
                    "sprachen": {},
                },
            )
            if bereich:
                offer["bereiche"][bereich] = None
            if sprache:
                offer["sprachen"][sprache] = None
        for offer in facets.values():
            offer["bereiche"], offer["sprachen"] = tuple(offer["bereiche"]), tuple(offer["sprachen"])
        return facets

    return kept(f"angebote:facetten:{source.pk}", build)


def text_matching_ids(index_page, query):
    """Ids of the finder's live public offers matching `query` (portal/search.py, as the site search),
    best first: in the reader's language (through the translations) and in German."""
    language = get_language()
    found = {}
    for code in dict.fromkeys([language, settings.LANGUAGE_CODE]):
        for rank, pk in enumerate(site_search.search(query, code, seitentypen=[AngebotPage]).seiten):
            found.setdefault(pk, rank)
    if not found:
        return []
    originals = dict(AngebotPage.objects.filter(pk__in=found).values_list("pk", "translation_key"))
    source_ids = dict(
        AngebotPage.objects.child_of(in_source_language(index_page))
        .live()
        .public()
        .filter(translation_key__in=set(originals.values()))
        .values_list("translation_key", "pk")
    )
    best = {}
    for pk, rank in found.items():
        source = source_ids.get(originals.get(pk))
        if source is not None and rank < best.get(source, len(found)):
            best[source] = rank
    return sorted(best, key=best.get)


def matching_offer_ids(index_page, filters):
    """Ids of the finder's offers matching the filters: in the finder's order, or best first for a
    search term; only a search term needs the database."""
    kept_facets = facets(index_page)
    ids = text_matching_ids(index_page, filters["q"]) if filters.get("q") else kept_facets
    bereiche = set(filters.get("bereich") or ())
    return [
        pk
        for pk in ids
        if (offer := kept_facets.get(pk)) is not None
        and (not bereiche or not bereiche.isdisjoint(offer["bereiche"]))
        and (not filters.get("status") or offer["status"].get(filters["status"]))
        and (not filters.get("sprache") or filters["sprache"] in offer["sprachen"])
        and (not filters.get("reichweite") or offer["reichweite"] == filters["reichweite"])
    ]


def offer_cards(index_page, ids):
    """(original, shown translation, area labels, language labels) of the offers `ids`, in order."""
    offers = AngebotPage.objects.filter(pk__in=ids).select_related("locale").in_bulk()
    originals = [offers[pk] for pk in ids if pk in offers]
    kept_facets = facets(index_page)
    return [
        (
            original,
            shown,
            [LEBENSBEREICHE.get(slug, slug) for slug in kept_facets[original.pk]["bereiche"]],
            [SPRACHEN.get(code, code) for code in kept_facets[original.pk]["sprachen"]],
        )
        for original, shown in zip(originals, with_translations(originals), strict=True)
    ]


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
