"""The public side of the offers app: the offer finder, the forms of the Begegnungszentrum
(furniture donation) and Sozialhausmeister (neighbours' concern) pages, and the Infoblatt as PDF.
The pages' routes (models.py) call these views."""

import logging

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import get_language

from portal import search as site_search
from portal.pagecache import kept
from portal.pdf import first_fitting_pdf
from portal.public_forms import handle_public_form, rate_limited
from portal.translation import in_source_language, with_translations

from .. import services
from ..contacts import kontakte
from ..forms import AnwohnerAnliegenForm, MoebelspendeForm, OfferFilterForm
from ..models import InfoblattPage, page_views
from ..selectors import matching_offer_ids, offer_cards

logger = logging.getLogger(__name__)

PAGE_SIZE = 20

# The sheet is handed out as one A4 page: a long list is set more compactly, and only a list that does
# not fit even so flows over pages in one column, breaking between offers.
PDF_LAYOUTS = ["", "compact", "flowing"]


@page_views.register
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


@page_views.register
def moebelspende(request, page):
    def store(form):
        services.moebelspende_eingegangen(form.save(commit=False), form.cleaned_data["fotos"], get_language())

    return handle_public_form(
        request, page, MoebelspendeForm, "moebelspende", store, "angebote/moebelspende_form.html", "moebelspende_danke"
    )


@page_views.register
def anwohner_anliegen(request, page):
    def store(form):
        kontakt = in_source_language(page).kontakt
        services.anliegen_eingegangen(form.save(commit=False), get_language(), kontakt.email if kontakt else "")

    return handle_public_form(
        request, page, AnwohnerAnliegenForm, "anliegen", store, "angebote/anliegen_form.html", "anliegen_danke"
    )


class PdfLimitReached(Exception):
    """This client has had as many PDFs set as it may this hour."""


@page_views.register
def infoblatt_pdf(request, page):
    """The Infoblatt as PDF: the same HTML as the print view, set by WeasyPrint (2–5 s of CPU) once per
    page, language and host until public content changes (`kept`), however the URL is varied. A client
    may have `PORTAL_PDF_RENDER_LIMIT` PDFs set per hour; a kept PDF is served to anyone, always."""

    def render():
        if rate_limited(request, "infoblatt-pdf", settings.PORTAL_PDF_RENDER_LIMIT):
            raise PdfLimitReached
        context = page.get_context(request)
        versions = (
            render_to_string(page.get_template(request), {**context, "pdf": True, "pdf_layout": layout}, request)
            for layout in PDF_LAYOUTS
        )
        return first_fitting_pdf(versions, pages=1)

    key = f"infoblatt-pdf:{page.pk}:{get_language()}:{request.scheme}://{request.get_host()}"
    try:
        pdf = render() if getattr(request, "is_preview", False) else kept(key, render, in_worker=False)
    except PdfLimitReached:
        html = render_to_string("angebote/infoblatt_pdf_unavailable.html", {"page": page, "busy": True}, request)
        response = HttpResponse(html, status=429)
        response["Retry-After"] = "3600"
        return response
    except OSError:  # the system's Pango is missing
        logger.exception("WeasyPrint cannot load its system libraries")
        html = render_to_string("angebote/infoblatt_pdf_unavailable.html", {"page": page}, request)
        return HttpResponse(html, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"infoblatt-{slugify(page.slug)}-{get_language()}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
