"""The case register for case workers: cases, their grid, measures, contacts, My tasks and the
anonymised statistics. Every view checks `faelle.work_on_cases`, and every case is looked up among the cases
the user may open (404 otherwise). Every read and change is written to the audit log."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from intern.audit.models import AuditEintrag, protokolliere, protokolliere_faelle
from portal.links import reverse_each
from portal.permissions import permission_required

from ..forms import (
    AufenthaltForm,
    EinwilligungForm,
    FallForm,
    FallkontaktForm,
    MassnahmeForm,
    PersonForm,
    RasterForm,
    UebergabeForm,
)
from ..models import Bedarf, Fall, Fallkontakt, Massnahme, Rasterbereich, Uebergabe
from ..selectors import faelle_fuer, fall_fuer
from ..statistik import MINDESTANZAHL, zahlen

A = AuditEintrag.Aktion
PAGE_SIZE = 50
KONTAKTE_AUF_DER_FALLSEITE = 5


def fall_view(view):
    """Case workers only (`faelle.work_on_cases`), never cached, and no form values in error reports."""
    return never_cache(sensitive_post_parameters()(permission_required("faelle.work_on_cases")(view)))


def _fall(request, pk):
    return fall_fuer(request.user, pk)


@fall_view
def liste(request):
    # Only what the list shows: nothing to decrypt, and the open measures counted for the rows shown.
    offene = (
        Massnahme.objects.filter(fall=OuterRef("pk"), status=Massnahme.Status.OFFEN)
        .order_by()
        .values("fall")
        .annotate(anzahl=Count("pk"))
        .values("anzahl")
    )
    faelle = (
        faelle_fuer(request.user)
        .only("pk", "nummer", "pseudonym", "status", "erstellt_am")
        .annotate(offene_massnahmen=Coalesce(Subquery(offene), 0))
    )
    status = request.GET.get("status", "")
    if status in Fall.Status.values:
        faelle = faelle.filter(status=status)
    suche = request.GET.get("q", "").strip()[:60]
    if suche:
        faelle = faelle.filter(Q(nummer__icontains=suche) | Q(pseudonym__icontains=suche))
    page = Paginator(faelle.order_by("-erstellt_am", "-pk"), PAGE_SIZE).get_page(request.GET.get("seite"))
    # Each row's link and status label, looked up once for the page (reverse() and
    # get_status_display() cost ~35 and ~30 µs per call, 50 rows a page).
    fall_url, stati = reverse_each("faelle:fall"), dict(Fall.Status.choices)
    for fall in page:
        fall.url, fall.status_label = fall_url(fall.pk), stati.get(fall.status, fall.status)
    protokolliere(request.user, A.LISTE, "faelle")
    return render(
        request,
        "faelle/liste.html",
        {
            "page_obj": page,
            "status": status,
            "suche": suche,
            "stati": Fall.Status.choices,
        },
    )


@fall_view
def neu(request):
    form = FallForm(request.POST or None, teamleitung=request.user.has_perm("faelle.see_all_cases"))
    person_form = PersonForm(request.POST or None, prefix="person")
    if request.method == "POST" and form.is_valid() and person_form.is_valid():
        with transaction.atomic():
            fall = form.save()
            fall.bearbeitende.set(form.cleaned_data.get("bearbeitende") or [request.user])
            person = person_form.save(commit=False)
            person.fall = fall
            person.save()
            Uebergabe.objects.create(fall=fall)
            protokolliere(request.user, A.ANLEGEN, "fall", fall, fall, form.changed_data)
            protokolliere(request.user, A.ANLEGEN, "person", person, fall, person_form.changed_data)
        messages.success(request, _("The case %(number)s was created.") % {"number": fall.nummer})
        return redirect("faelle:fall", pk=fall.pk)
    return render(request, "faelle/fall_form.html", {"form": form, "person_form": person_form})


def je_bereich(massnahmen):
    """Measures by life area."""
    bereiche = {}
    for massnahme in massnahmen:
        bereiche.setdefault(massnahme.lebensbereich, []).append(massnahme)
    return bereiche


def raster_zeilen(fall, massnahmen):
    """The grid's rows: each life area with its assessment (None: never saved) and its measures."""
    bedarfe = {b.lebensbereich: b for b in fall.bedarfe.all()}
    massnahmen = je_bereich(massnahmen)
    return [(code, label, bedarfe.get(code), massnahmen.get(code, [])) for code, label in Rasterbereich.choices]


