"""A volunteer's own shifts as an RFC 5545 calendar."""

from django.urls import reverse
from django.utils import timezone
from icalendar import Event

from portal.exports import new_calendar

PRODID = "-//Stadt Plochingen//Integrationsportal Ehrenamt//DE"
UID_DOMAIN = "integrationsportal.plochingen.de"


def personal_calendar(name, einsaetze, request):
    cal = new_calendar(name, PRODID)
    for einsatz in einsaetze:
        schicht = einsatz.schicht
        event = Event()
        event.add("uid", f"schicht-{schicht.pk}@{UID_DOMAIN}")
        event.add("dtstamp", schicht.geaendert_am)
        event.add("sequence", schicht.sequenz)
        event.add("summary", schicht.titel)
        event.add("dtstart", timezone.localtime(schicht.beginn))
        event.add("dtend", timezone.localtime(schicht.ende))
        event.add("location", schicht.ort)
        description = f"{schicht.get_bereich_display()}\n{schicht.notizen}".strip()
        event.add("description", description)
        event.add("url", request.build_absolute_uri(reverse("ehrenamt:schicht", args=[schicht.pk])))
        if schicht.abgesagt:
            event.add("status", "CANCELLED")
        else:
            event.add("status", "CONFIRMED")
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
