"""Listing and lookup queries of volunteering."""

from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from angebote.contacts import stelle
from angebote.models import Ort
from portal.translation import live_translations
from veranstaltungen.models import Ausfall

from .models import MitmachenPage, Qualifikationsnachweis


def kontakt_der_koordination():
    """The volunteer coordination's contact as the Mitmachen page names it, in the reader's language."""
    page = MitmachenPage.objects.live().filter(locale__language_code="de").first()
    return page.kontakt_der_koordination() if page else None


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


def stunden_je_jahr(einsaetze):
    """[(year, hours)], newest first: the hours attended in each year, from these Einsatz rows
    (with their shifts selected); the years a certificate can be had for."""
    totals = {}
    for einsatz in einsaetze:
        if einsatz.anwesend and einsatz.stunden:
            year = timezone.localtime(einsatz.schicht.beginn).year
            totals[year] = totals.get(year, Decimal(0)) + einsatz.stunden
    return sorted(totals.items(), reverse=True)


def ist_qualifiziert(user, schicht):
    if not schicht.qualifikation:
        return True
    return (
        Qualifikationsnachweis.objects.filter(freiwillige=user, art=schicht.qualifikation)
        .filter(Q(gueltig_bis__isnull=True) | Q(gueltig_bis__gte=timezone.localdate(schicht.beginn)))
        .exists()
    )