@fall_view
def fall(request, pk):
    fall = _fall(request, pk)
    massnahmen = list(fall.massnahmen.select_related("angebot", "verantwortlich"))
    kontakte = list(fall.kontakte.select_related("erfasst_von")[: KONTAKTE_AUF_DER_FALLSEITE + 1])
    protokolliere(request.user, A.LESEN, "fall", fall, fall)
    if kontakte:
        protokolliere(request.user, A.LESEN, "kontakte", fall, fall)
    return render(
        request,
        "faelle/fall.html",
        {
            "fall": fall,
            "personen": fall.personen.all(),
            "aufenthalte": fall.aufenthalte.all(),
            "einwilligungen": fall.einwilligungen.all(),
            "einwilligung": fall.einwilligung(),
            "uebergabe": Uebergabe.objects.filter(fall=fall).first(),
            "raster": raster_zeilen(fall, massnahmen),
            "massnahmen": massnahmen,
            "kontakte": kontakte[:KONTAKTE_AUF_DER_FALLSEITE],
            "mehr_kontakte": len(kontakte) > KONTAKTE_AUF_DER_FALLSEITE,
            "bearbeitende": fall.bearbeitende.all(),
            "vereinbarungen": fall.vereinbarungen.all(),
            "aufenthalt_form": AufenthaltForm(),
            "einwilligung_form": EinwilligungForm(initial={"erteilt_am": timezone.localdate()}),
        },
    )


@fall_view
def bearbeiten(request, pk):
    fall = _fall(request, pk)
    teamleitung = request.user.has_perm("faelle.see_all_cases")
    form = FallForm(request.POST or None, instance=fall, teamleitung=teamleitung)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            if teamleitung:
                fall.bearbeitende.set(form.cleaned_data["bearbeitende"])
            protokolliere(request.user, A.AENDERN, "fall", fall, fall, form.changed_data)
        messages.success(request, _("The case was saved."))
        return redirect("faelle:fall", pk=fall.pk)
    protokolliere(request.user, A.LESEN, "fall", fall, fall)
    return render(request, "faelle/fall_form.html", {"form": form, "fall": fall})


@fall_view
def person(request, pk, person_pk=None):
    fall = _fall(request, pk)
    instance = get_object_or_404(fall.personen, pk=person_pk) if person_pk else None
    form = PersonForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        person = form.save(commit=False)
        person.fall = fall
        person.save()
        protokolliere(request.user, A.AENDERN if instance else A.ANLEGEN, "person", person, fall, form.changed_data)
        messages.success(request, _("The household member was saved."))
        return redirect("faelle:fall", pk=fall.pk)
    if instance:
        protokolliere(request.user, A.LESEN, "person", instance, fall)
    return render(request, "faelle/einfaches_form.html", {"form": form, "fall": fall, "titel": _("Household member")})


def _anhang(request, pk, form_class, bereich, template_key):
    """A dated entry added to the case (residence status, consent): POST only, errors shown on the case page."""
    fall = _fall(request, pk)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        eintrag = form.save(commit=False)
        eintrag.fall = fall
        eintrag.erfasst_von = request.user
        eintrag.save()
        protokolliere(request.user, A.ANLEGEN, bereich, eintrag, fall, form.changed_data)
        messages.success(request, _("Saved."))
        return redirect("faelle:fall", pk=fall.pk)
    return render(request, "faelle/einfaches_form.html", {"form": form, "fall": fall, "titel": template_key})


@fall_view
def aufenthalt(request, pk):
    return _anhang(request, pk, AufenthaltForm, "aufenthalt", _("Residence status"))


@fall_view
def einwilligung(request, pk):
    return _anhang(request, pk, EinwilligungForm, "einwilligung", _("Consent to share data"))


@fall_view
def einwilligung_widerrufen(request, pk, einwilligung_pk):
    fall = _fall(request, pk)
    eintrag = get_object_or_404(fall.einwilligungen, pk=einwilligung_pk, widerrufen_am__isnull=True)
    if request.method == "POST":
        eintrag.widerrufen_am = timezone.localdate()
        eintrag.save(update_fields=["widerrufen_am"])
        protokolliere(request.user, A.AENDERN, "einwilligung", eintrag, fall, ["widerrufen_am"])
        messages.success(request, _("The consent was recorded as withdrawn."))
        betroffen = [
            m for m in fall.massnahmen.filter(status=Massnahme.Status.OFFEN) if not fall.darf_weitergeben(m.stelle)
        ]
        if betroffen:
            messages.warning(
                request,
                _("%(count)d open measures involve bodies the consent no longer covers. Please stop or change them.")
                % {"count": len(betroffen)},
            )
    return redirect("faelle:fall", pk=fall.pk)


