"""Queries of the case register: the cases a user may open (also for other parts of the staff area),
the content of an Art. 15 export, and the closed cases due for anonymisation."""

import datetime

from django.conf import settings
from django.http import Http404
from django.utils import timezone
from wagtail import hooks

from intern.audit.models import AuditEintrag, protokolliere

from .models import Fall


def faelle_fuer(user):
    """The cases `user` may open (`faelle.open_case`, rules.py), as a query. Anything else answers 404,
    as if it did not exist. Anonymised cases are closed for good, to superusers too."""
    offen = Fall.objects.filter(anonymisiert_am__isnull=True)
    if user.has_perm("faelle.see_all_cases"):
        return offen
    if user.has_perm("faelle.work_on_cases"):
        return offen.filter(bearbeitende=user)
    return Fall.objects.none()


def fall_fuer(user, pk):
    """The case `pk` if `user` may open it; otherwise 404, and a refused look at an existing case
    goes to the audit log."""
    fall = Fall.objects.filter(pk=pk).first()
    if fall is None:
        raise Http404
    # A superuser passes every permission check, so the anonymised case is refused here as well.
    if fall.anonymisiert_am is not None or not user.has_perm("faelle.open_case", fall):
        protokolliere(user, AuditEintrag.Aktion.VERWEIGERT, "fall", fall, fall)
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
        # Sections of the apps that build on the case register (e.g. wohnraum's housing search).
        **{key: value for export in hooks.get_hooks("faelle_case_export") for key, value in export(fall).items()},
    }


def faellig_zur_anonymisierung(today=None):
    today = today or timezone.localdate()
    grenze = today - datetime.timedelta(days=settings.PORTAL_CASE_RETENTION_DAYS)
    return Fall.objects.filter(
        status=Fall.Status.ABGESCHLOSSEN, abgeschlossen_am__lt=grenze, anonymisiert_am__isnull=True
    )
