"""HTML to PDF with WeasyPrint, fetching nothing from anywhere."""

import logging

from django.http import HttpResponse

logger = logging.getLogger(__name__)


def refuse_fetch(url, *args, **kwargs):
    """Documents are self-contained (inline CSS and SVG): nothing is fetched, from anywhere."""
    raise ValueError(f"Not fetched: {url}")


def pdf_bytes(html):
    """The PDF of a self-contained HTML document, tagged (PDF/UA-1): a structure tree in reading order,
    the document's language from `<html lang>`, its title from `<title>` shown as the window title,
    and bookmarks for its headings. Raises OSError when the system's Pango is missing."""
    return first_fitting_pdf([html], pages=None)


PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


def first_fitting_pdf(versions, pages=1):
    """The PDF (tagged as `pdf_bytes` describes) of the first HTML version that needs at most `pages`
    pages, else of the last version; `pages=None` takes the first. Each version is laid out once."""
    from weasyprint import HTML  # needs Pango: imported only when a PDF is made

    for html in versions:
        document = HTML(string=html, url_fetcher=refuse_fetch).render(**PDF_OPTIONS)
        if pages is None or len(document.pages) <= pages:
            break
    return document.write_pdf(**PDF_OPTIONS)


def pdf_response(html, filename, disposition="attachment"):
    """The PDF, or the readable HTML when the system's Pango is missing."""
    try:
        body = pdf_bytes(html)
    except OSError:
        logger.exception("WeasyPrint cannot load its system libraries")
        return HttpResponse(html)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
