"""The coordination's side: staffing overview, shifts, volunteers, attendance, export."""

import datetime
import uuid

from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from django.views.decorators.http import require_POST

from portal import formats, roles
from portal.exports import csv_download, csv_safe
from portal.permissions import permission_required

from .. import emails, pdf, selectors, services
from ..forms import (
    AbsageForm,
    AustragenForm,
    EinsatzAnwesenheitFormSet,
    EintragenForm,
    ExportForm,
    NachrichtForm,
    QualifikationsnachweisForm,
    SchichtForm,
    WocheKopierenForm,
    at,
    ausfall_text,
    montag,
)
from ..models import Ehrenamtsprofil, Einsatz, Qualifikationsnachweis, Schicht

coordination_required = permission_required("ehrenamt.coordinate_volunteers")
OVERVIEW_DAYS = 28
VOLUNTEERS_PAGE_SIZE = 25


@coordination_required
def uebersicht(request):
    """The next four weeks, day by day; shifts with free places are marked as understaffed."""
    today = timezone.localdate()
    start = at(today, datetime.time.min)
    end = at(today + datetime.timedelta(days=OVERVIEW_DAYS), datetime.time.min)
    schichten = selectors.mit_konflikten(Schicht.objects.filter(beginn__gte=start, beginn__lt=end).mit_belegung())
    wochen = {}
    for schicht in schichten:
        schicht.frei = max(schicht.kapazitaet - schicht.belegt, 0)
        schicht.unterbesetzt = not schicht.abgesagt and not schicht.ausfall and schicht.frei > 0
        day = timezone.localdate(schicht.beginn)
        wochen.setdefault(montag(day), {}).setdefault(day, []).append(schicht)
    return render(
        request,
        "ehrenamt/koordination/uebersicht.html",
        {
            "wochen": [(week, sorted(days.items())) for week, days in sorted(wochen.items())],
            "unterbesetzt": sum(1 for s in schichten if s.unterbesetzt),
            "konflikte": sum(1 for s in schichten if s.ausfall),
            "offene_plaetze": sum(s.frei for s in schichten if not s.abgesagt and not s.ausfall),
            "anzahl": sum(1 for s in schichten if not s.abgesagt),
            "bewerbungen": Ehrenamtsprofil.objects.filter(status=Ehrenamtsprofil.Status.BEANTRAGT).count(),
            "bis": today + datetime.timedelta(days=OVERVIEW_DAYS - 1),
        },
    )


def kopie(vorlage, beginn, ende, user, serie=None):
    """A new shift like `vorlage` at another time."""
    return Schicht(
        bereich=vorlage.bereich,
        titel=vorlage.titel,
        veranstaltung_id=vorlage.veranstaltung_id,
        stelle_id=vorlage.stelle_id,
        ort=vorlage.ort,
        kapazitaet=vorlage.kapazitaet,
        qualifikation=vorlage.qualifikation,
        notizen=vorlage.notizen,
        beginn=beginn,
        ende=ende,
        serie=serie,
        erstellt_von=user,
    )


@coordination_required
def schicht_neu(request):
    form = SchichtForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        termine = list(form.termine())
        serie = uuid.uuid4() if len(termine) > 1 else None
        vorlage = form.save(commit=False)
        von, bis = form.cleaned_data["von"], form.cleaned_data["bis"]
        Schicht.objects.bulk_create(
            [kopie(vorlage, at(day, von), at(day, bis), request.user, serie=serie) for day in termine]
        )
        messages.success(request, _("%(count)s shift(s) created.") % {"count": len(termine)})
        if form.ausgelassen:
            messages.warning(request, ausgelassen_text(form.cleaned_data["veranstaltung"], form.ausgelassen))
        return redirect("ehrenamt:uebersicht")
    return render(request, "ehrenamt/koordination/schicht_form.html", {"form": form, "schicht": None})


