"""The Infoblatt as PDF: the same HTML as the print view, set by WeasyPrint."""

import logging

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import get_language

from portal.pdf import pdf_bytes

logger = logging.getLogger(__name__)


def render_pdf(page, request):
    context = page.get_context(request)
    context["pdf"] = True
    html = render_to_string(page.get_template(request), context, request)
    try:
        pdf = pdf_bytes(html)
    except OSError:  # the system's Pango is missing
        logger.exception("WeasyPrint cannot load its system libraries")
        html = render_to_string("angebote/infoblatt_pdf_unavailable.html", {"page": page}, request)
        return HttpResponse(html, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"infoblatt-{slugify(page.slug)}-{get_language()}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
