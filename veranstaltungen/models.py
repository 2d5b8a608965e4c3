"""Handlungsfeld 3: encounters — the Begegnungscafé, talks and events open to all citizens."""

import datetime
import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from angebote.contacts import stelle
from angebote.models import SPRACHEN
from portal import structured_data
from portal.blocks import BodyBlock
from portal.models import PortalPage
from portal.page_views import PageViews
from portal.translation import in_source_language, language_of

from . import recurrence

# The views of the pages' routes (veranstaltungen.views.public registers them).
page_views = PageViews("veranstaltungen")

KATEGORIEN = {
    "begegnungscafe": _("Begegnungscafé"),
    "vortrag": _("Talk"),
    "sprachcafe": _("Language café"),
    "kultur": _("Culture"),
    "sport": _("Sport"),
    "information": _("Information"),
    "beirat": _("Public Beirat session"),
}


class Kategorie(models.Model):
    """One of the fixed event categories, created by a migration."""

    slug = models.SlugField(unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        return KATEGORIEN.get(self.slug, self.slug)


class VeranstaltungenIndexPage(RoutablePageMixin, PortalPage):
    """Upcoming events (list), and the archive of past ones."""

    # The archive and the month calendar are pages of their own in sitemap.xml (portal/seo.py).
    sitemap_subpages = ("archive", "calendar")

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = PortalPage.content_panels + [FieldPanel("intro")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["veranstaltungen.VeranstaltungPage"]

    class Meta:
        verbose_name = _("events overview")

    @path("")
    def upcoming(self, request):
        return page_views.serve("event_list", request, self, archive=False)

    @path("archiv/", name="archive")
    def archive(self, request):
        return page_views.serve("event_list", request, self, archive=True)

    @path("kalender/", name="calendar")
    @path("kalender/<int:year>/<int:month>/", name="calendar_month")
    def calendar(self, request, year=None, month=None):
        return page_views.serve("month_calendar", request, self, year, month)

    @path("ical/", name="feed")
    def feed(self, request):
        return page_views.serve("feed", request, self, None)

    @path("ical/<slug:kategorie>/", name="category_feed")
    def category_feed(self, request, kategorie):
        return page_views.serve("feed", request, self, kategorie)


# The next dates of a series its page lists, and its structured data with them.
NEXT_DATES = 10

DATE_FIELDS = ["beginn", "ende", "ganztaegig", "wiederholung", "intervall", "bis_datum", "anzahl"]


class VeranstaltungPage(RoutablePageMixin, PortalPage):
    """An event: one date or a series (weekly, every n weeks, monthly on the n-th weekday)."""

    teaser_field = "teaser"

    class Wiederholung(models.TextChoices):
        KEINE = "", _("Single date")
        WOECHENTLICH = recurrence.WEEKLY, _("Weekly (every n weeks)")
        MONATLICH = recurrence.MONTHLY_WEEKDAY, _("Monthly on the same weekday (e.g. every 2nd Tuesday)")

    teaser = models.TextField(_("teaser"), max_length=400)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    beginn = models.DateTimeField(_("start"), help_text=_("Time in Plochingen (Europe/Berlin)."))
    ende = models.DateTimeField(_("end"))
    ganztaegig = models.BooleanField(_("all day"), default=False)
    ort = models.ForeignKey(
        "angebote.Ort", verbose_name=_("place"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    adresse = models.TextField(_("address (if not a known place)"), blank=True)
    kategorien = ParentalManyToManyField(Kategorie, verbose_name=_("categories"), related_name="+")
    sprachen = ParentalManyToManyField(
        "angebote.Sprache", verbose_name=_("languages spoken"), blank=True, related_name="+"
    )
    barrierefreiheit = models.TextField(_("accessibility"), blank=True)
    wiederholung = models.CharField(
        _("repeats"), max_length=20, choices=Wiederholung.choices, default=Wiederholung.KEINE, blank=True
    )
    intervall = models.PositiveSmallIntegerField(_("every n weeks or months"), default=1)
    bis_datum = models.DateField(_("repeats until"), null=True, blank=True)
    anzahl = models.PositiveSmallIntegerField(_("number of dates"), null=True, blank=True)
    anmeldung = models.BooleanField(
        _("registration"), default=False, help_text=_("Visitors register with name and email.")
    )
    kapazitaet = models.PositiveIntegerField(_("places per date"), null=True, blank=True)
    serienende = models.DateTimeField(editable=False, null=True)
    sequence = models.PositiveIntegerField(editable=False, default=0)

    content_panels = PortalPage.content_panels + [
        FieldPanel("teaser"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("beginn"), FieldPanel("ende")]),
                FieldPanel("ganztaegig"),
                FieldPanel("wiederholung"),
                FieldRowPanel([FieldPanel("intervall"), FieldPanel("bis_datum"), FieldPanel("anzahl")]),
            ],
            heading=_("Date"),
        ),
        MultiFieldPanel([FieldPanel("anmeldung"), FieldPanel("kapazitaet")], heading=_("Registration")),
        InlinePanel("ausfaelle", label=_("Cancelled dates")),
        InlinePanel("verschiebungen", label=_("Moved dates")),
        MultiFieldPanel(
            [
                FieldPanel("ort"),
                FieldPanel("adresse"),
                FieldPanel("kategorien", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sprachen", widget=forms.CheckboxSelectMultiple),
                FieldPanel("barrierefreiheit"),
            ],
            heading=_("Place and audience"),
        ),
    ]
    search_fields = PortalPage.search_fields + [index.SearchField("teaser"), index.SearchField("body")]

    parent_page_types = ["veranstaltungen.VeranstaltungenIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.beginn and self.ende and self.ende <= self.beginn:
            raise ValidationError({"ende": _("The end must be after the start.")})
        if self.anmeldung and not self.kapazitaet:
            raise ValidationError({"kapazitaet": _("How many people can come?")})
        if self.wiederholung and self.anzahl and self.bis_datum:
            raise ValidationError({"anzahl": _("End the series either on a date or after a number of dates.")})

    def _date_state(self):
        """What the dates depend on: their rule, cancelled and moved dates."""
        return (
            [getattr(self, name) for name in DATE_FIELDS],
            sorted(ausfall.datum for ausfall in self.ausfaelle.all()),
            sorted((v.datum, v.neuer_beginn, v.neues_ende) for v in self.verschiebungen.all()),
        )

    def save(self, *args, **kwargs):
        stored = type(self).objects.filter(pk=self.pk).only("sequence", *DATE_FIELDS).first() if self.pk else None
        if stored is not None:
            # Calendars take a changed date only with a higher SEQUENCE (a revision may hold an old one).
            self.sequence = max(self.sequence, stored.sequence) + (stored._date_state() != self._date_state())
        self.serienende = recurrence.series_end(self)
        super().save(*args, **kwargs)

    @path("")
    def detail(self, request):
        return page_views.serve("event_detail", request, self)

    @path("anmelden/", name="register")
    def register(self, request):
        return page_views.serve("register", request, self)

    @path("anmelden/bestaetigen/<str:token>/", name="register_confirm")
    def register_confirm(self, request, token):
        return page_views.serve("confirm", request, self, token)

    @path("anmelden/abmelden/<str:token>/", name="register_cancel")
    def register_cancel(self, request, token):
        return page_views.serve("cancel", request, self, token)

    @path("ical/", name="ics")
    def ics(self, request):
        return page_views.serve("event_ics", request, self)

    @path("ical/<str:datum>/", name="ics_date")
    def ics_date(self, request, datum):
        return page_views.serve("date_ics", request, self, datum)

    def labels(self, preview=False):
        """The labels of the event's categories and languages (each in its order) and its place's
        name and address: read in one query (UNION ALL), or from the page itself in a preview (the
        draft's own)."""
        if preview:
            place = (self.ort.name, self.ort.adresse) if self.ort else None
            return [k.label for k in self.kategorien.all()], [s.label for s in self.sprachen.all()], place

        def rows(queryset, kind, order, text):
            return queryset.order_by().annotate(kind=Value(kind), order=order).values_list("kind", "order", text)

        kategorien = VeranstaltungPage.kategorien.through.objects.filter(veranstaltungpage=self)
        sprachen = VeranstaltungPage.sprachen.through.objects.filter(veranstaltungpage=self)
        page = VeranstaltungPage.objects.filter(pk=self.pk, ort__isnull=False)
        found = sorted(
            rows(kategorien, "kategorie", F("kategorie__position"), "kategorie__slug").union(
                rows(sprachen, "sprache", F("sprache__position"), "sprache__code"),
                rows(page, "ort", Value(0), "ort__name"),
                rows(page, "ort", Value(1), "ort__adresse"),
                all=True,
            )
        )
        place = [text for kind, _position, text in found if kind == "ort"]
        return (
            [Kategorie(slug=code).label for kind, _position, code in found if kind == "kategorie"],
            [SPRACHEN.get(code, code) for kind, _position, code in found if kind == "sprache"],
            tuple(place) if place else None,
        )

    def termine(self, after=None, before=None):
        after = after or timezone.now()
        return recurrence.occurrences(self, after, before or after + recurrence.HORIZON)

    def structured_data(self, request):
        """One schema.org `Event` per date the page lists (the next NEXT_DATES, from the kept
        dates as on the page, cancelled and moved ones marked), as search engines ask for series:
        each date its own event. Dates, place and registration are the German original's (see
        portal/structured_data.py)."""
        from .schedule import next_dates  # the schedule reads these models

        series = in_source_language(self)
        termine = next_dates(series, request, NEXT_DATES)
        if not termine:
            return None
        url = structured_data.page_url(request, self)
        ort = stelle(series.ort, language=language_of(self)) if series.ort_id else None
        location = structured_data.place(ort.name, ort.adresse) if ort else structured_data.place("", series.adresse)
        organizer = structured_data.city(request)
        register = (
            structured_data.page_url(request, self, "register") if series.anmeldung and series.kapazitaet else None
        )
        events = []
        for termin in termine:
            if series.ganztaegig:
                start = recurrence.local(termin.beginn).date().isoformat()
                end = recurrence.local(termin.ende).date().isoformat()
            else:
                start, end = structured_data.date_time(termin.beginn), structured_data.date_time(termin.ende)
            event = {
                "@type": "Event",
                "@id": f"{url}#{recurrence.local(termin.beginn).date().isoformat()}",
                "name": self.title,
                "description": self.search_description or self.teaser,
                "url": url,
                "startDate": start,
                "endDate": end,
                "eventStatus": f"{structured_data.SCHEMA}/EventScheduled",
                "eventAttendanceMode": f"{structured_data.SCHEMA}/OfflineEventAttendanceMode",
                "inLanguage": language_of(self),
                # Events on the portal have no fee (the page has no field for one).
                "isAccessibleForFree": True,
                "organizer": organizer,
            }
            if location:
                event["location"] = location
            if termin.cancelled:
                event["eventStatus"] = f"{structured_data.SCHEMA}/EventCancelled"
            elif termin.moved_from:
                event["eventStatus"] = f"{structured_data.SCHEMA}/EventRescheduled"
                planned = datetime.datetime.combine(termin.moved_from, recurrence.local(series.beginn).time())
                event["previousStartDate"] = (
                    termin.moved_from.isoformat()
                    if series.ganztaegig
                    else structured_data.date_time(recurrence.placed(planned))
                )
            if register and not termin.cancelled:
                # Free places are not told: they change with every registration (and a full date
                # still takes registrations for its waiting list).
                event["offers"] = {"@type": "Offer", "url": register, "price": "0", "priceCurrency": "EUR"}
            events.append(event)
        return events


class Ausfall(Orderable):
    page = ParentalKey(VeranstaltungPage, related_name="ausfaelle", on_delete=models.CASCADE)
    datum = models.DateField(_("date"))
    hinweis = models.CharField(_("note"), max_length=200, blank=True, help_text=_("E.g. “Christmas holidays”."))

    panels = [FieldPanel("datum"), FieldPanel("hinweis")]


class Verschiebung(Orderable):
    page = ParentalKey(VeranstaltungPage, related_name="verschiebungen", on_delete=models.CASCADE)
    datum = models.DateField(_("original date"))
    neuer_beginn = models.DateTimeField(_("new start"))
    neues_ende = models.DateTimeField(_("new end"))

    panels = [FieldPanel("datum"), FieldPanel("neuer_beginn"), FieldPanel("neues_ende")]

    def clean(self):
        if self.neuer_beginn and self.neues_ende and self.neues_ende <= self.neuer_beginn:
            raise ValidationError({"neues_ende": _("The end must be after the start.")})


def new_token():
    return secrets.token_urlsafe(32)


class Anmeldung(models.Model):
    """A registration for one date of an event: double opt-in, then a place or the waiting list."""

    class Status(models.TextChoices):
        UNBESTAETIGT = "unbestaetigt", _("Not yet confirmed")
        BESTAETIGT = "bestaetigt", _("Registered")
        WARTELISTE = "warteliste", _("Waiting list")
        STORNIERT = "storniert", _("Cancelled")

    veranstaltung = models.ForeignKey(VeranstaltungPage, on_delete=models.CASCADE, related_name="anmeldungen")
    datum = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.UNBESTAETIGT)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    sprache = models.CharField(max_length=8, default="de")
    angemeldet = models.DateTimeField(_("registered"), auto_now_add=True)
    bestaetigt = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["datum", "bestaetigt", "angemeldet"]
        constraints = [
            models.UniqueConstraint(
                fields=["veranstaltung", "datum", "email"],
                condition=~models.Q(status="storniert"),
                name="eine_anmeldung_pro_termin_und_email",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.datum:%d.%m.%Y})"
