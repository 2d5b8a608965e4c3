"""Patenschaften for the coordination and the Integrationsmanagement: applications, households seeking
a Pate, matching, check-ins and the end.

Who sees a household's details (`patenschaften.open_household`, rules.py): the coordination, which
matches households with Paten; in the Integrationsmanagement the case worker who registered it and the
Teamleitung; and the Pate of an active or past Patenschaft with it (views/member.py). Nobody else:
another case worker gets 404, as if it did not exist, and a list of only their own households.
"""

from functools import wraps

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.permissions import permission_required

from .. import matching, selectors, services
from ..forms import BeendenForm, PatenkontaktForm, PatenschaftForm, PatensucheForm
from ..models import Patenbewerbung, Patenschaft, Patensuche

coordination_required = permission_required("patenschaften.coordinate_patenschaften")

# Households are reached twice: by the Integrationsmanagement under /intern/ (MFA), by the
# coordination under /ehrenamt/koordination/. Each path admits only those with its permission.
SEEKER_AREA_PERMISSIONS = {
    "intern": "patenschaften.manage_households_intern",
    "koordination": "patenschaften.manage_households_koordination",
}


def seekers_view(view):
    checked = {area: permission_required(permission)(view) for area, permission in SEEKER_AREA_PERMISSIONS.items()}

    @wraps(view)
    def wrapped(request, *args, bereich, **kwargs):
        return checked[bereich](request, *args, bereich=bereich, **kwargs)

    return wrapped


def _seekers_url(bereich, name, *args):
    return reverse(f"patenschaften_intern:{name}" if bereich == "intern" else f"patenschaften:{name}", args=args)


PAGE_SIZE = 25


# The Integrationsmanagement registers households; the coordination sees them too.


def _sees_every_household(user):
    """The coordination (every area it works in) and the Teamleitung; a case worker sees their own."""
    return user.has_perm("patenschaften.manage_households_koordination") or user.has_perm(
        "patenschaften.see_all_households"
    )


def _household(request, pk):
    """The household `pk` if the user may open it (`patenschaften.open_household`); otherwise 404."""
    suche = get_object_or_404(Patensuche, pk=pk)
    if not request.user.has_perm("patenschaften.open_household", suche):
        raise Http404
    return suche


@seekers_view
def suchende(request, bereich):
    nur_von = None if _sees_every_household(request.user) else request.user
    page = Paginator(selectors.suchende(nur_von), PAGE_SIZE).get_page(request.GET.get("seite"))
    return render(request, "patenschaften/suchende.html", {"page_obj": page, "bereich": bereich})


@seekers_view
def suche_bearbeiten(request, bereich, pk=None):
    suche = _household(request, pk) if pk else None
    form = PatensucheForm(request.POST or None, instance=suche)
    if request.method == "POST" and form.is_valid():
        suche = services.suche_speichern(form.save(commit=False), request.user)
        messages.success(request, _("Saved."))
        if bereich == "koordination":
            return redirect("patenschaften:suche", pk=suche.pk)
        return redirect(_seekers_url(bereich, "suchende"))
    return render(request, "patenschaften/suche_form.html", {"form": form, "suche": suche, "bereich": bereich})


# The coordination: applications, matching, check-ins


@coordination_required
def bewerbungen(request):
    page = Paginator(selectors.bewerbungen(), PAGE_SIZE).get_page(request.GET.get("seite"))
    return render(request, "patenschaften/bewerbungen.html", {"page_obj": page})


@coordination_required
@require_POST
def bewerbung_entscheiden(request, pk):
    bewerbung = get_object_or_404(Patenbewerbung.objects.select_related("user"), pk=pk)
    status = request.POST.get("status")
    if status not in Patenbewerbung.Status.values:
        messages.error(request, _("Please choose a status."))
    else:
        services.bewerbung_entscheiden(bewerbung, status, request.user)
        messages.success(request, _("Saved."))
    return redirect("patenschaften:patenbewerbungen")


@coordination_required
def suche(request, pk):
    suche = get_object_or_404(Patensuche, pk=pk)
    vorschlaege = matching.vorschlaege(suche)
    initial = {"beginn": timezone.localdate()}
    if vorschlaege:
        initial["pate"] = vorschlaege[0].pate.pk  # the best fit, preselected
    form = PatenschaftForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        patenschaft = services.patenschaft_anlegen(form.save(commit=False), suche, request.user)
        messages.success(request, _("The Patenschaft has been created and the Pate told by email."))
        return redirect("patenschaften:patenschaft", pk=patenschaft.pk)
    return render(
        request,
        "patenschaften/suche.html",
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
        "patenschaften/patenschaften.html",
        {
            "patenschaften": patenschaften,
            "ueberfaellig": sum(p.faellig == "ueberfaellig" for p in patenschaften),
            "bald": sum(p.faellig == "bald" for p in patenschaften),
        },
    )


def _get_patenschaft(pk):
    return get_object_or_404(Patenschaft.objects.select_related("suche", "pate", "pate__ehrenamtsprofil"), pk=pk)


def _patenschaft(request, patenschaft, kontakt_form=None):
    kontakte = list(patenschaft.kontakte.all())
    naechste = patenschaft.naechste_rueckmeldung(kontakte[0].datum if kontakte else None)
    return render(
        request,
        "patenschaften/patenschaft.html",
        {
            "patenschaft": patenschaft,
            "telefon": selectors.telefon_des_paten(patenschaft),
            "kontakte": kontakte,
            "naechste": naechste,
            "ueberfaellig": naechste < timezone.localdate(),
            "kontakt_form": kontakt_form or PatenkontaktForm(initial={"datum": timezone.localdate()}),
        },
    )


@coordination_required
def patenschaft(request, pk):
    return _patenschaft(request, _get_patenschaft(pk))


@coordination_required
@require_POST
def rueckmeldung(request, pk):
    """Record a check-in (Rückmeldung) with the Pate."""
    patenschaft = _get_patenschaft(pk)
    form = PatenkontaktForm(request.POST)
    if not form.is_valid():
        return _patenschaft(request, patenschaft, kontakt_form=form)
    services.kontakt_erfassen(form.save(commit=False), patenschaft, request.user)
    messages.success(request, _("The check-in has been recorded."))
    return redirect("patenschaften:patenschaft", pk=pk)


@coordination_required
def beenden(request, pk):
    """Ending is a page of its own: the date is entered, never preset, with a short review."""
    patenschaft = _get_patenschaft(pk)
    if patenschaft.status != Patenschaft.Status.AKTIV:
        messages.info(request, _("This Patenschaft has already ended."))
        return redirect("patenschaften:patenschaft", pk=pk)
    form = BeendenForm(request.POST or None, instance=patenschaft)
    if request.method != "POST" or not form.is_valid():
        return render(request, "patenschaften/beenden.html", {"patenschaft": patenschaft, "form": form})
    services.beenden(form.save(commit=False))
    messages.success(request, _("The Patenschaft has been ended."))
    return redirect("patenschaften:patenschaft", pk=pk)
