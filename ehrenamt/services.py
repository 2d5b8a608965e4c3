"""Signing up, cancelling and moving up from the waiting list, with capacity that holds.

Every change to a shift's places runs in a transaction that first locks the shift row
(PostgreSQL: SELECT … FOR UPDATE; SQLite: the write transaction starts IMMEDIATE, so
writers queue). Counting and saving therefore never interleave.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

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


def _lock(schicht_pk):
    return get_object_or_404(Schicht.objects.select_for_update(), pk=schicht_pk)


def _belegt(schicht):
    return schicht.einsaetze.filter(status=Einsatz.Status.BESTAETIGT).count()


def anmelden(schicht_pk, user):
    """Sign up, or join the waiting list when the shift is full. Returns the sign-up."""
    with transaction.atomic():
        schicht = _lock(schicht_pk)
        pruefe_anmeldung(schicht, user)
        einsatz = schicht.einsaetze.filter(freiwillige=user).first()
        if einsatz is not None and einsatz.status != Einsatz.Status.ABGEMELDET:
            return einsatz
        status = Einsatz.Status.BESTAETIGT if _belegt(schicht) < schicht.kapazitaet else Einsatz.Status.WARTELISTE
        if einsatz is None:
            try:
                with transaction.atomic():
                    einsatz = Einsatz.objects.create(schicht=schicht, freiwillige=user, status=status)
            except IntegrityError:  # a second click that raced the first
                return schicht.einsaetze.get(freiwillige=user)
        else:
            einsatz.status = status
            einsatz.angemeldet_am = timezone.now()
            einsatz.abgemeldet_am = None
            einsatz.save(update_fields=["status", "angemeldet_am", "abgemeldet_am"])
        return einsatz


def nachruecken(schicht):
    """Fill free places from the waiting list, first come first served. Call with the shift locked."""
    if schicht.abgesagt or schicht.vorbei:
        return []
    frei = schicht.kapazitaet - _belegt(schicht)
    moved = []
    if frei <= 0:
        return moved
    wartend = schicht.einsaetze.filter(status=Einsatz.Status.WARTELISTE).select_related("freiwillige")
    for einsatz in wartend.order_by("angemeldet_am", "pk"):
        if len(moved) >= frei:
            break
        if einsatz.freiwillige is None or not ist_qualifiziert(einsatz.freiwillige, schicht):
            continue
        einsatz.status = Einsatz.Status.BESTAETIGT
        einsatz.save(update_fields=["status"])
        moved.append(einsatz)
    return moved


def abmelden(einsatz_pk, user, durch_koordination=False, benachrichtigen=True):
    """ "I can't come": frees the place and moves the waiting list up. Returns who moved up."""
    with transaction.atomic():
        filters = {"pk": einsatz_pk} if durch_koordination else {"pk": einsatz_pk, "freiwillige": user}
        schicht_pk = get_object_or_404(Einsatz, **filters).schicht_id
        schicht = _lock(schicht_pk)
        einsatz = Einsatz.objects.select_for_update().get(pk=einsatz_pk)
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
        war_bestaetigt = einsatz.status == Einsatz.Status.BESTAETIGT
        einsatz.status = Einsatz.Status.ABGEMELDET
        einsatz.abgemeldet_am = timezone.now()
        einsatz.save(update_fields=["status", "abgemeldet_am"])
        moved = nachruecken(schicht) if war_bestaetigt else []
    if benachrichtigen:
        benachrichtige_nachgerueckte(moved)
    return moved


def benachrichtige_nachgerueckte(einsaetze):
    for einsatz in einsaetze:
        benachrichtige(einsatz.freiwillige, "nachgerueckt", {"schicht": einsatz.schicht})


def kann_abmelden(einsatz):
    schicht = einsatz.schicht
    if schicht.abgesagt or schicht.vorbei or einsatz.status == Einsatz.Status.ABGEMELDET:
        return False
    return einsatz.status == Einsatz.Status.WARTELISTE or timezone.now() <= schicht.beginn - abmeldefrist()


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def schicht_zeit(schicht):
    start = timezone.localtime(schicht.beginn)
    end = timezone.localtime(schicht.ende)
    hours = f"{start:%H:%M}–{end:%H:%M}"
    if translation.get_language_bidi():
        hours = f"\u2066{hours}\u2069"  # left-to-right isolate: "17:30–20:30" must not turn round
    return f"{date_format(start, 'l')}, {date_format(start, 'DATE_FORMAT')}, {hours}"


def benachrichtige(user, template, context):
    """An email to one volunteer, in their preferred language. Other volunteers are never in it."""
    if user is None or not user.email:
        return
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        context = {
            **context,
            "user": user,
            "meine_einsaetze": absolute_url(reverse("ehrenamt:meine_einsaetze")),
            "offene_schichten": absolute_url(reverse("ehrenamt:schichten")),
            "meine_patenschaften": absolute_url(reverse("ehrenamt:meine_patenschaften")),
        }
        if "schicht" in context:
            context["zeit"] = schicht_zeit(context["schicht"])
            context["schicht_url"] = absolute_url(reverse("ehrenamt:schicht", args=[context["schicht"].pk]))
        subject = render_to_string(f"ehrenamt/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"ehrenamt/email/{template}_body.txt", context)
    send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [user.email])


def aktive_einsaetze(schicht):
    return schicht.einsaetze.filter(
        status__in=[Einsatz.Status.BESTAETIGT, Einsatz.Status.WARTELISTE], freiwillige__isnull=False
    ).select_related("freiwillige")


def benachrichtige_koordination(profil):
    """Tell the coordinators that an application waits; the email names no one."""
    from django.contrib.auth import get_user_model

    from portal.roles import EHRENAMTSKOORDINATION

    link_path = reverse("ehrenamt:freiwillige_detail", args=[profil.pk])
    for koordination in get_user_model().objects.filter(groups__name=EHRENAMTSKOORDINATION, is_active=True):
        benachrichtige(koordination, "neue_bewerbung", {"link": absolute_url(link_path)})
