"""Enrolment with capacity and waiting list, moving up when places become free, telling people
when a session changes, attendance, and reminders of mandatory courses."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.capacity import Places

from . import emails
from .models import Erinnerung, Kursanmeldung, Kurstermin

ERINNERUNG_ABSTAND = datetime.timedelta(days=7)


class KursanmeldungNichtMoeglich(Exception):
    pass


PLAETZE = Places(
    parent=Kurstermin,
    bookings=Kursanmeldung,
    parent_field="termin",
    capacity="kapazitaet",
    confirmed=Kursanmeldung.Status.ANGEMELDET,
    waiting=Kursanmeldung.Status.WARTELISTE,
    cancelled=Kursanmeldung.Status.STORNIERT,
    order=("angemeldet_am", "pk"),
    select_related=("user",),
    closed=lambda termin: termin.abgesagt or termin.vorbei,
)


def _nachgerueckt(termin, anmeldungen):
    """Each person who moved up gets an email (queued with the transaction)."""
    for anmeldung in anmeldungen:
        emails.KursterminNachgerueckt(anmeldung.user, termin=termin).send()


def anmelden(user, termin_pk):
    """A place if one is free and nobody is waiting, else the waiting list. The session row is
    locked, so two requests at the same moment never both take the last place."""
    with transaction.atomic():
        termin = PLAETZE.lock(termin_pk)
        if not termin.anmeldung_offen or not termin.kurs.aktiv:
            raise KursanmeldungNichtMoeglich(_("Registration for this session is closed."))
        if Kursanmeldung.objects.aktiv().filter(termin=termin, user=user).exists():
            raise KursanmeldungNichtMoeglich(_("You are already registered for this session."))
        try:
            with transaction.atomic():
                result = PLAETZE.book(termin, Kursanmeldung(termin=termin, user=user))
        except IntegrityError as error:
            raise KursanmeldungNichtMoeglich(_("You are already registered for this session.")) from error
        # Places freed without a cancellation (a deleted account) went to those waiting first.
        _nachgerueckt(termin, result.moved_up)
        return result


def nachruecken(termin_pk):
    """Fill the free places of a session from its waiting list."""
    with transaction.atomic():
        termin = PLAETZE.lock(termin_pk)
        _nachgerueckt(termin, PLAETZE.move_up(termin))


def abmelden(user, anmeldung_pk):
    """Cancel one's own registration before the session; people waiting move up."""
    with transaction.atomic():
        termin, anmeldung = PLAETZE.lock_booking(Kursanmeldung.objects.get(pk=anmeldung_pk, user=user))
        if anmeldung.status == Kursanmeldung.Status.STORNIERT:
            return
        if termin.vorbei:
            raise KursanmeldungNichtMoeglich(_("The session has already begun; it can no longer be cancelled."))
        _nachgerueckt(termin, PLAETZE.cancel(termin, anmeldung).moved_up)


def termin_speichern(form):
    """HR saves a session: the capacity is checked again under the lock, people waiting move up
    when places were added, and everyone registered hears of a change of time, place or a
    cancellation. Returns the session, or None with an error added to the form."""
    with transaction.atomic():
        termin = form.instance
        vorher = None
        if termin.pk:
            vorher = PLAETZE.lock(termin.pk)
            belegt = PLAETZE.taken(vorher)
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
            for anmeldung in Kursanmeldung.objects.aktiv().filter(termin=termin).select_related("user"):
                emails.KursterminGeaendert(anmeldung.user, termin=termin, anmeldung=anmeldung).send()
        _nachgerueckt(termin, PLAETZE.move_up(termin))
        return termin


def anwesenheit_erfassbar(termin):
    """Attendance is recorded only for a session that took place: begun and not cancelled."""
    return termin.vorbei and not termin.abgesagt


def anwesenheit_speichern(termin, anwesend_pks):
    """HR's attendance list: everyone with a place either attended or did not."""
    if termin.abgesagt:
        raise KursanmeldungNichtMoeglich(_("This session was cancelled: there is no attendance to record."))
    if not termin.vorbei:
        raise KursanmeldungNichtMoeglich(_("Attendance can be recorded once the session has begun."))
    with transaction.atomic():
        mit_platz = Kursanmeldung.objects.filter(termin=termin, status=Kursanmeldung.Status.ANGEMELDET)
        mit_platz.filter(pk__in=anwesend_pks).update(teilgenommen=True)
        mit_platz.exclude(pk__in=anwesend_pks).update(teilgenommen=False)


def _faellig(eintrag, now):
    letzte = eintrag["letzte_erinnerung"]
    return bool(eintrag["nicht_angemeldet"]) and (letzte is None or now - letzte >= ERINNERUNG_ABSTAND)


def zu_erinnern(fehlende):
    """How many people a reminder would reach now."""
    now = timezone.now()
    return sum(_faellig(eintrag, now) for eintrag in fehlende)


def erinnerung(eintrag):
    """The reminder mail to one person of `fehlende_pflichtkurse`, as it is sent (or previewed)."""
    return emails.PflichtkursErinnerung(eintrag["mitarbeiter"].user, kurse=eintrag["nicht_angemeldet"])


def faellige_erinnerungen(fehlende):
    """Those a reminder would reach now, each with the mail it would be."""
    now = timezone.now()
    return [{**eintrag, "mail": erinnerung(eintrag)} for eintrag in fehlende if _faellig(eintrag, now)]


def erinnern(fehlende):
    """Email everyone who misses a mandatory course and is not registered for a coming session of
    it, unless reminded in the last seven days. Returns (sent, skipped)."""
    now = timezone.now()
    gesendet = uebersprungen = 0
    for eintrag in fehlende:
        if not _faellig(eintrag, now):
            uebersprungen += 1
            continue
        with transaction.atomic():
            if erinnerung(eintrag).send():
                gesendet_an = Erinnerung.objects.create(mitarbeiter=eintrag["mitarbeiter"], gesendet_am=now)
                gesendet_an.kurse.set(eintrag["nicht_angemeldet"])
                gesendet += 1
    return gesendet, uebersprungen
