"""Dates, times, ranges and lists as the reader's language writes them, in Plochingen time.

The date and time formats come from Django's locale formats (with portal/locale_formats where
Django's differ from CLDR); this module only puts the parts together with each language's
separators."""

import datetime

from django.utils import timezone, translation
from django.utils.formats import date_format, time_format

# CLDR's list and date-part separator where it is not ", " (Arabic and Persian use the Arabic comma).
SEPARATORS = {"ar": "، ", "fa": "، "}


def separator():
    return SEPARATORS.get(translation.get_language(), ", ")


def liste(items):
    """ "Deutsch, Arabisch" / "الألمانية، العربية": the items joined in the active language."""
    return separator().join(str(item) for item in items)


def hours(start, end):
    """ "18:00–20:00" in the active language, kept left to right inside right-to-left text."""
    text = f"{time_format(timezone.localtime(start))}–{time_format(timezone.localtime(end))}"
    if translation.get_language_bidi():
        text = f"\u2066{text}\u2069"  # left-to-right isolate: the range must not turn round
    return text


def day(value):
    """ "Monday, 30 November 2026" in the active language."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return separator().join([date_format(value, "l"), date_format(value, "DATE_FORMAT")])


def day_and_hours(start, end):
    """ "Monday, 30 November 2026, 18:00–20:00" in the active language."""
    return separator().join([day(start), hours(start, end)])
