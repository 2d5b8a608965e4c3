"""The writes of Patenschaften: applications, households, matching, check-ins and the end."""

from django.utils import timezone

from . import emails
from .models import Patenschaft, Patensuche


def bewerbung_speichern(bewerbung, user):
    """Save the Pate's application (`bewerbung` unsaved, from the form) as theirs; True if it is new."""
    neu = bewerbung.pk is None
    bewerbung.user = user
    bewerbung.save()
    return neu


def bewerbung_entscheiden(bewerbung, status, user):
    bewerbung.status = status
    bewerbung.entschieden_am = timezone.now()
    bewerbung.entschieden_von = user
    bewerbung.save(update_fields=["status", "entschieden_am", "entschieden_von"])


def suche_speichern(suche, user):
    """Save a household seeking a Pate; who registered it is kept from the first save."""
    if suche.erfasst_von_id is None:
        suche.erfasst_von = user
    suche.save()
    return suche


def patenschaft_anlegen(patenschaft, suche, user):
    """Match: the Patenschaft begins, the household counts as matched and the Pate is told by email."""
    patenschaft.suche = suche
    patenschaft.erstellt_von = user
    patenschaft.save()
    suche.status = Patensuche.Status.VERMITTELT
    suche.save(update_fields=["status"])
    emails.PatenschaftBegonnen(patenschaft.pate, suche=suche, patenschaft=patenschaft).send()
    return patenschaft


def kontakt_erfassen(kontakt, patenschaft, user):
    """Record a check-in (`kontakt` unsaved, from the form) with the Pate."""
    kontakt.patenschaft = patenschaft
    kontakt.erfasst_von = user
    kontakt.save()
    return kontakt


def beenden(patenschaft):
    """End the Patenschaft (end date and review set by the form); the household is closed once it has
    no active Patenschaft left."""
    patenschaft.status = Patenschaft.Status.BEENDET
    patenschaft.save()
    suche = patenschaft.suche
    if not suche.patenschaften.filter(status=Patenschaft.Status.AKTIV).exists():
        suche.status = Patensuche.Status.BEENDET
        suche.save(update_fields=["status"])
