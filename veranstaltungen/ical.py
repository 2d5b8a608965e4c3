"""RFC 5545 calendars: series as RRULE/EXDATE with RECURRENCE-ID overrides, never exploded.

The calendar frame and the time zone come from icalendar; the events are written as content
lines here, because building 2,000 VEVENT objects with icalendar takes seconds and a feed
must be built in a fraction of that (issue 11). Tests read every feed back with icalendar and
recurring-ical-events.
"""

import datetime
from collections import defaultdict

from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Timezone, vRecur

from portal.exports import new_calendar

from . import recurrence

PRODID = "-//Stadt Plochingen//Integrationsportal//DE"
UID_DOMAIN = "integrationsportal.plochingen.de"
TZID = "Europe/Berlin"


def uid(series):
    """Stable across regenerations and languages: the translation key of the German original."""
    return f"{series.translation_key}@{UID_DOMAIN}"


def _rrule(series):
    rule = {"FREQ": "WEEKLY" if series.wiederholung == recurrence.WEEKLY else "MONTHLY"}
    if series.intervall and series.intervall > 1:
        rule["INTERVAL"] = series.intervall
    if series.wiederholung == recurrence.MONTHLY_WEEKDAY:
        weekday, n = recurrence.nth_weekday(recurrence.local(series.start).date())
        rule["BYDAY"] = f"{n}{['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][weekday]}"
    if series.anzahl:
        rule["COUNT"] = series.anzahl
    elif series.bis_datum:
        until = datetime.datetime.combine(series.bis_datum, datetime.time(23, 59, 59), tzinfo=recurrence.BERLIN)
        rule["UNTIL"] = until.astimezone(datetime.UTC)
    return vRecur(rule).to_ical().decode()


def _text(value):
    """A TEXT value, escaped as RFC 5545 section 3.3.11 asks."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line):
    """Content lines of at most 75 octets; continuation lines start with a space (section 3.1)."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line + "\r\n"
    parts, current, size, limit = [], [], 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts) + "\r\n"


def _one_line(text):
    return ", ".join(line.strip() for line in text.splitlines() if line.strip())


def _location(series):
    if series.ort_id:
        return f"{series.ort.name}, {_one_line(series.ort.adresse)}"
    return _one_line(series.adresse)


def _utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _when(name, series, moment, end=False):
    """A Berlin date-time, or for all-day events a DATE (the end date exclusive, as RFC 5545 wants)."""
    moment = moment.astimezone(recurrence.BERLIN)
    if series.ganztaegig:
        day = moment.date() + datetime.timedelta(days=1) if end else moment.date()
        return f"{name};VALUE=DATE:{day.strftime('%Y%m%d')}"
    return f"{name};TZID={TZID}:{moment.strftime('%Y%m%dT%H%M%S')}"


def _on(name, series, day, start):
    """The occurrence on `day` as RECURRENCE-ID / EXDATE value."""
    if series.ganztaegig:
        return f"{name};VALUE=DATE:{day.strftime('%Y%m%d')}"
    local = datetime.datetime.combine(day, start.astimezone(recurrence.BERLIN).time())
    return f"{name};TZID={TZID}:{local.strftime('%Y%m%dT%H%M%S')}"


def vevent_lines(series, shown, url, cancelled_days, moves):
    """Content lines of one series: the master, plus one override per moved date.

    `cancelled_days`: dates of cancelled occurrences; `moves`: {original date: (new start, new end)}."""
    stamp = _utc(series.last_published_at or timezone.now())
    common = [f"UID:{uid(series)}", f"DTSTAMP:{stamp}", f"SEQUENCE:{series.sequence}"]
    location = _location(series)
    lines = [
        "BEGIN:VEVENT",
        *common,
        f"SUMMARY:{_text(shown.title)}",
        f"DESCRIPTION:{_text(strip_tags(shown.teaser))}",
        f"URL:{url}",
    ]
    if location:
        lines.append(f"LOCATION:{_text(location)}")
    lines += [_when("DTSTART", series, series.start), _when("DTEND", series, series.end, end=True)]
    if series.wiederholung:
        lines.append(f"RRULE:{_rrule(series)}")
        lines += [_on("EXDATE", series, day, series.start) for day in sorted(cancelled_days) if day not in moves]
    lines.append("END:VEVENT")
    if series.wiederholung:
        for day, (new_start, new_end) in sorted(moves.items()):
            lines += [
                "BEGIN:VEVENT",
                *common,
                _on("RECURRENCE-ID", series, day, series.start),
                f"SUMMARY:{_text(shown.title)}",
                f"URL:{url}",
                _when("DTSTART", series, new_start),
                _when("DTEND", series, new_end, end=True),
            ]
            if location:
                lines.append(f"LOCATION:{_text(location)}")
            lines.append("END:VEVENT")
    return lines


def calendar(name, items):
    """items: (series, shown translation, absolute URL)."""
    from .models import Ausfall, Verschiebung

    items = list(items)
    ids = [series.pk for series, _shown, _url in items]
    cancelled, moved = defaultdict(set), defaultdict(dict)
    for page_id, datum in Ausfall.objects.filter(page_id__in=ids).values_list("page_id", "datum"):
        cancelled[page_id].add(datum)
    for page_id, datum, start, end in Verschiebung.objects.filter(page_id__in=ids).values_list(
        "page_id", "datum", "neuer_start", "neues_ende"
    ):
        moved[page_id][datum] = (start, end)

    frame = new_calendar(name, PRODID).to_ical().decode().replace("\r\n ", "")
    header = frame.removesuffix("END:VCALENDAR\r\n").splitlines()
    lines = list(header)
    if any(not series.ganztaegig for series, _shown, _url in items):
        starts = [series.start for series, _shown, _url in items]
        first = min(starts).astimezone(recurrence.BERLIN).date() - datetime.timedelta(days=1)
        last = max(max(starts).date(), timezone.localdate()) + recurrence.HORIZON + datetime.timedelta(days=366)
        zone = Timezone.from_tzid(TZID, first_date=first, last_date=last)
        lines += zone.to_ical().decode().replace("\r\n ", "").splitlines()
    for series, shown, url in items:
        lines += vevent_lines(series, shown, url, cancelled[series.pk], moved[series.pk])
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) for line in lines).encode()
