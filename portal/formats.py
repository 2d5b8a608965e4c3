"""Dates, times, ranges and lists as the reader's language writes them, in Plochingen time.

The date and time formats come from Django's locale formats (with portal/locale_formats where
Django's differ from CLDR); this module only puts the parts together with each language's
separators.

A list of shifts or events writes the same few days and hours again and again (four shifts a day,
most from 18:00 to 20:00), and each text costs four of Django's formatter calls (~0.1 ms): the text
of a day and of a range of hours is therefore written once per language and kept (plain strings,
keyed by the local date or times and the language; every DATE_FORMAT and TIME_FORMAT of the portal's
languages reads only the date or only the time of day)."""

import datetime
from functools import lru_cache

from django.utils import timezone, translation
from django.utils.formats import date_format, time_format

# CLDR's list and date-part separator where it is not ", " (Arabic and Persian use the Arabic comma).
SEPARATORS = {"ar": "، ", "fa": "، "}


def separator(language=None):
    return SEPARATORS.get(language or translation.get_language(), ", ")


def liste(items):
    """ "Deutsch, Arabisch" / "الألمانية، العربية": the items joined in the active language."""
    return separator().join(str(item) for item in items)


def hours(start, end):
    """ "18:00–20:00" in the active language, kept left to right inside right-to-left text."""
    return _hours(timezone.localtime(start).time(), timezone.localtime(end).time(), translation.get_language())


def day(value):
    """ "Monday, 30 November 2026" in the active language."""
    if isinstance(value, datetime.datetime):
        value = (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    return _day(value, translation.get_language())


def day_and_hours(start, end):
    """ "Monday, 30 November 2026, 18:00–20:00" in the active language."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    language = translation.get_language()
    return separator(language).join([_day(start.date(), language), _hours(start.time(), end.time(), language)])


# `language` is the active one, part of the key: the formatters read it themselves.
@lru_cache(maxsize=2048)
def _day(date, language):
    return separator(language).join([date_format(date, "l"), date_format(date, "DATE_FORMAT")])


@lru_cache(maxsize=2048)
def _hours(start, end, language):
    text = f"{time_format(start)}–{time_format(end)}"
    if translation.get_language_bidi():
        text = f"\u2066{text}\u2069"  # left-to-right isolate: the range must not turn round
    return text
