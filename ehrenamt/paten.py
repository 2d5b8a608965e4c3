"""Patenschaften: applying as a Pate, households seeking one, matching, check-ins and the end.

Who sees a household's details: the coordination, the Integrationsmanagement that registered
it, and the Pate of an active or past Patenschaft with it. Nobody else.
"""

from functools import wraps

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import roles
from portal.permissions import role_required

from . import emails, matching, selectors
from .forms import BeendenForm, PatenbewerbungForm, PatenschaftForm, PatensucheForm, RueckmeldungForm
from .models import Ehrenamtsprofil, Patenbewerbung, Patenschaft, Patensuche, Rueckmeldung

coordination_required = role_required(roles.EHRENAMTSKOORDINATION)
volunteer_required = role_required(roles.EHRENAMT, roles.EHRENAMTSKOORDINATION)

# Households are reached twice: by the Integrationsmanagement under /intern/ (MFA), by the
# coordination under /ehrenamt/koordination/. Each path admits only its own role.
SEEKER_AREAS = {"intern": roles.INTEGRATIONSMANAGEMENT, "koordination": roles.EHRENAMTSKOORDINATION}


def seekers_view(view):
    @wraps(view)
    def wrapped(request, *args, bereich, **kwargs):
        return role_required(SEEKER_AREAS[bereich])(view)(request, *args, bereich=bereich, **kwargs)

    return wrapped


def _seekers_url(bereich, name, *args):
    return reverse(f"ehrenamt_intern:{name}" if bereich == "intern" else f"ehrenamt:{name}", args=args)


PAGE_SIZE = 25


# The volunteer's side


@volunteer_required
def bewerbung(request):
    if not Ehrenamtsprofil.objects.filter(user=request.user).exists():
        messages.info(request, _("Please fill in your volunteer profile first: languages and times come from there."))
        return redirect("ehrenamt:profil")
    bewerbung = Patenbewerbung.objects.filter(user=request.user).first()
    form = PatenbewerbungForm(request.POST or None, instance=bewerbung)
    if request.method == "POST" and form.is_valid():
        neu = bewerbung is None
        bewerbung = form.save(commit=False)
        bewerbung.user = request.user
        bewerbung.save()
        if neu:
            messages.success(request, _("Thank you! The volunteer coordination will get in touch with you."))
        else:
            messages.success(request, _("Your details have been saved."))
        return redirect("ehrenamt:meine_patenschaften")
    return render(request, "ehrenamt/paten/bewerbung.html", {"form": form, "bewerbung": bewerbung})


@volunteer_required
def meine_patenschaften(request):
    patenschaften = (
        Patenschaft.objects.filter(pate=request.user)
        .select_related("suche")
        .prefetch_related(Prefetch("rueckmeldungen", queryset=Rueckmeldung.objects.order_by("-datum")))
    )
    for patenschaft in patenschaften:
        letzte = next(iter(patenschaft.rueckmeldungen.all()), None)
        patenschaft.naechste = patenschaft.naechste_rueckmeldung(letzte.datum if letzte else None)
        patenschaft.ueberfaellig = patenschaft.naechste < timezone.localdate()
    return render(
        request,
        "ehrenamt/paten/meine.html",
        {
            "patenschaften": patenschaften,
            "bewerbung": Patenbewerbung.objects.filter(user=request.user).first(),
        },
    )


# The Integrationsmanagement registers households; the coordination sees them too.


@seekers_view
def suchende(request, bereich):
    queryset = Patensuche.objects.annotate(
        aktiv=Count("patenschaften", filter=Q(patenschaften__status=Patenschaft.Status.AKTIV))
    ).order_by("status", "erstellt_am", "pk")
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("seite"))
    return render(request, "ehrenamt/paten/suchende.html", {"page_obj": page, "bereich": bereich})


@seekers_view
def suche_bearbeiten(request, bereich, pk=None):
    suche = get_object_or_404(Patensuche, pk=pk) if pk else None
    form = PatensucheForm(request.POST or None, instance=suche)
    if request.method == "POST" and form.is_valid():
        suche = form.save(commit=False)
        if suche.erfasst_von_id is None:
            suche.erfasst_von = request.user
        suche.save()
        messages.success(request, _("Saved."))
        if bereich == "koordination":
            return redirect("ehrenamt:suche", pk=suche.pk)
        return redirect(_seekers_url(bereich, "suchende"))
    return render(request, "ehrenamt/paten/suche_form.html", {"form": form, "suche": suche, "bereich": bereich})


# The coordination: applications, matching, check-ins


@coordination_required
def bewerbungen(request):
    queryset = Patenbewerbung.objects.select_related("user").order_by("status", "erstellt_am", "pk")
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("seite"))
    return render(request, "ehrenamt/paten/bewerbungen.html", {"page_obj": page})


