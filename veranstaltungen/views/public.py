"""Public views of the events: the overview, its archive and month calendar, the calendar feeds
and files, and registering for a date (double opt-in, capacity, waiting list that moves up).
Their routes are in models.py."""

import calendar as pycalendar
import dataclasses
import datetime
from collections import defaultdict, namedtuple
from types import SimpleNamespace

from django.conf import settings
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from angebote.models import Ort
from portal import calendars, seo
from portal.pagecache import kept
from portal.public_forms import rate_limited
from portal.translation import (
    in_source_language,
    language_attributes,
    live_translations,
    locale_codes,
    localized_url,
    translated_page_ids,
    with_translations,
)

from .. import emails, recurrence, schedule, selectors
from ..forms import AnmeldungForm, EventFilterForm
from ..models import NEXT_DATES, Anmeldung, Ausfall, Kategorie, VeranstaltungPage, Verschiebung, page_views
from ..services import PLAETZE

PAGE_SIZE = 20
# What a feed writes of each event (series_events): plain values, as 2,000 page objects
# would take most of the feed's time to build.
FEED_FIELDS = [
    "pk",
    "translation_key",
    "slug",
    "title",
    "teaser",
    "last_published_at",
    "sequence",
    "beginn",
    "ende",
    "ganztaegig",
    "wiederholung",
    "intervall",
    "bis_datum",
    "anzahl",
    "adresse",
    "ort_id",
    "ort__translation_key",
    "ort__locale_id",
    "ort__name",
    "ort__adresse",
]
# The fields of the place among FEED_FIELDS (a `FeedPlace`).
PLACE_FIELDS = 4


def _with_shown(termine):
    """(date, its event in the reader's language) for each date."""
    events = list({termin.event.pk: termin.event for termin in termine}.values())
    shown = {s.pk: t for s, t in zip(events, with_translations(events), strict=True)}
    return [(termin, shown[termin.event.pk]) for termin in termine]


@page_views.register
def event_list(request, index_page, archive=False):
    form = EventFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    now = timezone.now()
    if archive:
        series = list(selectors.series_of(index_page, filters, archive))
        termine = sorted(
            (t for s in series for t in recurrence.occurrences(s, now - 2 * recurrence.HORIZON, now) if t.ende < now),
            key=lambda t: t.beginn,
            reverse=True,
        )
        page = Paginator(termine, PAGE_SIZE).get_page(request.GET.get("seite"))
        dates = list(page.object_list)
        list_key = ";".join(f"{t.event.pk}@{t.beginn.isoformat()}" for t in dates)

        def shown_dates():
            return _with_shown(dates)
    else:
        # Only the dates of one page of the list are joined to their events, and only when the
        # list's fragment is not kept (see the template).
        chosen = schedule.select(in_source_language(index_page), selectors.selected_ids(filters), after=now)
        page = Paginator(chosen, PAGE_SIZE).get_page(request.GET.get("seite"))
        entries = list(page.object_list)
        list_key = ";".join(f"{e.event_id}@{e.beginn.isoformat()}" for e in entries)

        def shown_dates():
            return _with_shown(schedule.with_events(entries, prefetch=["kategorien"]))

    page.object_list = SimpleLazyObject(shown_dates)
    query_string = urlencode([(k, v) for k, values in request.GET.lists() if k != "seite" for v in values])
    context = index_page.get_context(request)
    context.update(
        {
            "form": form,
            "termine": page,
            "list_key": list_key,
            "archive": archive,
            "query_string": query_string,
            "kategorien": selectors.kategorien_mit_terminen(index_page),
        }
    )
    return TemplateResponse(request, "veranstaltungen/veranstaltungen_index_page.html", context)


def _rrule(series):
    rule = {"FREQ": "WEEKLY" if series.wiederholung == recurrence.WEEKLY else "MONTHLY"}
    if series.intervall and series.intervall > 1:
        rule["INTERVAL"] = series.intervall
    if series.wiederholung == recurrence.MONTHLY_WEEKDAY:
        weekday, n = recurrence.nth_weekday(recurrence.local(series.beginn).date())
        rule["BYDAY"] = f"{n}{['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][weekday]}"
    if series.anzahl:
        rule["COUNT"] = series.anzahl
    elif series.ganztaegig and series.bis_datum:
        rule["UNTIL"] = series.bis_datum
    elif series.bis_datum:
        rule["UNTIL"] = recurrence.placed(datetime.datetime.combine(series.bis_datum, datetime.time(23, 59, 59)))
    return rule


