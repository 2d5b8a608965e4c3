"""The Infoblatt as PDF: the same HTML as the print view, set by WeasyPrint."""

import logging

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import get_language

from portal.pdf import first_fitting_pdf

logger = logging.getLogger(__name__)


# The sheet is handed out as one A4 page: a long list is set more compactly, and only a list that does
# not fit even so flows over pages in one column, breaking between offers.
PDF_LAYOUTS = ["", "compact", "flowing"]


def render_pdf(page, request):
    context = page.get_context(request)
    versions = (
        render_to_string(page.get_template(request), {**context, "pdf": True, "pdf_layout": layout}, request)
        for layout in PDF_LAYOUTS
    )
    try:
        pdf = first_fitting_pdf(versions, pages=1)
    except OSError:  # the system's Pango is missing
        logger.exception("WeasyPrint cannot load its system libraries")
        html = render_to_string("angebote/infoblatt_pdf_unavailable.html", {"page": page}, request)
        return HttpResponse(html, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"infoblatt-{slugify(page.slug)}-{get_language()}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
