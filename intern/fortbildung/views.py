"""The training catalogue for city staff (own enrolments only) and HR's administration:
courses, sessions, attendance, staff records and the dashboard."""

import dataclasses
import datetime

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal import calendars
from portal.exports import csv_download, csv_safe
from portal.pdf import pdf_response
from portal.permissions import role_required
from portal.roles import PERSONAL, VERWALTUNG, has_role

from . import auswertung, services
from .forms import (
    AbteilungForm,
    AnwesenheitForm,
    KatalogFilterForm,
    KursForm,
    MitarbeiterForm,
    PositionForm,
    TerminForm,
)
from .models import Abteilung, Anmeldung, Kurs, Mitarbeiter, Position, Termin


def staff_view(view):
    return never_cache(role_required(VERWALTUNG, PERSONAL)(view))


def hr_view(view):
    return never_cache(role_required(PERSONAL)(view))


def _termine_mit_belegung():
    return Termin.objects.annotate(
        belegt=Count("anmeldungen", filter=Q(anmeldungen__status=Anmeldung.Status.ANGEMELDET)),
        wartend=Count("anmeldungen", filter=Q(anmeldungen__status=Anmeldung.Status.WARTELISTE)),
    )


def _render(request, template, context, aktiv=""):
    context.update(ist_personal=_ist_personal(request.user), aktiv=aktiv)
    return render(request, template, context)


def _eigene(user):
    """The user's active registrations by session."""
    return {a.termin_id: a for a in Anmeldung.objects.aktiv().filter(user=user)}


def _meine_position(user):
    return Mitarbeiter.objects.filter(user=user).values_list("position_id", flat=True).first()


def _ist_personal(user):
    return user.is_superuser or has_role(user, PERSONAL)


@staff_view
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
    return _render(request, "fortbildung/katalog.html", {"form": form, "kurse": kurse, "position": position}, "katalog")


@staff_view
def kurs(request, pk):
    kurs = get_object_or_404(Kurs.objects.prefetch_related("zielgruppen", "pflicht_fuer"), pk=pk)
    if not kurs.aktiv and not _ist_personal(request.user):
        raise Http404
    seit = datetime.timedelta(days=365 if _ist_personal(request.user) else 1)
    termine = list(_termine_mit_belegung().filter(kurs=kurs, beginn__gt=timezone.now() - seit))
    eigene = _eigene(request.user)
    for t in termine:
        t.eigene = eigene.get(t.pk)
    position = _meine_position(request.user)
    return _render(
        request,
        "fortbildung/kurs.html",
        {"kurs": kurs, "termine": termine, "pflicht": any(p.pk == position for p in kurs.pflicht_fuer.all())},
        "katalog",
    )


@staff_view
@require_POST
def anmelden(request, pk):
    termin = get_object_or_404(Termin, pk=pk)
    try:
        result = services.anmelden(request.user, termin.pk)
    except services.AnmeldungNichtMoeglich as error:
        messages.error(request, str(error))
    else:
        if result.status == Anmeldung.Status.ANGEMELDET:
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


@staff_view
@require_POST
def abmelden(request, pk):
    anmeldung = get_object_or_404(Anmeldung, pk=pk, user=request.user)
    try:
        services.abmelden(request.user, anmeldung.pk)
    except services.AnmeldungNichtMoeglich as error:
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


@staff_view
@calendars.calendar_view()
def termin_ics(request, pk):
    termin = get_object_or_404(Termin.objects.select_related("kurs"), pk=pk)
    body = calendars.ics(termin.kurs.titel, [termin_event(termin, request)])
    return calendars.CalendarFile(body, f"fortbildung-{termin.pk}.ics", attachment=True)


@staff_view
def meine(request):
    anmeldungen = (
        Anmeldung.objects.filter(user=request.user)
        .exclude(status=Anmeldung.Status.STORNIERT)
        .select_related("termin__kurs")
        .order_by("-termin__beginn")
    )
    return _render(request, "fortbildung/meine.html", {"anmeldungen": anmeldungen, "jetzt": timezone.now()}, "meine")