def _one_line(text):
    return ", ".join(line.strip() for line in text.splitlines() if line.strip())


def _location(series, places=None):
    """(the place as one line, its language if not the reader's): the name of the place in the
    reader's language where it is translated (`places`: {translation key: translation}, see
    `_translated_places`) with its address, or the event's own address (German)."""
    if not series.ort_id:
        return _one_line(series.adresse), ""
    translation = (places or {}).get(series.ort.translation_key)
    name, language = (translation.name, "") if translation else (series.ort.name, _german_for_others())
    return f"{name}, {_one_line(series.ort.adresse)}", language


def _german_for_others():
    """The language of a German text, if the reader's is another (LANGUAGE of a calendar text)."""
    return settings.LANGUAGE_CODE if get_language() != settings.LANGUAGE_CODE else ""


def _translated_places(series):
    """{translation key: live translation into the active language} of the places of `series`."""
    places = {s.ort.pk: s.ort for s in series if s.ort_id}
    return live_translations(Ort, list(places.values())) if places else {}


def _span(series, start, end):
    """All-day events are dates, the end exclusive."""
    if series.ganztaegig:
        return recurrence.local(start).date(), recurrence.local(end).date() + datetime.timedelta(days=1)
    return start, end


def _calendar_event(series, shown, url, start, end, uid_suffix="", places=None, **extra):
    """The calendar event of `series` from `start` to `end`, with the title and teaser of `shown`."""
    start, end = _span(series, start, end)
    location, location_language = _location(series, places)
    return calendars.Event(
        uid=f"{series.translation_key}{uid_suffix}@{calendars.UID_DOMAIN}",
        start=start,
        end=end,
        summary=shown.title,
        description=strip_tags(shown.teaser) if "<" in shown.teaser else shown.teaser,
        location=location,
        location_language=location_language,
        url=url,
        sequence=series.sequence,
        modified=series.last_published_at,
        **extra,
    )


def _cancelled(event, day, note):
    """`event` (a date on `day`) as cancelled: STATUS:CANCELLED, and why in COMMENT (in German, the
    language of the note) and at the start of DESCRIPTION, which calendar apps show."""
    said = _("Cancelled on %(date)s") % {"date": formats.date_format(day, "MONTH_DAY_FORMAT")}
    said = f"{said}: {note}" if note else said
    return dataclasses.replace(
        event,
        status="CANCELLED",
        description=f"{said}\n\n{event.description}" if event.description else said,
        comment=note,
        comment_language=_german_for_others() if note else "",
    )


def series_events(series, shown, url, cancellations, moves, places=None):
    """A series as calendar events: the rule, one event per moved date and one per cancelled date.

    `cancellations`: {date of a cancelled occurrence: its note}; `moves`: {original date: (new start,
    new end)}. A cancelled date is an override with STATUS:CANCELLED and its note (RFC 5545 section
    3.8.1.11), not an EXDATE, so that calendar apps can say why (docs/architecture.md)."""
    master = _calendar_event(series, shown, url, series.beginn, series.ende, places=places)
    if not series.wiederholung:
        day = recurrence.local(series.beginn).date()
        return [_cancelled(master, day, cancellations[day])] if day in cancellations else [master]
    master.rrule = _rrule(series)
    rule = recurrence.rule_for(series)
    at = recurrence.local(series.beginn).time()
    duration = recurrence.local(series.ende) - recurrence.local(series.beginn)

    def on(day):  # the occurrence on `day`, as RECURRENCE-ID gives it
        if series.ganztaegig:
            return day
        return recurrence.placed(datetime.datetime.combine(day, at))

    events = [master]
    changed = [(day, moves[day]) for day in moves]
    for day in cancellations:
        naive = datetime.datetime.combine(day, at)
        # Only a date the rule has (a note on another day would add a date of its own).
        if day not in moves and rule.after(naive, inc=True) == naive:
            changed.append((day, (recurrence.placed(naive), recurrence.placed(naive + duration))))
    for day, (start, end) in sorted(changed):
        start, end = _span(series, start, end)
        override = dataclasses.replace(master, rrule=None, exdates=[], recurrence_id=on(day), start=start, end=end)
        events.append(_cancelled(override, day, cancellations[day]) if day not in moves else override)
    return events


