"""Hooks of HR: its entries in the audit log."""

from django.utils.translation import gettext_lazy
from wagtail import hooks

from intern.audit.texte import Bereich


@hooks.register("audit_bereiche")
def applications_in_the_audit_log():
    return {
        "bewerbung": Bereich(gettext_lazy("Application"), "stellen.Bewerbung"),
        "bewerbungen": Bereich(gettext_lazy("List of applications")),
        "bewerbung_lebenslauf": Bereich(gettext_lazy("CV of an application")),
        "bewerbung_gespraech": Bereich(gettext_lazy("Interview of an application")),
    }