@fall_view
def uebergabe(request, pk):
    fall = _fall(request, pk)
    instance, _created = Uebergabe.objects.get_or_create(fall=fall)
    form = UebergabeForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        protokolliere(request.user, A.AENDERN, "uebergabe", instance, fall, form.changed_data)
        messages.success(request, _("The handover was saved."))
        return redirect("faelle:fall", pk=fall.pk)
    protokolliere(request.user, A.LESEN, "uebergabe", instance, fall)
    return render(
        request, "faelle/einfaches_form.html", {"form": form, "fall": fall, "titel": _("Handover from the GU")}
    )


@fall_view
def raster(request, pk):
    fall = _fall(request, pk)
    bedarfe = {b.lebensbereich: b for b in fall.bedarfe.all()}
    form = RasterForm(request.POST or None, bedarfe=bedarfe)
    if request.method == "POST" and form.is_valid():
        geaendert = []
        with transaction.atomic():
            for code, _label in Rasterbereich.choices:
                status = form.cleaned_data[f"{code}_status"]
                prioritaet = form.cleaned_data[f"{code}_prioritaet"]
                notiz = form.cleaned_data[f"{code}_notiz"].strip() or None
                bedarf = bedarfe.get(code)
                if bedarf is None:
                    if status == Bedarf.Status.NICHT_ERHOBEN and notiz is None:
                        continue  # nothing to record for an area nobody assessed
                    Bedarf.objects.create(
                        fall=fall, lebensbereich=code, status=status, prioritaet=prioritaet, notiz=notiz
                    )
                    geaendert.append(code)
                elif (bedarf.status, bedarf.prioritaet, bedarf.notiz or None) != (status, prioritaet, notiz):
                    bedarf.status, bedarf.prioritaet, bedarf.notiz = status, prioritaet, notiz
                    bedarf.save(update_fields=["status", "prioritaet", "notiz"])
                    geaendert.append(code)
            protokolliere(request.user, A.AENDERN, "beratungsraster", fall, fall, geaendert)
        messages.success(request, _("The counselling grid was saved."))
        return redirect("faelle:fall", pk=fall.pk)
    protokolliere(request.user, A.LESEN, "beratungsraster", fall, fall)
    massnahmen = je_bereich(fall.massnahmen.order_by("faellig_am", "pk"))
    zeilen = [(*bereich, massnahmen.get(bereich[0], [])) for bereich in form.bereiche]
    return render(request, "faelle/raster.html", {"form": form, "fall": fall, "zeilen": zeilen})


@fall_view
def massnahme(request, pk, massnahme_pk=None):
    fall = _fall(request, pk)
    instance = get_object_or_404(fall.massnahmen, pk=massnahme_pk) if massnahme_pk else None
    form = MassnahmeForm(
        request.POST or None,
        instance=instance,
        fall=fall,
        initial=None if instance else {"verantwortlich": request.user, "lebensbereich": request.GET.get("bereich")},
    )
    if request.method == "POST" and form.is_valid():
        eintrag = form.save(commit=False)
        eintrag.fall = fall
        if eintrag.status == Massnahme.Status.ERLEDIGT and not eintrag.erledigt_am:
            eintrag.erledigt_am = timezone.localdate()
        eintrag.save()
        protokolliere(request.user, A.AENDERN if instance else A.ANLEGEN, "massnahme", eintrag, fall, form.changed_data)
        messages.success(request, _("The measure was saved."))
        return redirect("faelle:fall", pk=fall.pk)
    if instance:
        protokolliere(request.user, A.LESEN, "massnahme", instance, fall)
    return render(request, "faelle/einfaches_form.html", {"form": form, "fall": fall, "titel": _("Measure")})


