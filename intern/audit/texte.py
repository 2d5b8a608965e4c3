"""The audit log in words: "Measure viewed: case 2026-0003" instead of codes."""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from .models import AuditEintrag

A = AuditEintrag.Aktion

# What a `bereich` code names, and the model whose field names `felder` lists.
BEREICHE = {
    "fall": (gettext_lazy("Case"), "faelle.Fall"),
    "faelle": (gettext_lazy("Case list"), None),
    "person": (gettext_lazy("Household member"), "faelle.Person"),
    "aufenthalt": (gettext_lazy("Residence status"), "faelle.Aufenthalt"),
    "einwilligung": (gettext_lazy("Consent to share data"), "faelle.Einwilligung"),
    "uebergabe": (gettext_lazy("Handover from the GU"), "faelle.Uebergabe"),
    "beratungsraster": (gettext_lazy("Counselling grid"), None),
    "massnahme": (gettext_lazy("Measure"), "faelle.Massnahme"),
    "kontakt": (pgettext_lazy("contact log", "Contact"), "faelle.Kontakt"),
    "kontakte": (gettext_lazy("Contact log"), None),
    "aufgaben": (gettext_lazy("My tasks"), None),
    "vereinbarung": (gettext_lazy("Integration agreement"), "faelle.Integrationsvereinbarung"),
    "statistik": (gettext_lazy("Statistics"), None),
    "runder_tisch_protokoll": (gettext_lazy("Minutes of the round table"), None),
    "runder_tisch_vorbereitung": (gettext_lazy("Round table preparation"), None),
    "auskunft": (gettext_lazy("Request for access"), None),
    "auskunft_json": (gettext_lazy("Information about a person's data (JSON)"), None),
    "auskunft_pdf": (gettext_lazy("Information about a person's data (PDF)"), None),
    "schluesselwechsel": (gettext_lazy("Key rotation"), None),
    "audit": (gettext_lazy("Audit log"), None),
    "wohnungssuche": (gettext_lazy("Housing search"), "wohnraum.Wohnungssuche"),
    "vermittlung": (gettext_lazy("Housing placement"), "wohnraum.Vermittlung"),
    "vermieter": (gettext_lazy("Details passed to the landlord"), None),
    "wohnraum_statistik": (gettext_lazy("Housing statistics"), None),
    "bewerbung": (gettext_lazy("Application"), "stellen.Bewerbung"),
    "bewerbungen": (gettext_lazy("List of applications"), None),
    "bewerbung_lebenslauf": (gettext_lazy("CV of an application"), None),
    "bewerbung_gespraech": (gettext_lazy("Interview of an application"), None),
}

AKTIONEN = {
    A.LESEN: gettext_lazy("%(what)s viewed"),
    A.LISTE: gettext_lazy("%(what)s opened"),
    A.ANLEGEN: gettext_lazy("%(what)s created"),
    A.AENDERN: gettext_lazy("%(what)s changed"),
    A.EXPORT: gettext_lazy("%(what)s exported"),
    A.LOESCHEN: gettext_lazy("%(what)s deleted"),
    A.ANONYMISIEREN: gettext_lazy("%(what)s anonymised"),
    A.VERWEIGERT: gettext_lazy("Access refused: %(what)s"),
}


def was(eintrag):
    label, _model = BEREICHE.get(eintrag.bereich, (eintrag.bereich, None))
    return str(label)


def beschreibung(eintrag):
    """One sentence: what was done to what, and in which case."""
    text = str(AKTIONEN.get(eintrag.aktion, "%(what)s")) % {"what": was(eintrag)}
    if eintrag.fall_nummer:
        return _("%(text)s: case %(number)s") % {"text": text, "number": eintrag.fall_nummer}
    return text


def felder(eintrag):
    """The changed fields by their labels (life areas for the grid); unknown names as they are."""
    if eintrag.bereich == "beratungsraster":
        from intern.faelle.models import Lebensbereich

        labels = dict(Lebensbereich.choices)
        return [str(labels.get(name, name)) for name in eintrag.felder]
    _label, model_name = BEREICHE.get(eintrag.bereich, (None, None))
    if model_name is None:
        return [str(name) for name in eintrag.felder]
    try:
        model = apps.get_model(model_name)
    except LookupError:
        return [str(name) for name in eintrag.felder]
    namen = []
    for name in eintrag.felder:
        try:
            namen.append(str(model._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            namen.append(str(name))
    return namen
