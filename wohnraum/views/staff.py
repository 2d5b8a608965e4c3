"""The housing team's side: landlords' offers inbox with contact log, households looking for a flat
(from the case register), ranked suggestions, the placement pipeline and statistics."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from intern.audit.models import AuditEintrag, protokolliere
from intern.faelle.models import VERMIETER, Fall
from intern.faelle.selectors import faelle_fuer, fall_fuer
from portal.permissions import permission_required

from .. import selectors, services
from ..forms import AngebotStatusForm, NachbetreuungForm, SchrittForm, SucheForm, VermieterkontaktForm
from ..matching import bewerte, vorschlaege
from ..models import Vermittlung, Wohnungsangebot, WohnungsangebotFoto, Wohnungssuche

A = AuditEintrag.Aktion
PAGE_SIZE = 25


def wohnraum_view(view):
    """The housing team only (`wohnraum.match_housing`), never cached, and no form values in error reports."""
    return never_cache(sensitive_post_parameters()(permission_required("wohnraum.match_housing")(view)))


@wohnraum_view
def angebote(request):
    queryset = Wohnungsangebot.objects.annotate(vorschlaege=Count("vermittlungen"))
    status = request.GET.get("status", "")
    if status in Wohnungsangebot.Status.values:
        queryset = queryset.filter(status=status)
    page = Paginator(queryset.order_by("-eingegangen", "-pk"), PAGE_SIZE).get_page(request.GET.get("seite"))
    return render(
        request,
        "wohnraum/angebote.html",
        {
            "page_obj": page,
            "status": status,
            "stati": Wohnungsangebot.Status.choices,
            "query_prefix": f"status={status}" if status else "",
            "aktiv": "angebote",
        },
    )


@wohnraum_view
def angebot(request, pk):
    eintrag = get_object_or_404(Wohnungsangebot.objects.prefetch_related("fotos"), pk=pk)
    status_form = AngebotStatusForm(request.POST if "status" in request.POST else None, instance=eintrag)
    kontakt_form = VermieterkontaktForm(prefix="kontakt")
    if request.method == "POST":
        if "status" in request.POST and status_form.is_valid():
            status_form.save()
            messages.success(request, _("The offer was saved."))
            return redirect("wohnraum:angebot", pk=eintrag.pk)
        if "kontakt-art" in request.POST:
            kontakt_form = VermieterkontaktForm(request.POST, prefix="kontakt")
            if kontakt_form.is_valid():
                kontakt = kontakt_form.save(commit=False)
                kontakt.angebot = eintrag
                kontakt.autor = request.user
                kontakt.save()
                messages.success(request, _("The contact was recorded."))
                return redirect("wohnraum:angebot", pk=eintrag.pk)
    suchen = list(selectors.suchen_fuer(request.user))
    protokolliere(request.user, A.LISTE, "wohnungssuche")
    vermittlungen = eintrag.vermittlungen.filter(suche__fall__in=faelle_fuer(request.user)).select_related(
        "suche__fall"
    )
    return render(
        request,
        "wohnraum/angebot.html",
        {
            "angebot": eintrag,
            "status_form": status_form,
            "kontakt_form": kontakt_form,
            "kontakte": eintrag.kontakte.select_related("autor"),
            "vorschlaege": vorschlaege(eintrag, suchen)[:10],
            "vermittlungen": vermittlungen,
            "vorgeschlagen": {v.suche_id for v in vermittlungen},
            "aktiv": "angebote",
        },
    )


@wohnraum_view
def angebot_foto(request, pk, foto_pk):
    foto = get_object_or_404(WohnungsangebotFoto, pk=foto_pk, angebot_id=pk)
    try:
        datei = foto.datei.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(datei, content_type=foto.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@wohnraum_view
@require_POST
def vorschlagen(request, pk, suche_pk):
    eintrag = get_object_or_404(Wohnungsangebot, pk=pk)
    suche = get_object_or_404(selectors.suchen_fuer(request.user), pk=suche_pk)
    if eintrag.status not in (Wohnungsangebot.Status.NEU, Wohnungsangebot.Status.BESICHTIGUNG):
        messages.error(request, _("This flat is no longer on offer."))
        return redirect("wohnraum:angebot", pk=eintrag.pk)
    bewertung = bewerte(eintrag, suche)
    if not bewertung.passt:
        messages.error(request, " ".join(bewertung.ausschluss))
        return redirect("wohnraum:angebot", pk=eintrag.pk)
    vermittlung = services.vorschlagen(request.user, eintrag, suche)
    return redirect("wohnraum:vermittlung", pk=vermittlung.pk)


@wohnraum_view
def suchende(request):
    suchen = (
        selectors.suchen_fuer(request.user).annotate(vorschlaege=Count("vermittlungen")).order_by("erstellt_am", "pk")
    )
    protokolliere(request.user, A.LISTE, "wohnungssuche")
    ohne = faelle_fuer(request.user).filter(wohnungssuche__isnull=True).exclude(status=Fall.Status.ABGESCHLOSSEN)
    return render(
        request,
        "wohnraum/suchende.html",
        {"suchen": suchen, "ohne": ohne.order_by("nummer")[:200], "aktiv": "suchende"},
    )


@wohnraum_view
def suche(request, fall_pk):
    fall = fall_fuer(request.user, fall_pk)
    instance = Wohnungssuche.objects.filter(fall=fall).first()
    form = SucheForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        eintrag = form.save(commit=False)
        eintrag.fall = fall
        eintrag.save()
        protokolliere(
            request.user, A.AENDERN if instance else A.ANLEGEN, "wohnungssuche", eintrag, fall, form.changed_data
        )
        messages.success(request, _("The housing search was saved."))
        return redirect("wohnraum:suchende")
    protokolliere(request.user, A.LESEN, "wohnungssuche", instance, fall)
    return render(request, "faelle/einfaches_form.html", {"form": form, "fall": fall, "titel": _("Looking for a flat")})


@wohnraum_view
def vermittlung(request, pk):
    eintrag = selectors.vermittlung_fuer(request.user, pk)
    fall = eintrag.suche.fall
    schritt_form = SchrittForm(request.POST if "status" in request.POST else None, vermittlung=eintrag)
    nach_form = NachbetreuungForm(request.POST if "nachbetreuung_am" in request.POST else None, instance=eintrag)
    if request.method == "POST":
        if "teilen" in request.POST:
            if not fall.darf_weitergeben(VERMIETER):
                messages.error(
                    request,
                    _(
                        "The household has not agreed that its details go to landlords. "
                        "Record the consent in the case first; nothing was shared."
                    ),
                )
            else:
                services.geteilt(request.user, eintrag)
                messages.success(request, _("Recorded: the household's details were shared with the landlord."))
            return redirect("wohnraum:vermittlung", pk=eintrag.pk)
        if "status" in request.POST and schritt_form.is_valid():
            fehler = services.schritt(
                request.user, eintrag, schritt_form.cleaned_data["status"], schritt_form.cleaned_data["datum"]
            )
            if fehler:
                messages.error(request, fehler)
            else:
                messages.success(request, _("The step was recorded."))
            return redirect("wohnraum:vermittlung", pk=eintrag.pk)
        if "nachbetreuung_am" in request.POST and eintrag.status != Vermittlung.Status.EINGEZOGEN:
            messages.error(request, _("The check-in is recorded after moving in."))
            return redirect("wohnraum:vermittlung", pk=eintrag.pk)
        if "nachbetreuung_am" in request.POST and nach_form.is_valid():
            nach_form.save()
            protokolliere(request.user, A.AENDERN, "vermittlung", eintrag, fall, nach_form.changed_data)
            messages.success(request, _("The check-in was recorded."))
            return redirect("wohnraum:vermittlung", pk=eintrag.pk)
    protokolliere(request.user, A.LESEN, "vermittlung", eintrag, fall)
    return render(
        request,
        "wohnraum/vermittlung.html",
        {
            "vermittlung": eintrag,
            "fall": fall,
            "schritt_form": schritt_form,
            "nach_form": nach_form,
            "darf_teilen": fall.darf_weitergeben(VERMIETER),
            "aktiv": "angebote",
        },
    )


@wohnraum_view
def statistik(request):
    jahre = selectors.jahresstatistik()
    protokolliere(request.user, A.LISTE, "wohnraum_statistik")
    return render(request, "wohnraum/statistik.html", {"jahre": jahre, "aktiv": "statistik"})
