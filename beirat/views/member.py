"""The Beirat's private area (/{lang}/beirat/intern/): members, and the tools of the Vorsitz and the
Schriftführung (meetings, minutes, decisions, documents). Only for members, never cached, every object
checked on the server."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.documents import get_document_model
from wagtail.models import Collection

from portal import calendars
from portal.pdf import pdf_response
from portal.permissions import permission_required

from ..forms import (
    BeschlussForm,
    FolgestatusForm,
    FreigabeForm,
    MeineAngabenForm,
    PlanmassnahmeForm,
    ProtokollForm,
    RueckmeldungForm,
    SitzungForm,
    UnterlageForm,
)
from ..models import Beiratsmitglied, Beschluss, PlanmassnahmeNotiz, Protokoll, Rueckmeldung, Sitzung, Unterlage
from ..selectors import kalender, massnahmen
from ..services import (
    KeineFreigabeMoeglich,
    SitzungNochNichtVorbei,
    aenderungswunsch,
    einladen,
    folgestatus_setzen,
    freigabe_aktionen,
    freigabe_entscheiden,
    mitglieder,
    protokoll_punkte,
    protokoll_speichern,
    rueckmelden,
    veroeffentlichen,
    zur_freigabe,
)


def beirat_view(view):
    """Members only; the answer is private and never stored by a cache."""
    return never_cache(permission_required("beirat.use_member_area")(view))


def collection():
    """The private collection, or None if it is missing or no longer restricted (then nothing is uploaded)."""
    found = Collection.objects.filter(name=settings.PORTAL_BEIRAT_COLLECTION, depth=2).first()
    if found is None or not found.get_view_restrictions().exists():
        return None
    return found


@beirat_view
def uebersicht(request):
    now = timezone.now()
    sitzungen = Sitzung.objects.annotate(
        zusagen=Count("rueckmeldungen", filter=Q(rueckmeldungen__antwort=Rueckmeldung.Antwort.JA)),
    ).prefetch_related(
        Prefetch("rueckmeldungen", queryset=Rueckmeldung.objects.filter(user=request.user), to_attr="meine")
    )
    kommende = list(sitzungen.filter(ende__gte=now).order_by("beginn"))
    vergangene = list(sitzungen.filter(ende__lt=now).select_related("protokoll").order_by("-beginn")[:20])
    offene = Beschluss.objects.exclude(
        folgestatus__in=[Beschluss.Folgestatus.UMGESETZT, Beschluss.Folgestatus.ABGELEHNT]
    ).select_related("sitzung")[:20]
    return render(
        request,
        "beirat/intern/uebersicht.html",
        {"kommende": kommende, "vergangene": vergangene, "offene": offene, "aktiv": "uebersicht"},
    )


@beirat_view
@permission_required("beirat.prepare_meetings")
def sitzung_neu(request):
    return _sitzung_form(request, Sitzung())


@beirat_view
@permission_required("beirat.prepare_meetings")
def sitzung_bearbeiten(request, pk):
    return _sitzung_form(request, get_object_or_404(Sitzung, pk=pk))


def _sitzung_form(request, sitzung):
    form = SitzungForm(request.POST or None, instance=sitzung)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            sitzung = form.save(commit=False)
            sitzung.beginn = form.cleaned_data["beginn"]
            sitzung.ende = form.cleaned_data["ende"]
            if Sitzung.objects.filter(pk=sitzung.pk).exclude(beginn=sitzung.beginn, ende=sitzung.ende).exists():
                sitzung.sequenz += 1  # moved: calendars take the new time only with a higher SEQUENCE
            sitzung.save()
            sitzung.tagesordnung.all().delete()
            sitzung.tagesordnung.bulk_create(
                [
                    sitzung.tagesordnung.model(sitzung=sitzung, nummer=n, titel=titel)
                    for n, titel in enumerate(form.cleaned_data["tagesordnung"], start=1)
                ]
            )
        if sitzung.einladung_versendet_am:
            messages.info(
                request, _("The meeting was changed. Send the invitation again so members have the new details.")
            )
        else:
            messages.success(request, _("The meeting was saved."))
        return redirect("beirat:sitzung", pk=sitzung.pk)
    return render(request, "beirat/intern/sitzung_form.html", {"form": form, "sitzung": sitzung})


@beirat_view
def sitzung(request, pk):
    return _sitzung_seite(request, get_object_or_404(Sitzung, pk=pk))


def _sitzung_seite(request, sitzung, antwort_form=None):
    """The meeting page; `antwort_form` is the member's answer form with its errors, if it had any."""
    rueckmeldungen = sitzung.rueckmeldungen.select_related("vertretung")
    antworten = {r.user_id: r for r in rueckmeldungen}
    teilnehmende = [{"user": user, "antwort": antworten.get(user.pk)} for user in mitglieder()]
    meine = antworten.get(request.user.pk)
    if antwort_form is None:
        antwort_form = RueckmeldungForm(
            initial={"antwort": meine.antwort, "kommentar": meine.kommentar, "vertretung": meine.vertretung_id}
            if meine
            else {}
        )
    protokoll = Protokoll.objects.filter(sitzung=sitzung).select_related("sitzung").first()
    anzahl = {wert: sum(1 for r in antworten.values() if r.antwort == wert) for wert in Rueckmeldung.Antwort.values}
    return render(
        request,
        "beirat/intern/sitzung.html",
        {
            "sitzung": sitzung,
            "tagesordnung": sitzung.tagesordnung.all(),
            "teilnehmende": teilnehmende,
            "zusagen": anzahl[Rueckmeldung.Antwort.JA],
            "vielleicht": anzahl[Rueckmeldung.Antwort.VIELLEICHT],
            "absagen": anzahl[Rueckmeldung.Antwort.NEIN],
            "meine": meine,
            "antwort_form": antwort_form,
            "protokoll": protokoll,
            "protokoll_entwurf": protokoll.entwurf if protokoll else None,
            "aenderungswunsch": aenderungswunsch(protokoll),
            "freigabe": freigabe_aktionen(protokoll, request.user) if protokoll else [],
            "freigabe_form": FreigabeForm(),
            "workflow": protokoll.current_workflow_state if protokoll else None,
            "unterlagen": sitzung.unterlagen.select_related("dokument"),
            "beschluesse": sitzung.beschluesse.all(),
        },
    )


