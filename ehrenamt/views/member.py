"""The volunteer's side: profile, open shifts, sign-up, "I can't come", own shifts, calendar link, certificate.
The personal calendar feed itself (reached by its token, without signing in) is in public.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.links import reverse_each
from portal.permissions import permission_required

from .. import emails, pdf, selectors, services
from ..forms import AbmeldenForm, ProfilForm, SchichtFilterForm
from ..models import Ehrenamtsprofil, Einsatz, Einsatzbereich, Qualifikation, Qualifikationsnachweis, Schicht, new_token

SHIFTS_PAGE_SIZE = 20


def nicht_freigegeben(request):
    """The volunteers' area's refusal page: signed in, but not (yet) approved; say where the account
    stands and whom to ask."""
    profil = Ehrenamtsprofil.objects.filter(user=request.user).first()
    context = {"profil": profil, "kontakt": selectors.kontakt_der_koordination()}
    return render(request, "ehrenamt/nicht_freigegeben.html", context, status=403)


volunteer_required = permission_required("ehrenamt.volunteer", refusal=nicht_freigegeben)


@login_required
def profil(request):
    profil = Ehrenamtsprofil.objects.filter(user=request.user).first()
    form = ProfilForm(request.POST or None, instance=profil, user=request.user)
    if request.method == "POST" and form.is_valid():
        neu = profil is None
        profil = form.save()
        if neu:
            emails.NeueBewerbung(profil).send()
            messages.success(
                request,
                _("Thank you! The volunteer coordination will look at your details and get back to you by email."),
            )
        else:
            messages.success(request, _("Your volunteer profile has been saved."))
        return redirect("ehrenamt:profil")
    kontakt = selectors.kontakt_der_koordination() if profil and profil.status != profil.Status.FREIGEGEBEN else None
    return render(request, "ehrenamt/profil.html", {"form": form, "profil": profil, "kontakt": kontakt})


def _meine_status(user, schichten):
    return dict(
        Einsatz.objects.filter(freiwillige=user, schicht__in=[s.pk for s in schichten]).values_list(
            "schicht_id", "status"
        )
    )


@volunteer_required
def schichten(request):
    form = SchichtFilterForm(request.GET or None)
    queryset = form.filter(Schicht.objects.offen().mit_belegung().select_related("stelle"))
    page = Paginator(queryset, SHIFTS_PAGE_SIZE).get_page(request.GET.get("seite"))
    status = _meine_status(request.user, page)
    nachweise = list(Qualifikationsnachweis.objects.filter(freiwillige=request.user))
    # Each row's links and labels, looked up once for the page (reverse() and get_FOO_display()
    # cost ~35 and ~50 µs per call, the latter translating every choice of the field).
    detail_url, anmelden_url = reverse_each("ehrenamt:schicht"), reverse_each("ehrenamt:anmelden")
    bereiche, qualifikationen = dict(Einsatzbereich.choices), dict(Qualifikation.choices)
    for schicht in page:
        schicht.url, schicht.anmelden_url = detail_url(schicht.pk), anmelden_url(schicht.pk)
        schicht.bereich_label = bereiche.get(schicht.bereich, schicht.bereich)
        schicht.qualifikation_label = qualifikationen.get(schicht.qualifikation, schicht.qualifikation)
        schicht.mein_status = status.get(schicht.pk)
        schicht.frei = max(schicht.kapazitaet - schicht.belegt, 0)
        schicht.qualifiziert = not schicht.qualifikation or any(
            n.art == schicht.qualifikation and n.gilt_am(timezone.localdate(schicht.beginn)) for n in nachweise
        )
    selectors.mit_orten(page)
    query = request.GET.copy()
    query.pop("seite", None)
    return render(
        request,
        "ehrenamt/schichten.html",
        {"form": form, "page_obj": page, "query_prefix": query.urlencode()},
    )


@volunteer_required
def schicht(request, pk):
    schicht = get_object_or_404(Schicht.objects.mit_belegung().select_related("stelle"), pk=pk)
    einsatz = Einsatz.objects.filter(schicht=schicht, freiwillige=request.user).first()
    # Others on the same shift: first names only; contact data is for the coordination.
    kollegen = list(
        Einsatz.objects.filter(schicht=schicht, status=Einsatz.Status.BESTAETIGT, freiwillige__isnull=False)
        .exclude(freiwillige=request.user)
        .values_list("freiwillige__first_name", flat=True)
    )
    position = None
    if einsatz and einsatz.status == Einsatz.Status.WARTELISTE:
        earlier = Q(angemeldet_am__lt=einsatz.angemeldet_am) | Q(angemeldet_am=einsatz.angemeldet_am, pk__lt=einsatz.pk)
        position = Einsatz.objects.filter(earlier, schicht=schicht, status=Einsatz.Status.WARTELISTE).count() + 1
    return render(
        request,
        "ehrenamt/schicht.html",
        {
            "schicht": schicht,
            "einsatz": einsatz,
            "kollegen": kollegen,
            "position": position,
            "frei": max(schicht.kapazitaet - schicht.belegt, 0),
            "kann_abmelden": einsatz is not None and services.kann_abmelden(einsatz),
            "rueckgaengig_bis": einsatz and services.rueckgaengig_bis(einsatz),
            "qualifiziert": selectors.ist_qualifiziert(request.user, schicht),
            "frist_stunden": services.abmeldefrist().total_seconds() // 3600,
        },
    )


@volunteer_required
@require_POST
def anmelden(request, pk):
    try:
        result = services.anmelden(pk, request.user)
    except services.Abgelehnt as refusal:
        messages.error(request, str(refusal))
    else:
        if result.status == Einsatz.Status.BESTAETIGT:
            messages.success(request, _("You are signed up. Thank you!"))
        else:
            messages.info(
                request,
                _("The shift is full. You are on the waiting list and get an email if a place becomes free."),
            )
    return redirect("ehrenamt:schicht", pk=pk)


@volunteer_required
def abmelden(request, pk):
    """ "I can't come": a confirmation page with an optional reason; the coordination is told."""
    einsatz = get_object_or_404(Einsatz.objects.select_related("schicht"), pk=pk, freiwillige=request.user)
    zurueck = request.POST.get("zurueck", request.GET.get("zurueck")) == "meine"
    ziel = redirect("ehrenamt:meine_einsaetze") if zurueck else redirect("ehrenamt:schicht", pk=einsatz.schicht_id)
    if einsatz.status == Einsatz.Status.ABGEMELDET:
        messages.info(request, _("You are not signed up for this shift any more."))
        return ziel
    hatte_platz = einsatz.status == Einsatz.Status.BESTAETIGT
    frisch = hatte_platz and services.frisch_angemeldet(einsatz)
    form = AbmeldenForm(request.POST if request.method == "POST" else None, mit_grund=hatte_platz)
    try:
        services.pruefe_abmeldung(einsatz)
        if request.method == "POST" and form.is_valid():
            nachgerueckt = services.abmelden(
                einsatz.pk, request.user, grund=form.cleaned_data.get("grund", ""), erwartet=request.POST.get("status")
            )
            if not hatte_platz:
                messages.success(request, _("You have left the waiting list for this shift."))
            elif frisch:
                messages.success(request, _("You have undone your sign-up for this shift."))
            elif nachgerueckt:
                messages.success(
                    request,
                    _(
                        "You have cancelled your place on this shift. The next person on the waiting list has "
                        "taken it, and the volunteer coordination has been told. Thank you for letting us know."
                    ),
                )
            else:
                messages.success(
                    request,
                    _(
                        "You have cancelled your place on this shift. The volunteer coordination has been told. "
                        "Thank you for letting us know."
                    ),
                )
            return ziel
    except services.Abgelehnt as refusal:
        messages.error(request, str(refusal))
        return ziel
    return render(
        request,
        "ehrenamt/absagen.html",
        {
            "form": form,
            "einsatz": einsatz,
            "schicht": einsatz.schicht,
            "hatte_platz": hatte_platz,
            "zurueck": zurueck,
            "rueckgaengig_bis": services.rueckgaengig_bis(einsatz),
        },
    )


@volunteer_required
def meine_einsaetze(request):
    now = timezone.now()
    einsaetze = list(
        Einsatz.objects.filter(freiwillige=request.user)
        .exclude(status=Einsatz.Status.ABGEMELDET)
        .select_related("schicht", "schicht__stelle")
        .order_by("schicht__beginn")
    )
    kommend = [e for e in einsaetze if e.schicht.ende > now]
    selectors.mit_orten([e.schicht for e in kommend])
    vergangen = [e for e in reversed(einsaetze) if e.schicht.ende <= now and e.status == Einsatz.Status.BESTAETIGT]
    wartend = [e for e in kommend if e.status == Einsatz.Status.WARTELISTE]
    if wartend:
        reihenfolge = Einsatz.objects.filter(
            schicht__in=[e.schicht_id for e in wartend], status=Einsatz.Status.WARTELISTE
        ).order_by("angemeldet_am", "pk")
        plaetze = {}
        for schicht_id, einsatz_id in reihenfolge.values_list("schicht_id", "pk"):
            plaetze.setdefault(schicht_id, []).append(einsatz_id)
        for einsatz in wartend:
            einsatz.position = plaetze[einsatz.schicht_id].index(einsatz.pk) + 1
    for einsatz in kommend:
        einsatz.kann_abmelden = services.kann_abmelden(einsatz)
        einsatz.rueckgaengig_bis = services.rueckgaengig_bis(einsatz)
    profil = Ehrenamtsprofil.objects.filter(user=request.user).first()
    feed_url = request.build_absolute_uri(reverse("ehrenamt:feed", args=[profil.feed_token])) if profil else None
    return render(
        request,
        "ehrenamt/meine_einsaetze.html",
        {
            "kommend": kommend,
            "vergangen": vergangen[:50],
            "jahre": selectors.stunden_je_jahr(einsaetze),
            "feed_url": feed_url,
            "webcal_url": feed_url.replace("https://", "webcal://").replace("http://", "webcal://")
            if feed_url
            else None,
        },
    )


@volunteer_required
@require_POST
def feed_erneuern(request):
    profil = get_object_or_404(Ehrenamtsprofil, user=request.user)
    profil.feed_token = new_token()
    profil.save(update_fields=["feed_token"])
    messages.success(
        request, _("Your calendar link has been renewed. The old link no longer works; subscribe to the new one.")
    )
    return redirect("ehrenamt:meine_einsaetze")


@volunteer_required
def nachweis_pdf(request, jahr):
    return pdf.response(request, request.user, jahr)
