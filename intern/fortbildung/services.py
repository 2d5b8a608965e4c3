"""Enrolment with capacity and waiting list, moving up when places become free, telling people
when a session changes, attendance, and reminders of mandatory courses."""

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Anmeldung, Erinnerung, Termin

logger = logging.getLogger(__name__)
ERINNERUNG_ABSTAND = datetime.timedelta(days=7)


class AnmeldungNichtMoeglich(Exception):
    pass


def _sprache(user):
    return user.preferred_language or settings.LANGUAGE_CODE


def _link(user, name, *args):
    """An absolute link in the recipient's language."""
    with translation.override(_sprache(user)):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def _mail(user, template, context):
    """Send one email in the recipient's language; a failure is logged, never shown as an error page."""
    try:
        with translation.override(_sprache(user)):
            subject = render_to_string(f"fortbildung/email/{template}_subject.txt", context).strip()
            body = render_to_string(f"fortbildung/email/{template}_body.txt", context)
        send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [user.email])
    except Exception:
        logger.exception("Training email %s to user %s failed", template, user.pk)
        return False
    return True


def _gesperrt(termin_pk):
    """The session row, locked for the rest of the transaction (not the course)."""
    return Termin.objects.select_for_update(of=("self",)).select_related("kurs").get(pk=termin_pk)


def anmelden(user, termin_pk):
    """A place if one is free and nobody is waiting, else the waiting list. The session row is
    locked, so two requests at the same moment never both take the last place."""
    with transaction.atomic():
        termin = _gesperrt(termin_pk)
        if not termin.anmeldung_offen or not termin.kurs.aktiv:
            raise AnmeldungNichtMoeglich(_("Registration for this session is closed."))
        if Anmeldung.objects.aktiv().filter(termin=termin, user=user).exists():
            raise AnmeldungNichtMoeglich(_("You are already registered for this session."))
        nachruecken(termin)  # places freed without a cancellation (a deleted account) go to those waiting
        belegt = Anmeldung.objects.filter(termin=termin, status=Anmeldung.Status.ANGEMELDET).count()
        wartend = Anmeldung.objects.filter(termin=termin, status=Anmeldung.Status.WARTELISTE).exists()
        frei = belegt < termin.kapazitaet and not wartend
        status = Anmeldung.Status.ANGEMELDET if frei else Anmeldung.Status.WARTELISTE
        try:
            with transaction.atomic():
                return Anmeldung.objects.create(termin=termin, user=user, status=status)
        except IntegrityError as error:
            raise AnmeldungNichtMoeglich(_("You are already registered for this session.")) from error


def nachruecken(termin):
    """Fill every free place from the waiting list, oldest first; call with the session locked.
    Each person who moves up gets an email once the transaction is committed."""
    if termin.abgesagt or termin.vorbei:
        return []
    belegt = Anmeldung.objects.filter(termin=termin, status=Anmeldung.Status.ANGEMELDET).count()
    frei = termin.kapazitaet - belegt
    if frei <= 0:
        return []
    nachruecker = list(
        Anmeldung.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(termin=termin, status=Anmeldung.Status.WARTELISTE)
        .order_by("angemeldet_am", "pk")[:frei]
    )
    for anmeldung in nachruecker:
        anmeldung.status = Anmeldung.Status.ANGEMELDET
        anmeldung.save(update_fields=["status"])
        user = anmeldung.user
        context = {"termin": termin, "link": _link(user, "fortbildung:meine")}
        transaction.on_commit(lambda user=user, context=context: _mail(user, "nachgerueckt", context))
    return nachruecker


def abmelden(user, anmeldung_pk):
    """Cancel one's own registration before the session; people waiting move up."""
    with transaction.atomic():
        anmeldung = Anmeldung.objects.get(pk=anmeldung_pk, user=user)
        termin = _gesperrt(anmeldung.termin_id)
        anmeldung = Anmeldung.objects.select_for_update().get(pk=anmeldung.pk)
        if anmeldung.status == Anmeldung.Status.STORNIERT:
            return
        if termin.vorbei:
            raise AnmeldungNichtMoeglich(_("The session has already begun; it can no longer be cancelled."))
        anmeldung.status = Anmeldung.Status.STORNIERT
        anmeldung.save(update_fields=["status"])
        nachruecken(termin)


def termin_speichern(form):
    """HR saves a session: the capacity is checked again under the lock, people waiting move up
    when places were added, and everyone registered hears of a change of time, place or a
    cancellation. Returns the session, or None with an error added to the form."""
    with transaction.atomic():
        termin = form.instance
        vorher = None
        if termin.pk:
            vorher = _gesperrt(termin.pk)
            belegt = Anmeldung.objects.filter(termin=vorher, status=Anmeldung.Status.ANGEMELDET).count()
            if termin.kapazitaet < belegt:
                form.add_error(
                    "kapazitaet",
                    _("%(count)s people already have a place: the session needs at least as many places.")
                    % {"count": belegt},
                )
                return None
        termin = form.save(commit=False)
        geaendert = vorher is not None and (
            (vorher.beginn, vorher.ende, vorher.ort, vorher.abgesagt)
            != (termin.beginn, termin.ende, termin.ort, termin.abgesagt)
        )
        if geaendert:
            termin.sequenz = vorher.sequenz + 1
        termin.save()
        if geaendert:
            for anmeldung in Anmeldung.objects.aktiv().filter(termin=termin).select_related("user"):
                user = anmeldung.user
                context = {
                    "termin": termin,
                    "anmeldung": anmeldung,
                    "link": _link(user, "fortbildung:meine"),
                    "ics": _link(user, "fortbildung:termin_ics", termin.pk),
                }
                transaction.on_commit(lambda user=user, context=context: _mail(user, "geaendert", context))
        nachruecken(termin)
        return termin


def anwesenheit_speichern(termin, anwesend_pks):
    """HR's attendance list: everyone with a place either attended or did not."""
    with transaction.atomic():
        mit_platz = Anmeldung.objects.filter(termin=termin, status=Anmeldung.Status.ANGEMELDET)
        mit_platz.filter(pk__in=anwesend_pks).update(teilgenommen=True)
        mit_platz.exclude(pk__in=anwesend_pks).update(teilgenommen=False)


def _faellig(eintrag, now):
    letzte = eintrag["letzte_erinnerung"]
    return bool(eintrag["nicht_angemeldet"]) and (letzte is None or now - letzte >= ERINNERUNG_ABSTAND)


def zu_erinnern(fehlende):
    """How many people a reminder would reach now."""
    now = timezone.now()
    return sum(_faellig(eintrag, now) for eintrag in fehlende)


def erinnern(fehlende):
    """Email everyone who misses a mandatory course and is not registered for a coming session of
    it, unless reminded in the last seven days. Returns (sent, skipped)."""
    now = timezone.now()
    gesendet = uebersprungen = 0
    for eintrag in fehlende:
        if not _faellig(eintrag, now):
            uebersprungen += 1
            continue
        kurse = eintrag["nicht_angemeldet"]
        mitarbeiter = eintrag["mitarbeiter"]
        user = mitarbeiter.user
        if _mail(user, "erinnerung", {"kurse": kurse, "link": _link(user, "fortbildung:katalog"), "user": user}):
            erinnerung = Erinnerung.objects.create(mitarbeiter=mitarbeiter, gesendet_am=now)
            erinnerung.kurse.set(kurse)
            gesendet += 1
    return gesendet, uebersprungen