def ausgelassen_text(veranstaltung, ausfaelle):
    """Which dates a tool skipped, and why."""
    return " ".join(
        [
            ngettext("No shift on this date: %(dates)s.", "No shifts on these dates: %(dates)s.", len(ausfaelle))
            % {"dates": formats.liste(formats.day(ausfall.datum) for ausfall in ausfaelle)},
            *(ausfall_text(veranstaltung, ausfall) for ausfall in ausfaelle),
        ]
    )


def _einsaetze(schicht):
    return list(
        schicht.einsaetze.select_related("freiwillige", "freiwillige__ehrenamtsprofil").order_by(
            "status", "angemeldet_am", "pk"
        )
    )


def _detail(request, schicht, formset=None, eintragen_form=None):
    selectors.mit_konflikten([schicht])
    einsaetze = _einsaetze(schicht)
    bestaetigt = [e for e in einsaetze if e.status == Einsatz.Status.BESTAETIGT]
    if eintragen_form is None and not (schicht.abgesagt or schicht.vorbei):
        eintragen_form = EintragenForm(schicht=schicht, voll=len(bestaetigt) >= schicht.kapazitaet)
    if formset is None and schicht.vorbei:
        formset = EinsatzAnwesenheitFormSet(
            initial=[
                {"anwesend": e.anwesend if e.anwesend is not None else True, "stunden": e.stunden or schicht.stunden}
                for e in bestaetigt
            ]
        )
    return render(
        request,
        "ehrenamt/koordination/schicht.html",
        {
            "schicht": schicht,
            "bestaetigt": bestaetigt,
            "warteliste": [e for e in einsaetze if e.status == Einsatz.Status.WARTELISTE],
            "abgemeldet": [e for e in einsaetze if e.status == Einsatz.Status.ABGEMELDET],
            "anwesenheit": list(zip(bestaetigt, formset, strict=True)) if formset is not None else None,
            "formset": formset,
            "eintragen_form": eintragen_form,
        },
    )


@coordination_required
def schicht_detail(request, pk):
    return _detail(request, get_object_or_404(Schicht, pk=pk))


@coordination_required
@require_POST
def anwesenheit(request, pk):
    schicht = get_object_or_404(Schicht, pk=pk)
    if not schicht.vorbei:
        messages.error(request, _("Attendance can be recorded once the shift has started."))
        return redirect("ehrenamt:schicht_koordination", pk=pk)
    bestaetigt = [e for e in _einsaetze(schicht) if e.status == Einsatz.Status.BESTAETIGT]
    formset = EinsatzAnwesenheitFormSet(request.POST)
    if formset.is_valid() and len(formset.forms) == len(bestaetigt):
        for einsatz, form in zip(bestaetigt, formset.forms, strict=True):
            einsatz.anwesend = form.cleaned_data.get("anwesend", False)
            einsatz.stunden = form.cleaned_data.get("stunden") if einsatz.anwesend else None
            einsatz.bestaetigt_von = request.user
            einsatz.save(update_fields=["anwesend", "stunden", "bestaetigt_von"])
        messages.success(request, _("Attendance has been saved."))
        return redirect("ehrenamt:schicht_koordination", pk=pk)
    if len(formset.forms) != len(bestaetigt):
        messages.error(request, _("The list of volunteers has changed meanwhile. Please check it again."))
        return redirect("ehrenamt:schicht_koordination", pk=pk)
    return _detail(request, schicht, formset)


WICHTIGE_FELDER = ["beginn", "ende", "stelle_id", "ort", "titel"]
FORMULARFELDER = [
    "bereich",
    "titel",
    "veranstaltung",
    "stelle",
    "ort",
    "kapazitaet",
    "qualifikation",
    "notizen",
    "beginn",
    "ende",
]


class GeaendertInzwischen(Exception):
    """The shift changed between showing the form and saving it."""


