from collections import defaultdict

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language, override

from portal.pagecache import for_this_generation, kept_objects
from portal.public_forms import handle_public_form, send_confirmation
from portal.translation import in_source_language, with_translations

from .contacts import kontakte
from .forms import OfferFilterForm
from .models import AngebotPage, InfoblattPage, MoebelspendeFoto, WohnungsangebotFoto
from .public_forms import AnwohnerAnliegenForm, MoebelspendeForm, WohnungsangebotForm

PAGE_SIZE = 20


def text_matches(query):
    return (
        Q(title__icontains=query)
        | Q(traeger__icontains=query)
        | Q(kurzbeschreibung__icontains=query)
        | Q(zielgruppe__icontains=query)
        | Q(angebot__icontains=query)
    )


def _facets(index_page):
    """Each live public offer of the finder with what the filters look at, in the finder's order;
    kept until public content changes, so that filters without a search term need no query."""
    source = in_source_language(index_page)

    def build():
        offers = AngebotPage.objects.child_of(source).live().public().order_by("voruebergehend_geschlossen", "title")
        rows = list(offers.values_list("pk", "reichweite", "fuer_gestattung", "fuer_duldung", "fuer_anerkennung"))
        ids = [row[0] for row in rows]
        bereiche, sprachen = defaultdict(set), defaultdict(set)
        for pk, slug in AngebotPage.lebensbereiche.through.objects.filter(angebotpage_id__in=ids).values_list(
            "angebotpage_id", "lebensbereich__slug"
        ):
            bereiche[pk].add(slug)
        for pk, code in AngebotPage.sprachen.through.objects.filter(angebotpage_id__in=ids).values_list(
            "angebotpage_id", "sprache__code"
        ):
            sprachen[pk].add(code)
        return [
            {
                "pk": pk,
                "reichweite": reichweite,
                "status": {"gestattung": gestattung, "duldung": duldung, "anerkennung": anerkennung},
                "bereiche": frozenset(bereiche[pk]),
                "sprachen": frozenset(sprachen[pk]),
            }
            for pk, reichweite, gestattung, duldung, anerkennung in rows
        ]

    return for_this_generation(f"angebote:facetten:{source.pk}", build)


def text_matching_ids(index_page, query):
    """Ids of the finder's live public offers whose text matches, in German or the reader's language."""
    offers = AngebotPage.objects.child_of(in_source_language(index_page)).live().public()
    translated = AngebotPage.objects.filter(locale__language_code=get_language()).filter(text_matches(query))
    matching = offers.filter(text_matches(query) | Q(translation_key__in=translated.values("translation_key")))
    return set(matching.values_list("pk", flat=True))


def matching_offer_ids(index_page, filters):
    """Ids of the finder's offers matching the filters, in the finder's order; only a search term
    needs the database."""
    text_ids = text_matching_ids(index_page, filters["q"]) if filters.get("q") else None
    bereiche = set(filters.get("bereich") or ())
    return [
        offer["pk"]
        for offer in _facets(index_page)
        if (text_ids is None or offer["pk"] in text_ids)
        and (not bereiche or offer["bereiche"] & bereiche)
        and (not filters.get("status") or offer["status"].get(filters["status"]))
        and (not filters.get("sprache") or filters["sprache"] in offer["sprachen"])
        and (not filters.get("reichweite") or offer["reichweite"] == filters["reichweite"])
    ]


def _load_offers(ids):
    pages = AngebotPage.objects.filter(pk__in=ids).select_related("locale")
    return {page.pk: page for page in pages.prefetch_related("lebensbereiche", "sprachen")}


def offer_finder(request, index_page):
    form = OfferFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    # Only ids are counted and paged; the offers of the page come from the worker's copies.
    paginator = Paginator(matching_offer_ids(index_page, filters), PAGE_SIZE)
    try:
        results = paginator.page(request.GET.get("seite", 1))
    except PageNotAnInteger:
        results = paginator.page(1)
    except EmptyPage:
        results = paginator.page(paginator.num_pages)
    ids = list(results.object_list)
    offers = kept_objects("angebot", ids, _load_offers)
    originals = [offers[pk] for pk in ids if pk in offers]
    results.object_list = list(zip(originals, with_translations(originals), strict=True))

    hilfe = None
    if not originals:
        source = in_source_language(index_page)
        hilfe = kontakte([source.hilfe_kontakt])[0] if source.hilfe_kontakt else None
    query_string = urlencode(
        [(key, value) for key, values in request.GET.lists() if key != "seite" for value in values]
    )
    infoblaetter = for_this_generation(
        f"infoblaetter:{index_page.pk}:{get_language()}",
        lambda: with_translations(
            InfoblattPage.objects.child_of(in_source_language(index_page)).live().public().select_related("locale")
        ),
    )
    context = index_page.get_context(request)
    context.update(
        {
            "form": form,
            "results": results,
            "hilfe": hilfe,
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
        send_confirmation(spende.email, "angebote/email/moebelspende", {"spende": spende, "page": page})

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
        send_confirmation(angebot.email, "angebote/email/wohnungsangebot", {"angebot": angebot, "page": page})

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
            # The Sozialhausmeister is told that something arrived; the message itself stays in the inbox.
            with override(settings.LANGUAGE_CODE):
                send_confirmation(
                    source.kontakt.email, "angebote/email/anliegen_eingang", {"anliegen": anliegen, "page": page}
                )
        if "@" in anliegen.kontakt:
            send_confirmation(anliegen.kontakt, "angebote/email/anliegen", {"anliegen": anliegen, "page": page})

    return handle_public_form(
        request, page, AnwohnerAnliegenForm, "anliegen", store, "angebote/anliegen_form.html", "anliegen_danke"
    )
