"""The Vorstand's side of the Verein: applications, the member register, fees, Sprechrunde dates."""

import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.exports import csv_download, csv_safe
from portal.permissions import permission_required

from .. import emails
from ..forms import AblehnenForm, BeitragForm, MitgliedVerwaltenForm, SprechrundeForm
from ..models import Beitrag, Mitglied, Sprechrunde
from ..selectors import beitrag_fuer, offene_antraege
from ..services import aufnehmen, rolle_pruefen, verknuepfen

REGISTER_PAGE_SIZE = 50


@permission_required("verein.manage_members")
def register(request):
    status = request.GET.get("status", "")
    queryset = Mitglied.objects.all()
    if status in Mitglied.Status.values:
        queryset = queryset.filter(status=status)
    page = Paginator(queryset, REGISTER_PAGE_SIZE).get_page(request.GET.get("seite"))
    return render(
        request,
        "verein/register.html",
        {
            "page_obj": page,
            "status": status,
            "status_choices": Mitglied.Status.choices,
            "query_prefix": f"status={status}" if status else "",
            "antraege": offene_antraege(),
        },
    )


def _verwaltbar(mitglied):
    """Status, dates and fees are kept for members; an application is accepted or declined first."""
    return mitglied.status in MitgliedVerwaltenForm.MITGLIED_STATUS


def _mitglied(request, mitglied, form=None, beitrag_form=None):
    verwaltbar = _verwaltbar(mitglied)
    return render(
        request,
        "verein/mitglied.html",
        {
            "mitglied": mitglied,
            "form": (form or MitgliedVerwaltenForm(instance=mitglied)) if verwaltbar else None,
            "beitrag_form": (
                beitrag_form
                or BeitragForm(initial={"jahr": timezone.localdate().year, "betrag": beitrag_fuer(mitglied)})
            )
            if verwaltbar
            else None,
            "beitraege": mitglied.beitraege.all(),
        },
    )


@permission_required("verein.manage_members")
def mitglied(request, pk):
    mitglied = get_object_or_404(Mitglied, pk=pk)
    if request.method == "POST" and not _verwaltbar(mitglied):
        messages.error(request, _("Please accept or decline the application first."))
        return redirect("verein:mitglied", pk=pk)
    form = MitgliedVerwaltenForm(request.POST or None, instance=mitglied)
    if request.method == "POST" and form.is_valid():
        form.save()
        rolle_pruefen(mitglied.user)
        messages.success(request, _("Saved."))
        return redirect("verein:mitglied", pk=pk)
    return _mitglied(request, mitglied, form=form)


@permission_required("verein.manage_members")
@require_POST
def entscheiden(request, pk):
    """Accepting: one button on the application. Declining has its own confirmation (`ablehnen`)."""
    mitglied = get_object_or_404(Mitglied, pk=pk, status=Mitglied.Status.BEANTRAGT)
    if request.POST.get("entscheidung") != "annehmen":
        return redirect("verein:ablehnen", pk=pk)
    if not aufnehmen(mitglied):  # decided a moment ago (a second click, or a colleague)
        messages.info(request, _("This application has already been decided."))
        return redirect("verein:mitglied", pk=pk)
    hat_konto = verknuepfen(mitglied)
    emails.MitgliedAufgenommen(mitglied, hat_konto=hat_konto).send()
    messages.success(
        request,
        _("%(name)s is now member no. %(number)s and has been told by email.")
        % {"name": mitglied, "number": mitglied.mitgliedsnummer},
    )
    return redirect("verein:mitglied", pk=pk)


@permission_required("verein.manage_members")
def ablehnen(request, pk):
    """Confirm declining an application, with the reason the applicant is sent in their language."""
    mitglied = get_object_or_404(Mitglied, pk=pk)
    if mitglied.status != Mitglied.Status.BEANTRAGT:
        messages.info(request, _("This application has already been decided."))
        return redirect("verein:mitglied", pk=pk)
    form = AblehnenForm(request.POST or None, instance=mitglied)
    if request.method == "POST" and form.is_valid():
        grund = form.cleaned_data["ablehnungsgrund"]
        entschieden = Mitglied.objects.filter(pk=pk, status=Mitglied.Status.BEANTRAGT).update(
            status=Mitglied.Status.ABGELEHNT, ablehnungsgrund=grund
        )
        if not entschieden:
            messages.info(request, _("This application has already been decided."))
            return redirect("verein:mitglied", pk=pk)
        mitglied.refresh_from_db()
        emails.MitgliedAbgelehnt(mitglied).send()
        messages.success(request, _("The application has been declined and the applicant told by email."))
        return redirect("verein:mitglied", pk=pk)
    return render(request, "verein/ablehnen.html", {"mitglied": mitglied, "form": form})