@beirat_view
@calendars.calendar_view()
def sitzung_ical(request, pk):
    sitzung = get_object_or_404(Sitzung.objects.prefetch_related("tagesordnung"), pk=pk)
    return calendars.CalendarFile(kalender(sitzung), f"beirat-sitzung-{sitzung.pk}.ics", attachment=True)


@beirat_view
@permission_required("beirat.prepare_meetings")
@require_POST
def sitzung_einladen(request, pk):
    sitzung = get_object_or_404(Sitzung, pk=pk)
    if sitzung.vorbei:
        messages.error(request, _("This meeting is over: no invitation was sent."))
    else:
        messages.success(request, _("The invitation was sent to %(count)d members.") % {"count": einladen(sitzung)})
    return redirect("beirat:sitzung", pk=sitzung.pk)


@beirat_view
@require_POST
def sitzung_antworten(request, pk):
    sitzung = get_object_or_404(Sitzung, pk=pk)
    form = RueckmeldungForm(request.POST)
    if sitzung.vorbei:
        messages.error(request, _("This meeting is over: answers are closed."))
    elif not form.is_valid():
        return _sitzung_seite(request, sitzung, antwort_form=form)
    else:
        antwort = form.cleaned_data["antwort"]
        rueckmelden(sitzung, request.user, antwort, form.cleaned_data["kommentar"], form.cleaned_data.get("vertretung"))
        messages.success(
            request,
            {
                Rueckmeldung.Antwort.JA: _("Thank you: you will attend."),
                Rueckmeldung.Antwort.VIELLEICHT: _("Thank you: you may attend. Please answer again once you know."),
                Rueckmeldung.Antwort.NEIN: _("Thank you: you have sent your apologies."),
            }[antwort],
        )
    return redirect("beirat:sitzung", pk=sitzung.pk)


