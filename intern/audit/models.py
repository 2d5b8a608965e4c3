"""An append-only log of every read, change, export and deletion of case data.

It names who, when, what and which case (by number), never the values themselves.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The audit log is append-only.")

    def delete(self):
        raise PermissionError("The audit log is append-only.")


class AuditEintrag(models.Model):
    class Aktion(models.TextChoices):
        LESEN = "lesen", _("read")
        LISTE = "liste", _("list")
        ANLEGEN = "anlegen", _("create")
        AENDERN = "aendern", _("change")
        EXPORT = "export", _("export")
        LOESCHEN = "loeschen", _("delete")
        ANONYMISIEREN = "anonymisieren", _("anonymise")
        VERWEIGERT = "verweigert", _("refused")

    zeitpunkt = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    user_email = models.CharField(_("user's email"), max_length=254, blank=True)
    aktion = models.CharField(_("action"), max_length=20, choices=Aktion.choices)
    bereich = models.CharField(_("what"), max_length=60)
    objekt_id = models.CharField(_("record"), max_length=40, blank=True)
    fall_nummer = models.CharField(_("case number"), max_length=20, blank=True, db_index=True)
    felder = models.JSONField(_("fields"), default=list, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-zeitpunkt", "-pk"]

    def __str__(self):
        return f"{self.zeitpunkt:%Y-%m-%d %H:%M} {self.user_email} {self.aktion} {self.bereich} {self.fall_nummer}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log is append-only.")


def protokolliere(user, aktion, bereich, objekt=None, fall=None, felder=()):
    """Write one entry. `felder` names changed fields, never their values."""
    eintrag = _eintrag(user, aktion, bereich, objekt, fall, felder)
    eintrag.save()
    return eintrag


def protokolliere_faelle(user, aktion, bereich, faelle, objekt=None):
    """One entry per case, written in one statement: a listing that shows data of many cases (of
    `objekt`, e.g. a round table, else of each case itself)."""
    AuditEintrag.objects.bulk_create([_eintrag(user, aktion, bereich, objekt or fall, fall) for fall in faelle])


def _eintrag(user, aktion, bereich, objekt=None, fall=None, felder=()):
    return AuditEintrag(
        user=user if user is not None and user.is_authenticated else None,
        user_email=getattr(user, "email", "") or "",
        aktion=aktion,
        bereich=bereich,
        objekt_id=str(objekt.pk) if objekt is not None and objekt.pk is not None else "",
        fall_nummer=getattr(fall, "nummer", "") or "",
        felder=sorted(felder),
    )
