"""Ranked match suggestions for a landlord's offer, with the reasons a person can check.

Hard limits: the rent with heating must be within the household's cap, a household that needs a
step-free flat only gets step-free flats, and there must be enough rooms. Within those limits the
score rewards room to spare under the cap, a size that fits the household, the right number of
rooms and a preferred district.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _


# Living space a household of n people is usually granted: 45 m² for one, 15 m² more per person.
def richtgroesse(personen):
    return Decimal(45 + 15 * (max(personen, 1) - 1))


def zimmer_noetig(personen):
    return Decimal(max(1, (personen + 1) // 2))


@dataclass
class Haushaltsvorschlag:
    """A household looking for a flat (`Wohnungssuche`), suggested for a landlord's offer: its points,
    the reasons, and what rules it out."""

    suche: object
    punkte: int = 0
    gruende: list = field(default_factory=list)
    ausschluss: list = field(default_factory=list)

    @property
    def passt(self):
        return not self.ausschluss


def bewerte(angebot, suche):
    v = Haushaltsvorschlag(suche=suche)
    cap = suche.mietobergrenze
    if angebot.warmmiete > cap:
        v.ausschluss.append(
            _("Rent %(rent)s € is above the cap of %(cap)s €.") % {"rent": angebot.warmmiete, "cap": cap}
        )
    else:
        headroom = (cap - angebot.warmmiete) / cap if cap else Decimal(0)
        v.punkte += int(30 * min(headroom * 4, Decimal(1)))
        v.gruende.append(_("Rent %(rent)s € is within the cap of %(cap)s €.") % {"rent": angebot.warmmiete, "cap": cap})
    if suche.barrierefrei and not angebot.barrierefrei:
        v.ausschluss.append(_("The household needs a step-free flat."))
    elif suche.barrierefrei:
        v.punkte += 10
        v.gruende.append(_("Step-free, as the household needs."))
    noetig = zimmer_noetig(suche.personen)
    if angebot.zimmer < noetig:
        v.ausschluss.append(
            _("%(rooms)s rooms are too few (household size %(people)d).")
            % {"rooms": angebot.zimmer, "people": suche.personen}
        )
    else:
        v.punkte += 20 if angebot.zimmer <= noetig + 1 else 10
        v.gruende.append(
            _("%(rooms)s rooms (household size %(people)d).") % {"rooms": angebot.zimmer, "people": suche.personen}
        )
    ideal = richtgroesse(suche.personen)
    ratio = angebot.flaeche / ideal
    if ratio < Decimal("0.8"):
        v.punkte -= 10
        v.gruende.append(
            _("Small: %(size)s m² where about %(ideal)s m² would fit.") % {"size": angebot.flaeche, "ideal": ideal}
        )
    elif ratio <= Decimal("1.25"):
        v.punkte += 30
        v.gruende.append(
            _("%(size)s m² fits a household of %(people)d.") % {"size": angebot.flaeche, "people": suche.personen}
        )
    else:
        v.punkte += 15
        v.gruende.append(
            _("Large: %(size)s m² (household size %(people)d).") % {"size": angebot.flaeche, "people": suche.personen}
        )
    if angebot.stadtteil in (suche.stadtteile or []):
        v.punkte += 20
        v.gruende.append(_("In a district the household prefers."))
    return v


def vorschlaege(angebot, suchen):
    """Households that fit, best first; ties go to the household that has waited longest."""
    bewertet = [bewerte(angebot, suche) for suche in suchen]
    passend = [v for v in bewertet if v.passt]
    return sorted(passend, key=lambda v: (-v.punkte, v.suche.erstellt_am, v.suche.pk))
