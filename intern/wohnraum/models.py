"""Housing for households of the case register (Handlungsfeld 4): what a household needs, matches
with landlords' offers, the way from proposal to moving in, and the check-in afterwards."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedTextField

from angebote.models import Wohnungsangebot


class Wohnungssuche(models.Model):
    """A household of the case register looking for a flat."""

    fall = models.OneToOneField("faelle.Fall", on_delete=models.CASCADE, related_name="wohnungssuche")
    personen = models.PositiveSmallIntegerField(_("people in the household"))
    mietobergrenze = models.DecimalField(
        _("rent cap (€ per month, with heating)"),
        max_digits=7,
        decimal_places=2,
        help_text=_("For example the Jobcenter's limit for housing costs (KdU)."),
    )
    barrierefrei = models.BooleanField(_("needs a step-free flat"), default=False)
    stadtteile = models.JSONField(_("preferred districts"), default=list, blank=True)
    aktiv = models.BooleanField(_("still looking"), default=True)
    erstellt_am = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("household looking for a flat")

    def __str__(self):
        return str(self.fall)


class Vermittlung(models.Model):
    """One household proposed for one flat, through to moving in."""

    class Status(models.TextChoices):
        VORGESCHLAGEN = "vorgeschlagen", _("Proposed")
        BESICHTIGUNG = "besichtigung", _("Viewing")
        MIETVERTRAG = "mietvertrag", _("Tenancy signed")
        EINGEZOGEN = "eingezogen", _("Moved in")
        ABGEBROCHEN = "abgebrochen", _("Stopped")

    # Which step may follow which; moved in and stopped are final.
    NAECHSTE = {
        Status.VORGESCHLAGEN: [Status.BESICHTIGUNG, Status.ABGEBROCHEN],
        Status.BESICHTIGUNG: [Status.MIETVERTRAG, Status.ABGEBROCHEN],
        Status.MIETVERTRAG: [Status.EINGEZOGEN, Status.ABGEBROCHEN],
        Status.EINGEZOGEN: [],
        Status.ABGEBROCHEN: [],
    }

    angebot = models.ForeignKey(Wohnungsangebot, on_delete=models.CASCADE, related_name="vermittlungen")
    suche = models.ForeignKey(Wohnungssuche, on_delete=models.CASCADE, related_name="vermittlungen")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.VORGESCHLAGEN)
    vorgeschlagen_am = models.DateField(_("proposed on"), default=timezone.localdate)
    besichtigung_am = models.DateField(_("viewing on"), null=True, blank=True)
    mietvertrag_am = models.DateField(_("tenancy signed on"), null=True, blank=True)
    eingezogen_am = models.DateField(_("moved in on"), null=True, blank=True)
    aus_anschlussunterbringung = models.BooleanField(default=False, editable=False)
    geteilt_am = models.DateTimeField(_("household details shared with the landlord on"), null=True, blank=True)
    nachbetreuung_am = models.DateField(_("check-in after the move on"), null=True, blank=True)
    nachbetreuung_notiz = EncryptedTextField(_("check-in note"), null=True, blank=True)
    erstellt_von = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("placement")
        ordering = ["-vorgeschlagen_am", "-pk"]
        constraints = [models.UniqueConstraint(fields=["angebot", "suche"], name="wohnraum_ein_vorschlag")]

    def __str__(self):
        return f"{self.suche} → {self.angebot_id}"

    def letztes_datum(self):
        return self.mietvertrag_am or self.besichtigung_am or self.vorgeschlagen_am


class Kontakt(models.Model):
    """The contact log with a landlord."""

    class Art(models.TextChoices):
        TELEFON = "telefon", _("Phone call")
        EMAIL = "email", _("Email")
        BESUCH = "besuch", _("Visit")
        BRIEF = "brief", _("Letter")

    angebot = models.ForeignKey(Wohnungsangebot, on_delete=models.CASCADE, related_name="kontakte")
    datum = models.DateField(_("date"), default=timezone.localdate)
    art = models.CharField(_("type"), max_length=20, choices=Art.choices, default=Art.TELEFON)
    notiz = EncryptedTextField(_("note"), help_text=_("Do not name households here: every case worker reads this log."))
    autor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return f"{self.angebot_id}: {self.datum}"
