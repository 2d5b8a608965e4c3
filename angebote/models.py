"""Handlungsfelder 2 and 3: counselling offers, their contact persons and places."""

import datetime
from urllib.parse import urlencode

import segno
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Value
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from portal import structured_data
from portal.models import PortalPage, TranslatableSnippet
from portal.page_views import PageViews
from portal.panels import TranslationStatesPanel
from portal.storage import private_upload_name
from portal.translation import in_source_language, live_translations, localized_url, with_translations

from .contacts import kontakte, stelle

# The views of the pages' routes (angebote.views.public registers them).
page_views = PageViews("angebote")

LEBENSBEREICHE = {
    "sprache-bildung": _("Language & education"),
    "arbeit-ausbildung": _("Work & vocational training"),
    "wohnen": _("Housing"),
    "gesundheit": _("Health"),
    "familie-kinder": _("Family & children"),
    "aufenthalt-recht": _("Residence & law"),
    "finanzen-leistungen": _("Money & benefits"),
    "freizeit-begegnung": _("Leisure & meeting people"),
    "rueckkehr": _("Return"),
}

SPRACHEN = {
    "de": _("German"),
    "en": _("English"),
    "ar": _("Arabic"),
    "fa": _("Persian"),
    "uk": _("Ukrainian"),
    "tr": _("Turkish"),
    "ru": _("Russian"),
    "ku": _("Kurdish"),
    "ti": _("Tigrinya"),
    "fr": _("French"),
}


class Aufenthaltsstatus(models.TextChoices):
    GESTATTUNG = "gestattung", _("Aufenthaltsgestattung (asylum procedure)")
    DULDUNG = "duldung", _("Duldung (toleration)")
    ANERKENNUNG = "anerkennung", _("Recognition / residence permit")


class Reichweite(models.TextChoices):
    LOKAL = "lokal", _("In Plochingen")
    LANDKREIS = "landkreis", _("Landkreis Esslingen (referral)")


