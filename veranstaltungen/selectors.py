"""Listing queries of the events (the series of the overview, the choices of its filter) and reading
one date of an event: when and where it is, in the reader's language."""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from angebote.models import Sprache
from portal import formats
from portal.choices import kept_codes
from portal.pagecache import kept
from portal.translation import in_source_language, language_of

from . import recurrence, schedule
from .models import Kategorie, VeranstaltungPage


def termin_on(series, datum):
    """The date of `series` on the day `datum` (cancelled or moved included), or None."""
    after = datetime.datetime.combine(datum, datetime.time.min, tzinfo=recurrence.BERLIN)
    for termin in series.termine(after, after + datetime.timedelta(days=1)):
        if termin.date == datum:
            return termin
    # Registered before the date was moved: it is found by its original day.
    move = series.verschiebungen.filter(datum=datum).first()
    if move is not None:
        return next((t for t in series.termine(move.neuer_beginn, move.neues_ende) if t.moved_from == datum), None)
    return None


def when(termin):
    """ "Wednesday, 9 December 2026, 18:00–20:00" (the day only for an all-day event)."""
    if termin.event.ganztaegig:
        return formats.day(termin.beginn)
    return formats.day_and_hours(termin.beginn, termin.ende)


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


def filter_choices():
    """Slugs of the categories and codes of the languages, each in its order."""
    return kept_codes("veranstaltungen:auswahl", kategorien=(Kategorie, "slug"), sprachen=(Sprache, "code"))


def kategorien():
    """The event categories in their order (slug and label of each)."""
    return [Kategorie(slug=slug) for slug in filter_choices()["kategorien"]]


def kategorien_mit_terminen(index_page):
    """The event categories with dates to come below the overview, in their order: only these are
    offered as calendars to subscribe to (a category's feed without events is still a valid
    calendar, docs/architecture.md). From the kept dates and categories, kept for the day."""
    source = in_source_language(index_page)

    def build():
        upcoming = {entry.event_id for entry in schedule.select(source, after=timezone.now())}
        return frozenset(slug for slug, ids in kategorie_ids().items() if not ids.isdisjoint(upcoming))

    found = kept(f"veranstaltungen:kategorien-mit-terminen:{source.pk}:{timezone.localdate()}", build)
    return [kategorie for kategorie in kategorien() if kategorie.slug in found]


def kategorie_ids():
    """{category slug: ids of the events in it}, read with one query and kept until public content changes."""

    def build():
        found = {}
        for slug, page_id in VeranstaltungPage.kategorien.through.objects.values_list(
            "kategorie__slug", "veranstaltungpage_id"
        ):
            found.setdefault(slug, set()).add(page_id)
        return {slug: frozenset(ids) for slug, ids in found.items()}

    return kept("veranstaltungen:kategorie-ids", build)


def series_of(index_page, filters=None, archive=False, between=None, dates=True):
    """Live public series below the German overview, with what their dates need prefetched
    (unless `dates` is false: the feeds read cancellations and moves on their own).

    Upcoming: series not over yet; archive: series that started in the past;
    between=(after, before): series with dates in that window.
    """
    filters = filters or {}
    series = VeranstaltungPage.objects.child_of(in_source_language(index_page)).live().public()
    series = filtered(series, filters)
    now = timezone.now()
    if between:
        after, before = between
        series = series.filter(beginn__lt=before).filter(Q(serienende__gte=after) | Q(serienende__isnull=True))
    elif archive:
        series = series.filter(beginn__lt=now)
    else:
        series = series.filter(Q(serienende__gte=now) | Q(serienende__isnull=True))
    series = series.distinct().select_related("locale", "ort")
    return series.prefetch_related("ausfaelle", "verschiebungen", "kategorien", "sprachen") if dates else series


def filtered(series, filters):
    if filters.get("kategorie"):
        series = series.filter(kategorien__slug=filters["kategorie"])
    if filters.get("sprache"):
        series = series.filter(sprachen__code=filters["sprache"])
    return series


def selected_ids(filters):
    """Ids of the events that match the filters, or None when there is none to apply."""
    kategorie, sprache = filters.get("kategorie"), filters.get("sprache")
    if not kategorie and not sprache:
        return None
    if not sprache:
        return kategorie_ids().get(kategorie, frozenset())
    return kept(
        f"veranstaltungen:gefiltert:{kategorie}:{sprache}",
        lambda: frozenset(filtered(VeranstaltungPage.objects.all(), filters).values_list("pk", flat=True)),
    )