def events_calendar(name, items, pages=None):
    """items: (series, shown translation, absolute URL); `pages`: a queryset of the series' pages, so
    that their cancellations and moves are read by a subquery, not with thousands of ids."""
    items = list(items)
    ids = pages.values("pk") if pages is not None else [series.pk for series, _shown, _url in items]
    places = _translated_places([series for series, _shown, _url in items])
    cancellations, moved = defaultdict(dict), defaultdict(dict)
    for page_id, datum, hinweis in Ausfall.objects.filter(page_id__in=ids).values_list("page_id", "datum", "hinweis"):
        cancellations[page_id][datum] = hinweis
    for page_id, datum, beginn, ende in Verschiebung.objects.filter(page_id__in=ids).values_list(
        "page_id", "datum", "neuer_beginn", "neues_ende"
    ):
        moved[page_id][datum] = (beginn, ende)
    # Written as they are made: 2,000 events held at once would only keep the collector busy.
    events = (
        event
        for series, shown, url in items
        for event in series_events(
            series, shown, url, cancellations.get(series.pk, {}), moved.get(series.pk, {}), places
        )
    )
    return calendars.ics(name, events)


# One series of a feed, and its place: plain values, one object each (the feed holds 2,000 of them
# while it is written, and each object more is one more for the collector to walk).
FeedSeries = namedtuple("FeedSeries", [*FEED_FIELDS[:-PLACE_FIELDS], "ort"])
FeedPlace = namedtuple("FeedPlace", ["pk", "translation_key", "locale_id", "name", "adresse"])


def _feed_series(pages):
    """The series of `pages` as `FeedSeries`; series at one place share its `FeedPlace`."""
    places = {}
    series = []
    for row in pages.values_list(*FEED_FIELDS):
        values, place = row[:-PLACE_FIELDS], row[-PLACE_FIELDS:]
        ort_id = values[-1]
        if ort_id is not None and ort_id not in places:
            places[ort_id] = FeedPlace(ort_id, *place)
        series.append(FeedSeries(*values, places.get(ort_id)))
    return series


@page_views.register
@calendars.calendar_view(public_seconds=900)
def feed(request, index_page, kategorie):
    if kategorie and not Kategorie.objects.filter(slug=kategorie).exists():
        raise Http404
    language = get_language()

    def build():
        pages = selectors.series_of(index_page, {"kategorie": kategorie} if kategorie else {}, dates=False)
        series = _feed_series(pages)
        shown = with_translations(series)
        # Events are children of the overview, and slugs are the same in every language.
        base = seo.absolute(localized_url(request, index_page))
        items = [(s, t, f"{base}{t.slug}/") for s, t in zip(series, shown, strict=True)]
        name = index_page.title if not kategorie else f"{index_page.title}: {Kategorie(slug=kategorie).label}"
        body = events_calendar(str(name), items, pages)
        return calendars.CalendarFile(body, f"veranstaltungen-{kategorie or 'alle'}-{language}.ics")

    return kept(f"veranstaltungen:ics:feed:{index_page.pk}:{kategorie}:{language}", build, in_worker=False)


@page_views.register
@calendars.calendar_view(public_seconds=900)
def event_ics(request, page):
    series = in_source_language(page)
    language = get_language()

    def build():
        url = seo.absolute(localized_url(request, page))
        return calendars.CalendarFile(
            events_calendar(page.title, [(series, page, url)]), f"{series.slug}-{language}.ics"
        )

    return kept(f"veranstaltungen:ics:event:{series.pk}:{language}", build, in_worker=False)


@page_views.register
@calendars.calendar_view(public_seconds=900)
def date_ics(request, page, datum):
    """One date of an event, as a calendar file of its own (offered after registering for it)."""
    series = in_source_language(page)
    try:
        day = datetime.date.fromisoformat(datum)
    except ValueError:
        raise Http404 from None
    termin = selectors.termin_on(series, day)
    if termin is None:
        raise Http404
    event = _calendar_event(
        series,
        page,
        seo.absolute(localized_url(request, page)),
        termin.beginn,
        termin.ende,
        uid_suffix=f"-{day:%Y%m%d}",
        places=_translated_places([series]),
        status="CONFIRMED",
    )
    if termin.cancelled:
        event = _cancelled(event, day, termin.note)
    return calendars.CalendarFile(
        calendars.ics(page.title, [event]), f"{series.slug}-{day:%Y-%m-%d}.ics", attachment=True
    )


