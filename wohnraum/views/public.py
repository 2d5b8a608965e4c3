"""The landlords' side: the flat offer form of the Wohnraum page (its routes are in models.py)."""

from django.utils.translation import get_language

from portal.public_forms import handle_public_form

from ..forms import WohnungsangebotForm
from ..models import page_views
from ..services import angebot_eingegangen


@page_views.register
def wohnungsangebot(request, page):
    def store(form):
        angebot_eingegangen(form.save(commit=False), form.cleaned_data["fotos"], get_language())

    return handle_public_form(
        request,
        page,
        WohnungsangebotForm,
        "wohnungsangebot",
        store,
        "wohnraum/wohnungsangebot_form.html",
        "wohnungsangebot_danke",
    )
