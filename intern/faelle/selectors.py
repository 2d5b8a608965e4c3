"""Queries of the case register: the case a user may open (also for other parts of the staff area),
the content of an Art. 15 export, and the closed cases due for anonymisation."""

import datetime

from django.conf import settings
from django.http import Http404
from django.utils import timezone

from intern.audit.models import AuditEintrag, protokolliere

from .models import Fall
from .permissions import faelle_fuer


def fall_fuer(user, pk):
    """The case `pk` if `user` may open it; otherwise 404, and a refused look at an existing case
    goes to the audit log."""
    fall = faelle_fuer(user).filter(pk=pk).first()
    if fall is None:
        andere = Fall.objects.filter(pk=pk).first()
        if andere is not None:
            protokolliere(user, AuditEintrag.Aktion.VERWEIGERT, "fall", andere, andere)
        raise Http404
    return fall


def auskunft_daten(person):
    """Everything the register holds about one person and their household (Art. 15 GDPR)."""
    fall = person.fall
    uebergabe = getattr(fall, "uebergabe", None)
    return {
        "export_created": timezone.now().isoformat(),
        "controller": "Stadt Plochingen, Integrationsmanagement",
        "person": {
            "first_name": person.vorname,
            "last_name": person.nachname,
            "date_of_birth": person.geburtsdatum,
            "nationality": person.staatsangehoerigkeit,
            "languages": person.sprachen,
        },
        "case": {
            "case_number": fall.nummer,
            "status": fall.get_status_display(),
            "accommodation": fall.get_unterbringung_display(),
            "address": fall.adresse or "",
            "assigned_on": fall.zugewiesen_am,
            "closed_on": fall.abgeschlossen_am,
        },
        "residence_status": [
            {"status": a.get_status_display(), "since": a.seit, "note": a.notiz or ""} for a in fall.aufenthalte.all()
        ],
        "consents": [
            {
                "given_on": e.erteilt_am,
                "recipients": [str(x) for x in e.empfaenger_labels()],
                "withdrawn_on": e.widerrufen_am,
            }
            for e in fall.einwilligungen.all()
        ],
        "handover": {
            "documents_handed_over": uebergabe.dokumente_uebergeben,
            "open_appointments": uebergabe.offene_termine or "",
            "health_notes": uebergabe.gesundheitshinweise or "",
            "school_and_kita": uebergabe.schule_kita or "",
            "notes": uebergabe.notizen or "",
            "first_contact": uebergabe.erstkontakt_am,
        }
        if uebergabe
        else None,
        "needs": [
            {
                "life_area": b.get_lebensbereich_display(),
                "status": b.get_status_display(),
                "priority": b.get_prioritaet_display(),
                "note": b.notiz or "",
            }
            for b in fall.bedarfe.all()
        ],
        "contacts": [
            {
                "date": k.datum,
                "kind": k.get_art_display(),
                "note": k.notiz,
                "follow_up_on": k.wiedervorlage_am,
            }
            for k in fall.kontakte.all()
        ],
        "measures": [
            {
                "life_area": m.get_lebensbereich_display(),
                "what": m.beschreibung,
                "who": m.get_stelle_display(),
                "due": m.faellig_am,
                "status": m.get_status_display(),
            }
            for m in fall.massnahmen.all()
        ],
        "integration_agreements": [
            {"goals": v.ziele, "signed_on": v.unterzeichnet_am, "review_on": v.ueberpruefung_am}
            for v in fall.vereinbarungen.all()
        ],
        **_wohnraum(fall),
    }


def _wohnraum(fall):
    # wohnraum builds on the case register, not the other way round: imported when a case is exported.
    from wohnraum.models import Wohnungssuche

    suche = Wohnungssuche.objects.filter(fall=fall).first()
    if suche is None:
        return {"housing_search": None, "housing_placements": []}
    return {
        "housing_search": {
            "household_size": suche.personen,
            "rent_cap": suche.mietobergrenze,
            "needs_step_free": suche.barrierefrei,
            "districts": suche.stadtteile,
            "still_looking": suche.aktiv,
        },
        "housing_placements": [
            {
                "flat": v.angebot.adresse,
                "status": v.get_status_display(),
                "proposed_on": v.vorgeschlagen_am,
                "moved_in_on": v.eingezogen_am,
                "details_shared_with_landlord_on": v.geteilt_am,
                "check_in_on": v.nachbetreuung_am,
                "check_in_note": v.nachbetreuung_notiz or "",
            }
            for v in suche.vermittlungen.select_related("angebot")
        ],
    }


def faellig_zur_anonymisierung(today=None):
    today = today or timezone.localdate()
    grenze = today - datetime.timedelta(days=settings.PORTAL_CASE_RETENTION_DAYS)
    return Fall.objects.filter(
        status=Fall.Status.ABGESCHLOSSEN, abgeschlossen_am__lt=grenze, anonymisiert_am__isnull=True
    )
