"""The audit log in words: "Measure viewed: case 2026-0003" instead of codes."""

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from .models import AuditEintrag

A = AuditEintrag.Aktion


@dataclass(frozen=True)
class Bereich:
    """What a `bereich` code of the log names: a label, and the model whose field names `felder`
    lists (`"app.Model"`) or the labels of those names."""

    label: str
    model: str | None = None
    feldnamen: dict | None = None


def bereiche():
    """{code: Bereich} of every app that writes to the log: each registers its codes with the
    `audit_bereiche` hook (the audit log builds on no app, the apps build on it)."""
    found = {"audit": Bereich(gettext_lazy("Audit log"))}
    for fn in hooks.get_hooks("audit_bereiche"):
        found.update(fn())
    return found


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


def was(eintrag, known=None):
    bereich = (known or bereiche()).get(eintrag.bereich)
    return str(bereich.label) if bereich else eintrag.bereich


def beschreibung(eintrag, known=None):
    """One sentence: what was done to what, and in which case (`known`: `bereiche()`, if at hand)."""
    text = str(AKTIONEN.get(eintrag.aktion, "%(what)s")) % {"what": was(eintrag, known)}
    if eintrag.fall_nummer:
        return _("%(text)s: case %(number)s") % {"text": text, "number": eintrag.fall_nummer}
    return text


def felder(eintrag, known=None):
    """The changed fields by their labels; unknown names as they are."""
    bereich = (known or bereiche()).get(eintrag.bereich)
    if bereich is not None and bereich.feldnamen is not None:
        return [str(bereich.feldnamen.get(name, name)) for name in eintrag.felder]
    if bereich is None or bereich.model is None:
        return [str(name) for name in eintrag.felder]
    try:
        model = apps.get_model(bereich.model)
    except LookupError:
        return [str(name) for name in eintrag.felder]
    namen = []
    for name in eintrag.felder:
        try:
            namen.append(str(model._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            namen.append(str(name))
    return namen
