"""Occurrences of an event series, computed in Berlin wall-clock time.

An 18:00 Begegnungscafé stays at 18:00 local time across both DST changes: the rule is
applied to naive local datetimes, which are then placed in Europe/Berlin.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil import rrule

BERLIN = ZoneInfo("Europe/Berlin")

WEEKLY = "woechentlich"
MONTHLY_WEEKDAY = "monatlich"
WEEKDAYS = [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU]
# Enough for a list a year ahead; a series without an end is cut here, not stored.
HORIZON = datetime.timedelta(days=400)


@dataclass(frozen=True)
class Veranstaltungstermin:
    """One date of an event, computed from its series; not stored."""

    event: object
    beginn: datetime.datetime
    ende: datetime.datetime
    cancelled: bool = False
    note: str = ""
    moved_from: datetime.date | None = None

    @property
    def date(self):
        return self.beginn.astimezone(BERLIN).date()


def nth_weekday(day):
    """(weekday, n) of a date: the 2nd Tuesday, or the last one (n = -1) for a fifth."""
    n = (day.day - 1) // 7 + 1
    return day.weekday(), (-1 if n == 5 else n)


def local(dt):
    return dt.astimezone(BERLIN).replace(tzinfo=None)


def placed(naive):
    return naive.replace(tzinfo=BERLIN)


def rule_for(series):
    """The dateutil rule of a series (None for a single date)."""
    if series.wiederholung not in (WEEKLY, MONTHLY_WEEKDAY):
        return None
    start = local(series.beginn)
    kwargs = {"dtstart": start, "interval": max(series.intervall or 1, 1)}
    if series.anzahl:
        kwargs["count"] = series.anzahl
    elif series.bis_datum:
        kwargs["until"] = datetime.datetime.combine(series.bis_datum, datetime.time(23, 59, 59))
    if series.wiederholung == WEEKLY:
        return rrule.rrule(rrule.WEEKLY, **kwargs)
    weekday, n = nth_weekday(start.date())
    return rrule.rrule(rrule.MONTHLY, byweekday=WEEKDAYS[weekday](n), **kwargs)


def occurrences(series, after, before, cancellations=None, moves=None):
    """Veranstaltungstermine of the series overlapping [after, before), cancelled ones included and marked."""
    cancellations = cancellations if cancellations is not None else {c.datum: c.hinweis for c in series.ausfaelle.all()}
    moves = moves if moves is not None else {m.datum: m for m in series.verschiebungen.all()}
    rule = rule_for(series)
    if rule is None and not cancellations and not moves:
        # A single date as stored: most events are, and a feed or schedule reads thousands of them.
        return (
            [Veranstaltungstermin(series, series.beginn, series.ende)]
            if series.ende > after and series.beginn < before
            else []
        )
    duration = local(series.ende) - local(series.beginn)
    starts = [local(series.beginn)] if rule is None else rule.between(local(after) - duration, local(before), inc=True)
    result = []
    for naive in starts:
        day = naive.date()
        if day in moves:
            move = moves[day]
            termin = Veranstaltungstermin(series, move.neuer_beginn, move.neues_ende, moved_from=day)
        else:
            start = placed(naive)
            termin = Veranstaltungstermin(
                series, start, placed(naive + duration), day in cancellations, cancellations.get(day, "")
            )
        if termin.ende > after and termin.beginn < before:
            result.append(termin)
    return result


def series_end(series):
    """When the last date of the series ends, or None for a series without an end."""
    rule = rule_for(series)
    if rule is None:
        return series.ende
    if not (series.anzahl or series.bis_datum):
        return None
    last = list(rule)[-1]
    return placed(last + (local(series.ende) - local(series.beginn)))
