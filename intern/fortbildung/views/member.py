"""The intercultural training catalogue for city staff (Verwaltung, Personal): courses and sessions,
own enrolments, calendar files and certificates of attendance."""

import datetime

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal import calendars
from portal.pdf import pdf_response
from portal.permissions import permission_required

from .. import services
from ..forms import KatalogFilterForm
from ..models import Kurs, Kursanmeldung, Kurstermin, Mitarbeiter


def verwaltung_view(view):
    return never_cache(permission_required("fortbildung.take_training")(view))


def _termine_mit_belegung():
    return Kurstermin.objects.annotate(
        belegt=Count("anmeldungen", filter=Q(anmeldungen__status=Kursanmeldung.Status.ANGEMELDET)),
        wartend=Count("anmeldungen", filter=Q(anmeldungen__status=Kursanmeldung.Status.WARTELISTE)),
    )


def render_fortbildung(request, template, context, aktiv=""):
    """A page of the training area; HR's links show with `perms.fortbildung.manage_training`."""
    context.update(aktiv=aktiv)
    return render(request, template, context)


def _eigene(user):
    """The user's active registrations by session."""
    return {a.termin_id: a for a in Kursanmeldung.objects.aktiv().filter(user=user)}


def _meine_position(user):
    return Mitarbeiter.objects.filter(user=user).values_list("position_id", flat=True).first()


@verwaltung_view
def katalog(request):
    form = KatalogFilterForm(request.GET or None)
    kurse = Kurs.objects.filter(aktiv=True)
    if form.is_valid():
        if form.cleaned_data["abteilung"]:
            kurse = kurse.filter(Q(zielgruppen=form.cleaned_data["abteilung"]) | Q(zielgruppen__isnull=True)).distinct()
        if form.cleaned_data["format"]:
            kurse = kurse.filter(format=form.cleaned_data["format"])
    kommende = _termine_mit_belegung().filter(beginn__gt=timezone.now(), abgesagt=False)
    kurse = list(
        kurse.prefetch_related(
            "zielgruppen", "pflicht_fuer", Prefetch("termine", queryset=kommende, to_attr="kommende")
        )
    )
    eigene = _eigene(request.user)
    position = _meine_position(request.user)
    for k in kurse:
        k.ist_pflicht = any(p.pk == position for p in k.pflicht_fuer.all())
        for t in k.kommende:
            t.eigene = eigene.get(t.pk)
    kurse.sort(key=lambda k: not k.ist_pflicht)  # mandatory for the user's position first
    return render_fortbildung(
        request, "fortbildung/katalog.html", {"form": form, "kurse": kurse, "position": position}, "katalog"
    )


@verwaltung_view
def kurs(request, pk):
    kurs = get_object_or_404(Kurs.objects.prefetch_related("zielgruppen", "pflicht_fuer"), pk=pk)
    verwaltet = request.user.has_perm("fortbildung.manage_training")
    if not kurs.aktiv and not verwaltet:
        raise Http404
    seit = datetime.timedelta(days=365 if verwaltet else 1)
    termine = list(_termine_mit_belegung().filter(kurs=kurs, beginn__gt=timezone.now() - seit))
    eigene = _eigene(request.user)
    for t in termine:
        t.eigene = eigene.get(t.pk)
    position = _meine_position(request.user)
    return render_fortbildung(
        request,
        "fortbildung/kurs.html",
        {"kurs": kurs, "termine": termine, "pflicht": any(p.pk == position for p in kurs.pflicht_fuer.all())},
        "katalog",
    )


@verwaltung_view
@require_POST
def anmelden(request, pk):
    termin = get_object_or_404(Kurstermin, pk=pk)
    try:
        result = services.anmelden(request.user, termin.pk)
    except services.KursanmeldungNichtMoeglich as error:
        messages.error(request, str(error))
    else:
        if result.status == Kursanmeldung.Status.ANGEMELDET:
            messages.success(request, _("You are registered. Add the session to your calendar."))
        else:
            messages.info(
                request,
                _(
                    "All places are taken: you are on the waiting list. "
                    "If a place becomes free, you move up and get an email."
                ),
            )
    return redirect("fortbildung:kurs", termin.kurs_id)


@verwaltung_view
@require_POST
def abmelden(request, pk):
    anmeldung = get_object_or_404(Kursanmeldung, pk=pk, user=request.user)
    try:
        services.abmelden(request.user, anmeldung.pk)
    except services.KursanmeldungNichtMoeglich as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect("fortbildung:meine")


def termin_event(termin, request):
    kurs = termin.kurs
    return calendars.Event(
        uid=f"fortbildung-termin-{termin.pk}@{calendars.UID_DOMAIN}",
        start=termin.beginn,
        end=termin.ende,
        summary=kurs.titel,
        description=f"{kurs.beschreibung}\n\n{_('Trainer')}: {kurs.trainer}",
        location=termin.ort,
        url=request.build_absolute_uri(reverse("fortbildung:kurs", args=[kurs.pk])),
        sequence=termin.sequenz,
        status="CANCELLED" if termin.abgesagt else "CONFIRMED",
        modified=termin.geaendert_am,
    )


@verwaltung_view
@calendars.calendar_view()
def termin_ics(request, pk):
    termin = get_object_or_404(Kurstermin.objects.select_related("kurs"), pk=pk)
    body = calendars.ics(termin.kurs.titel, [termin_event(termin, request)])
    return calendars.CalendarFile(body, f"fortbildung-{termin.pk}.ics", attachment=True)


@verwaltung_view
def meine(request):
    anmeldungen = (
        Kursanmeldung.objects.filter(user=request.user)
        .exclude(status=Kursanmeldung.Status.STORNIERT)
        .select_related("termin__kurs")
        .order_by("-termin__beginn")
    )
    return render_fortbildung(
        request, "fortbildung/meine.html", {"anmeldungen": anmeldungen, "jetzt": timezone.now()}, "meine"
    )


@verwaltung_view
def bescheinigung(request, pk):
    anmeldung = get_object_or_404(
        Kursanmeldung.objects.teilgenommen().select_related("termin__kurs", "user"), pk=pk, user=request.user
    )
    html = render_to_string(
        "fortbildung/bescheinigung.html",
        {"anmeldung": anmeldung, "kurs": anmeldung.termin.kurs, "ausgestellt": timezone.localdate()},
        request,
    )
    return pdf_response(html, f"teilnahmebescheinigung-{anmeldung.pk}.pdf")