def calendar_labels(request, index_page, ids):
    """{event id: title, URL, language and whether all-day} of the events `ids` in the reader's
    language, from plain rows: a month has hundreds of dates, too many to load as pages."""
    rows = list(
        VeranstaltungPage.objects.filter(pk__in=ids).values(
            "pk", "translation_key", "slug", "title", "locale_id", "ganztaegig"
        )
    )
    language = get_language()
    translated = {}
    if language != settings.LANGUAGE_CODE:
        live = translated_page_ids(language)
        wanted = [live[str(row["translation_key"])] for row in rows if str(row["translation_key"]) in live]
        translated = {
            str(key): (title, locale_id)
            for key, title, locale_id in Page.objects.filter(pk__in=wanted).values_list(
                "translation_key", "title", "locale_id"
            )
        }
    # Events are children of the overview, and slugs are the same in every language.
    base = localized_url(request, index_page)
    codes = locale_codes()
    labels = {}
    for row in rows:
        title, locale_id = translated.get(str(row["translation_key"]), (row["title"], row["locale_id"]))
        labels[row["pk"]] = SimpleNamespace(
            title=title,
            lang_attr=language_attributes(codes.get(locale_id)),
            url=f"{base}{row['slug']}/",
            ganztaegig=row["ganztaegig"],
        )
    return labels


@page_views.register
def month_calendar(request, index_page, year=None, month=None):
    """A month as a real table: one row per week, one cell per day with its dates."""
    today = timezone.localdate()
    year, month = year or today.year, month or today.month
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    form = EventFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    first = datetime.date(year, month, 1)
    after = datetime.datetime.combine(first, datetime.time.min, tzinfo=recurrence.BERLIN)
    next_first = (first + datetime.timedelta(days=32)).replace(day=1)
    before = datetime.datetime.combine(next_first, datetime.time.min, tzinfo=recurrence.BERLIN)
    days = pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)

    def weeks():
        if schedule.covers(after, before):
            chosen = schedule.select(
                in_source_language(index_page), selectors.selected_ids(filters), after=after, before=before
            )
            termine = [(e.event_id, e.beginn, e.cancelled) for e in chosen]
        else:
            series = list(selectors.series_of(index_page, filters, between=(after, before)))
            termine = [
                (t.event.pk, t.beginn, t.cancelled) for s in series for t in recurrence.occurrences(s, after, before)
            ]
        shown = calendar_labels(request, index_page, {event_id for event_id, _beginn, _cancelled in termine})
        by_day, times = {}, {}
        for event_id, beginn, cancelled in sorted(termine, key=lambda t: t[1]):
            if event_id in shown:
                local = beginn.astimezone(recurrence.BERLIN)
                if local.time() not in times:  # a month has hundreds of dates at a few times of day
                    times[local.time()] = formats.time_format(local.time(), "TIME_FORMAT")
                termin = SimpleNamespace(beginn=beginn, time=times[local.time()], cancelled=cancelled)
                by_day.setdefault(local.date(), []).append((termin, shown[event_id]))
        return [
            [
                {"date": day, "in_month": day.month == month, "termine": by_day.get(day, []), "today": day == today}
                for day in week
            ]
            for week in days
        ]

    previous_month = (first - datetime.timedelta(days=1)).replace(day=1)
    query_string = urlencode([(k, v) for k, values in request.GET.lists() for v in values])
    context = index_page.get_context(request)
    context.update(
        {
            "form": form,
            # Loaded only when the month's fragment is not kept (see the template).
            "weeks": SimpleLazyObject(weeks),
            "today": today,
            "month": first,
            "weekdays": days[0],
            "previous_month": previous_month,
            "next_month": next_first,
            "query_string": query_string,
        }
    )
    return TemplateResponse(request, "veranstaltungen/kalender.html", context)


@page_views.register
def event_detail(request, page):
    series = in_source_language(page)
    preview = getattr(request, "is_preview", False)
    return page.render(
        request,
        context_overrides={
            "series": series,
            "naechste_termine": schedule.next_dates(series, request, NEXT_DATES),
            # Read only when the page's fragment is not kept (see the template).
            "labels": SimpleLazyObject(lambda: series.labels(preview)),
        },
    )


# --- Registration for a date -----------------------------------------------------------------------


def _series(page):
    series = in_source_language(page)
    if not series.anmeldung or not series.kapazitaet:
        raise Http404
    return series


def _tell_moved_up(anmeldungen):
    for nachruecker in anmeldungen:
        emails.AnmeldungNachgerueckt(nachruecker).send()


