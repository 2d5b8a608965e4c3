"""Every date of every public event, computed once per content generation and day.

Lists, the month calendar and the home page read the dates from here and load only the events
they show, instead of expanding every series on every request.
"""

import bisect
import datetime
import itertools
from collections import defaultdict
from dataclasses import dataclass
from types import SimpleNamespace
from typing import NamedTuple

from django.conf import settings
from django.db.models import CharField, DateTimeField, Exists, OuterRef, Value
from django.utils import timezone

from portal.pagecache import kept, prepared_after_changes

from . import recurrence
from .models import Ausfall, VeranstaltungPage, Verschiebung

# Dates from a day ago: a date that started yesterday evening may still be running.
PAST = datetime.timedelta(days=1)
# Kept in UTC: comparing (sorting, bisecting) datetimes of one fixed zone needs no zone lookups.
UTC = datetime.UTC
SERIES_FIELDS = ["id", "path", "title", "beginn", "ende", "wiederholung", "intervall", "bis_datum", "anzahl"]


class Termineintrag(NamedTuple):
    """One date without its event: the event is loaded only if the date is shown (a tuple: thousands
    of them are kept in the shared cache, and tuples are read back fastest)."""

    event_id: int
    path: str
    title: str
    beginn: datetime.datetime
    ende: datetime.datetime
    cancelled: bool
    note: str
    moved_from: datetime.date | None


def window(today=None):
    """From the first of this month (the month calendar shows it whole), or from yesterday on the
    first, to the horizon of the lists."""
    today = today or timezone.localdate()
    midnight = datetime.datetime.combine(today, datetime.time.min, tzinfo=recurrence.BERLIN)
    first = datetime.datetime.combine(today.replace(day=1), datetime.time.min, tzinfo=recurrence.BERLIN)
    return min(first, midnight - PAST), midnight + recurrence.HORIZON


@dataclass(frozen=True)
class Dates:
    """The dates in the window, sorted by start and title, with what `select` needs to find some."""

    entries: tuple
    starts: tuple
    longest: datetime.timedelta
    parents: frozenset  # paths of the pages the events are below (their overviews)
    listed: frozenset  # ids of the series with dates in the window
    regular: frozenset  # ids of the series without cancelled or moved dates


def _build(after, before):
    # Plain rows: building 2,000 page objects would take most of the time.
    series = [
        SimpleNamespace(**row)
        for row in VeranstaltungPage.objects.live()
        .public()
        .filter(locale__language_code=settings.LANGUAGE_CODE, beginn__lt=before)
        .exclude(serienende__lt=after)
        .annotate(
            has_cancellations=Exists(Ausfall.objects.filter(page=OuterRef("pk"))),
            has_moves=Exists(Verschiebung.objects.filter(page=OuterRef("pk"))),
        )
        .values(*SERIES_FIELDS, "has_cancellations", "has_moves")
    ]
    cancellations, moves = defaultdict(dict), defaultdict(dict)
    changed = [s.id for s in series if s.has_cancellations or s.has_moves]
    if changed:
        # Cancelled and moved dates in one query (UNION ALL): a move has a new start, a cancellation none.
        empty = Value(None, output_field=DateTimeField())
        cancelled = (
            Ausfall.objects.filter(page_id__in=changed)
            .order_by()
            .annotate(neuer_beginn=empty, neues_ende=empty)
            .values_list("page_id", "datum", "hinweis", "neuer_beginn", "neues_ende")
        )
        moved = (
            Verschiebung.objects.filter(page_id__in=changed)
            .order_by()
            .annotate(hinweis=Value("", output_field=CharField()))
            .values_list("page_id", "datum", "hinweis", "neuer_beginn", "neues_ende")
        )
        for page_id, datum, hinweis, neuer_beginn, neues_ende in cancelled.union(moved, all=True):
            if neuer_beginn is None:
                cancellations[page_id][datum] = hinweis
            else:
                moves[page_id][datum] = SimpleNamespace(neuer_beginn=neuer_beginn, neues_ende=neues_ende)
    entries = sorted(
        (
            Termineintrag(
                s.id,
                s.path,
                s.title,
                t.beginn.astimezone(UTC),
                t.ende.astimezone(UTC),
                t.cancelled,
                t.note,
                t.moved_from,
            )
            for s in series
            for t in recurrence.occurrences(s, after, before, cancellations[s.id], moves[s.id])
        ),
        key=lambda e: (e.beginn, e.title),
    )
    return Dates(
        entries=tuple(entries),
        starts=tuple(e.beginn for e in entries),
        longest=max((e.ende - e.beginn for e in entries), default=datetime.timedelta()),
        parents=frozenset(s.path[: -VeranstaltungPage.steplen] for s in series),
        listed=frozenset(s.id for s in series),
        regular=frozenset(s.id for s in series if not (s.has_cancellations or s.has_moves)),
    )


@prepared_after_changes
def dates():
    """All dates in the window (see `window`), kept until public content changes or the day does."""
    today = timezone.localdate()
    after, before = window(today)
    return kept(f"termine:{today.isoformat()}", lambda: _build(after, before))


def covers(after, before):
    start, end = window()
    return start <= after and before <= end


def select(below=None, ids=None, after=None, before=None, cancelled=True, limit=None):
    """The dates of the events below the page `below` (its path) and with an id in `ids` (if given)
    that overlap [after, before), sorted by start and title; the first `limit` of them if given."""
    kept_dates = dates()
    entries, starts = kept_dates.entries, kept_dates.starts
    last = bisect.bisect_left(starts, before) if before is not None else len(entries)
    if after is None:
        found = list(entries[:last])
    else:
        # Dates that start after `after` overlap it; of the earlier ones only those still running.
        first = bisect.bisect_left(starts, after - kept_dates.longest)
        middle = max(first, min(bisect.bisect_right(starts, after), last))
        found = [e for e in entries[first:middle] if e.ende > after] + list(entries[middle:last])
    everywhere = below is None or all(parent.startswith(below.path) for parent in kept_dates.parents)
    if everywhere and ids is None and cancelled:
        return found[:limit] if limit is not None else found
    matching = (
        e
        for e in found
        if (everywhere or e.path.startswith(below.path))
        and (ids is None or e.event_id in ids)
        and (cancelled or not e.cancelled)
    )
    return list(itertools.islice(matching, limit))


def next_dates(series, request, limit):
    """The next `limit` dates of a series (as on its page), from the kept dates where the published
    series is among them; a preview, or a series that is not public, reads its own."""
    now = timezone.now()
    kept_dates = dates()
    if getattr(request, "is_preview", False) or series.pk not in kept_dates.listed:
        return series.termine(now)[:limit]
    if series.pk in kept_dates.regular:
        return recurrence.occurrences(series, now, now + recurrence.HORIZON, {}, {})[:limit]
    return select(ids={series.pk}, after=now, limit=limit)


def with_events(chosen, prefetch=()):
    """Each date as a `recurrence.Veranstaltungstermin` with its event (and the event's `prefetch` relations),
    loaded for this request."""
    events = (
        VeranstaltungPage.objects.filter(pk__in={e.event_id for e in chosen})
        .select_related("locale", "ort")
        .prefetch_related(*prefetch)
        .in_bulk()
    )
    return [
        recurrence.Veranstaltungstermin(events[e.event_id], e.beginn, e.ende, e.cancelled, e.note, e.moved_from)
        for e in chosen
        if e.event_id in events
    ]
