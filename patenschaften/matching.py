"""Ranked Pate suggestions for a household, each with the reasons for its place.

The score adds up what makes a Patenschaft work in practice: a shared language matters most,
then children (who need a Pate allowed to accompany them), the same district, matching topics
and overlapping free time. A Pate who already accompanies others counts a little less.
The score only orders the list: people are shown with a fit in words (`eignung`), never a number.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy

from angebote.models import SPRACHEN
from ehrenamt.models import Ehrenamtsprofil, Qualifikation, Qualifikationsnachweis, Tageszeit, Wochentag
from portal.choices import Stadtteil
from portal.formats import liste

from .models import Patenbewerbung, Patenschaft, Thema

SPRACHE = 40
KINDER = 25
STADTTEIL = 15
THEMA = 6
ZEIT = 3
AUSGELASTET = 8

EIGNUNG = {
    "gut": pgettext_lazy("Pate suggestion", "Fits well"),
    "teilweise": pgettext_lazy("Pate suggestion", "Fits in part"),
    "kaum": pgettext_lazy("Pate suggestion", "Hardly fits"),
}


@dataclass
class Patenvorschlag:
    """A Pate suggested for a household seeking one: the points that order the list, the reasons and the
    concerns."""

    bewerbung: Patenbewerbung
    punkte: int = 0
    gruende: list = field(default_factory=list)
    bedenken: list = field(default_factory=list)
    gemeinsame_sprache: bool = True

    @property
    def pate(self):
        return self.bewerbung.user

    @property
    def eignung(self):
        """gut: a shared language and nothing against it; kaum: no shared language, or the concerns
        outweigh the rest."""
        if not self.gemeinsame_sprache or self.punkte <= 0:
            return "kaum"
        if not self.bedenken and self.punkte >= SPRACHE:
            return "gut"
        return "teilweise"

    @property
    def eignung_label(self):
        return EIGNUNG[self.eignung]


def _labels(codes, choices):
    names = dict(choices)
    return liste(names.get(code, code) for code in codes)


def bewerten(suche, bewerbung, profil, fuehrungszeugnis_gueltig, laufende):
    vorschlag = Patenvorschlag(bewerbung)
    sprachen = [code for code in suche.sprachen if code in profil.sprachen]
    if sprachen:
        vorschlag.punkte += SPRACHE + 5 * (len(sprachen) - 1)
        vorschlag.gruende.append(_("Speaks %(languages)s") % {"languages": _labels(sprachen, SPRACHEN.items())})
    else:
        # Without a shared language everything else is hard: this outweighs the rest.
        vorschlag.punkte -= SPRACHE
        vorschlag.gemeinsame_sprache = False
        vorschlag.bedenken.append(_("No shared language"))
    if suche.mit_kindern:
        if bewerbung.kinder and fuehrungszeugnis_gueltig:
            vorschlag.punkte += KINDER
            vorschlag.gruende.append(_("Can accompany children; certificate of good conduct recorded"))
        elif bewerbung.kinder:
            vorschlag.bedenken.append(_("Can accompany children, but no valid certificate of good conduct is recorded"))
        else:
            vorschlag.punkte -= KINDER
            vorschlag.bedenken.append(_("Does not accompany children"))
    if bewerbung.stadtteil == suche.stadtteil:
        vorschlag.punkte += STADTTEIL
        vorschlag.gruende.append(
            _("Lives in the same district (%(district)s)") % {"district": Stadtteil(bewerbung.stadtteil).label}
        )
    themen = [code for code in suche.themen if code in bewerbung.themen]
    if themen:
        vorschlag.punkte += THEMA * len(themen)
        vorschlag.gruende.append(_("Can help with %(topics)s") % {"topics": _labels(themen, Thema.choices)})
    tage = [code for code in suche.wochentage if code in profil.wochentage]
    zeiten = [code for code in suche.tageszeiten if code in profil.tageszeiten]
    if tage or zeiten:
        vorschlag.punkte += ZEIT * (len(tage) + len(zeiten))
        vorschlag.gruende.append(
            _("Has time: %(times)s")
            % {"times": liste(filter(None, [_labels(tage, Wochentag.choices), _labels(zeiten, Tageszeit.choices)]))}
        )
    if laufende:
        vorschlag.punkte -= AUSGELASTET * laufende
        vorschlag.bedenken.append(
            ngettext("Already accompanies %(count)s household", "Already accompanies %(count)s households", laufende)
            % {"count": laufende}
        )
    return vorschlag


def vorschlaege(suche, limit=10):
    """Active Paten, best fit first (ties: longer-standing application first)."""
    bewerbungen = list(
        Patenbewerbung.objects.filter(status=Patenbewerbung.Status.AKTIV, user__is_active=True)
        .select_related("user")
        .annotate(laufende=Count("user__patenschaften", filter=Q(user__patenschaften__status=Patenschaft.Status.AKTIV)))
        .order_by("erstellt_am", "pk")
    )
    users = [b.user_id for b in bewerbungen]
    profile = {p.user_id: p for p in Ehrenamtsprofil.objects.filter(user_id__in=users)}
    heute = timezone.localdate()
    mit_zeugnis = set(
        Qualifikationsnachweis.objects.filter(freiwillige_id__in=users, art=Qualifikation.FUEHRUNGSZEUGNIS)
        .filter(Q(gueltig_bis__isnull=True) | Q(gueltig_bis__gte=heute))
        .values_list("freiwillige_id", flat=True)
    )
    bereits = set(suche.patenschaften.values_list("pate_id", flat=True)) if suche.pk else set()
    result = [
        bewerten(suche, b, profile[b.user_id], b.user_id in mit_zeugnis, b.laufende)
        for b in bewerbungen
        if b.user_id in profile and b.user_id not in bereits
    ]
    result.sort(key=lambda v: -v.punkte)  # stable: ties keep the application order
    return result[:limit]