@coordination_required
def schicht_bearbeiten(request, pk):
    schicht = get_object_or_404(Schicht, pk=pk)
    if schicht.abgesagt or schicht.vorbei:
        messages.error(request, _("Cancelled or past shifts cannot be changed."))
        return redirect("ehrenamt:schicht_koordination", pk=pk)
    vorher = {name: getattr(schicht, name) for name in WICHTIGE_FELDER}
    belegt = services.PLAETZE.taken(schicht)
    form = SchichtForm(request.POST or None, instance=schicht, serie_erlaubt=False, belegt=belegt)
    if request.method == "POST" and form.is_valid():
        try:
            schicht, geaendert, nachgerueckt = _speichern(pk, form, vorher)
        except GeaendertInzwischen:
            messages.error(request, _("Cancelled or past shifts cannot be changed."))
            return redirect("ehrenamt:schicht_koordination", pk=pk)
        if schicht is None:  # more sign-ups arrived meanwhile than the new number of places
            return render(request, "ehrenamt/koordination/schicht_form.html", {"form": form, "schicht": form.instance})
        if geaendert:
            for einsatz in services.aktive_einsaetze(schicht):
                if einsatz not in nachgerueckt:
                    emails.SchichtGeaendert(einsatz.freiwillige, schicht=schicht).send()
        services.benachrichtige_nachgerueckte(nachgerueckt)
        messages.success(
            request,
            _("The shift has been saved. The volunteers signed up for it have been told by email.")
            if geaendert
            else _("The shift has been saved."),
        )
        return redirect("ehrenamt:schicht_koordination", pk=pk)
    return render(request, "ehrenamt/koordination/schicht_form.html", {"form": form, "schicht": schicht})


def _speichern(pk, form, vorher):
    """Apply the edit to the locked row, so that sign-ups and cancellations in between count."""
    with transaction.atomic():
        schicht = services.PLAETZE.lock(pk)
        if schicht.abgesagt or schicht.vorbei:
            raise GeaendertInzwischen
        belegt = services.PLAETZE.taken(schicht)
        if form.cleaned_data["kapazitaet"] < belegt:
            form.add_error("kapazitaet", form.zu_wenig_plaetze(belegt))
            return None, False, []
        for name in FORMULARFELDER:
            setattr(schicht, name, getattr(form.instance, name))
        geaendert = any(getattr(schicht, name) != value for name, value in vorher.items())
        if geaendert:
            schicht.sequenz += 1
        schicht.save()
        if vorher["beginn"] != schicht.beginn:
            # A new day means a new reminder.
            schicht.einsaetze.update(erinnert_am=None)
        return schicht, geaendert, services.PLAETZE.move_up(schicht)


@coordination_required
def schicht_absagen(request, pk):
    schicht = get_object_or_404(Schicht, pk=pk)
    if schicht.abgesagt or schicht.vorbei:
        messages.error(request, _("Cancelled or past shifts cannot be cancelled."))
        return redirect("ehrenamt:schicht_koordination", pk=pk)
    form = AbsageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            schicht = Schicht.objects.select_for_update().get(pk=pk)
            schicht.abgesagt_am = timezone.now()
            schicht.absagegrund = form.cleaned_data["grund"]
            schicht.sequenz += 1
            schicht.save(update_fields=["abgesagt_am", "absagegrund", "sequenz", "geaendert_am"])
        empfaenger = services.aktive_einsaetze(schicht)
        for einsatz in empfaenger:
            emails.SchichtAbgesagt(einsatz.freiwillige, schicht=schicht).send()
        messages.success(
            request,
            _("The shift has been cancelled and %(count)s volunteer(s) have been told by email.")
            % {"count": len(empfaenger)},
        )
        return redirect("ehrenamt:schicht_koordination", pk=pk)
    return render(request, "ehrenamt/koordination/schicht_absagen.html", {"form": form, "schicht": schicht})


@coordination_required
def schicht_nachricht(request, pk):
    schicht = get_object_or_404(Schicht, pk=pk)
    form = NachrichtForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        status = [Einsatz.Status.BESTAETIGT]
        if form.cleaned_data["warteliste"]:
            status.append(Einsatz.Status.WARTELISTE)
        einsaetze = schicht.einsaetze.filter(status__in=status, freiwillige__isnull=False).select_related("freiwillige")
        # One email per volunteer: nobody sees the others' addresses.
        count = emails.NachrichtDerKoordination(
            [einsatz.freiwillige for einsatz in einsaetze],
            reply_to=request.user.email,
            betreff=form.cleaned_data["betreff"],
            text=form.cleaned_data["text"],
        ).send()
        messages.success(request, _("The message has been sent to %(count)s volunteer(s).") % {"count": count})
        return redirect("ehrenamt:schicht_koordination", pk=pk)
    return render(request, "ehrenamt/koordination/schicht_nachricht.html", {"form": form, "schicht": schicht})


