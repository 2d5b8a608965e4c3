"""Recruitment, HR's side (Handlungsfeld 7): the history of each application (stellen.Bewerbung)
and the anonymous count of hires.

The optional, self-declared refugee status of an applicant never reaches HR's screens: it is kept
only with consent, and only for the anonymised yearly count of hires (`Einstellung`), which
outlives the application.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedTextField

from stellen.models import Bewerbung, Stellenbereich


class Verlauf(models.Model):
    """One step of an application's history: a status change, a note, or both."""

    bewerbung = models.ForeignKey(Bewerbung, on_delete=models.CASCADE, related_name="verlauf")
    zeitpunkt = models.DateTimeField(default=timezone.now)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(_("new status"), max_length=20, choices=Bewerbung.Status.choices, blank=True)
    notiz = EncryptedTextField(_("note"), blank=True, null=True)
    gespraech_beginn = models.DateTimeField(_("interview"), null=True, blank=True)
    gespraech_ort = models.CharField(_("place of the interview"), max_length=200, blank=True)
    mail_gesendet = models.BooleanField(_("email to the applicant"), default=False)
    nachricht = EncryptedTextField(_("message to the applicant"), blank=True, null=True)

    class Meta:
        ordering = ["-zeitpunkt", "-pk"]

    def __str__(self):
        return f"{self.bewerbung_id} {self.zeitpunkt:%Y-%m-%d} {self.status}"


class Einstellung(models.Model):
    """An anonymous count of one hire: year, area and the self-declared status (if given with
    consent). Nothing links it to the application, which is deleted in time."""

    jahr = models.PositiveSmallIntegerField()
    bereich = models.CharField(max_length=20, choices=Stellenbereich.choices)
    anerkannter_fluechtling = models.BooleanField(null=True)

    class Meta:
        verbose_name = _("hire (anonymous)")

    def __str__(self):
        return f"{self.jahr} {self.bereich}"
