"""HTML to PDF with WeasyPrint, fetching nothing from anywhere."""

import logging

from django.http import HttpResponse

logger = logging.getLogger(__name__)


def refuse_fetch(url, *args, **kwargs):
    """Documents are self-contained (inline CSS and SVG): nothing is fetched, from anywhere."""
    raise ValueError(f"Not fetched: {url}")


def pdf_response(html, filename, disposition="attachment"):
    """The PDF, or the readable HTML when the system's Pango is missing."""
    try:
        from weasyprint import HTML
    except OSError:
        logger.exception("WeasyPrint cannot load its system libraries")
        return HttpResponse(html)
    response = HttpResponse(HTML(string=html, url_fetcher=refuse_fetch).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