def _message(request, page, title, text, form=None, action="", anmeldung=None):
    context = {"page": page, "self": page, "title": title, "text": text, "form": form, "action": action}
    if anmeldung is not None:
        context["details"] = selectors.details(anmeldung.veranstaltung, anmeldung.datum)
        context["datum"] = anmeldung.datum.isoformat() if anmeldung.status != Anmeldung.Status.STORNIERT else None
    return TemplateResponse(request, "veranstaltungen/anmeldung_nachricht.html", context)


def _ask(request, page, anmeldung, title, action):
    """The page behind a mail's link: a button, not the link itself (mail scanners open links)."""
    return _message(request, page, title, anmeldung.name, form=True, action=action, anmeldung=anmeldung)


def _almost_done(request, page):
    """The answer to every registration, new or repeated: no one learns who is registered. Sending
    the form again with the same address and date sends the link again (`AnmeldungVorhanden`),
    without a second registration: that is how a lost confirmation mail is asked for again."""
    response = _message(request, page, _("Almost done"), _("Please check your email and confirm your registration."))
    response.context_data["resend"] = True
    return response


@page_views.register
def register(request, page):
    series = _series(page)
    termine = [t for t in series.termine() if not t.cancelled][:12]
    taken = PLAETZE.taken_per(series, "datum")
    frei = {t.date: series.kapazitaet - taken.get(t.date, 0) for t in termine}
    form = AnmeldungForm(request.POST or None, termine=termine, frei=frei)
    if request.method == "POST":
        if form.is_spam():
            return _almost_done(request, page)
        if rate_limited(request, "anmeldung"):
            form.add_error(None, _("You have sent this form several times. Please try again in an hour."))
        elif form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    anmeldung = Anmeldung.objects.create(
                        veranstaltung=series,
                        datum=data["datum"],
                        name=data["name"],
                        email=data["email"],
                        sprache=get_language(),
                    )
            except IntegrityError:
                # Registered already: said only to the address, the page answers as for a new one.
                bestehend = (
                    Anmeldung.objects.filter(veranstaltung=series, datum=data["datum"], email=data["email"])
                    .exclude(status=Anmeldung.Status.STORNIERT)
                    .first()
                )
                if bestehend is not None:
                    emails.AnmeldungVorhanden(bestehend).send()
            else:
                emails.AnmeldungBestaetigen(anmeldung).send()
            return _almost_done(request, page)
    return TemplateResponse(request, "veranstaltungen/anmelden.html", {"page": page, "self": page, "form": form})


@page_views.register
def confirm(request, page, token):
    series = _series(page)
    anmeldung = get_object_or_404(Anmeldung, token=token, veranstaltung=series)
    if request.method != "POST":
        return _ask(request, page, anmeldung, _("Confirm your registration"), _("Confirm registration"))
    with transaction.atomic():
        # One confirmation at a time per event, so the capacity holds under concurrent requests.
        event, anmeldung = PLAETZE.lock_booking(anmeldung)
        if anmeldung.status == Anmeldung.Status.UNBESTAETIGT:
            result = PLAETZE.book(event, anmeldung, bestaetigt=timezone.now())
            _tell_moved_up(result.moved_up)
            mail = emails.Platz if anmeldung.status == Anmeldung.Status.BESTAETIGT else emails.Warteliste
            mail(anmeldung).send()
    if anmeldung.status == Anmeldung.Status.BESTAETIGT:
        return _message(
            request, page, _("You are registered"), _("We look forward to seeing you."), anmeldung=anmeldung
        )
    if anmeldung.status == Anmeldung.Status.WARTELISTE:
        position = PLAETZE.position(anmeldung.veranstaltung, anmeldung)
        return _message(
            request,
            page,
            _("You are on the waiting list"),
            _(
                "All places are taken. You are number %(position)s on the waiting list. If a place becomes "
                "free, you will move up automatically and get an email."
            )
            % {"position": position},
            anmeldung=anmeldung,
        )
    return _message(request, page, _("Registration cancelled"), _("This registration has been cancelled."))


@page_views.register
def cancel(request, page, token):
    series = _series(page)
    anmeldung = get_object_or_404(Anmeldung, token=token, veranstaltung=series)
    if request.method != "POST":
        return _ask(request, page, anmeldung, _("Cancel your registration"), _("Cancel registration"))
    with transaction.atomic():
        event, anmeldung = PLAETZE.lock_booking(anmeldung)
        _tell_moved_up(PLAETZE.cancel(event, anmeldung).moved_up)
    return _message(request, page, _("Registration cancelled"), _("Thank you for letting us know."))
