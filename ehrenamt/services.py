"""Signing up, cancelling and moving up from the waiting list, with capacity that holds.

Every change to a shift's places runs in a transaction that first locks the shift row
(PostgreSQL: SELECT … FOR UPDATE; SQLite: the write transaction starts IMMEDIATE, so
writers queue). Counting and saving therefore never interleave.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.capacity import Places

from . import emails, selectors
from .models import Einsatz, Schicht


class Abgelehnt(Exception):
    """The action is not possible; the message says why, in the user's language."""


# A volunteer's own sign-up can be undone online this long after it was made, even inside the cut-off.
RUECKGAENGIG = datetime.timedelta(minutes=15)


def abmeldefrist():
    return datetime.timedelta(hours=settings.PORTAL_SHIFT_CANCEL_CUTOFF_HOURS)


def frisch_angemeldet(einsatz):
    """Signed up by the volunteer minutes ago: cancelling it undoes it, and nobody needs to hear."""
    return einsatz.eingetragen_von_id is None and timezone.now() < einsatz.angemeldet_am + RUECKGAENGIG


def rueckgaengig_bis(einsatz):
    """Until when the volunteer can still undo their own fresh sign-up although the cut-off has
    passed by then; None when the ordinary cut-off applies (or the coordination signed them up)."""
    schicht = einsatz.schicht
    if einsatz.status != Einsatz.Status.BESTAETIGT or einsatz.eingetragen_von_id is not None:
        return None
    bis = min(einsatz.angemeldet_am + RUECKGAENGIG, schicht.beginn)
    if bis <= max(timezone.now(), schicht.beginn - abmeldefrist()):
        return None
    return bis


def pruefe_anmeldung(schicht, user):
    if schicht.abgesagt:
        raise Abgelehnt(_("This shift has been cancelled."))
    if schicht.vorbei:
        raise Abgelehnt(_("This shift has already started. You can only sign up for future shifts."))
    if ausfall := selectors.mit_konflikten([schicht])[0].ausfall:
        raise Abgelehnt(
            _("The event of this shift does not take place on this day (%(note)s). Please choose another shift.")
            % {"note": ausfall.hinweis or _("cancelled")}
        )
    if not selectors.ist_qualifiziert(user, schicht):
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
        einsatz.freiwillige is not None and selectors.ist_qualifiziert(einsatz.freiwillige, schicht)
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
                result = PLAETZE.book(
                    schicht,
                    einsatz,
                    angemeldet_am=timezone.now(),
                    abgemeldet_am=None,
                    abmeldegrund="",
                    eingetragen_von=None,
                )
        except IntegrityError:  # a second click that raced the first
            result = PLAETZE.book(schicht, schicht.einsaetze.get(freiwillige=user))
    benachrichtige_nachgerueckte(result.moved_up)
    return result


def pruefe_abmeldung(einsatz, durch_koordination=False):
    """Raises Abgelehnt when the sign-up cannot be cancelled (now, by the volunteer or the coordination)."""
    schicht = einsatz.schicht
    if schicht.vorbei:
        raise Abgelehnt(_("This shift has already started."))
    if schicht.abgesagt and not durch_koordination:
        raise Abgelehnt(_("This shift has been cancelled."))
    if (
        not durch_koordination
        and einsatz.status == Einsatz.Status.BESTAETIGT
        and timezone.now() > schicht.beginn - abmeldefrist()
        and rueckgaengig_bis(einsatz) is None
    ):
        raise Abgelehnt(
            _(
                "Cancelling online is possible until %(hours)s hours before the shift. "
                "Please call the volunteer coordination instead."
            )
            % {"hours": settings.PORTAL_SHIFT_CANCEL_CUTOFF_HOURS}
        )


def abmelden(einsatz_pk, user, durch_koordination=False, benachrichtigen=True, grund="", erwartet=None):
    """ "I can't come": frees the place and moves the waiting list up. Returns who moved up.
    When a volunteer gives up a place, the coordination is told (with `grund`, their reason),
    unless they undo a sign-up made minutes ago. `erwartet`: the status the volunteer confirmed
    cancelling; if it changed meanwhile (moved up from the waiting list), nothing happens."""
    with transaction.atomic():
        filters = {"pk": einsatz_pk} if durch_koordination else {"pk": einsatz_pk, "freiwillige": user}
        schicht, einsatz = PLAETZE.lock_booking(get_object_or_404(Einsatz, **filters))
        if einsatz.status == Einsatz.Status.ABGEMELDET:
            return []
        if erwartet and einsatz.status != erwartet:
            raise Abgelehnt(_("Your sign-up has changed meanwhile (you may have moved up). Please look again."))
        einsatz.schicht = schicht
        pruefe_abmeldung(einsatz, durch_koordination)
        hatte_platz = einsatz.status == Einsatz.Status.BESTAETIGT
        frisch = frisch_angemeldet(einsatz)
        moved = PLAETZE.cancel(schicht, einsatz, abgemeldet_am=timezone.now(), abmeldegrund=grund).moved_up
        frei = schicht.kapazitaet - PLAETZE.taken(schicht)
    if benachrichtigen:
        benachrichtige_nachgerueckte(moved)
    if hatte_platz and not durch_koordination and not frisch:
        emails.PlatzAbgesagt(einsatz, grund=grund, nachgerueckt=moved, frei=frei).send()
    return moved


def eintragen(schicht_pk, freiwillige, koordinator, platz_dazu=False):
    """The coordination signs a volunteer up: a place if one is free (or, with `platz_dazu`, one
    more place for them), else the waiting list. The volunteer is told by email."""
    with transaction.atomic():
        schicht = PLAETZE.lock(schicht_pk)
        if schicht.abgesagt or schicht.vorbei:
            raise Abgelehnt(_("Cancelled or past shifts cannot be changed."))
        einsatz = schicht.einsaetze.filter(freiwillige=freiwillige).first() or Einsatz(
            schicht=schicht, freiwillige=freiwillige
        )
        if einsatz.status in (Einsatz.Status.BESTAETIGT, Einsatz.Status.WARTELISTE):
            raise Abgelehnt(_("This volunteer is already on this shift or its waiting list."))
        result = PLAETZE.book(
            schicht,
            einsatz,
            extra_place=platz_dazu,
            angemeldet_am=timezone.now(),
            abgemeldet_am=None,
            abmeldegrund="",
            eingetragen_von=koordinator,
        )
    benachrichtige_nachgerueckte(result.moved_up)
    emails.SchichtEingetragen(freiwillige, schicht=schicht, position=result.position).send()
    return result


def benachrichtige_nachgerueckte(einsaetze):
    for einsatz in einsaetze:
        emails.SchichtNachgerueckt(einsatz.freiwillige, schicht=einsatz.schicht).send()


def kann_abmelden(einsatz):
    schicht = einsatz.schicht
    if schicht.abgesagt or schicht.vorbei or einsatz.status == Einsatz.Status.ABGEMELDET:
        return False
    return (
        einsatz.status == Einsatz.Status.WARTELISTE
        or timezone.now() <= schicht.beginn - abmeldefrist()
        or rueckgaengig_bis(einsatz) is not None
    )


def aktive_einsaetze(schicht):
    return schicht.einsaetze.filter(
        status__in=[Einsatz.Status.BESTAETIGT, Einsatz.Status.WARTELISTE], freiwillige__isnull=False
    ).select_related("freiwillige")
