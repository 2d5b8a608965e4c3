"""Every date of every public event, computed once per content generation and day.

Lists, the month calendar and the home page read the dates from here and load only the events
they show, instead of expanding every series on every request.
"""

import bisect
import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from portal.pagecache import WorkerMemo, for_this_generation, kept_objects

from . import recurrence

# Dates from a day ago: a date that started yesterday evening may still be running.
PAST = datetime.timedelta(days=1)
SERIES_FIELDS = ["id", "path", "title", "start", "end", "wiederholung", "intervall", "bis_datum", "anzahl"]


@dataclass(frozen=True)
class Eintrag:
    """One date without its event: the event is loaded only if the date is shown."""

    event_id: int
    path: str
    title: str
    start: datetime.datetime
    end: datetime.datetime
    cancelled: bool
    note: str
    moved_from: datetime.date | None


def window(today=None):
    today = today or timezone.localdate()
    start = datetime.datetime.combine(today, datetime.time.min, tzinfo=recurrence.BERLIN) - PAST
    return start, start + PAST + recurrence.HORIZON


def _build(after, before):
    from .models import Ausfall, VeranstaltungPage, Verschiebung

    series = list(
        VeranstaltungPage.objects.live()
        .public()
        .filter(locale__language_code=settings.LANGUAGE_CODE, start__lt=before)
        .exclude(serienende__lt=after)
        .only(*SERIES_FIELDS)
    )
    ids = [s.pk for s in series]
    cancellations, moves = defaultdict(dict), defaultdict(dict)
    for page_id, datum, hinweis in Ausfall.objects.filter(page_id__in=ids).values_list("page_id", "datum", "hinweis"):
        cancellations[page_id][datum] = hinweis
    for move in Verschiebung.objects.filter(page_id__in=ids):
        moves[move.page_id][move.datum] = move
    entries = [
        Eintrag(s.pk, s.path, s.title, t.start, t.end, t.cancelled, t.note, t.moved_from)
        for s in series
        for t in recurrence.occurrences(s, after, before, cancellations[s.pk], moves[s.pk])
    ]
    return sorted(entries, key=lambda e: (e.start, e.title))


def entries():
    """All dates in the window (see `window`), sorted by start and title."""
    after, before = window()
    return for_this_generation(f"termine:{after.date().isoformat()}", lambda: _build(after, before))


def covers(after, before):
    start, end = window()
    return start <= after and before <= end


# Selections (below a page, with some ids) this worker keeps per generation and day.
_selections = WorkerMemo(limit=200)


def _selection(below, ids, cancelled):
    """The entries matching the fixed criteria, their starts, and the longest duration among them."""
    day = window()[0].date()
    key = (day, below.path if below else None, frozenset(ids) if ids is not None else None, cancelled)
    kept = _selections.entries()
    if kept is not None and key in kept:
        return kept[key]
    chosen = [
        e
        for e in entries()
        if (below is None or e.path.startswith(below.path))
        and (ids is None or e.event_id in ids)
        and (cancelled or not e.cancelled)
    ]
    longest = max((e.end - e.start for e in chosen), default=datetime.timedelta())
    selection = (chosen, [e.start for e in chosen], longest)
    if kept is not None and not _selections.full():
        kept[key] = selection
    return selection


def select(below=None, ids=None, after=None, before=None, cancelled=True, limit=None):
    """The dates of the events below the page `below` (its path) and with an id in `ids` (if given)
    that overlap [after, before), sorted by start and title; the first `limit` of them if given."""
    chosen, starts, longest = _selection(below, ids, cancelled)
    last = bisect.bisect_left(starts, before) if before is not None else len(chosen)
    if after is None:
        found = chosen[:last]
    else:
        # Dates that start after `after` overlap it; of the earlier ones only those still running.
        first = bisect.bisect_left(starts, after - longest)
        middle = max(first, min(bisect.bisect_right(starts, after), last))
        found = [e for e in chosen[first:middle] if e.end > after] + chosen[middle:last]
    return found[:limit] if limit is not None else found


def with_events(chosen):
    from .models import VeranstaltungPage

    def load(ids):
        return {
            page.pk: page
            for page in VeranstaltungPage.objects.filter(pk__in=ids)
            .select_related("locale", "ort")
            .prefetch_related("kategorien", "sprachen")
        }

    events = kept_objects("veranstaltung", {e.event_id for e in chosen}, load)
    return [
        recurrence.Termin(events[e.event_id], e.start, e.end, e.cancelled, e.note, e.moved_from)
        for e in chosen
        if e.event_id in events
    ]
