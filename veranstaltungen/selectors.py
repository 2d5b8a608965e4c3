"""Reading one date of an event: when and where it is, in the reader's language."""

import datetime

from django.conf import settings
from django.utils.translation import gettext as _

from portal import formats
from portal.translation import language_of

from . import recurrence


def termin_on(series, datum):
    """The date of `series` on the day `datum` (cancelled or moved included), or None."""
    after = datetime.datetime.combine(datum, datetime.time.min, tzinfo=recurrence.BERLIN)
    for termin in series.termine(after, after + datetime.timedelta(days=1)):
        if termin.date == datum:
            return termin
    # Registered before the date was moved: it is found by its original day.
    move = series.verschiebungen.filter(datum=datum).first()
    if move is not None:
        return next((t for t in series.termine(move.neuer_start, move.neues_ende) if t.moved_from == datum), None)
    return None


def when(termin):
    """ "Wednesday, 9 December 2026, 18:00–20:00" (the day only for an all-day event)."""
    if termin.event.ganztaegig:
        return formats.day(termin.start)
    return formats.day_and_hours(termin.start, termin.end)


def place(series):
    """(the place as one line, its language): the place's name and address, or the event's address."""
    if series.ort:
        return formats.liste([series.ort.name, *series.ort.adresse.splitlines()]), language_of(series.ort)
    return formats.liste(line for line in series.adresse.splitlines() if line.strip()), settings.LANGUAGE_CODE


def details(series, datum):
    """When and where the date on `datum` is, in the active language: [(label, value, language)]."""
    termin = termin_on(series, datum)
    rows = [(_("Date"), when(termin) if termin else formats.day(datum), None)]
    where, language = place(series)
    if where:
        rows.append((_("Place"), where, language))
    return rows
