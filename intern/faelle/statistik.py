"""Anonymised statistics for the Gemeinderat: counts only, and every count under five is suppressed
so that no household can be recognised."""

from django.db.models import Count
from django.utils.translation import gettext as _

from .models import Bedarf, Fall, Massnahme, Rasterbereich

MINDESTANZAHL = 5


def unterdrueckt(anzahl):
    """The count, or a note instead of counts from 1 to 4 (0 says nothing about anyone)."""
    if 0 < anzahl < MINDESTANZAHL:
        return _("fewer than %(n)d") % {"n": MINDESTANZAHL}
    return anzahl


def zahlen(jahr):
    status = dict(Fall.objects.values_list("status").annotate(n=Count("pk")).order_by())
    bedarfe = dict(
        Bedarf.objects.filter(status__in=[Bedarf.Status.BEDARF, Bedarf.Status.IN_ARBEIT])
        .values_list("lebensbereich")
        .annotate(n=Count("pk"))
        .order_by()
    )
    erledigt = dict(
        Massnahme.objects.filter(status=Massnahme.Status.ERLEDIGT, erledigt_am__year=jahr)
        .values_list("lebensbereich")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {
        "faelle_nach_status": [(label, unterdrueckt(status.get(code, 0))) for code, label in Fall.Status.choices],
        "bedarfe": [(label, unterdrueckt(bedarfe.get(code, 0))) for code, label in Rasterbereich.choices],
        "erledigt": [(label, unterdrueckt(erledigt.get(code, 0))) for code, label in Rasterbereich.choices],
        "erledigt_gesamt": gesamt(list(erledigt.values())),
    }


def gesamt(anzahlen):
    """A total must not give away a suppressed cell: with exactly one, the total is suppressed too."""
    versteckt = [n for n in anzahlen if 0 < n < MINDESTANZAHL]
    if len(versteckt) == 1:
        return _("not shown")
    return unterdrueckt(sum(anzahlen))