@staff_view
def bescheinigung(request, pk):
    anmeldung = get_object_or_404(
        Anmeldung.objects.teilgenommen().select_related("termin__kurs", "user"), pk=pk, user=request.user
    )
    html = render_to_string(
        "fortbildung/bescheinigung.html",
        {"anmeldung": anmeldung, "kurs": anmeldung.termin.kurs, "ausgestellt": timezone.localdate()},
        request,
    )
    return pdf_response(html, f"teilnahmebescheinigung-{anmeldung.pk}.pdf")


# HR


@hr_view
def uebersicht(request):
    staff = auswertung.belegschaft()
    geschult = auswertung.geschulte_user_ids()
    fehlende = auswertung.fehlende_pflichtkurse(staff)
    return _render(
        request,
        "fortbildung/personal/uebersicht.html",
        {
            "abdeckung": auswertung.abdeckung(staff, geschult),
            "fehlende": fehlende,
            "zu_erinnern": services.zu_erinnern(fehlende),
            "jahre": auswertung.jahreszahlen(staff),
            "anzahl": len(staff),
        },
        "uebersicht",
    )


@hr_view
def erinnern(request):
    """GET: the reminders as their recipients will get them, one shown in full; POST: send them."""
    fehlende = auswertung.fehlende_pflichtkurse(auswertung.belegschaft())
    if request.method == "POST":
        gesendet, uebersprungen = services.erinnern(fehlende)
        messages.success(
            request,
            _("Reminders sent: %(sent)s. Not sent again because reminded in the last seven days: %(skipped)s.")
            % {"sent": gesendet, "skipped": uebersprungen},
        )
        return redirect("fortbildung:uebersicht")
    faellig = services.faellige_erinnerungen(fehlende)
    for eintrag in faellig:
        eintrag["empfaenger"] = next(iter(eintrag["mail"].recipients), None)
    mit_mail = [e for e in faellig if e["empfaenger"]]
    gewaehlt = request.GET.get("vorschau", "")
    beispiel = next((e for e in mit_mail if str(e["mitarbeiter"].pk) == gewaehlt), mit_mail[0] if mit_mail else None)
    vorschau = lesefassung = None
    if beispiel:
        vorschau = beispiel["mail"].render(beispiel["empfaenger"])
        if beispiel["empfaenger"].language != get_language():  # a copy HR can read
            lesefassung = beispiel["mail"].render(dataclasses.replace(beispiel["empfaenger"], language=get_language()))
    return _render(
        request,
        "fortbildung/personal/erinnern.html",
        {
            "faellig": faellig,
            "anzahl": len(mit_mail),
            "uebersprungen": len(fehlende) - len(faellig),
            "beispiel": beispiel,
            "vorschau": vorschau,
            "lesefassung": lesefassung,
        },
        "uebersicht",
    )


@hr_view
def export(request):
    staff = auswertung.belegschaft()
    geschult = auswertung.geschulte_user_ids()
    fehlend = {e["mitarbeiter"].pk: e["kurse"] for e in auswertung.fehlende_pflichtkurse(staff)}
    anzahl = dict(
        Anmeldung.objects.teilgenommen().values("user_id").annotate(n=Count("pk")).values_list("user_id", "n")
    )
    response, writer = csv_download(f"fortbildung-{timezone.localdate():%Y-%m-%d}.csv")
    writer.writerow(
        [
            _("Name"),
            _("Email"),
            _("Department"),
            _("Schnittstelle"),
            _("Position"),
            _("Sessions attended"),
            _("Trained"),
            _("Missing mandatory courses"),
        ]
    )
    for person in staff:
        writer.writerow(
            [
                csv_safe(person.user.get_full_name()),
                csv_safe(person.user.email),
                csv_safe(person.abteilung.name),
                _("yes") if person.abteilung.schnittstelle else _("no"),
                csv_safe(person.position.name),
                anzahl.get(person.user_id, 0),
                _("yes") if person.user_id in geschult else _("no"),
                csv_safe(", ".join(k.titel for k in fehlend.get(person.pk, []))),
            ]
        )
    return response


@hr_view
def kurs_bearbeiten(request, pk=None):
    kurs = get_object_or_404(Kurs, pk=pk) if pk else None
    form = KursForm(request.POST or None, instance=kurs)
    if request.method == "POST" and form.is_valid():
        kurs = form.save()
        messages.success(request, _("The course was saved."))
        return redirect("fortbildung:kurs", kurs.pk)
    return _render(
        request,
        "fortbildung/personal/formular.html",
        {"form": form, "titel": _("Edit course") if pk else _("New course")},
    )


