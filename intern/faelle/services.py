"""Writes of the case register that are not a single form save: the anonymisation of a closed case
after the retention period (run daily by the anonymise_closed_cases command)."""

from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from intern.audit.models import AuditEintrag, protokolliere

from .models import Massnahme, TischFall, Uebergabe

A = AuditEintrag.Aktion


def anonymisieren(fall, user=None):
    """Remove everything that identifies the household; keep only what the statistics count
    (status, life areas, what was done in which year)."""
    with transaction.atomic():
        fall.personen.all().delete()
        fall.einwilligungen.all().delete()
        fall.vereinbarungen.all().delete()
        fall.aufenthalte.all().delete()
        fall.kontakte.all().delete()
        fall.bedarfe.update(notiz=None)
        TischFall.objects.filter(fall=fall).delete()
        Uebergabe.objects.filter(fall=fall).delete()
        fall.massnahmen.filter(status=Massnahme.Status.OFFEN).update(status=Massnahme.Status.ABGEBROCHEN)
        for massnahme in fall.massnahmen.all():
            massnahme.beschreibung = "–"
            massnahme.verantwortlich = None
            massnahme.angebot = None
            massnahme.runder_tisch = None
            massnahme.faellig_am = None
            massnahme.erledigt_am = massnahme.erledigt_am.replace(month=1, day=1) if massnahme.erledigt_am else None
            massnahme.save()
        # The apps that build on the case register (e.g. wohnraum's placements) anonymise their part.
        for anonymise in hooks.get_hooks("faelle_case_anonymise"):
            anonymise(fall)
        fall.bearbeitende.clear()
        fall.pseudonym = "–"
        fall.adresse = None
        fall.zugewiesen_am = fall.zugewiesen_am.replace(month=1, day=1)
        if fall.abgeschlossen_am:
            fall.abgeschlossen_am = fall.abgeschlossen_am.replace(month=1, day=1)
        fall.anonymisiert_am = timezone.now()
        fall.save()
        protokolliere(user, A.ANONYMISIEREN, "fall", fall, fall)