@coordination_required
@require_POST
def eintragen(request, pk):
    """Sign an approved volunteer up for the shift; the volunteer is told by email."""
    schicht = get_object_or_404(Schicht, pk=pk)
    voll = services.PLAETZE.taken(schicht) >= schicht.kapazitaet
    form = EintragenForm(request.POST, schicht=schicht, voll=voll)
    if not form.is_valid():
        return _detail(request, schicht, eintragen_form=form)
    person = form.cleaned_data["freiwillige"]
    name = person.get_full_name() or person.email
    try:
        result = services.eintragen(pk, person, request.user, platz_dazu=form.cleaned_data.get("platz_dazu", False))
    except services.Abgelehnt as refusal:
        messages.error(request, str(refusal))
    else:
        if result.position:
            messages.info(
                request,
                _("The shift is full: %(name)s is number %(position)s on the waiting list and has been told by email.")
                % {"name": name, "position": result.position},
            )
        else:
            messages.success(request, _("%(name)s is signed up and has been told by email.") % {"name": name})
    return redirect("ehrenamt:schicht_koordination", pk=pk)


@coordination_required
def austragen(request, pk):
    """Take a volunteer off a shift, after confirming, with a reason that goes into their email."""
    einsatz = get_object_or_404(Einsatz.objects.select_related("schicht", "freiwillige"), pk=pk)
    schicht = einsatz.schicht
    zurueck = redirect("ehrenamt:schicht_koordination", pk=schicht.pk)
    if einsatz.status == Einsatz.Status.ABGEMELDET:
        messages.info(request, _("This volunteer is no longer on the shift."))
        return zurueck
    if schicht.abgesagt or schicht.vorbei:
        messages.error(request, _("Cancelled or past shifts cannot be changed."))
        return zurueck
    form = AustragenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        grund = form.cleaned_data["grund"]
        try:
            services.abmelden(einsatz.pk, None, durch_koordination=True, grund=grund)
        except services.Abgelehnt as refusal:
            messages.error(request, str(refusal))
        else:
            emails.SchichtAusgetragen(
                einsatz.freiwillige, schicht=schicht, grund=grund, reply_to=request.user.email
            ).send()
            messages.success(request, _("The volunteer has been taken off the shift and told by email."))
        return zurueck
    return render(
        request, "ehrenamt/koordination/austragen.html", {"form": form, "einsatz": einsatz, "schicht": schicht}
    )


@coordination_required
def woche_kopieren(request):
    form = WocheKopierenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        quelle = montag(form.cleaned_data["quelle"])
        ziel = montag(form.cleaned_data["ziel"])
        versatz = ziel - quelle
        vorlagen = Schicht.objects.filter(
            abgesagt_am__isnull=True,
            beginn__gte=at(quelle, datetime.time.min),
            beginn__lt=at(quelle + datetime.timedelta(weeks=1), datetime.time.min),
        )
        vorhanden = set(
            Schicht.objects.filter(
                beginn__gte=at(ziel, datetime.time.min),
                beginn__lt=at(ziel + datetime.timedelta(weeks=1), datetime.time.min),
            ).values_list("bereich", "titel", "beginn")
        )
        vorlagen = list(vorlagen.select_related("veranstaltung"))
        cancelled = selectors.ausfaelle(
            [v.veranstaltung_id for v in vorlagen], [ziel + datetime.timedelta(days=n) for n in range(7)]
        )
        neu, ausgelassen = [], {}
        for vorlage in vorlagen:
            start = timezone.localtime(vorlage.beginn)
            end = timezone.localtime(vorlage.ende)
            beginn = at(start.date() + versatz, start.time())
            if (vorlage.bereich, vorlage.titel, beginn) in vorhanden or beginn <= timezone.now():
                continue
            ausfall = cancelled.get((vorlage.veranstaltung_id, beginn.date()))
            if ausfall is not None:
                ausgelassen.setdefault(vorlage.veranstaltung, {})[ausfall.pk] = ausfall
                continue
            neu.append(kopie(vorlage, beginn, at(end.date() + versatz, end.time()), request.user))
        Schicht.objects.bulk_create(neu)
        if neu:
            messages.success(request, _("%(count)s shift(s) copied.") % {"count": len(neu)})
        elif not ausgelassen:
            messages.info(request, _("There was nothing to copy: the target week already has these shifts."))
        for veranstaltung, ausfaelle in ausgelassen.items():
            messages.warning(request, ausgelassen_text(veranstaltung, list(ausfaelle.values())))
        return redirect("ehrenamt:uebersicht")
    return render(request, "ehrenamt/koordination/woche_kopieren.html", {"form": form})