@hr_view
def termin_bearbeiten(request, kurs_pk=None, pk=None):
    termin = get_object_or_404(Termin, pk=pk) if pk else Termin(kurs=get_object_or_404(Kurs, pk=kurs_pk))
    form = TerminForm(request.POST or None, instance=termin)
    if request.method == "POST" and form.is_valid():
        gespeichert = services.termin_speichern(form)
        if gespeichert is not None:
            messages.success(request, _("The session was saved."))
            return redirect("fortbildung:kurs", gespeichert.kurs_id)
    return _render(
        request,
        "fortbildung/personal/formular.html",
        {"form": form, "titel": _("Edit session") if pk else _("New session"), "untertitel": termin.kurs.titel},
    )


@hr_view
def teilnehmende(request, pk):
    termin = get_object_or_404(Termin.objects.select_related("kurs"), pk=pk)
    anmeldungen = list(
        termin.anmeldungen.exclude(status=Anmeldung.Status.STORNIERT).select_related("user__mitarbeiter__abteilung")
    )
    mit_platz = [a for a in anmeldungen if a.status == Anmeldung.Status.ANGEMELDET]
    # No attendance form before the session, nor for a cancelled one; the service refuses as well.
    form = (
        AnwesenheitForm(request.POST or None, anmeldungen=mit_platz) if services.anwesenheit_erfassbar(termin) else None
    )
    if request.method == "POST":
        try:
            if form is None or form.is_valid():
                anwesend = form.cleaned_data["anwesend"] if form else []
                services.anwesenheit_speichern(termin, [int(pk) for pk in anwesend])
                messages.success(request, _("Attendance saved."))
                return redirect("fortbildung:teilnehmende", termin.pk)
        except services.AnmeldungNichtMoeglich as error:
            messages.error(request, str(error))
    return _render(
        request,
        "fortbildung/personal/teilnehmende.html",
        {
            "termin": termin,
            "form": form,
            "mit_platz": mit_platz,
            "warteliste": [a for a in anmeldungen if a.status == Anmeldung.Status.WARTELISTE],
        },
    )


@hr_view
def mitarbeitende(request):
    staff = Mitarbeiter.objects.select_related("user", "abteilung", "position").order_by(
        "abteilung__name", "user__last_name", "user__first_name", "pk"
    )
    return _render(request, "fortbildung/personal/mitarbeitende.html", {"staff": staff}, "mitarbeitende")


@hr_view
def mitarbeiter_bearbeiten(request, pk=None):
    mitarbeiter = get_object_or_404(Mitarbeiter, pk=pk) if pk else None
    form = MitarbeiterForm(request.POST or None, instance=mitarbeiter)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The staff record was saved."))
        return redirect("fortbildung:mitarbeitende")
    return _render(
        request,
        "fortbildung/personal/formular.html",
        {"form": form, "titel": _("Edit staff record") if pk else _("New staff record")},
    )


@hr_view
def stammdaten(request):
    abteilungen = Abteilung.objects.annotate(beschaeftigte=Count("mitarbeiter", filter=Q(mitarbeiter__aktiv=True)))
    positionen = Position.objects.annotate(
        beschaeftigte=Count("mitarbeiter", filter=Q(mitarbeiter__aktiv=True), distinct=True),
        pflichtkurse_anzahl=Count("pflichtkurse", distinct=True),
    )
    return _render(
        request,
        "fortbildung/personal/stammdaten.html",
        {"abteilungen": abteilungen, "positionen": positionen},
        "stammdaten",
    )


def _stammdatum_bearbeiten(request, model, form_class, pk, titel_neu, titel_bearbeiten):
    instance = get_object_or_404(model, pk=pk) if pk else None
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("fortbildung:stammdaten")
    return _render(
        request,
        "fortbildung/personal/formular.html",
        {"form": form, "titel": titel_bearbeiten if pk else titel_neu},
        "stammdaten",
    )


@hr_view
def abteilung_bearbeiten(request, pk=None):
    return _stammdatum_bearbeiten(request, Abteilung, AbteilungForm, pk, _("New department"), _("Edit department"))


@hr_view
def position_bearbeiten(request, pk=None):
    return _stammdatum_bearbeiten(request, Position, PositionForm, pk, _("New position"), _("Edit position"))
