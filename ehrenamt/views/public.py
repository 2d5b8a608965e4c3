"""Without signing in: a volunteer's personal calendar feed, reached by the secret token in its link."""

import datetime

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal import calendars

from .. import selectors
from ..models import Ehrenamtsprofil, Einsatz

FEED_HISTORY_DAYS = 90


def schicht_event(schicht, request):
    return calendars.Event(
        uid=f"schicht-{schicht.pk}@{calendars.UID_DOMAIN}",
        start=schicht.beginn,
        end=schicht.ende,
        summary=schicht.titel,
        description=f"{schicht.get_bereich_display()}\n{schicht.notizen}".strip(),
        location=schicht.ortsangabe(),
        url=request.build_absolute_uri(reverse("ehrenamt:schicht", args=[schicht.pk])),
        sequence=schicht.sequenz,
        status="CANCELLED" if schicht.abgesagt else "CONFIRMED",
        modified=schicht.geaendert_am,
    )


@never_cache
@calendars.calendar_view()
def feed(request, token):
    """The personal calendar: only this volunteer's own shifts, nothing about anyone else."""
    profil = Ehrenamtsprofil.objects.filter(feed_token=token).select_related("user").first()
    if profil is None or not (profil.user.is_active and profil.user.has_perm("ehrenamt.volunteer")):
        raise Http404
    seit = timezone.now() - datetime.timedelta(days=FEED_HISTORY_DAYS)
    einsaetze = (
        Einsatz.objects.filter(freiwillige=profil.user, status=Einsatz.Status.BESTAETIGT, schicht__ende__gte=seit)
        .select_related("schicht", "schicht__stelle")
        .order_by("schicht__beginn")
    )
    selectors.mit_orten([einsatz.schicht for einsatz in einsaetze])
    body = calendars.ics(_("My volunteer shifts"), [schicht_event(einsatz.schicht, request) for einsatz in einsaetze])
    return calendars.CalendarFile(body, "meine-einsaetze.ics")
