"""RFC 5545 calendars: series as RRULE/EXDATE with RECURRENCE-ID overrides, never exploded."""

import datetime

from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Event, vRecur

from portal.exports import new_calendar

from . import recurrence

PRODID = "-//Stadt Plochingen//Integrationsportal//DE"
UID_DOMAIN = "integrationsportal.plochingen.de"


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
    return vRecur(rule)


def _one_line(text):
    return ", ".join(line.strip() for line in text.splitlines() if line.strip())


def _location(series):
    if series.ort_id:
        return f"{series.ort.name}, {_one_line(series.ort.adresse)}"
    return _one_line(series.adresse)


def _when(series, moment, end=False):
    """A Berlin datetime, or for all-day events a DATE (the end date exclusive, as RFC 5545 wants)."""
    if not series.ganztaegig:
        return moment
    return moment.date() + datetime.timedelta(days=1) if end else moment.date()


def _on(series, day, start):
    """The occurrence on `day` as RECURRENCE-ID / EXDATE value."""
    return day if series.ganztaegig else datetime.datetime.combine(day, start.timetz())


def vevents(series, shown, url):
    """VEVENTs of one series: the master, plus one override per moved date."""
    stamp = series.last_published_at or timezone.now()
    start = series.start.astimezone(recurrence.BERLIN)
    master = Event()
    master.add("uid", uid(series))
    master.add("dtstamp", stamp)
    master.add("sequence", series.sequence)
    master.add("summary", shown.title)
    master.add("description", strip_tags(shown.teaser))
    master.add("url", url)
    if location := _location(series):
        master.add("location", location)
    master.add("dtstart", _when(series, start))
    master.add("dtend", _when(series, series.end.astimezone(recurrence.BERLIN), end=True))
    events = [master]
    if series.wiederholung:
        master.add("rrule", _rrule(series))
        moved = {move.datum: move for move in series.verschiebungen.all()}
        excluded = [c.datum for c in series.ausfaelle.all() if c.datum not in moved]
        for day in excluded:
            master.add("exdate", _on(series, day, start))
        for day, move in moved.items():
            override = Event()
            override.add("uid", uid(series))
            override.add("dtstamp", stamp)
            override.add("sequence", series.sequence)
            override.add("recurrence-id", _on(series, day, start))
            override.add("summary", shown.title)
            override.add("url", url)
            override.add("dtstart", _when(series, move.neuer_start.astimezone(recurrence.BERLIN)))
            override.add("dtend", _when(series, move.neues_ende.astimezone(recurrence.BERLIN), end=True))
            if location:
                override.add("location", location)
            events.append(override)
    return events


def calendar(name, items):
    """items: (series, shown translation, absolute URL)."""
    cal = new_calendar(name, PRODID)
    for series, shown, url in items:
        for event in vevents(series, shown, url):
            cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
