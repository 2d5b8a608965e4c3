from django.urls import reverse
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail import hooks

from intern.audit.texte import Bereich

from .models import Rasterbereich


@hooks.register("portal_start_url", order=10)
def case_workers_start_on_their_tasks(user):
    if user.has_perm("faelle.work_on_cases"):
        return reverse("faelle:aufgaben")


@hooks.register("audit_bereiche")
def case_register_in_the_audit_log():
    return {
        "fall": Bereich(gettext_lazy("Case"), "faelle.Fall"),
        "faelle": Bereich(gettext_lazy("Case list")),
        "person": Bereich(gettext_lazy("Household member"), "faelle.Person"),
        "aufenthalt": Bereich(gettext_lazy("Residence status"), "faelle.Aufenthalt"),
        "einwilligung": Bereich(gettext_lazy("Consent to share data"), "faelle.Einwilligung"),
        "uebergabe": Bereich(gettext_lazy("Handover from the GU"), "faelle.Uebergabe"),
        "beratungsraster": Bereich(gettext_lazy("Counselling grid"), feldnamen=dict(Rasterbereich.choices)),
        "massnahme": Bereich(gettext_lazy("Measure"), "faelle.Massnahme"),
        "kontakt": Bereich(pgettext_lazy("contact log", "Contact"), "faelle.Fallkontakt"),
        "kontakte": Bereich(gettext_lazy("Contact log")),
        "aufgaben": Bereich(gettext_lazy("My tasks")),
        "vereinbarung": Bereich(gettext_lazy("Integration agreement"), "faelle.Integrationsvereinbarung"),
        "statistik": Bereich(gettext_lazy("Statistics")),
        "runder_tisch_protokoll": Bereich(gettext_lazy("Minutes of the round table")),
        "runder_tisch_vorbereitung": Bereich(gettext_lazy("Round table preparation")),
        "runder_tisch": Bereich(gettext_lazy("Round table")),
        "auskunft": Bereich(gettext_lazy("Request for access")),
        "auskunft_json": Bereich(gettext_lazy("Information about a person's data (JSON)")),
        "auskunft_pdf": Bereich(gettext_lazy("Information about a person's data (PDF)")),
        "schluesselwechsel": Bereich(gettext_lazy("Key rotation")),
    }
