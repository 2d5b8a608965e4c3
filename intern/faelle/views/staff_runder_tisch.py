"""The round table (Jour fixe): cases on the agenda by number and pseudonym, decisions that become
measures with an owner, and printed minutes without personal data. Also the printable
Integrationsvereinbarung of a case."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Max, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from intern.audit.models import AuditEintrag, protokolliere, protokolliere_faelle

from ..forms import RunderTischBeschlussForm, RunderTischForm, TagesordnungForm, VereinbarungForm
from ..models import Bedarf, Massnahme, RunderTisch, TischFall
from ..selectors import faelle_fuer, fall_fuer
from .staff import fall_view

A = AuditEintrag.Aktion


@fall_view
def liste(request):
    form = RunderTischForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        tisch = form.save(commit=False)
        tisch.erstellt_von = request.user
        tisch.save()
        messages.success(request, _("The round table was planned."))
        return redirect("faelle:runder_tisch", pk=tisch.pk)
    tische = RunderTisch.objects.order_by("-datum")[:50]
    return render(request, "faelle/runde_tische.html", {"form": form, "tische": tische, "aktiv": "runder_tisch"})


def _tisch(pk):
    return get_object_or_404(
        RunderTisch.objects.prefetch_related(
            Prefetch("tagesordnung", queryset=TischFall.objects.select_related("fall")),
            Prefetch(
                "beschluesse",
                queryset=Massnahme.objects.select_related("fall", "verantwortlich").order_by("fall__nummer", "pk"),
            ),
        ),
        pk=pk,
    )


def vorbereitung(tisch, erlaubt):
    """For each case on the agenda that the user may open: its open needs and open measures."""
    faelle = list(
        erlaubt.filter(pk__in=[t.fall_id for t in tisch.tagesordnung.all()]).prefetch_related(
            Prefetch("bedarfe", queryset=Bedarf.objects.filter(status__in=Bedarf.OFFEN).order_by("prioritaet")),
            Prefetch(
                "massnahmen",
                queryset=Massnahme.objects.filter(status=Massnahme.Status.OFFEN).order_by("faellig_am", "pk"),
            ),
        )
    )
    je_fall = {fall.pk: fall for fall in faelle}
    return [(top, je_fall.get(top.fall_id)) for top in tisch.tagesordnung.all()]


@fall_view
def tisch(request, pk):
    tisch = _tisch(pk)
    erlaubt = faelle_fuer(request.user)
    auf_der_tagesordnung = [t.fall_id for t in tisch.tagesordnung.all()]
    agenda_faelle = erlaubt.filter(pk__in=auf_der_tagesordnung)
    noch_nicht = erlaubt.exclude(pk__in=auf_der_tagesordnung)
    top_form = TagesordnungForm(prefix="top", faelle=noch_nicht)
    beschluss_form = RunderTischBeschlussForm(prefix="beschluss", faelle=agenda_faelle)
    if request.method == "POST" and request.POST.get("formular") == "tagesordnung":
        top_form = TagesordnungForm(request.POST, prefix="top", faelle=noch_nicht)
        if top_form.is_valid():
            try:
                with transaction.atomic():
                    naechste = (tisch.tagesordnung.aggregate(m=Max("reihenfolge"))["m"] or 0) + 1
                    TischFall.objects.bulk_create(
                        [
                            TischFall(runder_tisch=tisch, fall=fall, reihenfolge=naechste + n)
                            for n, fall in enumerate(top_form.cleaned_data["faelle"])
                        ]
                    )
            except IntegrityError:  # a colleague put one of them on the agenda at the same moment
                top_form.add_error("faelle", _("This case is already on the agenda."))
            else:
                messages.success(request, _("The cases were put on the agenda."))
                return redirect("faelle:runder_tisch", pk=tisch.pk)
    elif request.method == "POST":
        beschluss_form = RunderTischBeschlussForm(request.POST, prefix="beschluss", faelle=agenda_faelle)
        if beschluss_form.is_valid():
            massnahme = beschluss_form.save(commit=False)
            massnahme.fall = beschluss_form.cleaned_data["tisch_fall"]
            massnahme.runder_tisch = tisch
            massnahme.save()
            protokolliere(request.user, A.ANLEGEN, "massnahme", massnahme, massnahme.fall, beschluss_form.changed_data)
            messages.success(request, _("The decision was recorded as a measure of the case."))
            return redirect("faelle:runder_tisch", pk=tisch.pk)
    tagesordnung = vorbereitung(tisch, erlaubt)
    sichtbar = _sichtbare_beschluesse(tisch, erlaubt)
    _protokolliere_ansicht(request.user, tisch, {fall.pk for _top, fall in tagesordnung if fall is not None})
    return render(
        request,
        "faelle/runder_tisch.html",
        {
            "tisch": tisch,
            "tagesordnung": tagesordnung,
            "top_form": top_form,
            "beschluss_form": beschluss_form,
            "sichtbar": sichtbar,
            "aktiv": "runder_tisch",
        },
    )


@fall_view
def protokoll(request, pk):
    """Printable minutes: case numbers and pseudonyms, what was decided, who does it by when; no names."""
    tisch = _tisch(pk)
    sichtbar = _sichtbare_beschluesse(tisch, faelle_fuer(request.user))
    protokolliere(request.user, A.EXPORT, "runder_tisch_protokoll", tisch)
    for top in tisch.tagesordnung.all():
        protokolliere(request.user, A.EXPORT, "runder_tisch_protokoll", tisch, top.fall)
    return render(request, "faelle/runder_tisch_protokoll.html", {"tisch": tisch, "sichtbar": sichtbar})


def _protokolliere_ansicht(user, tisch, vorbereitet):
    """Viewing a round table goes to the audit log with every case number it shows (agenda and
    decisions): "round table preparation" for the cases whose open needs and measures were shown
    (`vorbereitet`, ids), "round table" for those shown by number and pseudonym only."""
    gezeigt = {top.fall_id: top.fall for top in tisch.tagesordnung.all()}
    gezeigt.update((m.fall_id, m.fall) for m in tisch.beschluesse.all() if m.fall_id not in gezeigt)
    faelle = sorted(gezeigt.values(), key=lambda fall: fall.nummer)
    if not faelle:
        protokolliere(user, A.LESEN, "runder_tisch", tisch)
        return
    protokolliere_faelle(user, A.LESEN, "runder_tisch", [f for f in faelle if f.pk not in vorbereitet], tisch)
    protokolliere_faelle(user, A.LESEN, "runder_tisch_vorbereitung", [f for f in faelle if f.pk in vorbereitet], tisch)


def _sichtbare_beschluesse(tisch, erlaubt):
    """Ids of the cases whose decision texts this reader may see: the others show number and who only."""
    return set(erlaubt.filter(pk__in={m.fall_id for m in tisch.beschluesse.all()}).values_list("pk", flat=True))


@fall_view
def vereinbarung_neu(request, pk):
    fall = fall_fuer(request.user, pk)
    form = VereinbarungForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        vereinbarung = form.save(commit=False)
        vereinbarung.fall = fall
        vereinbarung.save()
        protokolliere(request.user, A.ANLEGEN, "vereinbarung", vereinbarung, fall, form.changed_data)
        messages.success(request, _("The integration agreement was saved."))
        return redirect("faelle:vereinbarung", pk=fall.pk, vereinbarung_pk=vereinbarung.pk)
    return render(
        request, "faelle/einfaches_form.html", {"form": form, "fall": fall, "titel": _("Integration agreement")}
    )


@fall_view
def vereinbarung(request, pk, vereinbarung_pk):
    fall = fall_fuer(request.user, pk)
    eintrag = get_object_or_404(fall.vereinbarungen, pk=vereinbarung_pk)
    protokolliere(request.user, A.EXPORT, "vereinbarung", eintrag, fall)
    return render(
        request,
        "faelle/vereinbarung.html",
        {
            "fall": fall,
            "vereinbarung": eintrag,
            "ziele": [z.strip() for z in eintrag.ziele.splitlines() if z.strip()],
            "personen": fall.personen.all(),
        },
    )
