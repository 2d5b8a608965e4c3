import calendar as pycalendar
import datetime
import hashlib
from types import SimpleNamespace

from django import forms
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import http_date, parse_http_date_safe, urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from angebote.models import SPRACHEN, Sprache
from portal.pagecache import for_this_generation
from portal.translation import in_source_language, localized_url, with_translations

from . import ical, recurrence, schedule
from .models import Kategorie, VeranstaltungPage

PAGE_SIZE = 20
FEED_VERSION_KEY = "veranstaltungen:feed-version"
# What a feed writes of each event (ical.vevent_lines): plain values, as 2,000 page objects
# would take most of the feed's time to build.
FEED_FIELDS = [
    "pk",
    "translation_key",
    "slug",
    "title",
    "teaser",
    "last_published_at",
    "sequence",
    "start",
    "end",
    "ganztaegig",
    "wiederholung",
    "intervall",
    "bis_datum",
    "anzahl",
    "adresse",
    "ort_id",
    "ort__name",
    "ort__adresse",
]


def kategorien():
    return for_this_generation("kategorien", lambda: list(Kategorie.objects.all()))


class EventFilterForm(forms.Form):
    kategorie = forms.ChoiceField(label=_("Category"), required=False)
    sprache = forms.ChoiceField(label=_("Language spoken"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kategorie"].choices = [("", _("All categories"))] + [(k.slug, k.label) for k in kategorien()]
        sprachen = for_this_generation("sprachen", lambda: list(Sprache.objects.values_list("code", flat=True)))
        self.fields["sprache"].choices = [("", _("Any language"))] + [
            (code, SPRACHEN.get(code, code)) for code in sprachen
        ]

    def filters(self):
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}


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
        series = series.filter(start__lt=before).filter(Q(serienende__gte=after) | Q(serienende__isnull=True))
    elif archive:
        series = series.filter(start__lt=now)
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
    if not filters.get("kategorie") and not filters.get("sprache"):
        return None
    return set(filtered(VeranstaltungPage.objects.all(), filters).values_list("pk", flat=True))


def event_list(request, index_page, archive=False):
    form = EventFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    now = timezone.now()
    if archive:
        series = list(series_of(index_page, filters, archive))
        termine = sorted(
            (t for s in series for t in recurrence.occurrences(s, now - 2 * recurrence.HORIZON, now) if t.end < now),
            key=lambda t: t.start,
            reverse=True,
        )
        page = Paginator(termine, PAGE_SIZE).get_page(request.GET.get("seite"))
    else:
        # Only the dates of one page of the list are joined to their events.
        chosen = schedule.select(in_source_language(index_page), selected_ids(filters), after=now)
        page = Paginator(chosen, PAGE_SIZE).get_page(request.GET.get("seite"))
        page.object_list = schedule.with_events(page.object_list)
    events = list({termin.event.pk: termin.event for termin in page.object_list}.values())
    shown = {s.pk: t for s, t in zip(events, with_translations(events), strict=True)}
    page.object_list = [(termin, shown[termin.event.pk]) for termin in page.object_list]
    query_string = urlencode([(k, v) for k, values in request.GET.lists() if k != "seite" for v in values])
    context = index_page.get_context(request)
    context.update(
        {
            "form": form,
            "termine": page,
            "archive": archive,
            "query_string": query_string,
            "kategorien": kategorien(),
        }
    )
    return TemplateResponse(request, "veranstaltungen/veranstaltungen_index_page.html", context)


def _ics_response(request, name, build, dependency_key):
    """Serve a calendar with ETag/Last-Modified; 304 for conditional requests; cached until a change."""
    version = cache.get_or_set(FEED_VERSION_KEY, 1, None)
    key = "veranstaltungen:ics:" + hashlib.sha256(f"{dependency_key}:{version}".encode()).hexdigest()
    cached = cache.get(key)
    if cached is None:
        body = build()
        cached = {"body": body, "etag": '"' + hashlib.sha256(body).hexdigest()[:32] + '"', "modified": timezone.now()}
        cache.set(key, cached, 60 * 60 * 24)
    if_none_match = request.headers.get("If-None-Match")
    if_modified_since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    if if_none_match == cached["etag"] or (
        if_none_match is None and if_modified_since and int(cached["modified"].timestamp()) <= if_modified_since
    ):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(cached["body"], content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    response["ETag"] = cached["etag"]
    response["Last-Modified"] = http_date(cached["modified"].timestamp())
    response["Cache-Control"] = "public, max-age=900"
    return response


def _feed_event(row):
    name, adresse = row.pop("ort__name"), row.pop("ort__adresse")
    return SimpleNamespace(**row, ort=SimpleNamespace(name=name, adresse=adresse) if row["ort_id"] else None)


def feed(request, index_page, kategorie):
    if kategorie and not Kategorie.objects.filter(slug=kategorie).exists():
        raise Http404
    language = get_language()

    def build():
        series = series_of(index_page, {"kategorie": kategorie} if kategorie else {}, dates=False)
        series = [_feed_event(row) for row in series.values(*FEED_FIELDS)]
        shown = with_translations(series)
        # Events are children of the overview, and slugs are the same in every language.
        base = request.build_absolute_uri(localized_url(request, index_page))
        items = [(s, t, f"{base}{t.slug}/") for s, t in zip(series, shown, strict=True)]
        name = index_page.title if not kategorie else f"{index_page.title}: {Kategorie(slug=kategorie).label}"
        return ical.calendar(str(name), items)

    return _ics_response(
        request,
        f"veranstaltungen-{kategorie or 'alle'}-{language}",
        build,
        f"feed:{index_page.pk}:{kategorie}:{language}",
    )


def event_ics(request, page):
    series = in_source_language(page)

    def build():
        url = request.build_absolute_uri(localized_url(request, page))
        return ical.calendar(page.title, [(series, page, url)])

    return _ics_response(request, f"{series.slug}-{get_language()}", build, f"event:{series.pk}:{get_language()}")


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
    if schedule.covers(after, before):
        termine = schedule.with_events(
            schedule.select(in_source_language(index_page), selected_ids(filters), after=after, before=before)
        )
    else:
        series = list(series_of(index_page, filters, between=(after, before)))
        termine = [t for s in series for t in recurrence.occurrences(s, after, before)]
    events = list({t.event.pk: t.event for t in termine}.values())
    shown = {s.pk: t for s, t in zip(events, with_translations(events), strict=True)}
    by_day = {}
    for termin in sorted(termine, key=lambda t: t.start):
        by_day.setdefault(termin.date, []).append((termin, shown[termin.event.pk]))
    weeks = [
        [
            {"date": day, "in_month": day.month == month, "termine": by_day.get(day, []), "today": day == today}
            for day in week
        ]
        for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    previous_month = (first - datetime.timedelta(days=1)).replace(day=1)
    query_string = urlencode([(k, v) for k, values in request.GET.lists() for v in values])
    context = index_page.get_context(request)
    context.update(
        {
            "form": form,
            "weeks": weeks,
            "month": first,
            "weekdays": [weeks[0][i]["date"] for i in range(7)],
            "previous_month": previous_month,
            "next_month": next_first,
            "query_string": query_string,
        }
    )
    return TemplateResponse(request, "veranstaltungen/kalender.html", context)