@permission_required("verein.manage_members")
@require_POST
def beitrag(request, pk):
    mitglied = get_object_or_404(Mitglied, pk=pk)
    if not _verwaltbar(mitglied):
        messages.error(request, _("Please accept or decline the application first."))
        return redirect("verein:mitglied", pk=pk)
    form = BeitragForm(request.POST)
    unpaying = form.is_valid() and form.cleaned_data["bezahlt"] == BeitragForm.OFFEN
    if unpaying and mitglied.beitraege.filter(jahr=form.cleaned_data["jahr"], bezahlt_am__isnull=False).exists():
        form.add_error(
            "bezahlt", _("This fee is already recorded as paid. To correct the day, choose “Paid” and enter it.")
        )
    if not form.is_valid():
        return _mitglied(request, mitglied, beitrag_form=form)
    Beitrag.objects.update_or_create(
        mitglied=mitglied,
        jahr=form.cleaned_data["jahr"],
        defaults={"betrag": form.cleaned_data["betrag"], "bezahlt_am": form.cleaned_data["bezahlt_am"]},
    )
    messages.success(request, _("The fee has been recorded."))
    return redirect("verein:mitglied", pk=pk)


def _jahr(request):
    try:
        jahr = int(request.GET.get("jahr", ""))
    except ValueError:
        jahr = timezone.localdate().year
    return jahr if 2000 <= jahr <= 2100 else timezone.localdate().year


@permission_required("verein.manage_members")
def offene_beitraege(request):
    """Active and dormant members without a paid fee for the year."""
    jahr = _jahr(request)
    bezahlt = Beitrag.objects.filter(jahr=jahr, bezahlt_am__isnull=False).values("mitglied_id")
    mitglieder = (
        Mitglied.objects.filter(status__in=[Mitglied.Status.AKTIV, Mitglied.Status.RUHEND])
        .exclude(pk__in=bezahlt)
        .prefetch_related(Prefetch("beitraege", queryset=Beitrag.objects.filter(jahr=jahr), to_attr="im_jahr"))
    )
    return render(request, "verein/offene_beitraege.html", {"mitglieder": mitglieder, "jahr": jahr})


@permission_required("verein.manage_members")
def export(request):
    jahr = _jahr(request)
    response, writer = csv_download(f"mitglieder-{jahr}.csv")
    writer.writerow(
        [
            _("Membership number"),
            _("First name"),
            _("Last name"),
            _("Street and number"),
            _("Postcode"),
            _("Town"),
            _("Email"),
            _("Date of birth"),
            _("Type of membership"),
            _("Status"),
            _("Joined"),
            _("Left"),
            _("Fee %(year)s") % {"year": jahr},
            _("Paid on"),
        ]
    )
    mitglieder = Mitglied.objects.exclude(status=Mitglied.Status.ABGELEHNT).prefetch_related(
        Prefetch("beitraege", queryset=Beitrag.objects.filter(jahr=jahr), to_attr="im_jahr")
    )
    for m in mitglieder:
        beitrag = m.im_jahr[0] if m.im_jahr else None
        writer.writerow(
            [
                m.mitgliedsnummer or "",
                csv_safe(m.vorname),
                csv_safe(m.nachname),
                csv_safe(m.strasse),
                csv_safe(m.plz),
                csv_safe(m.ort),
                csv_safe(m.email),
                m.geburtsdatum.isoformat(),
                m.get_art_display(),
                m.get_status_display(),
                m.eintritt.isoformat() if m.eintritt else "",
                m.austritt.isoformat() if m.austritt else "",
                beitrag.betrag if beitrag else "",
                beitrag.bezahlt_am.isoformat() if beitrag and beitrag.bezahlt_am else "",
            ]
        )
    return response


@permission_required("verein.manage_members")
def sprechrunden(request):
    form = SprechrundeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("verein:sprechrunden")
    return render(
        request,
        "verein/sprechrunden.html",
        {"form": form, "termine": Sprechrunde.objects.filter(beginn__gte=timezone.now() - datetime.timedelta(days=1))},
    )
