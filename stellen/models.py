"""Job postings (Handlungsfeld 7): public, translatable postings at the Bauhof, the
Stadtverwaltung, the Sozialstation and the Kinderhäuser, and the application the public submits.

Applicants' details are encrypted at rest and only HR reads them (intern/personal: the pipeline,
each read audited). The optional, self-declared refugee status never reaches HR's screens: it is
kept only with consent, and only for the anonymised yearly count of hires (`personal.Einstellung`),
which outlives the application.
"""

import re

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from encrypted_fields.fields import (
    EncryptedBooleanField,
    EncryptedCharField,
    EncryptedEmailField,
    EncryptedTextField,
)
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from portal import structured_data
from portal.models import PortalPage
from portal.page_views import PageViews
from portal.storage import private_upload_name
from portal.translation import in_source_language, with_translations

# The views of the pages' routes (stellen.views.public registers them).
page_views = PageViews("stellen")

PLAIN = ["bold", "italic", "link", "ul"]


class Stellenbereich(models.TextChoices):
    BAUHOF = "bauhof", _("Bauhof")
    STADTVERWALTUNG = "stadtverwaltung", _("City administration")
    SOZIALSTATION = "sozialstation", _("Sozialstation")
    KINDERHAEUSER = "kinderhaeuser", _("Kinderhäuser")


class StellenIndexPage(PortalPage):
    """/stellen/: the city's job postings, and advice on recognition of foreign qualifications."""

    intro = RichTextField(_("introduction"), features=PLAIN)
    anerkennung = RichTextField(
        _("recognition of foreign qualifications"),
        features=PLAIN,
        help_text=_("In plain words: who helps to have a qualification from abroad recognised."),
    )
    anerkennung_seite = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page with advice on recognition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    anerkennung_url = models.URLField(
        _("external advice on recognition"), blank=True, help_text=_("For example anerkennung-in-deutschland.de.")
    )
    formular_hilfe = models.TextField(
        _("help with the application form"), blank=True, help_text=_("Shown above every application form.")
    )

    content_panels = PortalPage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("anerkennung"), FieldPanel("anerkennung_seite"), FieldPanel("anerkennung_url")],
            heading=_("Recognition of foreign qualifications"),
        ),
        FieldPanel("formular_hilfe"),
    ]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stellen.StellenangebotPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("job postings page")
        verbose_name_plural = _("job postings pages")
        db_table = "personal_stellenindexpage"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stellen = (
            StellenangebotPage.objects.child_of(in_source_language(self))
            .live()
            .public()
            .filter(bewerbungsschluss__gte=timezone.localdate())
            .order_by("bewerbungsschluss", "pk")
        )
        bereich = request.GET.get("bereich", "")
        if bereich in Stellenbereich.values:
            stellen = stellen.filter(bereich=bereich)
        stellen = list(stellen)
        uebersetzt = with_translations(stellen)
        eintraege = [{"seite": seite, "quelle": quelle} for seite, quelle in zip(uebersetzt, stellen, strict=True)]
        context.update(stellen=eintraege, bereich=bereich, bereiche=Stellenbereich.choices)
        return context


