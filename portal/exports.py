"""Shared pieces of downloads: CSV that spreadsheets open safely (calendars: portal.calendars)."""

import csv

from django.http import HttpResponse


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