@beirat_view
@permission_required("beirat.prepare_meetings")
def protokoll_bearbeiten(request, pk):
    sitzung = get_object_or_404(Sitzung, pk=pk)
    protokoll = Protokoll.objects.filter(sitzung=sitzung).first()
    state = protokoll.current_workflow_state if protokoll else None
    in_freigabe = state is not None and state.status == state.STATUS_IN_PROGRESS
    entwurf = protokoll.entwurf if protokoll else None
    form = ProtokollForm(
        request.POST or None,
        punkte=protokoll_punkte(sitzung, entwurf),
        initial={"text": entwurf.text if entwurf else ""},
    )
    if request.method == "POST" and in_freigabe:
        messages.error(request, _("The minutes are waiting for approval and cannot be changed now."))
        return redirect("beirat:sitzung", pk=sitzung.pk)
    if request.method == "POST" and form.is_valid():
        protokoll = protokoll_speichern(
            sitzung, form.cleaned_data["text"], request.user, punkte=form.cleaned_data["punkte"]
        )
        if protokoll is None:
            messages.error(request, _("The minutes are waiting for approval and cannot be changed now."))
        elif "einreichen" in request.POST:
            try:
                zur_freigabe(protokoll, request.user)
            except KeineFreigabeMoeglich:
                messages.error(
                    request,
                    _("The draft was saved, but there is no approval step for minutes. Please ask the editors."),
                )
            else:
                messages.success(request, _("The minutes were submitted to the chair for approval."))
        else:
            messages.success(request, _("The draft of the minutes was saved."))
        return redirect("beirat:sitzung", pk=sitzung.pk)
    return render(
        request,
        "beirat/intern/protokoll_form.html",
        {
            "form": form,
            "sitzung": sitzung,
            "protokoll": protokoll,
            "in_freigabe": in_freigabe,
            "aenderungswunsch": aenderungswunsch(protokoll),
        },
    )


