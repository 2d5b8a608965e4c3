"""The round table (Jour fixe): cases on the agenda by number and pseudonym, decisions that become
measures with an owner, and printed minutes without personal data. Also the printable
Integrationsvereinbarung of a case."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Max, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from intern.audit.models import AuditEintrag, protokolliere

from .forms import BeschlussForm, RunderTischForm, TagesordnungForm, VereinbarungForm
from .models import Massnahme, RunderTisch, TischFall
from .permissions import faelle_fuer
from .views import _fall, fall_view

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


@fall_view
def tisch(request, pk):
    tisch = _tisch(pk)
    erlaubt = faelle_fuer(request.user)
    agenda_faelle = erlaubt.filter(pk__in=[t.fall_id for t in tisch.tagesordnung.all()])
    top_form = TagesordnungForm(prefix="top", faelle=erlaubt)
    beschluss_form = BeschlussForm(prefix="beschluss", faelle=agenda_faelle)
    if request.method == "POST" and "top-fall" in request.POST:
        top_form = TagesordnungForm(request.POST, prefix="top", faelle=erlaubt)
        if top_form.is_valid():
            naechste = (tisch.tagesordnung.aggregate(m=Max("reihenfolge"))["m"] or 0) + 1
            try:
                with transaction.atomic():
                    TischFall.objects.create(
                        runder_tisch=tisch, fall=top_form.cleaned_data["fall"], reihenfolge=naechste
                    )
            except IntegrityError:
                top_form.add_error("fall", _("This case is already on the agenda."))
            else:
                messages.success(request, _("The case was put on the agenda."))
                return redirect("faelle:runder_tisch", pk=tisch.pk)
    elif request.method == "POST":
        beschluss_form = BeschlussForm(request.POST, prefix="beschluss", faelle=agenda_faelle)
        if beschluss_form.is_valid():
            massnahme = beschluss_form.save(commit=False)
            massnahme.fall = beschluss_form.cleaned_data["tisch_fall"]
            massnahme.runder_tisch = tisch
            massnahme.save()
            protokolliere(request.user, A.ANLEGEN, "massnahme", massnahme, massnahme.fall, beschluss_form.changed_data)
            messages.success(request, _("The decision was recorded as a measure of the case."))
            return redirect("faelle:runder_tisch", pk=tisch.pk)
    return render(
        request,
        "faelle/runder_tisch.html",
        {"tisch": tisch, "top_form": top_form, "beschluss_form": beschluss_form, "aktiv": "runder_tisch"},
    )


@fall_view
def protokoll(request, pk):
    """Printable minutes: case numbers and pseudonyms, who does what by when; no names, no free text."""
    tisch = _tisch(pk)
    protokolliere(request.user, A.EXPORT, "runder_tisch_protokoll", tisch)
    return render(request, "faelle/runder_tisch_protokoll.html", {"tisch": tisch})


@fall_view
def vereinbarung_neu(request, pk):
    fall = _fall(request, pk)
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
    fall = _fall(request, pk)
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
