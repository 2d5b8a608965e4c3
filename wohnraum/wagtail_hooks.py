"""Hooks of the housing area. The Wohnraum page is edited as a page in the CMS; landlords' offers hold
personal data and stay in the staff area (/{lang}/intern/wohnraum/), not in the CMS."""

from django.utils.translation import gettext_lazy
from wagtail import hooks

from intern.audit.texte import Bereich

from . import selectors, services


@hooks.register("portal_purge_submissions")
def purge_landlord_details(days):
    return services.purge_landlord_details(days)


@hooks.register("faelle_case_export")
def housing_of_case(fall):
    return selectors.fall_export(fall)


@hooks.register("faelle_case_anonymise")
def anonymise_placements(fall):
    services.fall_anonymisieren(fall)


@hooks.register("audit_bereiche")
def housing_in_the_audit_log():
    return {
        "wohnungssuche": Bereich(gettext_lazy("Housing search"), "wohnraum.Wohnungssuche"),
        "vermittlung": Bereich(gettext_lazy("Housing placement"), "wohnraum.Vermittlung"),
        "vermieter": Bereich(gettext_lazy("Details passed to the landlord")),
        "wohnraum_statistik": Bereich(gettext_lazy("Housing statistics")),
    }
