from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from portal.public_forms import rate_limited, send_confirmation
from portal.translation import in_source_language, localized_url, with_translations

from .contacts import kontakte
from .forms import OfferFilterForm
from .models import AngebotPage, InfoblattPage, MoebelspendeFoto
from .public_forms import AnwohnerAnliegenForm, MoebelspendeForm

PAGE_SIZE = 20


def text_matches(query):
    return (
        Q(title__icontains=query)
        | Q(traeger__icontains=query)
        | Q(kurzbeschreibung__icontains=query)
        | Q(zielgruppe__icontains=query)
        | Q(angebot__icontains=query)
    )


def filter_offers(index_page, filters):
    """Live public offers of the German finder matching the filters (text in either language)."""
    offers = AngebotPage.objects.child_of(in_source_language(index_page)).live().public()
    if filters.get("bereich"):
        offers = offers.filter(lebensbereiche__slug__in=filters["bereich"])
    if filters.get("status"):
        offers = offers.filter(**{f"fuer_{filters['status']}": True})
    if filters.get("sprache"):
        offers = offers.filter(sprachen__code=filters["sprache"])
    if filters.get("reichweite"):
        offers = offers.filter(reichweite=filters["reichweite"])
    if filters.get("q"):
        translated = AngebotPage.objects.filter(locale__language_code=get_language()).filter(text_matches(filters["q"]))
        offers = offers.filter(text_matches(filters["q"]) | Q(translation_key__in=translated.values("translation_key")))
    return offers.distinct().order_by("voruebergehend_geschlossen", "title")


def offer_finder(request, index_page):
    form = OfferFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    offers = filter_offers(index_page, filters).select_related("locale").prefetch_related("lebensbereiche", "sprachen")
    paginator = Paginator(offers, PAGE_SIZE)
    try:
        results = paginator.page(request.GET.get("seite", 1))
    except PageNotAnInteger:
        results = paginator.page(1)
    except EmptyPage:
        results = paginator.page(paginator.num_pages)
    originals = list(results.object_list)
    results.object_list = list(zip(originals, with_translations(originals), strict=True))

    hilfe = None
    if not originals:
        source = in_source_language(index_page)
        hilfe = kontakte([source.hilfe_kontakt])[0] if source.hilfe_kontakt else None
    query_string = urlencode(
        [(key, value) for key, values in request.GET.lists() if key != "seite" for value in values]
    )
    infoblaetter = with_translations(
        InfoblattPage.objects.child_of(in_source_language(index_page)).live().public().select_related("locale")
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


def _public_form(request, page, form_class, scope, on_valid, template, thanks_route):
    """GET shows the form; POST validates, stores, confirms, and redirects to the thank-you page.

    A filled honeypot gets the thank-you page without anything stored; too many submissions
    from one client get a message above the form, with everything typed kept.
    """
    form = form_class(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_spam():
            return redirect(localized_url(request, page) + page.reverse_subpage(thanks_route))
        if rate_limited(request, scope):
            form.add_error(None, _("You have sent this form several times. Please try again in an hour."))
        elif form.is_valid():
            on_valid(form)
            return redirect(localized_url(request, page) + page.reverse_subpage(thanks_route))
    return page.render(request, template=template, context_overrides={"form": form})


def moebelspende(request, page):
    def store(form):
        spende = form.save(commit=False)
        spende.sprache = get_language()
        spende.save()
        for upload in form.cleaned_data["fotos"]:
            MoebelspendeFoto.objects.create(spende=spende, datei=upload, content_type=upload.portal_content_type)
        send_confirmation(spende.email, "angebote/email/moebelspende", {"spende": spende, "page": page})

    return _public_form(
        request, page, MoebelspendeForm, "moebelspende", store, "angebote/moebelspende_form.html", "moebelspende_danke"
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

    return _public_form(
        request, page, AnwohnerAnliegenForm, "anliegen", store, "angebote/anliegen_form.html", "anliegen_danke"
    )
