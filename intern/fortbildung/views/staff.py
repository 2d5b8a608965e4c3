"""HR's administration of the intercultural training (Personal role): the dashboard and reminders,
the CSV export, courses, sessions and attendance, staff records, departments and positions."""

import dataclasses

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.exports import csv_download, csv_safe
from portal.permissions import permission_required

from .. import services, statistik
from ..forms import AbteilungForm, KursForm, KursterminAnwesenheitForm, KursterminForm, MitarbeiterForm, PositionForm
from ..models import Abteilung, Kurs, Kursanmeldung, Kurstermin, Mitarbeiter, Position
from .member import render_fortbildung


def hr_view(view):
    return never_cache(permission_required("fortbildung.manage_training")(view))


@hr_view
def uebersicht(request):
    staff = statistik.belegschaft()
    geschult = statistik.geschulte_user_ids()
    fehlende = statistik.fehlende_pflichtkurse(staff)
    return render_fortbildung(
        request,
        "fortbildung/personal/uebersicht.html",
        {
            "abdeckung": statistik.abdeckung(staff, geschult),
            "fehlende": fehlende,
            "zu_erinnern": services.zu_erinnern(fehlende),
            "jahre": statistik.jahreszahlen(staff),
            "anzahl": len(staff),
        },
        "uebersicht",
    )


@hr_view
def erinnern(request):
    """GET: the reminders as their recipients will get them, one shown in full; POST: send them."""
    fehlende = statistik.fehlende_pflichtkurse(statistik.belegschaft())
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
    return render_fortbildung(
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
    staff = statistik.belegschaft()
    geschult = statistik.geschulte_user_ids()
    fehlend = {e["mitarbeiter"].pk: e["kurse"] for e in statistik.fehlende_pflichtkurse(staff)}
    anzahl = dict(
        Kursanmeldung.objects.teilgenommen().values("user_id").annotate(n=Count("pk")).values_list("user_id", "n")
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
    return render_fortbildung(
        request,
        "fortbildung/personal/formular.html",
        {"form": form, "titel": _("Edit course") if pk else _("New course")},
    )


@hr_view
def termin_bearbeiten(request, kurs_pk=None, pk=None):
    termin = get_object_or_404(Kurstermin, pk=pk) if pk else Kurstermin(kurs=get_object_or_404(Kurs, pk=kurs_pk))
    form = KursterminForm(request.POST or None, instance=termin)
    if request.method == "POST" and form.is_valid():
        gespeichert = services.termin_speichern(form)
        if gespeichert is not None:
            messages.success(request, _("The session was saved."))
            return redirect("fortbildung:kurs", gespeichert.kurs_id)
    return render_fortbildung(
        request,
        "fortbildung/personal/formular.html",
        {"form": form, "titel": _("Edit session") if pk else _("New session"), "untertitel": termin.kurs.titel},
    )


@hr_view
def teilnehmende(request, pk):
    termin = get_object_or_404(Kurstermin.objects.select_related("kurs"), pk=pk)
    anmeldungen = list(
        termin.anmeldungen.exclude(status=Kursanmeldung.Status.STORNIERT).select_related("user__mitarbeiter__abteilung")
    )
    mit_platz = [a for a in anmeldungen if a.status == Kursanmeldung.Status.ANGEMELDET]
    # No attendance form before the session, nor for a cancelled one; the service refuses as well.
    form = (
        KursterminAnwesenheitForm(request.POST or None, anmeldungen=mit_platz)
        if services.anwesenheit_erfassbar(termin)
        else None
    )
    if request.method == "POST":
        try:
            if form is None or form.is_valid():
                anwesend = form.cleaned_data["anwesend"] if form else []
                services.anwesenheit_speichern(termin, [int(pk) for pk in anwesend])
                messages.success(request, _("Attendance saved."))
                return redirect("fortbildung:teilnehmende", termin.pk)
        except services.KursanmeldungNichtMoeglich as error:
            messages.error(request, str(error))
    return render_fortbildung(
        request,
        "fortbildung/personal/teilnehmende.html",
        {
            "termin": termin,
            "form": form,
            "mit_platz": mit_platz,
            "warteliste": [a for a in anmeldungen if a.status == Kursanmeldung.Status.WARTELISTE],
        },
    )


@hr_view
def mitarbeitende(request):
    staff = Mitarbeiter.objects.select_related("user", "abteilung", "position").order_by(
        "abteilung__name", "user__last_name", "user__first_name", "pk"
    )
    return render_fortbildung(request, "fortbildung/personal/mitarbeitende.html", {"staff": staff}, "mitarbeitende")


@hr_view
def mitarbeiter_bearbeiten(request, pk=None):
    mitarbeiter = get_object_or_404(Mitarbeiter, pk=pk) if pk else None
    form = MitarbeiterForm(request.POST or None, instance=mitarbeiter)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The staff record was saved."))
        return redirect("fortbildung:mitarbeitende")
    return render_fortbildung(
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
    return render_fortbildung(
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
    return render_fortbildung(
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