@coordination_required
def export(request):
    form = ExportForm(request.GET or None)
    if not form.is_valid():
        return render(request, "ehrenamt/koordination/export.html", {"form": form})
    von, bis = form.cleaned_data["von"], form.cleaned_data["bis"]
    schichten = selectors.mit_orten(
        Schicht.objects.filter(
            beginn__gte=at(von, datetime.time.min), beginn__lt=at(bis + datetime.timedelta(days=1), datetime.time.min)
        )
        .select_related("stelle")
        .prefetch_related("einsaetze__freiwillige__ehrenamtsprofil")
        .order_by("beginn", "pk")
    )
    response, writer = csv_download(f"schichten-{von.isoformat()}-{bis.isoformat()}.csv")
    writer.writerow(
        [
            _("Date"),
            pgettext("date or time", "From"),
            pgettext("date or time", "Until"),
            _("Area"),
            _("Title"),
            _("Place"),
            pgettext("number of people", "Places"),
            _("Shift cancelled"),
            _("First name"),
            _("Last name"),
            _("Email"),
            _("Phone"),
            _("Status"),
            _("Attended"),
            _("Hours"),
        ]
    )
    for schicht in schichten:
        start, end = timezone.localtime(schicht.beginn), timezone.localtime(schicht.ende)
        base = [
            start.date().isoformat(),
            f"{start:%H:%M}",
            f"{end:%H:%M}",
            schicht.get_bereich_display(),
            csv_safe(schicht.titel),
            csv_safe(schicht.ortsangabe()),
            schicht.kapazitaet,
            _("yes") if schicht.abgesagt else "",
        ]
        einsaetze = [e for e in schicht.einsaetze.all() if e.status != Einsatz.Status.ABGEMELDET]
        if not einsaetze:
            writer.writerow(base + [""] * 7)
        for einsatz in einsaetze:
            person = einsatz.freiwillige
            profil = getattr(person, "ehrenamtsprofil", None) if person else None
            writer.writerow(
                base
                + [
                    csv_safe(person.first_name) if person else _("(deleted account)"),
                    csv_safe(person.last_name) if person else "",
                    csv_safe(person.email) if person else "",
                    csv_safe(profil.telefon) if profil else "",
                    einsatz.get_status_display(),
                    {True: _("yes"), False: _("no")}.get(einsatz.anwesend, ""),
                    einsatz.stunden if einsatz.stunden is not None else "",
                ]
            )
    return response


@coordination_required
def freiwillige(request):
    status = request.GET.get("status", "")
    queryset = Ehrenamtsprofil.objects.select_related("user").order_by("status", "user__last_name", "user__first_name")
    if status in Ehrenamtsprofil.Status.values:
        queryset = queryset.filter(status=status)
    page = Paginator(queryset, VOLUNTEERS_PAGE_SIZE).get_page(request.GET.get("seite"))
    return render(
        request,
        "ehrenamt/koordination/freiwillige.html",
        {
            "page_obj": page,
            "status": status,
            "status_choices": Ehrenamtsprofil.Status.choices,
            "query_prefix": f"status={status}" if status else "",
        },
    )


