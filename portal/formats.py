"""Dates and times as the reader's language writes them, in Plochingen time."""

from django.utils import timezone, translation
from django.utils.formats import date_format


def day_and_hours(start, end):
    """ "Monday, 30 November 2026, 18:00–20:00" in the active language."""
    start = timezone.localtime(start)
    end = timezone.localtime(end)
    hours = f"{start:%H:%M}–{end:%H:%M}"
    if translation.get_language_bidi():
        hours = f"\u2066{hours}\u2069"  # left-to-right isolate: "17:30–20:30" must not turn round
    return f"{date_format(start, 'l')}, {date_format(start, 'DATE_FORMAT')}, {hours}"
