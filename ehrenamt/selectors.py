"""Listing and lookup queries of volunteering."""

import datetime

from django.db.models import Max
from django.utils import timezone

from angebote.contacts import stelle
from angebote.models import Ort
from portal.translation import live_translations
from veranstaltungen.models import Ausfall

from .models import MitmachenPage, Patenschaft

# A check-in counts as due soon this many days before its planned date.
BALD_FAELLIG = datetime.timedelta(days=7)


def kontakt_der_koordination():
    """The volunteer coordination's contact as the Mitmachen page names it, in the reader's language."""
    page = MitmachenPage.objects.live().filter(locale__language_code="de").first()
    return page.kontakt_der_koordination() if page else None


def aktive_patenschaften():
    """Active Patenschaften, the most urgent check-in first, each with `letzte` (the last check-in),
    `naechste` (the next planned one) and `faellig` ("ueberfaellig", "bald" or ""). One query."""
    heute = timezone.localdate()
    patenschaften = list(
        Patenschaft.objects.filter(status=Patenschaft.Status.AKTIV)
        .select_related("suche", "pate", "pate__ehrenamtsprofil")
        .annotate(letzte=Max("rueckmeldungen__datum"))
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


def ausfaelle(veranstaltung_ids, tage=None):
    """{(event id, date): Ausfall} for the cancelled dates of these events (only those in `tage`
    if given). One query."""
    ids = {pk for pk in veranstaltung_ids if pk}
    if not ids:
        return {}
    found = Ausfall.objects.filter(page_id__in=ids)
    if tage is not None:
        found = found.filter(datum__in=set(tage))
    return {(ausfall.page_id, ausfall.datum): ausfall for ausfall in found}


def mit_konflikten(schichten):
    """Give each shift `ausfall`: the cancelled date of its event on the shift's day, else None.
    A shift planned (and not itself cancelled) on such a day is a conflict. One query."""
    schichten = list(schichten)
    gefunden = ausfaelle(
        [s.veranstaltung_id for s in schichten if not s.abgesagt],
        [timezone.localdate(s.beginn) for s in schichten],
    )
    for schicht in schichten:
        schicht.ausfall = (
            None if schicht.abgesagt else gefunden.get((schicht.veranstaltung_id, timezone.localdate(schicht.beginn)))
        )
    return schichten


def mit_orten(schichten, language=None):
    """Give each shift `platz`: its Ort as the reader sees it (name in their language, address),
    or None where the place is free text. Needs `stelle` selected; one query for the translations."""
    schichten = list(schichten)
    translated = live_translations(Ort, [s.stelle for s in schichten if s.stelle_id], language)
    for schicht in schichten:
        schicht.platz = stelle(schicht.stelle, language, translated) if schicht.stelle_id else None
    return schichten
