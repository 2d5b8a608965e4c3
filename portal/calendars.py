"""Every calendar of the portal (RFC 5545): apps map their models to `Event`, `ics()` writes them.

Content lines are written here directly, as a feed of 2,000 events must be built in a fraction of
a second; tests read every calendar back with icalendar, vobject and recurring-ical-events.
"""

import datetime
import hashlib
from dataclasses import dataclass, field
from functools import wraps
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition
from wagtail import hooks

PRODID = "-//Stadt Plochingen//Integrationsportal//DE"
UID_DOMAIN = "integrationsportal.plochingen.de"
TZID = "Europe/Berlin"
BERLIN = ZoneInfo(TZID)
# Berlin by the rules of the tz database (EU summer time since 1996) rather than a list of dates,
# so that it holds for every year a series reaches.
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19810329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]
# How long the time a calendar body was first served is remembered (its Last-Modified).
SERVED_SECONDS = 60 * 60 * 24 * 30


@dataclass(slots=True)
class Event:
    """One VEVENT. A `datetime.date` is an all-day date (the end exclusive); date-times are written
    in Berlin time. A series has `rrule` (e.g. {"FREQ": "WEEKLY", "UNTIL": ...}) and `exdates`; a
    moved date of it is an Event with the same uid and `recurrence_id` (the start it replaces)."""

    uid: str
    start: datetime.date
    end: datetime.date
    summary: str
    modified: datetime.datetime | None  # DTSTAMP and LAST-MODIFIED
    sequence: int = 0
    description: str = ""
    location: str = ""
    url: str = ""
    status: str = ""  # CONFIRMED or CANCELLED
    comment: str = ""  # e.g. why a date is cancelled
    # The language of LOCATION and COMMENT where it is not the calendar's (a place not translated).
    location_language: str = ""
    comment_language: str = ""
    rrule: dict | None = None
    exdates: list = field(default_factory=list)
    recurrence_id: datetime.date | None = None


def ics(name, events, method=None):
    """The calendar `name` with `events` (any iterable, read once), as RFC 5545 bytes."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    if method:
        lines.append(f"METHOD:{method}")
    lines += [f"X-WR-CALNAME:{_text(name)}", f"X-WR-TIMEZONE:{TZID}"]
    # Always: a calendar needs at least one component (RFC 5545 section 3.6), and a feed without
    # events (a category with no dates yet) is still one its subscribers keep (docs/architecture.md).
    lines += VTIMEZONE
    for event in events:
        _vevent(event, lines)
    lines.append("END:VCALENDAR")
    # Encoded once and folded where a line is longer than 75 octets: a feed has ~20,000 lines, and
    # values never hold a line break (TEXT is escaped, the others are single words).
    return (
        b"\r\n".join([line if len(line) <= 75 else _fold(line) for line in "\r\n".join(lines).encode().split(b"\r\n")])
        + b"\r\n"
    )


def _vevent(event, lines):
    """Appends the lines of `event` to `lines`."""
    stamp = _value(event.modified or timezone.now())
    lines += ("BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp}", f"LAST-MODIFIED:{stamp}")
    lines.append(f"SEQUENCE:{event.sequence}")
    if event.recurrence_id is not None:
        lines.append(_when("RECURRENCE-ID", event.recurrence_id))
    lines += (_when("DTSTART", event.start), _when("DTEND", event.end), f"SUMMARY:{_text(event.summary)}")
    if event.description:
        lines.append(f"DESCRIPTION:{_text(event.description)}")
    if event.location:
        lines.append(f"LOCATION{_language(event.location_language)}:{_text(event.location)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    if event.status:
        lines.append(f"STATUS:{event.status}")
    if event.comment:
        lines.append(f"COMMENT{_language(event.comment_language)}:{_text(event.comment)}")
    if event.rrule:
        lines.append("RRULE:" + ";".join(f"{key}={_value(value)}" for key, value in event.rrule.items()))
    lines += [_when("EXDATE", moment) for moment in event.exdates]
    lines.append("END:VEVENT")


def _value(value):
    """A DATE, a UTC DATE-TIME, or anything else as it is (as in an RRULE)."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    if isinstance(value, datetime.date):
        return value.strftime("%Y%m%d")
    return value


def _when(name, value):
    """A property with a DATE, or with a DATE-TIME in Berlin time."""
    if isinstance(value, datetime.datetime):
        return f"{name};TZID={TZID}:{value.astimezone(BERLIN):%Y%m%dT%H%M%S}"
    return f"{name};VALUE=DATE:{value:%Y%m%d}"


def _language(code):
    """The LANGUAGE parameter (RFC 5545 section 3.2.10) of a text in `code`, or nothing."""
    return f";LANGUAGE={code}" if code else ""


def _text(value):
    """A TEXT value, escaped as RFC 5545 section 3.3.11 asks."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line):
    """An encoded content line of more than 75 octets, folded: continuation lines start with a space
    and no line is longer than 75 octets (section 3.1); a character's UTF-8 bytes stay together."""
    parts, start, limit = [], 0, 75
    while len(line) - start > limit:
        end = start + limit
        while line[end] & 0xC0 == 0x80:  # not the first byte of a character
            end -= 1
        parts.append(line[start:end])
        start, limit = end, 74
    parts.append(line[start:])
    return b"\r\n ".join(parts)


# --- Serving ------------------------------------------------------------------------------------


@dataclass
class CalendarFile:
    """A calendar as a view serves it."""

    body: bytes
    filename: str
    attachment: bool = False
    etag: str = field(init=False)

    def __post_init__(self):
        self.etag = hashlib.sha256(self.body).hexdigest()[:32]

    def first_served(self):
        """When this body was first served: its Last-Modified."""
        return cache.get_or_set(f"calendars:served:{self.etag}", timezone.now, SERVED_SECONDS)

    def response(self):
        response = HttpResponse(self.body, content_type="text/calendar; charset=utf-8")
        kind = "attachment" if self.attachment else "inline"
        response["Content-Disposition"] = f'{kind}; filename="{self.filename}"'
        return response


def calendar_view(public_seconds=None):
    """For a view returning a `CalendarFile`: Django's condition() answers a repeated request 304.

    `public_seconds`: how long shared caches may keep it; any other calendar is personal and
    kept out of search engines."""

    def decorator(build):
        @wraps(build)
        def view(request, *args, **kwargs):
            calendar = build(request, *args, **kwargs)

            @condition(
                etag_func=lambda request: calendar.etag, last_modified_func=lambda request: calendar.first_served()
            )
            def respond(request):
                return calendar.response()

            response = respond(request)
            if public_seconds:
                patch_cache_control(response, public=True, max_age=public_seconds)
            else:
                response["X-Robots-Tag"] = "noindex"
            return response

        return view

    return decorator


def upcoming_dates(request, limit, kategorie=None):
    """The next `limit` dates of every area that registers the `portal_upcoming_dates` hook (only
    those of the event category `kategorie`, if given), sorted by start.

    Each hook takes (request, limit) and, where a category is asked for, `kategorie=`; it returns
    dicts with title, start, url and location.
    """
    dates = []
    for fn in hooks.get_hooks("portal_upcoming_dates"):
        dates.extend(fn(request, limit) if kategorie is None else fn(request, limit, kategorie=kategorie))
    return sorted(dates, key=lambda item: item["start"])[:limit]
