"""Shared pieces of downloads: CSV that spreadsheets open safely, and iCalendar files."""

import csv

from django.conf import settings
from django.http import HttpResponse
from icalendar import Calendar


def csv_safe(value):
    """Spreadsheets run cells starting with = + - @ as formulas: not text typed by people."""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_download(filename):
    """An attachment response and a writer for it: semicolons and a BOM, as German spreadsheets expect."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response, csv.writer(response, delimiter=";")


def new_calendar(name, prodid):
    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    return cal
