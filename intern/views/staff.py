from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

# The staff area's tools: (permission, title, URL name), in the order the start page lists them.
WERKZEUGE = [
    ("faelle.work_on_cases", _("Case register"), "faelle:liste"),
    ("faelle.work_on_cases", _("My tasks"), "faelle:aufgaben"),
    ("faelle.work_on_cases", _("Round table"), "faelle:runde_tische"),
    ("wohnraum.match_housing", _("Housing: landlords' offers"), "wohnraum:angebote"),
    ("wohnraum.match_housing", _("Housing: households looking for a flat"), "wohnraum:suchende"),
    ("faelle.work_on_cases", _("Statistics"), "faelle:statistik"),
    ("patenschaften.manage_households_intern", _("Households seeking a Pate"), "patenschaften_intern:suchende"),
    ("angebote.handle_neighbours_concerns", _("Concerns of neighbours"), "anwohner_anliegen"),
    ("fortbildung.take_training", _("Intercultural training: course catalogue"), "fortbildung:katalog"),
    ("fortbildung.take_training", _("My courses"), "fortbildung:meine"),
    ("fortbildung.manage_training", _("Training dashboard"), "fortbildung:uebersicht"),
    ("personal.handle_applications", _("Applications"), "personal:bewerbungen"),
    ("audit.read_audit_log", _("Audit log"), "audit_protokoll"),
    ("faelle.answer_data_requests", _("Requests for access and deletion"), "faelle_datenschutz:auskunft"),
]


@never_cache
def start(request):
    """The staff area's start page: the tools the user has the permission for (the middleware let
    only the staff area's roles in)."""
    werkzeuge = [
        (titel, reverse(url_name)) for permission, titel, url_name in WERKZEUGE if request.user.has_perm(permission)
    ]
    return render(request, "intern/start.html", {"werkzeuge": werkzeuge})