@coordination_required
@require_POST
def bewerbung_entscheiden(request, pk):
    bewerbung = get_object_or_404(Patenbewerbung.objects.select_related("user"), pk=pk)
    status = request.POST.get("status")
    if status not in Patenbewerbung.Status.values:
        messages.error(request, _("Please choose a status."))
    else:
        bewerbung.status = status
        bewerbung.entschieden_am = timezone.now()
        bewerbung.entschieden_von = request.user
        bewerbung.save(update_fields=["status", "entschieden_am", "entschieden_von"])
        messages.success(request, _("Saved."))
    return redirect("ehrenamt:patenbewerbungen")


@coordination_required
def suche(request, pk):
    suche = get_object_or_404(Patensuche, pk=pk)
    vorschlaege = matching.vorschlaege(suche)
    initial = {"beginn": timezone.localdate()}
    if vorschlaege:
        initial["pate"] = vorschlaege[0].pate.pk  # the best fit, preselected
    form = PatenschaftForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        patenschaft = form.save(commit=False)
        patenschaft.suche = suche
        patenschaft.erstellt_von = request.user
        patenschaft.save()
        suche.status = Patensuche.Status.VERMITTELT
        suche.save(update_fields=["status"])
        emails.PatenschaftBegonnen(patenschaft.pate, suche=suche, patenschaft=patenschaft).send()
        messages.success(request, _("The Patenschaft has been created and the Pate told by email."))
        return redirect("ehrenamt:patenschaft", pk=patenschaft.pk)
    return render(
        request,
        "ehrenamt/paten/suche.html",
        {
            "suche": suche,
            "vorschlaege": vorschlaege,
            "form": form,
            "patenschaften": suche.patenschaften.select_related("pate"),
        },
    )


@coordination_required
def patenschaften(request):
    """Active Patenschaften with their check-ins: overdue first, then due soon."""
    patenschaften = selectors.aktive_patenschaften()
    return render(
        request,
        "ehrenamt/paten/patenschaften.html",
        {
            "patenschaften": patenschaften,
            "ueberfaellig": sum(p.faellig == "ueberfaellig" for p in patenschaften),
            "bald": sum(p.faellig == "bald" for p in patenschaften),
        },
    )


def _get_patenschaft(pk):
    return get_object_or_404(Patenschaft.objects.select_related("suche", "pate", "pate__ehrenamtsprofil"), pk=pk)


def _patenschaft(request, patenschaft, rueckmeldung_form=None):
    rueckmeldungen = list(patenschaft.rueckmeldungen.all())
    naechste = patenschaft.naechste_rueckmeldung(rueckmeldungen[0].datum if rueckmeldungen else None)
    return render(
        request,
        "ehrenamt/paten/patenschaft.html",
        {
            "patenschaft": patenschaft,
            "telefon": selectors.telefon_des_paten(patenschaft),
            "rueckmeldungen": rueckmeldungen,
            "naechste": naechste,
            "ueberfaellig": naechste < timezone.localdate(),
            "rueckmeldung_form": rueckmeldung_form or RueckmeldungForm(initial={"datum": timezone.localdate()}),
        },
    )


@coordination_required
def patenschaft(request, pk):
    return _patenschaft(request, _get_patenschaft(pk))


@coordination_required
@require_POST
def rueckmeldung(request, pk):
    patenschaft = _get_patenschaft(pk)
    form = RueckmeldungForm(request.POST)
    if not form.is_valid():
        return _patenschaft(request, patenschaft, rueckmeldung_form=form)
    notiz = form.save(commit=False)
    notiz.patenschaft = patenschaft
    notiz.erfasst_von = request.user
    notiz.save()
    messages.success(request, _("The check-in has been recorded."))
    return redirect("ehrenamt:patenschaft", pk=pk)


@coordination_required
def beenden(request, pk):
    """Ending is a page of its own: the date is entered, never preset, with a short review."""
    patenschaft = _get_patenschaft(pk)
    if patenschaft.status != Patenschaft.Status.AKTIV:
        messages.info(request, _("This Patenschaft has already ended."))
        return redirect("ehrenamt:patenschaft", pk=pk)
    form = BeendenForm(request.POST or None, instance=patenschaft)
    if request.method != "POST" or not form.is_valid():
        return render(request, "ehrenamt/paten/beenden.html", {"patenschaft": patenschaft, "form": form})
    patenschaft = form.save(commit=False)
    patenschaft.status = Patenschaft.Status.BEENDET
    patenschaft.save()
    suche = patenschaft.suche
    if not suche.patenschaften.filter(status=Patenschaft.Status.AKTIV).exists():
        suche.status = Patensuche.Status.BEENDET
        suche.save(update_fields=["status"])
    messages.success(request, _("The Patenschaft has been ended."))
    return redirect("ehrenamt:patenschaft", pk=pk)
