"""Signing up, cancelling and moving up from the waiting list, with capacity that holds.

Every change to a shift's places runs in a transaction that first locks the shift row
(PostgreSQL: SELECT … FOR UPDATE; SQLite: the write transaction starts IMMEDIATE, so
writers queue). Counting and saving therefore never interleave.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.capacity import Places

from . import emails
from .models import Einsatz, Nachweis, Schicht


class Abgelehnt(Exception):
    """The action is not possible; the message says why, in the user's language."""


def abmeldefrist():
    return datetime.timedelta(hours=settings.PORTAL_SHIFT_CANCEL_CUTOFF_HOURS)


def ist_qualifiziert(user, schicht):
    if not schicht.qualifikation:
        return True
    return (
        Nachweis.objects.filter(freiwillige=user, art=schicht.qualifikation)
        .filter(Q(gueltig_bis__isnull=True) | Q(gueltig_bis__gte=timezone.localdate(schicht.beginn)))
        .exists()
    )


def pruefe_anmeldung(schicht, user):
    if schicht.abgesagt:
        raise Abgelehnt(_("This shift has been cancelled."))
    if schicht.vorbei:
        raise Abgelehnt(_("This shift has already started. You can only sign up for future shifts."))
    if not ist_qualifiziert(user, schicht):
        raise Abgelehnt(
            _(
                "This shift requires: %(qualification)s. Please show it to the volunteer coordination, "
                "who will record it for you."
            )
            % {"qualification": schicht.get_qualifikation_display()}
        )


PLAETZE = Places(
    parent=Schicht,
    bookings=Einsatz,
    parent_field="schicht",
    capacity="kapazitaet",
    confirmed=Einsatz.Status.BESTAETIGT,
    waiting=Einsatz.Status.WARTELISTE,
    cancelled=Einsatz.Status.ABGEMELDET,
    order=("angemeldet_am", "pk"),
    select_related=("freiwillige",),
    eligible=lambda einsatz, schicht: (
        einsatz.freiwillige is not None and ist_qualifiziert(einsatz.freiwillige, schicht)
    ),
    closed=lambda schicht: schicht.abgesagt or schicht.vorbei,
)


def anmelden(schicht_pk, user):
    """Sign up, or join the waiting list when the shift is full. Returns what happened."""
    with transaction.atomic():
        schicht = PLAETZE.lock(schicht_pk)
        pruefe_anmeldung(schicht, user)
        einsatz = schicht.einsaetze.filter(freiwillige=user).first() or Einsatz(schicht=schicht, freiwillige=user)
        try:
            with transaction.atomic():
                result = PLAETZE.book(schicht, einsatz, angemeldet_am=timezone.now(), abgemeldet_am=None)
        except IntegrityError:  # a second click that raced the first
            result = PLAETZE.book(schicht, schicht.einsaetze.get(freiwillige=user))
    benachrichtige_nachgerueckte(result.moved_up)
    return result


def abmelden(einsatz_pk, user, durch_koordination=False, benachrichtigen=True):
    """ "I can't come": frees the place and moves the waiting list up. Returns who moved up."""
    with transaction.atomic():
        filters = {"pk": einsatz_pk} if durch_koordination else {"pk": einsatz_pk, "freiwillige": user}
        schicht, einsatz = PLAETZE.lock_booking(get_object_or_404(Einsatz, **filters))
        if einsatz.status == Einsatz.Status.ABGEMELDET:
            return []
        if schicht.vorbei:
            raise Abgelehnt(_("This shift has already started."))
        if (
            not durch_koordination
            and einsatz.status == Einsatz.Status.BESTAETIGT
            and timezone.now() > schicht.beginn - abmeldefrist()
        ):
            raise Abgelehnt(
                _(
                    "Cancelling online is possible until %(hours)s hours before the shift. "
                    "Please call the volunteer coordination instead."
                )
                % {"hours": settings.PORTAL_SHIFT_CANCEL_CUTOFF_HOURS}
            )
        moved = PLAETZE.cancel(schicht, einsatz, abgemeldet_am=timezone.now()).moved_up
    if benachrichtigen:
        benachrichtige_nachgerueckte(moved)
    return moved


def benachrichtige_nachgerueckte(einsaetze):
    for einsatz in einsaetze:
        emails.SchichtNachgerueckt(einsatz.freiwillige, schicht=einsatz.schicht).send()


def kann_abmelden(einsatz):
    schicht = einsatz.schicht
    if schicht.abgesagt or schicht.vorbei or einsatz.status == Einsatz.Status.ABGEMELDET:
        return False
    return einsatz.status == Einsatz.Status.WARTELISTE or timezone.now() <= schicht.beginn - abmeldefrist()


def aktive_einsaetze(schicht):
    return schicht.einsaetze.filter(
        status__in=[Einsatz.Status.BESTAETIGT, Einsatz.Status.WARTELISTE], freiwillige__isnull=False
    ).select_related("freiwillige")
