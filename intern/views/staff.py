from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.roles import DATENSCHUTZ, INTEGRATIONSMANAGEMENT, PERSONAL, TEAMLEITUNG, VERWALTUNG, has_role


@never_cache
def start(request):
    """The staff area's start page: the tools of the user's roles (the middleware checked the role)."""
    user = request.user
    werkzeuge = []
    if user.is_superuser or has_role(user, INTEGRATIONSMANAGEMENT, TEAMLEITUNG):
        werkzeuge += [
            (_("Case register"), reverse("faelle:liste")),
            (_("My tasks"), reverse("faelle:aufgaben")),
            (_("Round table"), reverse("faelle:runde_tische")),
            (_("Housing: landlords' offers"), reverse("wohnraum:angebote")),
            (_("Housing: households looking for a flat"), reverse("wohnraum:suchende")),
            (_("Statistics"), reverse("faelle:statistik")),
            (_("Households seeking a Pate"), reverse("patenschaften_intern:suchende")),
            (_("Concerns of neighbours"), reverse("anwohner_anliegen")),
        ]
    if user.is_superuser or has_role(user, VERWALTUNG, PERSONAL):
        werkzeuge += [
            (_("Intercultural training: course catalogue"), reverse("fortbildung:katalog")),
            (_("My courses"), reverse("fortbildung:meine")),
        ]
    if user.is_superuser or has_role(user, PERSONAL):
        werkzeuge += [
            (_("Training dashboard"), reverse("fortbildung:uebersicht")),
            (_("Applications"), reverse("personal:bewerbungen")),
        ]
    if user.is_superuser or has_role(user, DATENSCHUTZ):
        werkzeuge.append((_("Audit log"), reverse("audit_protokoll")))
        werkzeuge.append((_("Requests for access and deletion"), reverse("faelle_datenschutz:auskunft")))
    return render(request, "intern/start.html", {"werkzeuge": werkzeuge})
