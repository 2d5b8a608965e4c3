"""The Ehrenamtsnachweis: a PDF certificate of the hours a volunteer gave in one year."""

from decimal import Decimal

from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone

from portal.forms import sinnvolles_jahr
from portal.pdf import pdf_response

from . import selectors
from .models import Einsatz, Einsatzbereich


def bestaetigte_einsaetze(user, jahr):
    return (
        Einsatz.objects.filter(
            freiwillige=user, status=Einsatz.Status.BESTAETIGT, anwesend=True, schicht__beginn__year=jahr
        )
        .select_related("schicht")
        .order_by("schicht__beginn")
    )


def context(user, jahr):
    if not sinnvolles_jahr(jahr):
        raise Http404
    einsaetze = list(bestaetigte_einsaetze(user, jahr))
    if not einsaetze:
        raise Http404
    labels = dict(Einsatzbereich.choices)
    bereiche = {}
    for einsatz in einsaetze:
        einsatz.bereich = labels.get(einsatz.schicht.bereich, einsatz.schicht.bereich)
        count, hours = bereiche.get(einsatz.bereich, (0, Decimal(0)))
        bereiche[einsatz.bereich] = (count + 1, hours + (einsatz.stunden or 0))
    return {
        "name": user.get_full_name() or user.email,
        "jahr": jahr,
        "einsaetze": einsaetze,
        "anzahl": len(einsaetze),
        "stunden": sum((e.stunden or Decimal(0) for e in einsaetze), Decimal(0)),
        "bereiche": sorted(bereiche.items()),
        "ausgestellt": timezone.localdate(),
        # The issuing office: the volunteer coordination's contact as the Mitmachen page names it.
        "kontakt": selectors.kontakt_der_koordination(),
    }


def response(request, user, jahr):
    data = context(user, jahr)
    html = render_to_string("ehrenamt/nachweis.html", data, request)
    return pdf_response(html, f"ehrenamtsnachweis-{jahr}.pdf")
