"""The Beirat's public pages."""

from ..models import page_views
from ..selectors import fortschritt


@page_views.register
def monitor(request, page):
    return page.render(request, context_overrides={"felder": fortschritt(request)})
