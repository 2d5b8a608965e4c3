"""HR's steps on an application: status, interview, note, and the mail to the applicant."""

from django.db import transaction
from django.utils import timezone

from intern.audit.models import AuditEintrag, protokolliere
from portal.notifications import Recipient
from stellen.models import Bewerbung

from . import emails
from .models import Einstellung, Verlauf


def empfaenger(bewerbung):
    """The applicant, in the language of the application (or of their account, if they have one)."""
    return Recipient.of_submission(bewerbung.email, bewerbung.sprache)


def status_mail(bewerbung, form):
    """The mail the form's step would send, for `bewerbung` as it will be after the step."""
    return emails.StatusMitteilung(
        empfaenger(bewerbung),
        bewerbung=bewerbung,
        status=form.cleaned_data["status"],
        gespraech=form.neues_gespraech() is not None,
        nachricht=form.cleaned_data["nachricht"].strip(),
    )


def mit_schritt(bewerbung, form):
    """An unsaved copy of `bewerbung` with the form's status and interview, for the preview."""
    vorschau = Bewerbung.objects.get(pk=bewerbung.pk)
    _anwenden(vorschau, form)
    return vorschau


def _anwenden(bewerbung, form):
    neu = form.cleaned_data["status"]
    if neu and bewerbung.status not in Bewerbung.ABGESCHLOSSEN:
        bewerbung.status = neu
    gespraech = form.neues_gespraech()
    if gespraech:
        bewerbung.gespraech_beginn, bewerbung.gespraech_ende, bewerbung.gespraech_ort = gespraech
        bewerbung.gespraech_sequenz += 1
        bewerbung.gespraech_geaendert_am = timezone.now()


def schritt_speichern(pk, user, form):
    """Save HR's step: status (a hire is counted anonymously; a closed application forgets the
    self-declared status), interview, note, and the mail to the applicant when asked for."""
    with transaction.atomic():
        bewerbung = Bewerbung.objects.select_for_update().get(pk=pk)
        vorher = bewerbung.status
        _anwenden(bewerbung, form)
        neu = bewerbung.status if bewerbung.status != vorher else ""
        if neu == Bewerbung.Status.EINGESTELLT:
            Einstellung.objects.create(
                jahr=timezone.localdate().year,
                bereich=bewerbung.bereich,
                anerkannter_fluechtling=bewerbung.anerkannter_fluechtling,
            )
        if neu in Bewerbung.ABGESCHLOSSEN:
            bewerbung.abgeschlossen_am = timezone.now()
            bewerbung.anerkannter_fluechtling = None  # from now on only counted, never linked
        bewerbung.save()
        gespraech = form.neues_gespraech()
        mail = form.cleaned_data["mail"] and bool(status_mail(bewerbung, form).send())
        notiz = form.cleaned_data["notiz"].strip()
        nachricht = form.cleaned_data["nachricht"].strip() if mail else ""
        Verlauf.objects.create(
            bewerbung=bewerbung,
            user=user,
            status=neu,
            notiz=notiz or None,
            gespraech_beginn=gespraech[0] if gespraech else None,
            gespraech_ort=gespraech[2] if gespraech else "",
            mail_gesendet=mail,
            nachricht=nachricht or None,
        )
        # The mail is recorded in the history (Verlauf.mail_gesendet); the audit lists changed data.
        geaendert = [name for name, ja in [("status", neu), ("gespraech_beginn", gespraech), ("notiz", notiz)] if ja]
        protokolliere(user, AuditEintrag.Aktion.AENDERN, "bewerbung", bewerbung, felder=geaendert)
        return bewerbung