def _freiwillige_detail(request, profil, nachweis_form=None):
    einsaetze = list(
        Einsatz.objects.filter(freiwillige=profil.user)
        .exclude(status=Einsatz.Status.ABGEMELDET)
        .select_related("schicht")
        .order_by("-schicht__beginn")
    )
    now = timezone.now()
    return render(
        request,
        "ehrenamt/koordination/freiwillige_detail.html",
        {
            "profil": profil,
            "person": profil.user,
            "nachweise": Qualifikationsnachweis.objects.filter(freiwillige=profil.user),
            "nachweis_form": nachweis_form or QualifikationsnachweisForm(),
            "kommend": [e for e in reversed(einsaetze) if e.schicht.ende > now],
            "jahre": selectors.stunden_je_jahr(einsaetze),
        },
    )


@coordination_required
def freiwillige_detail(request, pk):
    return _freiwillige_detail(request, get_object_or_404(Ehrenamtsprofil.objects.select_related("user"), pk=pk))


@coordination_required
@require_POST
def entscheiden(request, pk):
    profil = get_object_or_404(Ehrenamtsprofil.objects.select_related("user"), pk=pk)
    entscheidung = request.POST.get("entscheidung")
    gruppe = Group.objects.get(name=roles.EHRENAMT)
    if entscheidung == "freigeben":
        profil.status = Ehrenamtsprofil.Status.FREIGEGEBEN
        profil.user.groups.add(gruppe)
        mail = emails.Freigegeben
        text = _("%(name)s is now in the Ehrenamt role and has been told by email.")
    elif entscheidung == "ablehnen":
        profil.status = Ehrenamtsprofil.Status.ABGELEHNT
        profil.user.groups.remove(gruppe)
        # Without the role there are no shifts: future places go to the waiting list.
        kommend = Einsatz.objects.filter(
            freiwillige=profil.user,
            status__in=[Einsatz.Status.BESTAETIGT, Einsatz.Status.WARTELISTE],
            schicht__beginn__gt=timezone.now(),
        )
        for einsatz_pk in kommend.values_list("pk", flat=True):
            services.abmelden(einsatz_pk, None, durch_koordination=True)
        mail = emails.NichtFreigegeben
        text = _("%(name)s has not been approved and has been told by email.")
    else:
        messages.error(request, _("Please choose whether to approve the application."))
        return redirect("ehrenamt:freiwillige_detail", pk=pk)
    profil.entschieden_am = timezone.now()
    profil.entschieden_von = request.user
    profil.save(update_fields=["status", "entschieden_am", "entschieden_von", "geaendert_am"])
    mail(profil.user).send()
    messages.success(request, text % {"name": profil.user.get_full_name() or profil.user.email})
    return redirect("ehrenamt:freiwillige_detail", pk=pk)


@coordination_required
@require_POST
def qualifikation(request, pk):
    profil = get_object_or_404(Ehrenamtsprofil.objects.select_related("user"), pk=pk)
    form = QualifikationsnachweisForm(request.POST)
    if not form.is_valid():
        return _freiwillige_detail(request, profil, nachweis_form=form)
    Qualifikationsnachweis.objects.update_or_create(
        freiwillige=profil.user,
        art=form.cleaned_data["art"],
        defaults={"gueltig_bis": form.cleaned_data["gueltig_bis"], "erfasst_von": request.user},
    )
    messages.success(request, _("The qualification has been recorded."))
    return redirect("ehrenamt:freiwillige_detail", pk=pk)


@coordination_required
@require_POST
def qualifikation_loeschen(request, pk, nachweis_pk):
    profil = get_object_or_404(Ehrenamtsprofil, pk=pk)
    get_object_or_404(Qualifikationsnachweis, pk=nachweis_pk, freiwillige_id=profil.user_id).delete()
    messages.success(request, _("The qualification has been removed."))
    return redirect("ehrenamt:freiwillige_detail", pk=pk)


@coordination_required
def freiwillige_nachweis(request, pk, jahr):
    profil = get_object_or_404(Ehrenamtsprofil.objects.select_related("user"), pk=pk)
    return pdf.response(request, profil.user, jahr)