@beirat_view
@permission_required("beirat.chair_beirat")
@require_POST
def protokoll_freigabe(request, pk):
    sitzung = get_object_or_404(Sitzung, pk=pk)
    protokoll = get_object_or_404(Protokoll.objects.select_related("sitzung"), sitzung=sitzung)
    form = FreigabeForm(request.POST)
    aktionen = freigabe_aktionen(protokoll, request.user)
    if not aktionen:
        messages.error(request, _("These minutes are not waiting for approval."))
    elif form.is_valid() and form.cleaned_data["aktion"] == "approve" and not sitzung.vorbei:
        messages.error(request, _("The minutes can be approved only after the meeting has taken place."))
    elif form.is_valid() and form.cleaned_data["aktion"] in aktionen:
        try:
            freigabe_entscheiden(protokoll, request.user, form.cleaned_data["aktion"], form.cleaned_data["kommentar"])
        except SitzungNochNichtVorbei:
            messages.error(request, _("The minutes can be approved only after the meeting has taken place."))
        else:
            if form.cleaned_data["aktion"] == "approve":
                messages.success(
                    request, _("The minutes are approved. Members now read the approved version and were told by mail.")
                )
            else:
                messages.success(request, _("Changes were requested. The keeper of the minutes can revise the draft."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("beirat:sitzung", pk=sitzung.pk)


@beirat_view
def protokoll_pdf(request, pk):
    """The approved minutes as a tagged PDF (a draft is read on the meeting page, not printed)."""
    sitzung = get_object_or_404(Sitzung, pk=pk)
    protokoll = Protokoll.objects.filter(sitzung=sitzung, live=True).first()
    if protokoll is None:
        raise Http404
    html = render_to_string(
        "beirat/intern/protokoll_pdf.html",
        {"sitzung": sitzung, "protokoll": protokoll, "tagesordnung": sitzung.tagesordnung.all()},
        request,
    )
    datum = timezone.localtime(sitzung.beginn).date().isoformat()
    return pdf_response(html, f"protokoll-beirat-{datum}.pdf")


@beirat_view
@permission_required("beirat.prepare_meetings")
def beschluss_neu(request, pk):
    sitzung = get_object_or_404(Sitzung, pk=pk)
    form = BeschlussForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        beschluss = form.save(commit=False)
        beschluss.sitzung = sitzung
        beschluss.save()
        messages.success(request, _("The decision was recorded."))
        return redirect("beirat:beschluss", pk=beschluss.pk)
    return render(request, "beirat/intern/beschluss_form.html", {"form": form, "sitzung": sitzung})


@beirat_view
def beschluesse(request):
    eintraege = Beschluss.objects.select_related("sitzung")
    return render(request, "beirat/intern/beschluesse.html", {"beschluesse": eintraege, "aktiv": "beschluesse"})


@beirat_view
def beschluss(request, pk):
    eintrag = get_object_or_404(Beschluss.objects.select_related("sitzung"), pk=pk)
    form = FolgestatusForm(request.POST or None, initial={"status": eintrag.folgestatus})
    if request.method == "POST":
        if not request.user.has_perm("beirat.prepare_meetings"):
            raise PermissionDenied
        if form.is_valid():
            folgestatus_setzen(
                eintrag,
                form.cleaned_data["status"],
                form.cleaned_data["notiz"],
                request.user,
                form.cleaned_data["datum"],
            )
            messages.success(request, _("The follow-up was recorded."))
            return redirect("beirat:beschluss", pk=eintrag.pk)
    return render(
        request,
        "beirat/intern/beschluss.html",
        {
            "beschluss": eintrag,
            "form": form,
            "verlauf": eintrag.verlauf.select_related("autor"),
            "seite": eintrag.oeffentliche_seite(),
            "aktiv": "beschluesse",
        },
    )


@beirat_view
@permission_required("beirat.chair_beirat")
@require_POST
def beschluss_veroeffentlichen(request, pk):
    eintrag = get_object_or_404(Beschluss, pk=pk)
    if eintrag.art != Beschluss.Art.EMPFEHLUNG:
        messages.error(request, _("Only recommendations to the Gemeinderat are published."))
    else:
        seite = veroeffentlichen(eintrag, request.user)
        if seite is None:
            messages.error(request, _("There is no public Beirat page to publish on. Please ask the editors."))
        elif not seite.live:
            messages.error(request, _("The editors have taken this recommendation offline. Please ask them."))
        else:
            messages.success(
                request, _("The recommendation is now public on the Beirat page. The editors translate it.")
            )
    return redirect("beirat:beschluss", pk=eintrag.pk)


@beirat_view
def dokumente(request):
    form = UnterlageForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not request.user.has_perm("beirat.prepare_meetings"):
            raise PermissionDenied
        ziel = collection()
        if form.is_valid() and ziel is None:
            form.add_error(None, _("The private document library is not set up. Please ask the editors."))
        elif form.is_valid():
            Document = get_document_model()
            with transaction.atomic():
                dokument = Document(
                    title=form.cleaned_data["titel"],
                    file=form.cleaned_data["datei"],
                    collection=ziel,
                    uploaded_by_user=request.user,
                )
                dokument.save()
                Unterlage.objects.create(dokument=dokument, sitzung=form.cleaned_data["sitzung"])
            messages.success(request, _("The document was added to the library."))
            return redirect("beirat:dokumente")
    ziel = collection()
    bibliothek = (
        get_document_model()
        .objects.filter(collection=ziel)
        .select_related("beirat_unterlage__sitzung")
        .order_by("-created_at")
        if ziel
        else []
    )
    return render(
        request, "beirat/intern/dokumente.html", {"form": form, "dokumente": bibliothek, "aktiv": "dokumente"}
    )


@beirat_view
def monitor(request):
    records = massnahmen().annotate(notizen_anzahl=Count("notizen"))
    return render(request, "beirat/intern/monitor.html", {"massnahmen": records, "aktiv": "monitor"})


@beirat_view
def massnahme(request, pk):
    record = get_object_or_404(massnahmen(), pk=pk)
    form = PlanmassnahmeForm(request.POST or None, massnahme=record)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            notiz = PlanmassnahmeNotiz(massnahme=record, notiz=form.cleaned_data["text"], autor=request.user)
            if form.cleaned_data["status"] != record.status:
                notiz.status = form.cleaned_data["status"]
                record.status = notiz.status
                record.status_seit = timezone.localdate()
                record.save(update_fields=["status", "status_seit"])
            notiz.save()
        messages.success(request, _("The measure was updated."))
        return redirect("beirat:massnahme", pk=record.pk)
    return render(
        request,
        "beirat/intern/massnahme.html",
        {
            "massnahme": record,
            "form": form,
            "notizen": record.notizen.select_related("autor"),
            "verweise": record.verweise.select_related("seite"),
            "aktiv": "monitor",
        },
    )


@beirat_view
def meine_angaben(request):
    mitglied = Beiratsmitglied.objects.filter(user=request.user).first() or Beiratsmitglied(
        user=request.user, name=request.user.get_full_name() or request.user.email.split("@")[0]
    )
    war_einverstanden = mitglied.namentlich_nennen
    form = MeineAngabenForm(request.POST or None, instance=mitglied)
    if request.method == "POST" and form.is_valid():
        mitglied = form.save(commit=False)
        if mitglied.namentlich_nennen and not war_einverstanden:
            mitglied.einwilligung_am = timezone.now()
        if not mitglied.namentlich_nennen:
            mitglied.einwilligung_am = None
        mitglied.save()
        messages.success(request, _("Your details were saved."))
        return redirect("beirat:meine_angaben")
    return render(
        request,
        "beirat/intern/meine_angaben.html",
        {"form": form, "mitglied": mitglied, "aktiv": "meine_angaben"},
    )