class Lebensbereich(models.Model):
    """One of the nine areas of life; the set is fixed and created by a migration."""

    slug = models.SlugField(unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("area of life")
        verbose_name_plural = _("areas of life")

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        return LEBENSBEREICHE.get(self.slug, self.slug)


class Sprache(models.Model):
    """A language in which counselling is offered."""

    code = models.CharField(max_length=8, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        return SPRACHEN.get(self.code, self.code)


class Ort(TranslatableSnippet):
    """A place where offers happen. Address and hours are kept once and shared by many offers."""

    name = models.CharField(_("name"), max_length=200)
    adresse = models.TextField(_("address"), help_text=_("Street and number, postcode and town, one per line."))
    oeffnungszeiten = models.TextField(_("opening hours"), blank=True)
    barrierefrei = models.BooleanField(_("step-free access"), default=False)
    barrierefreiheit = models.TextField(
        _("accessibility"), blank=True, help_text=_("E.g. lift, accessible toilet, hearing loop, parking.")
    )

    panels = [
        TranslationStatesPanel(),
        FieldPanel("name"),
        FieldPanel("adresse"),
        FieldPanel("oeffnungszeiten"),
        FieldPanel("barrierefrei"),
        FieldPanel("barrierefreiheit"),
    ]

    class Meta(TranslatableSnippet.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def map_url(self):
        """A plain link to OpenStreetMap: nothing of theirs is embedded in our pages."""
        query = ", ".join(line.strip() for line in self.adresse.splitlines() if line.strip())
        return "https://www.openstreetmap.org/search?" + urlencode({"query": query})


class Ansprechpartner(TranslatableSnippet, ClusterableModel):
    """A contact person (or office). Edited once, used by every offer and every Infoblatt."""

    name = models.CharField(_("name"), max_length=200)
    funktion = models.CharField(_("role"), max_length=200, blank=True)
    telefon = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    sprechzeiten = models.TextField(_("office hours"), blank=True)
    sprachen = ParentalManyToManyField(Sprache, verbose_name=_("languages"), blank=True, related_name="+")

    panels = [
        TranslationStatesPanel(),
        FieldPanel("name"),
        FieldPanel("funktion"),
        FieldPanel("telefon"),
        FieldPanel("email"),
        FieldPanel("sprechzeiten"),
        FieldPanel("sprachen", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta(TranslatableSnippet.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.funktion})" if self.funktion else self.name


class AngeboteIndexPage(PortalPage):
    """The offer finder: all offers below it, filtered by GET parameters."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    hilfe_kontakt = models.ForeignKey(
        Ansprechpartner,
        verbose_name=_("contact when nothing fits"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when a search finds no offer, e.g. the Integrationsmanagement."),
    )

    content_panels = PortalPage.content_panels + [FieldPanel("intro"), FieldPanel("hilfe_kontakt")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["angebote.AngebotPage", "angebote.InfoblattPage"]

    class Meta:
        verbose_name = _("offer finder")

    def serve(self, request, *args, **kwargs):
        return page_views.serve("offer_finder", request, self)


class AngebotAnsprechpartner(Orderable):
    page = ParentalKey("angebote.AngebotPage", related_name="ansprechpartner_links", on_delete=models.CASCADE)
    ansprechpartner = models.ForeignKey(
        Ansprechpartner, verbose_name=_("contact person"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("ansprechpartner")]


class AngebotPage(PortalPage):
    """One counselling or support offer."""

    teaser_field = "kurzbeschreibung"

    traeger = models.CharField(_("provider"), max_length=200)
    kurzbeschreibung = models.TextField(_("short description"), max_length=400)
    angebot = RichTextField(_("what is offered"), features=["bold", "italic", "ul", "ol", "link"])
    zielgruppe = models.TextField(_("who it is for"), blank=True)
    suchbegriffe = models.TextField(
        _("search terms"),
        blank=True,
        help_text=_(
            "Words people search for that the text does not use, separated by commas, in this page's language, "
            "e.g. “Deutschkurs, BAMF-Kurs, Sprache lernen”. Not shown on the page."
        ),
    )
    lebensbereiche = ParentalManyToManyField(Lebensbereich, verbose_name=_("areas of life"), related_name="+")
    fuer_gestattung = models.BooleanField(_("for people with Aufenthaltsgestattung"), default=True)
    fuer_duldung = models.BooleanField(_("for people with Duldung"), default=True)
    fuer_anerkennung = models.BooleanField(_("for people with recognition / residence permit"), default=True)
    sprachen = ParentalManyToManyField(Sprache, verbose_name=_("languages spoken"), blank=True, related_name="+")
    reichweite = models.CharField(_("where"), max_length=20, choices=Reichweite.choices, default=Reichweite.LOKAL)
    kosten = models.CharField(_("cost"), max_length=200, blank=True, help_text=_("Leave empty if free of charge."))
    termin_noetig = models.BooleanField(_("appointment needed"), default=False)
    termin_link = models.URLField(_("appointment link"), blank=True)
    barrierefrei = models.BooleanField(_("step-free access"), default=False)
    voruebergehend_geschlossen = models.BooleanField(_("temporarily closed"), default=False)
    ort = models.ForeignKey(
        Ort, verbose_name=_("place"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    zuletzt_geprueft = models.DateField(
        _("last reviewed"), default=timezone.localdate, help_text=_("Offers are reviewed at least once a year.")
    )

    content_panels = PortalPage.content_panels + [
        FieldPanel("traeger"),
        FieldPanel("kurzbeschreibung"),
        FieldPanel("angebot"),
        FieldPanel("zielgruppe"),
        FieldPanel("suchbegriffe"),
        MultiFieldPanel(
            [
                FieldPanel("lebensbereiche", widget=forms.CheckboxSelectMultiple),
                FieldPanel("fuer_gestattung"),
                FieldPanel("fuer_duldung"),
                FieldPanel("fuer_anerkennung"),
                FieldPanel("sprachen", widget=forms.CheckboxSelectMultiple),
                FieldPanel("reichweite"),
            ],
            heading=_("Who and what"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("kosten"),
                FieldPanel("termin_noetig"),
                FieldPanel("termin_link"),
                FieldPanel("barrierefrei"),
                FieldPanel("voruebergehend_geschlossen"),
                FieldPanel("ort"),
                FieldPanel("zuletzt_geprueft"),
            ],
            heading=_("How to get there"),
        ),
        InlinePanel("ansprechpartner_links", label=_("Contact persons")),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("traeger"),
        index.SearchField("kurzbeschreibung"),
        index.SearchField("angebot"),
        index.SearchField("zielgruppe"),
        index.SearchField("suchbegriffe"),
        index.SearchField("merkmale"),
    ]

    parent_page_types = ["angebote.AngeboteIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")

    def clean(self):
        super().clean()
        if not (self.fuer_gestattung or self.fuer_duldung or self.fuer_anerkennung):
            raise ValidationError({"fuer_anerkennung": _("Choose at least one residence status.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["details"] = OfferDetails(self, request)
        return context

    @cached_property
    def facts(self):
        """The German original: status, languages, contacts and place are kept there once."""
        return in_source_language(self)

    def merkmale(self):
        """The offer's areas of life, residence statuses and languages in the active language, so that
        "Wohnen", "Duldung" or "Arabisch" find it (kept on the German original)."""
        facts = self.facts
        return [
            *(LEBENSBEREICHE.get(bereich.slug, bereich.slug) for bereich in facts.lebensbereiche.all()),
            *(str(label) for label in facts.statuses()),
            *(SPRACHEN.get(sprache.code, sprache.code) for sprache in facts.sprachen.all()),
        ]

    def statuses(self):
        return [label for value, label in Aufenthaltsstatus.choices if getattr(self, f"fuer_{value}")]

    @property
    def review_due(self):
        return self.zuletzt_geprueft < review_cutoff()

    def structured_data(self, request):
        """The offer as a schema.org `Service`: its provider (the Träger, often not the city), where
        and in which languages, for whom, and its place (see portal/structured_data.py)."""
        facts = self.facts
        codes = OfferDetails(self, request).codes
        url = structured_data.page_url(request, self)
        service = {
            "@type": "Service",
            "@id": f"{url}#service",
            "name": self.title,
            "description": self.search_description or self.kurzbeschreibung,
            "url": url,
            "provider": {"@type": "Organization", "name": self.traeger},
            "areaServed": structured_data.area_served(county=facts.reichweite == Reichweite.LANDKREIS),
            "audience": {
                "@type": "Audience",
                "audienceType": [str(label) for label in facts.statuses()],
            },
            "serviceType": [str(LEBENSBEREICHE.get(slug, slug)) for slug in codes["bereiche"]],
        }
        if self.zielgruppe:
            service["audience"]["description"] = self.zielgruppe
        if codes["sprachen"]:
            service["availableLanguage"] = [structured_data.language(code) for code in codes["sprachen"]]
        if not self.kosten:
            service["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR"}
        channel = {"@type": "ServiceChannel", "serviceUrl": facts.termin_link or url}
        ort = stelle(facts.ort) if facts.ort_id else None
        location = structured_data.place(ort.name, ort.adresse) if ort else None
        if location:
            channel["serviceLocation"] = location
        service["availableChannel"] = channel
        return service


class OfferDetails:
    """What an offer's page shows beside its own fields, read only when the template asks: the
    page's fragment is kept per content generation, so most requests read none of it."""

    def __init__(self, page, request):
        self.page, self.request = page, request

    @cached_property
    def preview(self):
        return getattr(self.request, "is_preview", False)

    @cached_property
    def kontakte(self):
        links = self.page.facts.ansprechpartner_links.select_related("ansprechpartner__locale")
        if self.preview:
            return kontakte(link.ansprechpartner for link in links.prefetch_related("ansprechpartner__sprachen"))
        return kontakte((link.ansprechpartner for link in links), sprachen=self.codes["kontakte"])

    @cached_property
    def stelle(self):
        return stelle(self.page.facts.ort)

    @cached_property
    def codes(self):
        """The original's areas of life and languages and its contacts' languages, each in its order,
        read in one query (UNION ALL)."""

        def rows(queryset, kind, key, rank, code):
            ranked = queryset.order_by().annotate(kind=Value(kind), key=key, rank=rank)
            return ranked.values_list("kind", "key", "rank", code)

        facts = self.page.facts
        contacts = AngebotAnsprechpartner.objects.filter(page=facts).values("ansprechpartner_id")
        found = sorted(
            rows(
                AngebotPage.lebensbereiche.through.objects.filter(angebotpage=facts),
                "bereich",
                Value(0),
                F("lebensbereich__position"),
                "lebensbereich__slug",
            ).union(
                rows(
                    AngebotPage.sprachen.through.objects.filter(angebotpage=facts),
                    "sprache",
                    Value(0),
                    F("sprache__position"),
                    "sprache__code",
                ),
                rows(
                    Ansprechpartner.sprachen.through.objects.filter(ansprechpartner_id__in=contacts),
                    "kontakt",
                    F("ansprechpartner_id"),
                    F("sprache__position"),
                    "sprache__code",
                ),
                all=True,
            )
        )
        kontakte = {}
        for kind, key, _rank, code in found:
            if kind == "kontakt":
                kontakte.setdefault(key, []).append(SPRACHEN.get(code, code))
        return {
            "bereiche": [code for kind, _key, _rank, code in found if kind == "bereich"],
            "sprachen": [code for kind, _key, _rank, code in found if kind == "sprache"],
            "kontakte": kontakte,
        }

    @cached_property
    def areas_and_languages(self):
        """Labels of the offer's areas of life and languages (a preview: the draft's own)."""
        facts = self.page.facts
        if self.preview:
            bereiche = [bereich.slug for bereich in facts.lebensbereiche.all()]
            sprachen = [sprache.code for sprache in facts.sprachen.all()]
        else:
            bereiche, sprachen = self.codes["bereiche"], self.codes["sprachen"]
        return [LEBENSBEREICHE.get(slug, slug) for slug in bereiche], [SPRACHEN.get(code, code) for code in sprachen]

    @property
    def bereiche(self):
        return self.areas_and_languages[0]

    @property
    def sprachen(self):
        return self.areas_and_languages[1]


def review_cutoff(today=None):
    """Offers last reviewed before this date are due for review (twelve months)."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=365)


class RaumBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Room"), max_length=100)
    beschreibung = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "home"
        label = _("Room")


class BegegnungszentrumPage(RoutablePageMixin, PortalPage):
    """Handlungsfeld 3: the central place to meet and get advice, and its furniture donations."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    raeume = StreamField([("raum", RaumBlock())], verbose_name=_("rooms"), blank=True)
    ort = models.ForeignKey(
        Ort, verbose_name=_("place"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kleiderkammer_zeiten = models.TextField(_("Kleiderkammer opening hours"), blank=True)
    moebelspende_text = models.TextField(
        _("about furniture donations"), blank=True, help_text=_("Shown above the donation form.")
    )

    content_panels = PortalPage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("raeume"),
        FieldPanel("ort"),
        FieldPanel("kleiderkammer_zeiten"),
        FieldPanel("moebelspende_text"),
    ]
    search_fields = PortalPage.search_fields + [index.SearchField("intro"), index.SearchField("raeume")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Begegnungszentrum page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stelle"] = stelle(in_source_language(self).ort)
        return context

    @path("moebelspende/", name="moebelspende")
    def moebelspende(self, request):
        return page_views.serve("moebelspende", request, self)

    @path("moebelspende/danke/", name="moebelspende_danke")
    def moebelspende_danke(self, request):
        return self.render(request, template="angebote/danke.html", context_overrides={"art": "moebelspende"})


class SozialhausmeisterPage(RoutablePageMixin, PortalPage):
    """The Sozialhausmeister of the shared accommodation: contact for residents and neighbours."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    kontakt = models.ForeignKey(
        Ansprechpartner,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ort = models.ForeignKey(
        Ort, verbose_name=_("place"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    anliegen_text = models.TextField(_("about the neighbours' form"), blank=True)

    content_panels = PortalPage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("kontakt"),
        FieldPanel("ort"),
        FieldPanel("anliegen_text"),
    ]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Sozialhausmeister page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source = in_source_language(self)
        context["kontakte"] = kontakte([source.kontakt]) if source.kontakt else []
        context["stelle"] = stelle(source.ort)
        return context

    @path("anliegen/", name="anliegen")
    def anliegen(self, request):
        return page_views.serve("anwohner_anliegen", request, self)

    @path("anliegen/danke/", name="anliegen_danke")
    def anliegen_danke(self, request):
        return self.render(request, template="angebote/danke.html", context_overrides={"art": "anliegen"})


def private_upload_path(instance, filename):
    return private_upload_name("moebelspenden", instance.content_type)


class Moebelspende(models.Model):
    """A furniture donation offered through the Begegnungszentrum page."""

    class Status(models.TextChoices):
        NEU = "neu", _("New")
        ABHOLUNG_GEPLANT = "geplant", _("Pickup planned")
        ABGEHOLT = "abgeholt", _("Picked up")
        ABGELEHNT = "abgelehnt", _("Declined")

    eingegangen = models.DateTimeField(_("received"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEU)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    telefon = models.CharField(_("phone"), max_length=50, blank=True)
    gegenstaende = models.TextField(_("items"), help_text=_("What would you like to donate? Size and condition."))
    abholadresse = models.TextField(_("pickup address"))
    wunschtermine = models.TextField(_("preferred dates"), help_text=_("When could we pick the items up?"))
    sprache = models.CharField(_("language"), max_length=8, default="de")
    notiz = models.TextField(_("internal note"), blank=True)

    class Meta:
        verbose_name = _("furniture donation")
        verbose_name_plural = _("furniture donations")
        ordering = ["-eingegangen"]

    def __str__(self):
        return f"{self.name}: {Truncator(self.gegenstaende).chars(40)}"


class MoebelspendeFoto(models.Model):
    spende = models.ForeignKey(Moebelspende, on_delete=models.CASCADE, related_name="fotos")
    datei = models.FileField(upload_to=private_upload_path)
    content_type = models.CharField(max_length=50)

    def __str__(self):
        return f"{self.spende_id}: {self.datei.name}"

    def delete(self, *args, **kwargs):
        self.datei.delete(save=False)
        return super().delete(*args, **kwargs)


class AnwohnerAnliegen(models.Model):
    """A concern from residents or neighbours of the shared accommodation (may be anonymous)."""

    class Thema(models.TextChoices):
        LAERM = "laerm", _("Noise")
        SAUBERKEIT = "sauberkeit", _("Rubbish and cleanliness")
        SICHERHEIT = "sicherheit", _("Safety")
        NACHBARSCHAFT = "nachbarschaft", _("Living together")
        FRAGE = "frage", _("Question")
        SONSTIGES = "sonstiges", _("Something else")

    class Status(models.TextChoices):
        NEU = "neu", _("New")
        IN_BEARBEITUNG = "bearbeitung", _("In progress")
        ERLEDIGT = "erledigt", _("Done")

    eingegangen = models.DateTimeField(_("received"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEU)
    thema = models.CharField(_("topic"), max_length=20, choices=Thema.choices)
    nachricht = models.TextField(_("message"), max_length=4000)
    name = models.CharField(_("name"), max_length=200, blank=True)
    kontakt = models.CharField(
        _("email or phone"), max_length=200, blank=True, help_text=_("Optional: only if you would like an answer.")
    )
    sprache = models.CharField(_("language"), max_length=8, default="de")
    notiz = models.TextField(_("internal note"), blank=True)

    class Meta:
        verbose_name = _("neighbours' concern")
        verbose_name_plural = _("neighbours' concerns")
        ordering = ["-eingegangen"]

    def __str__(self):
        return f"{self.get_thema_display()} ({self.eingegangen:%d.%m.%Y})"

    @property
    def anonym(self):
        return not (self.name or self.kontakt)


class InfoblattPage(RoutablePageMixin, PortalPage):
    """ "Ansprechpartner und Beratungsangebote vor Ort": a printable sheet built from the live offers.

    Two variants are curated by the editors (plan, Handlungsfeld 2): the Beiblatt handed out at
    assignment to housing and the Informationsblatt handed out at registration.
    """

    class Variante(models.TextChoices):
        EINWEISUNG = "einweisung", _("Beiblatt bei Einweisung (assignment to housing)")
        ANMELDUNG = "anmeldung", _("Informationsblatt bei Anmeldung (registration)")

    teaser_field = "einleitung"

    variante = models.CharField(_("variant"), max_length=20, choices=Variante.choices)
    einleitung = models.TextField(_("introduction"), blank=True)
    hinweis = models.TextField(_("closing note"), blank=True, help_text=_("E.g. emergency numbers."))

    content_panels = PortalPage.content_panels + [
        FieldPanel("variante"),
        FieldPanel("einleitung"),
        InlinePanel("eintraege", label=_("Offers on the sheet"), min_num=1),
        FieldPanel("hinweis"),
    ]

    parent_page_types = ["angebote.AngeboteIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Infoblatt")
        verbose_name_plural = _("Infoblätter")

    def sheet_context(self, request):
        """Offers, their contacts and places as a reader of this language sees them."""
        source = in_source_language(self)
        entries = source.eintraege.select_related("angebot__ort__locale", "angebot__locale").prefetch_related(
            "angebot__ansprechpartner_links__ansprechpartner__sprachen",
            "angebot__ansprechpartner_links__ansprechpartner__locale",
        )
        originals = [entry.angebot for entry in entries if entry.angebot.live]
        people = {o.pk: [link.ansprechpartner for link in o.ansprechpartner_links.all()] for o in originals}
        translated_people = live_translations(Ansprechpartner, [p for group in people.values() for p in group])
        translated_places = live_translations(Ort, [o.ort for o in originals])
        rows = []
        for original, shown in zip(originals, with_translations(originals), strict=True):
            rows.append(
                {
                    "angebot": shown,
                    "original": original,
                    "kontakte": kontakte(people[original.pk], translated=translated_people),
                    "stelle": stelle(original.ort, translated=translated_places),
                }
            )
        finder = self.get_parent().specific
        finder_url = request.build_absolute_uri(localized_url(request, finder))
        return {"rows": rows, "finder_url": finder_url, "qr_svg": qr_svg(finder_url)}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.sheet_context(request))
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        return page_views.serve("infoblatt_pdf", request, self)


class InfoblattEintrag(Orderable):
    page = ParentalKey(InfoblattPage, related_name="eintraege", on_delete=models.CASCADE)
    angebot = models.ForeignKey(
        "angebote.AngebotPage", verbose_name=_("offer"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("angebot")]


def qr_svg(url):
    """An inline SVG QR code: made here, no image service involved."""
    return segno.make(url, error="m").svg_inline(scale=3, dark="#000", light="#fff", title=url)
