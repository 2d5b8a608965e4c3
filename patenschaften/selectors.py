"""Listing and lookup queries of Patenschaften."""

import datetime

from django.db.models import Count, Max, Prefetch, Q
from django.utils import timezone

from .models import Patenbewerbung, Patenkontakt, Patenschaft, Patensuche

# A check-in counts as due soon this many days before its planned date.
BALD_FAELLIG = datetime.timedelta(days=7)


def bewerbungen():
    """Every application to become a Pate, the open ones first."""
    return Patenbewerbung.objects.select_related("user").order_by("status", "erstellt_am", "pk")


def suchende(nur_von=None):
    """Every household seeking a Pate (or only those registered by `nur_von`), the open ones first, each
    with `aktiv` (its active Patenschaften)."""
    queryset = Patensuche.objects.filter(erfasst_von=nur_von) if nur_von is not None else Patensuche.objects
    return queryset.annotate(
        aktiv=Count("patenschaften", filter=Q(patenschaften__status=Patenschaft.Status.AKTIV))
    ).order_by("status", "erstellt_am", "pk")


def meine_patenschaften(user):
    """The Pate's own Patenschaften, each with `naechste` (the next planned check-in) and `ueberfaellig`."""
    patenschaften = list(
        Patenschaft.objects.filter(pate=user)
        .select_related("suche")
        .prefetch_related(Prefetch("kontakte", queryset=Patenkontakt.objects.order_by("-datum")))
    )
    heute = timezone.localdate()
    for patenschaft in patenschaften:
        letzte = next(iter(patenschaft.kontakte.all()), None)
        patenschaft.naechste = patenschaft.naechste_rueckmeldung(letzte.datum if letzte else None)
        patenschaft.ueberfaellig = patenschaft.naechste < heute
    return patenschaften


def aktive_patenschaften():
    """Active Patenschaften, the most urgent check-in first, each with `letzte` (the last check-in),
    `naechste` (the next planned one) and `faellig` ("ueberfaellig", "bald" or ""). One query."""
    heute = timezone.localdate()
    patenschaften = list(
        Patenschaft.objects.filter(status=Patenschaft.Status.AKTIV)
        .select_related("suche", "pate", "pate__ehrenamtsprofil")
        .annotate(letzte=Max("kontakte__datum"))
    )
    for patenschaft in patenschaften:
        patenschaft.telefon = telefon_des_paten(patenschaft)
        patenschaft.naechste = patenschaft.naechste_rueckmeldung(patenschaft.letzte)
        if patenschaft.naechste < heute:
            patenschaft.faellig = "ueberfaellig"
        elif patenschaft.naechste <= heute + BALD_FAELLIG:
            patenschaft.faellig = "bald"
        else:
            patenschaft.faellig = ""
    patenschaften.sort(key=lambda p: (p.naechste, p.pk))
    return patenschaften


def telefon_des_paten(patenschaft):
    """The phone number from the Pate's volunteer profile, if they gave one."""
    profil = getattr(patenschaft.pate, "ehrenamtsprofil", None) if patenschaft.pate_id else None
    return profil.telefon if profil else ""
