"""The housing team's side: landlords' offers inbox with contact log, households looking for a flat
(from the case register), ranked suggestions, the placement pipeline and statistics."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from angebote.models import Wohnungsangebot, WohnungsangebotFoto
from intern.audit.models import AuditEintrag, protokolliere
from intern.faelle.forms import DateInput, nicht_in_der_zukunft
from intern.faelle.models import VERMIETER, Fall
from intern.faelle.permissions import faelle_fuer
from intern.faelle.views import _fall, fall_view

from .matching import bewerte, vorschlaege
from .models import Kontakt, Vermittlung, Wohnungssuche

A = AuditEintrag.Aktion
PAGE_SIZE = 25


class AngebotStatusForm(forms.ModelForm):
    class Meta:
        model = Wohnungsangebot
        fields = ["status", "notiz"]
        widgets = {"notiz": forms.Textarea(attrs={"rows": 3})}


class KontaktForm(forms.ModelForm):
    class Meta:
        model = Kontakt
        fields = ["datum", "art", "notiz"]
        widgets = {"datum": DateInput(), "notiz": forms.Textarea(attrs={"rows": 2})}

    def clean_datum(self):
        value = self.cleaned_data["datum"]
        nicht_in_der_zukunft(value)
        return value


class SucheForm(forms.ModelForm):
    stadtteile = forms.MultipleChoiceField(
        label=gettext_lazy("Preferred districts"),
        choices=Wohnungsangebot.Stadtteil.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Wohnungssuche
        fields = ["personen", "mietobergrenze", "barrierefrei", "stadtteile", "aktiv"]

    def clean_personen(self):
        value = self.cleaned_data["personen"]
        if not 1 <= value <= 15:
            raise forms.ValidationError(_("Please enter between 1 and 15 people."))
        return value

    def clean_mietobergrenze(self):
        value = self.cleaned_data["mietobergrenze"]
        if not 100 <= value <= 5000:
            raise forms.ValidationError(_("Please enter a monthly amount between 100 and 5,000 €."))
        return value


class SchrittForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Next step"))
    datum = forms.DateField(label=gettext_lazy("Date"), widget=DateInput(), initial=timezone.localdate)

    def __init__(self, *args, vermittlung, **kwargs):
        super().__init__(*args, **kwargs)
        self.vermittlung = vermittlung
        labels = dict(Vermittlung.Status.choices)
        self.fields["status"].choices = [(s, labels[s]) for s in Vermittlung.NAECHSTE[vermittlung.status]]

    def clean_datum(self):
        value = self.cleaned_data["datum"]
        nicht_in_der_zukunft(value)
        if value < self.vermittlung.letztes_datum():
            raise forms.ValidationError(_("This step cannot come before the previous one."))
        return value


class NachbetreuungForm(forms.ModelForm):
    class Meta:
        model = Vermittlung
        fields = ["nachbetreuung_am", "nachbetreuung_notiz"]
        widgets = {"nachbetreuung_am": DateInput(), "nachbetreuung_notiz": forms.Textarea(attrs={"rows": 3})}

    def clean_nachbetreuung_am(self):
        value = self.cleaned_data["nachbetreuung_am"]
        nicht_in_der_zukunft(value)
        if value is None:
            raise forms.ValidationError(_("Please enter the date of the check-in."))
        if self.instance.eingezogen_am and value < self.instance.eingezogen_am:
            raise forms.ValidationError(_("The check-in comes after moving in."))
        return value


def _suchen(user):
    faelle = faelle_fuer(user).exclude(status=Fall.Status.ABGESCHLOSSEN)
    return Wohnungssuche.objects.filter(aktiv=True, fall__in=faelle).select_related("fall")


@fall_view
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


@fall_view
def angebot(request, pk):
    eintrag = get_object_or_404(Wohnungsangebot.objects.prefetch_related("fotos"), pk=pk)
    status_form = AngebotStatusForm(request.POST if "status" in request.POST else None, instance=eintrag)
    kontakt_form = KontaktForm(prefix="kontakt")
    if request.method == "POST":
        if "status" in request.POST and status_form.is_valid():
            status_form.save()
            messages.success(request, _("The offer was saved."))
            return redirect("wohnraum:angebot", pk=eintrag.pk)
        if "kontakt-art" in request.POST:
            kontakt_form = KontaktForm(request.POST, prefix="kontakt")
            if kontakt_form.is_valid():
                kontakt = kontakt_form.save(commit=False)
                kontakt.angebot = eintrag
                kontakt.autor = request.user
                kontakt.save()
                messages.success(request, _("The contact was recorded."))
                return redirect("wohnraum:angebot", pk=eintrag.pk)
    suchen = list(_suchen(request.user))
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


@fall_view
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


@fall_view
@require_POST
def vorschlagen(request, pk, suche_pk):
    eintrag = get_object_or_404(Wohnungsangebot, pk=pk)
    suche = get_object_or_404(_suchen(request.user), pk=suche_pk)
    if eintrag.status not in (Wohnungsangebot.Status.NEU, Wohnungsangebot.Status.BESICHTIGUNG):
        messages.error(request, _("This flat is no longer on offer."))
        return redirect("wohnraum:angebot", pk=eintrag.pk)
    bewertung = bewerte(eintrag, suche)
    if not bewertung.passt:
        messages.error(request, " ".join(bewertung.ausschluss))
        return redirect("wohnraum:angebot", pk=eintrag.pk)
    vermittlung, created = Vermittlung.objects.get_or_create(
        angebot=eintrag, suche=suche, defaults={"erstellt_von": request.user}
    )
    if created:
        protokolliere(request.user, A.ANLEGEN, "vermittlung", vermittlung, suche.fall)
    return redirect("wohnraum:vermittlung", pk=vermittlung.pk)


@fall_view
def suchende(request):
    suchen = _suchen(request.user).annotate(vorschlaege=Count("vermittlungen")).order_by("erstellt_am", "pk")
    protokolliere(request.user, A.LISTE, "wohnungssuche")
    ohne = faelle_fuer(request.user).filter(wohnungssuche__isnull=True).exclude(status=Fall.Status.ABGESCHLOSSEN)
    return render(
        request,
        "wohnraum/suchende.html",
        {"suchen": suchen, "ohne": ohne.order_by("nummer")[:200], "aktiv": "suchende"},
    )


@fall_view
def suche(request, fall_pk):
    fall = _fall(request, fall_pk)
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


def _vermittlung(request, pk):
    vermittlung = (
        Vermittlung.objects.select_related("angebot", "suche__fall")
        .filter(pk=pk, suche__fall__in=faelle_fuer(request.user))
        .first()
    )
    if vermittlung is None:
        raise Http404
    return vermittlung


@fall_view
def vermittlung(request, pk):
    eintrag = _vermittlung(request, pk)
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
                eintrag.geteilt_am = timezone.now()
                eintrag.save(update_fields=["geteilt_am"])
                protokolliere(request.user, A.EXPORT, "vermieter", eintrag, fall, ["personen", "kontakt"])
                messages.success(request, _("Recorded: the household's details were shared with the landlord."))
            return redirect("wohnraum:vermittlung", pk=eintrag.pk)
        if "status" in request.POST and schritt_form.is_valid():
            fehler = _schritt(
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


def _schritt(user, vermittlung, status, datum):
    """Record a step, or say why not. Moving in lets the flat, ends the search and frees a place in
    the follow-up accommodation; everything after the proposal needs the landlord consent."""
    S = Vermittlung.Status
    with transaction.atomic():
        vermittlung = (
            Vermittlung.objects.select_for_update().select_related("suche__fall", "angebot").get(pk=vermittlung.pk)
        )
        fall = vermittlung.suche.fall
        if status not in Vermittlung.NAECHSTE[vermittlung.status]:
            return _("This step does not follow the current one.")
        if status != S.ABGEBROCHEN and not (fall.darf_weitergeben(VERMIETER) and vermittlung.geteilt_am):
            return _(
                "A viewing or tenancy involves the landlord: record the household's consent and the sharing first."
            )
        if (
            status == S.EINGEZOGEN
            and Vermittlung.objects.filter(status=S.EINGEZOGEN)
            .filter(Q(angebot=vermittlung.angebot_id) | Q(suche=vermittlung.suche_id))
            .exists()
        ):
            return _("This flat is already let, or this household has already moved.")
        vermittlung.status = status
        if status == S.BESICHTIGUNG:
            vermittlung.besichtigung_am = datum
            if vermittlung.angebot.status == Wohnungsangebot.Status.NEU:
                vermittlung.angebot.status = Wohnungsangebot.Status.BESICHTIGUNG
                vermittlung.angebot.save()
        elif status == S.MIETVERTRAG:
            vermittlung.mietvertrag_am = datum
        elif status == S.EINGEZOGEN:
            vermittlung.eingezogen_am = datum
            vermittlung.aus_anschlussunterbringung = fall.unterbringung == Fall.Unterbringung.ANSCHLUSS
            fall.unterbringung = Fall.Unterbringung.PRIVAT
            fall.adresse = vermittlung.angebot.adresse
            fall.save(update_fields=["unterbringung", "adresse", "geaendert_am"])
            protokolliere(user, A.AENDERN, "fall", fall, fall, ["unterbringung", "adresse"])
            Wohnungssuche.objects.filter(pk=vermittlung.suche_id).update(aktiv=False)
            vermittlung.angebot.status = Wohnungsangebot.Status.VERMITTELT
            vermittlung.angebot.save()
            # The other proposals for this flat and for this household end here.
            Vermittlung.objects.filter(Q(angebot=vermittlung.angebot_id) | Q(suche=vermittlung.suche_id)).exclude(
                pk=vermittlung.pk
            ).exclude(status=S.EINGEZOGEN).update(status=S.ABGEBROCHEN)
        vermittlung.save()
        protokolliere(user, A.AENDERN, "vermittlung", vermittlung, fall, ["status"])
    return None


@fall_view
def statistik(request):
    from intern.faelle.auswertung import unterdrueckt

    jahre = []
    heute = timezone.localdate()
    for jahr in range(heute.year, heute.year - 5, -1):
        angeboten = Wohnungsangebot.objects.filter(eingegangen__year=jahr).count()
        eingezogen = list(
            Vermittlung.objects.filter(status=Vermittlung.Status.EINGEZOGEN, eingezogen_am__year=jahr).select_related(
                "angebot"
            )
        )
        tage = [(v.eingezogen_am - timezone.localdate(v.angebot.eingegangen)).days for v in eingezogen]
        jahre.append(
            {
                "jahr": jahr,
                "angeboten": unterdrueckt(angeboten),
                "vermittelt": unterdrueckt(len(eingezogen)),
                "aus_anschluss": _aus_anschluss(eingezogen),
                # An average over fewer than five placements would describe individual households.
                "tage": round(sum(tage) / len(tage)) if len(tage) >= 5 else unterdrueckt(len(tage)) if tage else "–",
            }
        )
    protokolliere(request.user, A.LISTE, "wohnraum_statistik")
    return render(request, "wohnraum/statistik.html", {"jahre": jahre, "aktiv": "statistik"})


def _aus_anschluss(eingezogen):
    """Households from the follow-up accommodation; hidden too when the rest of the column would reveal it."""
    from intern.faelle.auswertung import unterdrueckt

    anzahl = sum(1 for v in eingezogen if v.aus_anschlussunterbringung)
    rest = len(eingezogen) - anzahl
    if 0 < rest < 5:
        return _("not shown")
    return unterdrueckt(anzahl)
