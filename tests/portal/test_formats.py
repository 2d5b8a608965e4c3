"""Dates, times, ranges and lists in each reader's format (portal/formats.py, portal/locale_formats)."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

from portal.formats import day_and_hours, liste
from veranstaltungen.recurrence import BERLIN

START = datetime.datetime(2026, 12, 3, 18, 0, tzinfo=BERLIN)
END = START + datetime.timedelta(hours=2)


@pytest.mark.parametrize(
    ("language", "date", "date_and_time"),
    [
        ("de", "3. Dezember 2026", "3. Dezember 2026 18:00"),
        ("en", "3 December 2026", "3 December 2026, 18:00"),
        ("ar", "3 ديسمبر 2026", "3 ديسمبر 2026، 18:00"),
        ("fa", "3 دسامبر 2026", "3 دسامبر 2026، ساعت 18:00"),
        ("uk", "3 грудня 2026 р.", "3 грудня 2026 р., 18:00"),
        ("tr", "3 Aralık 2026", "3 Aralık 2026 18:00"),
    ],
)
def test_dates_and_times_follow_the_readers_language(language, date, date_and_time):
    with translation.override(language):
        assert date_format(START, "DATE_FORMAT") == date
        assert date_format(START, "DATETIME_FORMAT", use_l10n=True) == date_and_time


def test_lists_and_ranges_use_the_languages_separators():
    with translation.override("ar"):
        assert liste(["الألمانية", "العربية"]) == "الألمانية، العربية"
        text = day_and_hours(START, END)
        assert text.startswith("الخميس، 3 ديسمبر 2026، ")
        assert "\u206618:00–20:00\u2069" in text
        assert ", " not in text
    with translation.override("de"):
        assert liste(["Deutsch", "Arabisch"]) == "Deutsch, Arabisch"
        assert day_and_hours(START, END) == "Donnerstag, 3. Dezember 2026, 18:00–20:00"


def test_the_template_filters_use_the_same_helper():
    template = Template("{% load portal_tags %}{{ items|liste }} | {{ start|tag_und_zeit:end }}")
    with translation.override("fa"):
        rendered = template.render(Context({"items": ["آلمانی", "فارسی"], "start": START, "end": END}))
    assert rendered.startswith("آلمانی، فارسی | پنجشنبه، 3 دسامبر 2026، ")
