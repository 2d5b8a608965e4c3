"""Data protection: the Art. 15 export of one person's data (JSON and PDF), deletion on request,
and the anonymisation of closed cases after the retention period. Every step is in the audit log."""

import datetime
import json

from django.conf import settings
from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from intern.audit.models import AuditEintrag, protokolliere
from portal.pdf import pdf_response
from portal.permissions import role_required
from portal.roles import DATENSCHUTZ

from .models import Fall, Massnahme, Person, TischFall, Uebergabe

A = AuditEintrag.Aktion


def datenschutz_view(view):
    return never_cache(sensitive_post_parameters()(role_required(DATENSCHUTZ)(view)))


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
    from intern.wohnraum.models import Wohnungssuche

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


@datenschutz_view
def auskunft(request):
    """Find a case by its number to answer a request for access or deletion."""
    nummer = request.GET.get("fall", "").strip()[:20]
    fall = Fall.objects.filter(nummer=nummer, anonymisiert_am__isnull=True).first() if nummer else None
    if fall is not None:
        protokolliere(request.user, A.LESEN, "auskunft", fall, fall)
    elif nummer:
        messages.error(request, _("There is no case with this number (or it was anonymised)."))
    return render(
        request,
        "faelle/auskunft.html",
        {"nummer": nummer, "fall": fall, "personen": fall.personen.all() if fall else []},
    )


@datenschutz_view
def auskunft_json(request, person_pk):
    person = get_object_or_404(Person.objects.select_related("fall"), pk=person_pk, fall__anonymisiert_am__isnull=True)
    protokolliere(request.user, A.EXPORT, "auskunft_json", person, person.fall)
    response = HttpResponse(
        json.dumps(auskunft_daten(person), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="auskunft-{person.fall.nummer}-{person.pk}.json"'
    return response


@datenschutz_view
def auskunft_pdf(request, person_pk):
    person = get_object_or_404(Person.objects.select_related("fall"), pk=person_pk, fall__anonymisiert_am__isnull=True)
    html = render_to_string("faelle/auskunft_pdf.html", {"daten": auskunft_daten(person)}, request)
    protokolliere(request.user, A.EXPORT, "auskunft_pdf", person, person.fall)
    return pdf_response(html, f"auskunft-{person.fall.nummer}-{person.pk}.pdf")


def _bestaetigt(request, nummer):
    if request.POST.get("bestaetigt"):
        return True
    messages.error(request, _("Please confirm that you checked the request before deleting."))
    return False


@datenschutz_view
@require_POST
def person_loeschen(request, person_pk):
    person = get_object_or_404(Person.objects.select_related("fall"), pk=person_pk)
    fall = person.fall
    if not _bestaetigt(request, fall.nummer):
        return redirect(f"{reverse('faelle_datenschutz:auskunft')}?{urlencode({'fall': fall.nummer})}")
    with transaction.atomic():
        protokolliere(request.user, A.LOESCHEN, "person", person, fall)
        person.delete()
    messages.success(request, _("The household member was deleted."))
    return redirect(f"{reverse('faelle_datenschutz:auskunft')}?{urlencode({'fall': fall.nummer})}")


@datenschutz_view
@require_POST
def fall_loeschen(request, pk):
    fall = get_object_or_404(Fall, pk=pk)
    if not _bestaetigt(request, fall.nummer):
        return redirect(f"{reverse('faelle_datenschutz:auskunft')}?{urlencode({'fall': fall.nummer})}")
    with transaction.atomic():
        protokolliere(request.user, A.LOESCHEN, "fall", fall, fall)
        fall.delete()
    messages.success(request, _("The case and everything recorded in it were deleted."))
    return redirect("faelle_datenschutz:auskunft")


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
        from intern.wohnraum.models import Vermittlung

        Vermittlung.objects.filter(suche__fall=fall).update(
            nachbetreuung_notiz=None, nachbetreuung_am=None, geteilt_am=None, erstellt_von=None
        )
        Vermittlung.objects.filter(
            suche__fall=fall, status__in=["vorgeschlagen", "besichtigung", "mietvertrag"]
        ).update(status="abgebrochen")
        fall.bearbeitende.clear()
        fall.pseudonym = "–"
        fall.adresse = None
        fall.zugewiesen_am = fall.zugewiesen_am.replace(month=1, day=1)
        if fall.abgeschlossen_am:
            fall.abgeschlossen_am = fall.abgeschlossen_am.replace(month=1, day=1)
        fall.anonymisiert_am = timezone.now()
        fall.save()
        protokolliere(user, A.ANONYMISIEREN, "fall", fall, fall)


def faellig_zur_anonymisierung(today=None):
    today = today or timezone.localdate()
    grenze = today - datetime.timedelta(days=settings.PORTAL_CASE_RETENTION_DAYS)
    return Fall.objects.filter(
        status=Fall.Status.ABGESCHLOSSEN, abgeschlossen_am__lt=grenze, anonymisiert_am__isnull=True
    )