class StellenangebotPage(RoutablePageMixin, PortalPage):
    """One job posting, in plain language, with its application form."""

    bereich = models.CharField(_("area"), max_length=20, choices=Stellenbereich.choices)
    intro = models.TextField(_("in short"), help_text=_("One or two sentences: what is the job?"))
    aufgaben = RichTextField(_("what you do"), features=PLAIN)
    anforderungen = RichTextField(
        _("what you need"),
        features=PLAIN,
        help_text=_("In plain words. Say what is really needed, and what can be learned on the job."),
    )
    angebot = RichTextField(_("what we offer"), features=PLAIN, blank=True)
    umfang = models.CharField(_("working hours"), max_length=120, help_text=_("For example: full time, 39 hours."))
    beginn = models.CharField(_("start"), max_length=120, blank=True, help_text=_("For example: as soon as possible."))
    bewerbungsschluss = models.DateField(_("apply by"))

    content_panels = PortalPage.content_panels + [
        FieldPanel("bereich"),
        FieldPanel("intro"),
        FieldPanel("aufgaben"),
        FieldPanel("anforderungen"),
        FieldPanel("angebot"),
        FieldPanel("umfang"),
        FieldPanel("beginn"),
        FieldPanel("bewerbungsschluss"),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("aufgaben"),
        index.SearchField("anforderungen"),
        index.FilterField("bereich"),
    ]

    parent_page_types = ["stellen.StellenIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("job posting")
        verbose_name_plural = _("job postings")
        db_table = "personal_stellenangebotpage"

    @cached_property
    def quelle(self):
        """The German original: deadline and area are kept there, not in translations."""
        return in_source_language(self)

    @property
    def offen(self):
        return self.quelle.live and timezone.localdate() <= self.quelle.bewerbungsschluss

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index"] = self.get_parent().specific
        return context

    def structured_data(self, request):
        """The posting as a schema.org `JobPosting` while applications are open; a closed posting
        has none, as search engines ask (see portal/structured_data.py)."""
        quelle = self.quelle
        if not self.offen:
            return None
        url = structured_data.page_url(request, self)
        parts = [format_html("<p>{}</p>", self.intro)]
        for heading, text in (
            (_("What you do"), self.aufgaben),
            (_("What you need"), self.anforderungen),
            (_("What we offer"), self.angebot),
        ):
            if text:
                parts.append(format_html("<h2>{}</h2>{}", heading, mark_safe(expand_db_html(text))))  # noqa: S308 - the editors' rich text
        posted = quelle.first_published_at or quelle.last_published_at or timezone.now()
        organisation = settings.PORTAL_ORGANIZATION
        posting = {
            "@type": "JobPosting",
            "@id": f"{url}#job",
            "title": self.title,
            "description": "".join(parts),
            "url": url,
            "datePosted": structured_data.date_time(posted),
            "validThrough": structured_data.end_of_day(quelle.bewerbungsschluss),
            "hiringOrganization": {
                **structured_data.city(request),
                "department": {"@type": "Organization", "name": quelle.get_bereich_display()},
            },
            "jobLocation": {
                "@type": "Place",
                "address": structured_data.postal_address(organisation["address"]),
            },
            "directApply": True,
        }
        types = employment_types(f"{quelle.umfang} {self.umfang}")
        if types:
            posting["employmentType"] = types
        if self.beginn:
            posting["jobStartDate"] = self.beginn
        return posting

    @path("bewerben/", name="bewerben")
    def bewerben(self, request):
        return page_views.serve("bewerben", request, self)

    @path("bewerben/danke/", name="bewerben_danke")
    def bewerben_danke(self, request):
        return self.render(request, template="stellen/danke.html")


# Words of the working hours (German original and translation) for schema.org's employment types.
EMPLOYMENT_TYPES = [
    ("FULL_TIME", ("vollzeit", "full time", "full-time")),
    ("PART_TIME", ("teilzeit", "part time", "part-time", "minijob", "geringfügig")),
    ("TEMPORARY", ("befristet", "temporary", "fixed-term")),
    ("INTERN", ("praktikum", "internship")),
]


def employment_types(umfang):
    """The schema.org employment types a job's working hours name ("Vollzeit, befristet"); words
    count at their start only ("unbefristet" is not "befristet")."""
    text = umfang.lower()
    return [kind for kind, words in EMPLOYMENT_TYPES if any(re.search(rf"\b{re.escape(word)}", text) for word in words)]


def lebenslauf_pfad(instance, filename):
    return private_upload_name("bewerbungen", "application/pdf")


class Bewerbung(models.Model):
    class Status(models.TextChoices):
        EINGEGANGEN = "eingegangen", pgettext_lazy("application status", "Received")
        GESPRAECH = "gespraech", _("Interview")
        HOSPITATION = "hospitation", _("Trial day or internship")
        ANGEBOT = "angebot", _("Offer made")
        EINGESTELLT = "eingestellt", _("Hired")
        ABGESAGT = "abgesagt", _("Rejected")

    ABGESCHLOSSEN = {Status.EINGESTELLT, Status.ABGESAGT}

    stelle = models.ForeignKey(
        StellenangebotPage, verbose_name=_("job"), null=True, on_delete=models.SET_NULL, related_name="bewerbungen"
    )
    stelle_titel = models.CharField(_("job title"), max_length=255)
    bereich = models.CharField(_("area"), max_length=20, choices=Stellenbereich.choices)
    # The moment of the form's submission; the first step of the history carries the same.
    eingegangen = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    sprache = models.CharField(_("language of the application"), max_length=8)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.EINGEGANGEN)
    abgeschlossen_am = models.DateTimeField(_("closed on"), null=True, blank=True)
    # The coming or last job interview (Vorstellungsgespräch); a change raises the calendar's SEQUENCE.
    gespraech_beginn = models.DateTimeField(_("interview"), null=True, blank=True)
    gespraech_ende = models.DateTimeField(_("end of the interview"), null=True, blank=True)
    gespraech_ort = models.CharField(_("place of the interview"), max_length=200, blank=True)
    gespraech_sequenz = models.PositiveIntegerField(default=0, editable=False)
    gespraech_geaendert_am = models.DateTimeField(null=True, editable=False)

    vorname = EncryptedCharField(_("first name"), max_length=100)
    nachname = EncryptedCharField(_("last name"), max_length=100)
    email = EncryptedEmailField(_("email"))
    telefon = EncryptedCharField(_("phone"), max_length=40, blank=True, null=True)
    adresse = EncryptedTextField(_("address"), blank=True, null=True)
    sprachen = EncryptedTextField(_("languages"))
    qualifikationen = EncryptedTextField(_("qualifications and work experience"))
    lebenslauf = models.FileField(_("CV (PDF)"), upload_to=lebenslauf_pfad, max_length=200)
    einwilligung_am = models.DateTimeField(_("consent given on"))
    # Only with consent, never shown to HR, and cleared when the application is closed: it lives
    # on only as an anonymous count in Einstellung.
    anerkannter_fluechtling = EncryptedBooleanField(null=True, editable=False)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-eingegangen", "-pk"]
        db_table = "personal_bewerbung"

    def __str__(self):
        return f"{self.stelle_titel} – {timezone.localtime(self.eingegangen):%d.%m.%Y}"

    @property
    def name(self):
        return f"{self.vorname} {self.nachname}"
