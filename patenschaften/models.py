"""Patenschaften: a volunteer accompanies a household for months (Handlungsfeld 6).

The tables keep their names from the time these models lived in `ehrenamt` (db_table).
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ehrenamt.models import ProfilLabels
from portal.choices import ChoiceLabels, Stadtteil


class Thema(models.TextChoices):
    SPRACHE = "sprache", _("Practising German")
    BEHOERDEN = "behoerden", _("Offices and letters")
    SCHULE = "schule", _("School and Kita")
    ARBEIT = "arbeit", _("Work and training")
    WOHNEN = "wohnen", _("Finding a flat")
    GESUNDHEIT = "gesundheit", _("Doctors' appointments")
    FREIZEIT = "freizeit", _("Leisure, sport and clubs")


class Patenbewerbung(ChoiceLabels, models.Model):
    """A volunteer's application to become a Pate; languages and times come from the volunteer profile."""

    class Fuehrungszeugnis(models.TextChoices):
        LIEGT_VOR = "liegt-vor", _("I have one")
        BEANTRAGT = "beantragt", _("I have applied for one")
        NEIN = "nein", _("Not yet")

    class Status(models.TextChoices):
        BEANTRAGT = "beantragt", _("waiting for approval")
        AKTIV = "aktiv", _("active")
        PAUSIERT = "pausiert", _("paused")
        ABGELEHNT = "abgelehnt", _("not approved")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="patenbewerbung", verbose_name=_("account")
    )
    stadtteil = models.CharField(_("district"), max_length=20, choices=Stadtteil.choices)
    themen = models.JSONField(_("topics"), default=list)
    kinder = models.BooleanField(_("can accompany children"), default=False)
    fuehrungszeugnis = models.CharField(
        _("certificate of good conduct"), max_length=20, choices=Fuehrungszeugnis.choices, default=Fuehrungszeugnis.NEIN
    )
    motivation = models.TextField(_("a few words about you"), blank=True, max_length=2000)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.BEANTRAGT)
    erstellt_am = models.DateTimeField(_("created"), auto_now_add=True)
    entschieden_am = models.DateTimeField(_("decided"), null=True, blank=True)
    entschieden_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        db_table = "ehrenamt_patenbewerbung"
        verbose_name = _("mentor application")
        verbose_name_plural = _("mentor applications")
        ordering = ["-erstellt_am"]

    def __str__(self):
        return str(self.user)

    def themen_labels(self):
        return self.labels("themen", Thema.choices)


class Patensuche(ProfilLabels, models.Model):
    """A household or person looking for a Pate, under a pseudonymous label. No case details here:
    the case register refers to it by reference only."""

    class Status(models.TextChoices):
        OFFEN = "offen", _("looking")
        VERMITTELT = "vermittelt", _("matched")
        BEENDET = "beendet", _("closed")

    bezeichnung = models.CharField(
        _("label"), max_length=80, help_text=_('Pseudonymous, e.g. "Familie K., 4 Personen". No full names.')
    )
    sprachen = models.JSONField(_("languages"), default=list)
    themen = models.JSONField(_("needs"), default=list)
    stadtteil = models.CharField(_("district"), max_length=20, choices=Stadtteil.choices)
    wochentage = models.JSONField(_("days"), default=list, blank=True)
    tageszeiten = models.JSONField(_("times of day"), default=list, blank=True)
    mit_kindern = models.BooleanField(_("children to be accompanied"), default=False)
    hinweise = models.CharField(
        _("notes for the Pate"), max_length=500, blank=True, help_text=_("Only what the Pate needs to know.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OFFEN)
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    erstellt_am = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        db_table = "ehrenamt_patensuche"
        verbose_name = _("person seeking a Pate")
        verbose_name_plural = _("people seeking a Pate")
        ordering = ["status", "erstellt_am"]

    def __str__(self):
        return self.bezeichnung

    def themen_labels(self):
        return self.labels("themen", Thema.choices)


class Patenschaft(models.Model):
    class Status(models.TextChoices):
        AKTIV = "aktiv", _("active")
        BEENDET = "beendet", _("ended")

    suche = models.ForeignKey(
        Patensuche, on_delete=models.PROTECT, related_name="patenschaften", verbose_name=_("household")
    )
    pate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="patenschaften",
        verbose_name=_("Pate"),
    )
    beginn = models.DateField(_("start"))
    rueckmeldung_wochen = models.PositiveSmallIntegerField(
        _("check-in every … weeks"), default=4, help_text=_("The coordination checks in with the Pate this often.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.AKTIV)
    ende = models.DateField(_("end"), null=True, blank=True)
    rueckblick = models.TextField(_("review"), blank=True, max_length=2000)
    erstellt_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        db_table = "ehrenamt_patenschaft"
        verbose_name = _("Patenschaft")
        verbose_name_plural = _("Patenschaften")
        ordering = ["-beginn", "pk"]

    def __str__(self):
        return f"{self.suche} – {self.pate}"

    def naechste_rueckmeldung(self, letzte=None):
        """The next planned check-in: after the last one, or after the start."""
        basis = letzte or self.beginn
        return basis + datetime.timedelta(weeks=self.rueckmeldung_wochen)


class Patenkontakt(models.Model):
    """A check-in note from a conversation with the Pate (a "Rückmeldung" of the coordination)."""

    patenschaft = models.ForeignKey(Patenschaft, on_delete=models.CASCADE, related_name="kontakte")
    datum = models.DateField(_("date"))
    notiz = models.TextField(_("note"), max_length=2000)
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        db_table = "ehrenamt_rueckmeldung"
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return f"{self.patenschaft} ({self.datum:%d.%m.%Y})"
