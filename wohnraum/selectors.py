"""The housing area's queries: households a user may see, placements, the yearly statistics.
The ranked suggestions for an offer are in matching.py."""

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from intern.faelle.models import Fall
from intern.faelle.selectors import faelle_fuer
from intern.faelle.statistik import unterdrueckt

from .models import Vermittlung, Wohnungsangebot, Wohnungssuche


def suchen_fuer(user):
    """The active housing searches of the open cases `user` may open."""
    faelle = faelle_fuer(user).exclude(status=Fall.Status.ABGESCHLOSSEN)
    return Wohnungssuche.objects.filter(aktiv=True, fall__in=faelle).select_related("fall")


def vermittlung_fuer(user, pk):
    """The placement `pk` if its case is one `user` may open; otherwise 404."""
    vermittlung = (
        Vermittlung.objects.select_related("angebot", "suche__fall")
        .filter(pk=pk, suche__fall__in=faelle_fuer(user))
        .first()
    )
    if vermittlung is None:
        raise Http404
    return vermittlung


def jahresstatistik(jahre=5):
    """Offers, placements and days from offer to moving in for the last `jahre` years, small counts suppressed."""
    zeilen = []
    heute = timezone.localdate()
    for jahr in range(heute.year, heute.year - jahre, -1):
        angeboten = Wohnungsangebot.objects.filter(eingegangen__year=jahr).count()
        eingezogen = list(
            Vermittlung.objects.filter(status=Vermittlung.Status.EINGEZOGEN, eingezogen_am__year=jahr).select_related(
                "angebot"
            )
        )
        tage = [(v.eingezogen_am - timezone.localdate(v.angebot.eingegangen)).days for v in eingezogen]
        zeilen.append(
            {
                "jahr": jahr,
                "angeboten": unterdrueckt(angeboten),
                "vermittelt": unterdrueckt(len(eingezogen)),
                "aus_anschluss": _aus_anschluss(eingezogen),
                # An average over fewer than five placements would describe individual households.
                "tage": round(sum(tage) / len(tage)) if len(tage) >= 5 else unterdrueckt(len(tage)) if tage else "–",
            }
        )
    return zeilen


def _aus_anschluss(eingezogen):
    """Households from the follow-up accommodation; hidden too when the rest of the column would reveal it."""
    anzahl = sum(1 for v in eingezogen if v.aus_anschlussunterbringung)
    rest = len(eingezogen) - anzahl
    if 0 < rest < 5:
        return _("not shown")
    return unterdrueckt(anzahl)


def fall_export(fall):
    """The housing search and placements of a case, for the case's Art. 15 export (`faelle_case_export`)."""
    suche = Wohnungssuche.objects.filter(fall=fall).first()
    if suche is None:
        return {"housing_search": None, "housing_placements": []}
    return {
        "housing_search": {
            "household_size": suche.personen,
            "rent_cap": suche.mietobergrenze,
            "needs_step_free": suche.barrierefrei,
            "districts": suche.stadtteile,
            "still_looking": suche.aktiv,
        },
        "housing_placements": [
            {
                "flat": v.angebot.adresse,
                "status": v.get_status_display(),
                "proposed_on": v.vorgeschlagen_am,
                "moved_in_on": v.eingezogen_am,
                "details_shared_with_landlord_on": v.geteilt_am,
                "check_in_on": v.nachbetreuung_am,
                "check_in_note": v.nachbetreuung_notiz or "",
            }
            for v in suche.vermittlungen.select_related("angebot")
        ],
    }