@fall_view
def aufgaben(request):
    """My open measures and my follow-ups (Wiedervorlagen), due first, and the overdue measures of my cases."""
    heute = timezone.localdate()
    meine_faelle = faelle_fuer(request.user).exclude(status=Fall.Status.ABGESCHLOSSEN)
    offen = Massnahme.objects.filter(status=Massnahme.Status.OFFEN, fall__in=meine_faelle).select_related("fall")
    meine = offen.filter(verantwortlich=request.user).order_by("faellig_am", "pk")
    ueberfaellig = offen.filter(faellig_am__lt=heute).order_by("faellig_am", "pk")
    wiedervorlagen = (
        Fallkontakt.objects.filter(
            erfasst_von=request.user,
            fall__in=meine_faelle,
            wiedervorlage_am__isnull=False,
            wiedervorlage_erledigt_am__isnull=True,
        )
        .select_related("fall")
        .order_by("wiedervorlage_am", "pk")
    )
    meine, ueberfaellig, wiedervorlagen = list(meine[:200]), list(ueberfaellig[:200]), list(wiedervorlagen[:200])
    protokolliere(request.user, A.LISTE, "aufgaben")
    # The page shows what measures and notes say: one read per case shown.
    gezeigt = {eintrag.fall_id: eintrag.fall for eintrag in [*meine, *ueberfaellig, *wiedervorlagen]}
    protokolliere_faelle(request.user, A.LESEN, "aufgaben", gezeigt.values())
    return render(
        request,
        "faelle/aufgaben.html",
        {
            "meine": meine,
            "ueberfaellig": ueberfaellig,
            "wiedervorlagen": wiedervorlagen,
            "heute": heute,
            "aktiv": "aufgaben",
        },
    )


def _zurueck(request, fall):
    """Back to where the button was pressed: My tasks or the case."""
    return (
        redirect("faelle:aufgaben") if request.POST.get("zurueck") == "aufgaben" else redirect("faelle:fall", fall.pk)
    )


@fall_view
@require_POST
def massnahme_erledigt(request, pk, massnahme_pk):
    """The owner (or anyone working on the case) marks an open measure as done."""
    fall = _fall(request, pk)
    eintrag = get_object_or_404(fall.massnahmen, pk=massnahme_pk, status=Massnahme.Status.OFFEN)
    eintrag.status, eintrag.erledigt_am = Massnahme.Status.ERLEDIGT, timezone.localdate()
    eintrag.save(update_fields=["status", "erledigt_am"])
    protokolliere(request.user, A.AENDERN, "massnahme", eintrag, fall, ["status", "erledigt_am"])
    messages.success(request, _("The measure was marked as done."))
    return _zurueck(request, fall)


@fall_view
def kontakte(request, pk):
    """The contact log of a case, newest first, and the form for a new entry."""
    fall = _fall(request, pk)
    form = FallkontaktForm(request.POST or None, initial={"datum": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        kontakt = form.save(commit=False)
        kontakt.fall = fall
        kontakt.erfasst_von = request.user
        kontakt.save()
        protokolliere(request.user, A.ANLEGEN, "kontakt", kontakt, fall, form.changed_data)
        messages.success(request, _("The contact was recorded."))
        return redirect("faelle:kontakte", pk=fall.pk)
    page = Paginator(fall.kontakte.select_related("erfasst_von"), PAGE_SIZE).get_page(request.GET.get("seite"))
    protokolliere(request.user, A.LESEN, "kontakte", fall, fall)
    return render(request, "faelle/kontakte.html", {"fall": fall, "form": form, "page_obj": page})


@fall_view
@require_POST
def wiedervorlage_erledigt(request, pk, kontakt_pk):
    fall = _fall(request, pk)
    kontakt = get_object_or_404(
        fall.kontakte, pk=kontakt_pk, wiedervorlage_am__isnull=False, wiedervorlage_erledigt_am__isnull=True
    )
    kontakt.wiedervorlage_erledigt_am = timezone.localdate()
    kontakt.save(update_fields=["wiedervorlage_erledigt_am"])
    protokolliere(request.user, A.AENDERN, "kontakt", kontakt, fall, ["wiedervorlage_erledigt_am"])
    messages.success(request, _("The follow-up was marked as done."))
    return _zurueck(request, fall)


@fall_view
def statistik(request):
    heute = timezone.localdate()
    try:
        jahr = int(request.GET.get("jahr", heute.year))
    except ValueError:
        jahr = heute.year
    if not 2017 <= jahr <= heute.year:
        jahr = heute.year
    protokolliere(request.user, AuditEintrag.Aktion.LISTE, "statistik")
    return render(
        request,
        "faelle/statistik.html",
        {
            **zahlen(jahr),
            "jahr": jahr,
            "jahre": range(heute.year, 2016, -1),
            "mindestanzahl": MINDESTANZAHL,
            "aktiv": "statistik",
        },
    )
