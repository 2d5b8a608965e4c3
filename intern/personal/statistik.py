"""Anonymised yearly figures of hires for the Gemeinderat.

Only completed years are shown, so that HR cannot learn about one person by comparing the figures
before and after a hire. Counts from 1 to 4 are suppressed as in the case register; and when one
group makes up the whole year, the breakdown would describe every person hired, so it is hidden.
"""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from intern.faelle.statistik import MINDESTANZAHL, unterdrueckt

from .models import Einstellung


def _zellen(gruppen):
    """Counts 1–4 suppressed; a single suppressed cell gets the smallest other non-zero cell as
    company, since HR knows each year's total. One group making up the whole year would describe
    every person hired: then nothing is broken down."""
    if sum(gruppen) in gruppen:
        return [_("not shown")] * len(gruppen)
    zellen = [unterdrueckt(n) for n in gruppen]
    versteckt = [i for i, n in enumerate(gruppen) if 0 < n < MINDESTANZAHL]
    if len(versteckt) == 1:
        andere = [i for i, n in enumerate(gruppen) if n > 0 and i not in versteckt]
        if andere:
            zellen[min(andere, key=lambda i: gruppen[i])] = _("not shown")
    return zellen


def einstellungen_pro_jahr():
    rows = (
        Einstellung.objects.filter(jahr__lt=timezone.localdate().year)
        .values("jahr")
        .annotate(
            alle=Count("pk"),
            fluechtlinge=Count("pk", filter=Q(anerkannter_fluechtling=True)),
            andere=Count("pk", filter=Q(anerkannter_fluechtling=False)),
        )
        .order_by("-jahr")
    )
    result = []
    for row in rows:
        gruppen = [row["fluechtlinge"], row["andere"], row["alle"] - row["fluechtlinge"] - row["andere"]]
        zellen = _zellen(gruppen)
        result.append(
            {
                "jahr": row["jahr"],
                "fluechtlinge": zellen[0],
                "andere": zellen[1],
                "ohne_angabe": zellen[2],
                "gesamt": unterdrueckt(row["alle"]),
            }
        )
    return result
