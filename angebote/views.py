from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import get_language

from portal import search as site_search
from portal.notifications import Recipient
from portal.pagecache import kept
from portal.public_forms import handle_public_form
from portal.translation import in_source_language, with_translations

from . import emails
from .contacts import kontakte
from .forms import OfferFilterForm
from .models import LEBENSBEREICHE, SPRACHEN, AngebotPage, InfoblattPage, MoebelspendeFoto, WohnungsangebotFoto
from .public_forms import AnwohnerAnliegenForm, MoebelspendeForm, WohnungsangebotForm

PAGE_SIZE = 20


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


def offer_finder(request, index_page):
    form = OfferFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    # Only ids are counted and paged; only the offers of the page are loaded (areas and languages
    # come from the facets).
    results = Paginator(matching_offer_ids(index_page, filters), PAGE_SIZE).get_page(request.GET.get("seite"))
    # The cards and Infoblätter are loaded only when their fragment is not kept (see the template).
    ids = list(results.object_list)
    hilfe = None
    suggestion = ""
    if not ids:
        source = in_source_language(index_page)
        hilfe = kontakte([source.hilfe_kontakt])[0] if source.hilfe_kontakt else None
        if filters.get("q"):
            suggestion = site_search.suggestion(filters["q"], get_language())
    if filters.get("q") and request.GET.get("seite", "1") == "1":
        site_search.record(filters["q"], get_language(), found=bool(ids))
    query_string = urlencode(
        [(key, value) for key, values in request.GET.lists() if key != "seite" for value in values]
    )
    infoblaetter = SimpleLazyObject(
        lambda: with_translations(
            InfoblattPage.objects.child_of(in_source_language(index_page)).live().public().select_related("locale")
        )
    )
    context = index_page.get_context(request)
    context.update(
        {
            "form": form,
            "results": results,
            "cards": SimpleLazyObject(lambda: offer_cards(index_page, ids)),
            "card_ids": ",".join(map(str, ids)),
            "hilfe": hilfe,
            "suggestion": suggestion,
            "query_string": query_string,
            "filtered": bool(filters),
            "infoblaetter": infoblaetter,
        }
    )
    return TemplateResponse(request, index_page.get_template(request), context)


def moebelspende(request, page):
    def store(form):
        spende = form.save(commit=False)
        spende.sprache = get_language()
        spende.save()
        for upload in form.cleaned_data["fotos"]:
            MoebelspendeFoto.objects.create(spende=spende, datei=upload, content_type=upload.portal_content_type)
        emails.MoebelspendeEingang(Recipient.of_submission(spende.email, spende.sprache), spende=spende).send()

    return handle_public_form(
        request, page, MoebelspendeForm, "moebelspende", store, "angebote/moebelspende_form.html", "moebelspende_danke"
    )


def wohnungsangebot(request, page):
    def store(form):
        angebot = form.save(commit=False)
        angebot.sprache = get_language()
        angebot.einwilligung_am = timezone.now()
        angebot.save()
        for upload in form.cleaned_data["fotos"]:
            WohnungsangebotFoto.objects.create(angebot=angebot, datei=upload, content_type=upload.portal_content_type)
        emails.WohnungsangebotEingang(Recipient.of_submission(angebot.email, angebot.sprache), angebot=angebot).send()

    return handle_public_form(
        request,
        page,
        WohnungsangebotForm,
        "wohnungsangebot",
        store,
        "angebote/wohnungsangebot_form.html",
        "wohnungsangebot_danke",
    )


def anwohner_anliegen(request, page):
    def store(form):
        anliegen = form.save(commit=False)
        anliegen.sprache = get_language()
        anliegen.save()
        source = in_source_language(page)
        if source.kontakt and source.kontakt.email:
            emails.AnliegenFuerSozialhausmeister(Recipient.of_address(source.kontakt.email), anliegen=anliegen).send()
        if "@" in anliegen.kontakt:
            recipient = Recipient.of_submission(anliegen.kontakt, anliegen.sprache)
            emails.AnliegenEingang(recipient, anliegen=anliegen).send()

    return handle_public_form(
        request, page, AnwohnerAnliegenForm, "anliegen", store, "angebote/anliegen_form.html", "anliegen_danke"
    )
