import calendar
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.search import index
from wagtailmedia.blocks import VideoChooserBlock

from portal import structured_data
from portal.blocks import BodyBlock, ContactBlock, LinkBlock
from portal.calendars import upcoming_dates
from portal.models import PortalPage, TranslatableSnippet, public_pages
from portal.page_views import PageViews
from portal.pagecache import kept_instance
from portal.panels import TranslationStatesPanel
from portal.translation import in_source_language, language_of, localized_url, with_translations

NEWS_PAGE_SIZE = 10
# Content pages are at most two levels below the home page (section / page); only such paths are memoised.
MEMO_SEGMENTS = 2
HOME_NEWS_COUNT = 3
HOME_DATES_COUNT = 5

# The views of the pages' routes (home.views.public registers them).
page_views = PageViews("home")


@dataclass(frozen=True)
class Aufgabe:
    """One top task on the start page: the section's page type, a label and a short text."""

    slug: str
    page_type: str
    title: str
    text: str
    query: str = ""


# In the order of need (issue "Newcomers on a phone"): help first, news last.
AUFGABEN = [
    Aufgabe(
        "hilfe",
        "angebote.AngeboteIndexPage",
        _("Find help and advice"),
        _("Counselling, language courses and help with papers, work and health."),
    ),
    Aufgabe(
        "termine", "veranstaltungen.VeranstaltungenIndexPage", _("Dates and events"), _("Café, courses and talks.")
    ),
    Aufgabe(
        "treffpunkt",
        "angebote.BegegnungszentrumPage",
        pgettext_lazy("start page task", "Begegnungszentrum"),
        _("Meet people, have a coffee, find clothes and furniture."),
    ),
    Aufgabe(
        "mitmachen", "ehrenamt.MitmachenPage", _("Get involved"), _("Volunteer, become a mentor, join the Verein.")
    ),
    Aufgabe(
        "wohnen",
        "angebote.AngeboteIndexPage",
        _("Housing"),
        _("Advice on finding a flat and keeping it."),
        query="?bereich=wohnen",
    ),
    Aufgabe(
        "arbeit", "stellen.StellenIndexPage", _("Jobs at the City"), _("Open positions at the City of Plochingen.")
    ),
]


def top_tasks(request, home):
    """The top tasks whose section exists below `home`, each with its URL in the reader's language
    (one query)."""
    # The sections' types by the joined content type: no lookup of content types by model.
    wanted = {apps.get_model(aufgabe.page_type)._meta.label_lower for aufgabe in AUFGABEN}
    sections = {}
    for page in public_pages().child_of(home).select_related("locale", "content_type"):
        page_type = f"{page.content_type.app_label}.{page.content_type.model}"
        if page_type in wanted:
            sections.setdefault(page_type, page)
    found = []
    for aufgabe in AUFGABEN:
        page = sections.get(apps.get_model(aufgabe.page_type)._meta.label_lower)
        if page is not None:
            found.append({"aufgabe": aufgabe, "url": localized_url(request, page) + aufgabe.query, "page": page})
    return found


class HomePage(PortalPage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    quick_links = StreamField([("link", LinkBlock())], verbose_name=_("quick links"), blank=True, max_num=12)

    content_panels = PortalPage.content_panels + [FieldPanel("intro"), FieldPanel("quick_links")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.IntegrationsbegriffPage",
        "home.HandlungsfeldIndexPage",
        "home.NewsIndexPage",
        "home.StandardPage",
        "home.LeichteSprachePage",
        "home.GebaerdensprachePage",
        "home.BarrierefreiheitPage",
        "angebote.AngeboteIndexPage",
        "angebote.BegegnungszentrumPage",
        "angebote.SozialhausmeisterPage",
        "veranstaltungen.VeranstaltungenIndexPage",
        "ehrenamt.MitmachenPage",
        "verein.VereinPage",
        "beirat.BeiratPage",
        "wohnraum.WohnraumPage",
        "stellen.StellenIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def structured_data(self, request):
        """The city that runs the portal, as a schema.org `GovernmentOrganization` with its address
        and contact (see portal/structured_data.py)."""
        return structured_data.city(request, full=True)

    def route(self, request, path_components):
        """The site's root: each path is routed once per content generation, as Wagtail does (one
        query per path segment and one per page type, see PortalPage.route); after that, the page
        that answers it and the segments it takes are kept, and the page comes without a query."""
        if not path_components or len(path_components) > MEMO_SEGMENTS:
            # Longer paths are sub-routes with arguments (registration tokens): routed as Wagtail does.
            return super().route(request, path_components)
        routed = []

        def locate():
            result = super(HomePage, self).route(request, path_components)
            routed.append(result)
            page = result[0]
            return page, page.depth - self.depth

        page, consumed = kept_instance(f"routed-page:{self.pk}:{'/'.join(path_components)}", locate)
        if routed:
            return routed[0]
        return page.route(request, path_components[consumed:])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the page's fragment is not kept (see the template).
        context["latest_news"] = SimpleLazyObject(
            lambda: with_translations(
                NewsArticlePage.objects.live()
                .public()
                .filter(locale__language_code=settings.LANGUAGE_CODE)
                .select_related("locale")
                .order_by("-date", "-pk")[:HOME_NEWS_COUNT]
            )
        )
        context["upcoming_dates"] = SimpleLazyObject(lambda: upcoming_dates(request, HOME_DATES_COUNT))
        context["top_tasks"] = SimpleLazyObject(lambda: top_tasks(request, in_source_language(self)))
        context["finder_form"] = SimpleLazyObject(
            lambda: next((fn() for fn in hooks.get_hooks("portal_start_page_finder")), None)
        )
        return context


class StandardPage(PortalPage):
    """A plain text page: Impressum, Datenschutzerklärung, Barrierefreiheit and the like."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = PortalPage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage", "ehrenamt.MitmachenPage", "verein.VereinPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class LeichteSpracheAbschnittBlock(blocks.StructBlock):
    """One part of a text in Leichte Sprache: a heading, short sentences, and a picture that supports them."""

    ueberschrift = blocks.CharBlock(label=_("Heading"), max_length=80)
    text = blocks.TextBlock(
        label=_("Text"), help_text=_("One sentence per line. Short sentences, one statement each, everyday words.")
    )
    bild = ImageChooserBlock(label=_("Picture"), required=False)
    bildbeschreibung = blocks.CharBlock(
        label=_("What the picture shows"), required=False, help_text=_("Read out instead of the picture.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Section")
        template = "home/blocks/leichte_sprache_abschnitt.html"


class WorterklaerungBlock(blocks.StructBlock):
    wort = blocks.CharBlock(label=_("Word"), max_length=80)
    erklaerung = blocks.TextBlock(label=_("Explanation"))

    class Meta:
        icon = "help"
        label = _("Word explained")
        template = "home/blocks/worterklaerung.html"


class LeichteSprachePage(PortalPage):
    """Texts in Leichte Sprache (BITV 2.0 § 4): large type, one column, one statement per sentence.
    German only: Leichte Sprache is a form of German."""

    teaser_field = "einleitung"

    einleitung = models.TextField(_("introduction"), help_text=_("Two or three short sentences."))
    body = StreamField(
        [("abschnitt", LeichteSpracheAbschnittBlock()), ("wort", WorterklaerungBlock())],
        verbose_name=_("text"),
        blank=True,
    )
    pruefung = models.CharField(
        _("checked by"),
        max_length=300,
        blank=True,
        help_text=_("Who checked the texts (a group of readers with learning difficulties), and when."),
    )

    content_panels = PortalPage.content_panels + [FieldPanel("einleitung"), FieldPanel("body"), FieldPanel("pruefung")]
    search_fields = PortalPage.search_fields + [index.SearchField("einleitung"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.LeichteSprachePage"]
    subpage_types = ["home.LeichteSprachePage"]

    class Meta:
        verbose_name = _("page in Leichte Sprache")
        verbose_name_plural = _("pages in Leichte Sprache")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["unterseiten"] = self.get_children().live().public().specific()
        return context

    def social_image(self):
        """The first section's picture."""
        return next((block.value["bild"] for block in self.body if block.value.get("bild")), None)


class DGSVideoBlock(blocks.StructBlock):
    titel = blocks.CharBlock(label=_("Title"), max_length=120)
    video = VideoChooserBlock(label=_("Video"))
    transkript = blocks.TextBlock(
        label=_("German text of the video"), help_text=_("What the video says, in German. Shown beside the video.")
    )

    class Meta:
        icon = "media"
        label = _("Video in German Sign Language")
        template = "home/blocks/dgs_video.html"


class GebaerdensprachePage(PortalPage):
    """Videos in Deutsche Gebärdensprache (BITV 2.0 § 4), served from the portal itself and played by
    the browser's own player, each with its German text beside it."""

    teaser_field = "einleitung"

    einleitung = models.TextField(_("introduction"))
    videos = StreamField([("video", DGSVideoBlock())], verbose_name=_("videos"), blank=True)
    anforderungen = RichTextField(
        _("requirements for the videos"),
        blank=True,
        features=["bold", "ul", "link"],
        help_text=_("What whoever produces the videos must meet (BITV 2.0 Anlage 2)."),
    )

    content_panels = PortalPage.content_panels + [
        FieldPanel("einleitung"),
        FieldPanel("videos"),
        FieldPanel("anforderungen"),
    ]
    search_fields = PortalPage.search_fields + [index.SearchField("einleitung"), index.SearchField("videos")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("page in German Sign Language")
        verbose_name_plural = _("pages in German Sign Language")


class NichtBarrierefreierInhaltBlock(blocks.StructBlock):
    """One part of the portal that is not (yet) accessible, as the Mustererklärung lists them."""

    inhalt = blocks.CharBlock(label=_("Content"), max_length=200)
    grund = blocks.ChoiceBlock(
        label=_("Why"),
        choices=[
            ("unvereinbar", _("Not yet compatible with the requirements")),
            ("belastung", _("Disproportionate burden")),
            ("ausgenommen", _("Outside the scope of the law")),
        ],
    )
    beschreibung = blocks.TextBlock(label=_("What is not accessible, and what we are doing about it"))
    alternative = blocks.TextBlock(
        label=_("Accessible alternative"), required=False, help_text=_("How people get the content in another way.")
    )

    class Meta:
        icon = "warning"
        label = _("Content that is not accessible")


class BarrierefreiheitPage(RoutablePageMixin, PortalPage):
    """The Erklärung zur Barrierefreiheit after the Mustererklärung of Baden-Württemberg (L-BGG § 10,
    L-BGG-DVO Anlage 1), with its feedback form: each report goes to the Redaktion's inbox."""

    class Stand(models.TextChoices):
        VOLLSTAENDIG = "vollstaendig", _("fully compliant")
        TEILWEISE = "teilweise", _("partially compliant")
        NICHT = "nicht", _("not compliant")

    class Methode(models.TextChoices):
        SELBSTBEWERTUNG = "selbstbewertung", _("self-assessment")
        DRITTE = "dritte", _("assessment by a third party")

    teaser_field = "einleitung"

    einleitung = models.TextField(
        _("introduction"), help_text=_("Who is bound to accessibility, and which website this statement covers.")
    )
    stand = models.CharField(_("state of compliance"), max_length=20, choices=Stand.choices)
    stand_erlaeuterung = models.TextField(_("explanation of the state"), blank=True)
    nicht_barrierefrei = StreamField(
        [("inhalt", NichtBarrierefreierInhaltBlock())], verbose_name=_("content that is not accessible"), blank=True
    )
    erstellt_am = models.DateField(_("statement prepared on"))
    ueberprueft_am = models.DateField(_("statement last reviewed on"), null=True, blank=True)
    methode = models.CharField(_("assessment method"), max_length=20, choices=Methode.choices)
    methode_erlaeuterung = models.TextField(
        _("how the portal was assessed"), blank=True, help_text=_("Tools, manual checks, who tested.")
    )
    feedback = models.TextField(
        _("feedback: introduction"),
        blank=True,
        help_text=_("Shown above the contact and the form for reporting barriers."),
    )
    kontakt = StreamField(
        [("contact", ContactBlock())],
        verbose_name=_("feedback contact"),
        blank=True,
        max_num=1,
        help_text=_("New reports are announced to this address; the reports themselves stay in the CMS."),
    )
    durchsetzung = RichTextField(
        _("enforcement procedure"),
        features=["h3", "bold", "link", "ul"],
        help_text=_("The Schlichtungsstelle and how to reach it, with its current address."),
    )

    content_panels = PortalPage.content_panels + [
        FieldPanel("einleitung"),
        MultiFieldPanel([FieldPanel("stand"), FieldPanel("stand_erlaeuterung")], heading=_("State of compliance")),
        FieldPanel("nicht_barrierefrei"),
        MultiFieldPanel(
            [
                FieldPanel("erstellt_am"),
                FieldPanel("ueberprueft_am"),
                FieldPanel("methode"),
                FieldPanel("methode_erlaeuterung"),
            ],
            heading=_("Preparation of this statement"),
        ),
        MultiFieldPanel([FieldPanel("feedback"), FieldPanel("kontakt")], heading=_("Feedback")),
        FieldPanel("durchsetzung"),
    ]
    search_fields = PortalPage.search_fields + [index.SearchField("einleitung")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def nicht_barrierefrei_nach_grund(self):
        """The list, grouped as the Mustererklärung groups it: [(reason label, [items])]."""
        labels = dict(NichtBarrierefreierInhaltBlock.base_blocks["grund"].field.choices)
        groups = {}
        for block in self.nicht_barrierefrei:
            groups.setdefault(block.value["grund"], []).append(block.value)
        return [(labels[grund], groups[grund]) for grund in labels if grund in groups]

    def feedback_email(self):
        source = in_source_language(self)
        for block in source.kontakt:
            if block.value.get("email"):
                return block.value["email"]
        return ""

    @path("")
    def index_route(self, request):
        return page_views.serve("barrierefreiheit", request, self)

    @path("meldung/", name="meldung")
    def meldung(self, request):
        return page_views.serve("barrierenmeldung", request, self)

    @path("meldung/danke/", name="meldung_danke")
    def meldung_danke(self, request):
        return self.render(request, template="home/barrierenmeldung_danke.html")


def ein_monat_nach(tag):
    """The same day of the next month, or its last day (31 January → 28/29 February)."""
    jahr, monat = (tag.year + 1, 1) if tag.month == 12 else (tag.year, tag.month + 1)
    return tag.replace(year=jahr, month=monat, day=min(tag.day, calendar.monthrange(jahr, monat)[1]))


class Barrierenmeldung(models.Model):
    """A barrier reported through the Erklärung zur Barrierefreiheit (L-BGG § 10 Abs. 3: answered within a month)."""

    class Status(models.TextChoices):
        NEU = "neu", _("New")
        IN_BEARBEITUNG = "bearbeitung", _("In progress")
        BEANTWORTET = "beantwortet", _("Answered")
        ERLEDIGT = "erledigt", _("Done")

    OFFEN = (Status.NEU, Status.IN_BEARBEITUNG)

    eingegangen = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    antwort_bis = models.DateField(_("answer due by"), editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEU)
    barriere = models.TextField(_("barrier"), max_length=4000)
    seite = models.CharField(_("page"), max_length=500, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    sprache = models.CharField(_("language"), max_length=8, default="de", editable=False)
    notiz = models.TextField(_("internal note"), blank=True)

    panels = [
        FieldPanel("barriere", read_only=True),
        FieldPanel("seite", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("status"),
        FieldPanel("notiz"),
    ]

    class Meta:
        verbose_name = _("reported barrier")
        verbose_name_plural = _("reported barriers")
        ordering = ["-eingegangen"]

    def __str__(self):
        return Truncator(self.barriere).words(8)

    def save(self, *args, **kwargs):
        if not self.antwort_bis:
            self.antwort_bis = ein_monat_nach(timezone.localdate(self.eingegangen))
        super().save(*args, **kwargs)

    @property
    def ueberfaellig(self):
        return self.status in self.OFFEN and timezone.localdate() > self.antwort_bis


class IntegrationsbegriffPage(PortalPage):
    """Handlungsfeld 1: the shared understanding of integration, with the Präambel verbatim."""

    intro = models.TextField(_("introduction"), blank=True)
    praeambel = models.TextField(
        _("preamble"), help_text=_("The preamble of the integration plan, word for word. One paragraph per line.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = PortalPage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("praeambel"),
        FieldPanel("body"),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("praeambel"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Integrationsbegriff page")

    def praeambel_paragraphs(self):
        return [line.strip() for line in self.praeambel.splitlines() if line.strip()]


class HandlungsfeldIndexPage(PortalPage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = PortalPage.content_panels + [FieldPanel("intro")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.HandlungsfeldPage"]

    class Meta:
        verbose_name = _("Handlungsfelder overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["handlungsfelder"] = with_translations(
            HandlungsfeldPage.objects.child_of(in_source_language(self))
            .live()
            .public()
            .select_related("locale")
            .order_by("nummer")
        )
        return context


class MassnahmeBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Measure"))
    details = blocks.ListBlock(blocks.CharBlock(label=_("Detail")), label=_("Details"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Measure")


class HandlungsfeldPage(PortalPage):
    """One of the plan's seven fields of action, with its description and its measures."""

    teaser_field = "zusammenfassung"

    nummer = models.PositiveSmallIntegerField(_("number"))
    zusammenfassung = models.TextField(_("summary"), help_text=_("The short description from the analysis."))
    body = StreamField(BodyBlock(), verbose_name=_("text"), blank=True)
    massnahmen = StreamField([("massnahme", MassnahmeBlock())], verbose_name=_("measures"), blank=True)

    content_panels = PortalPage.content_panels + [
        FieldPanel("nummer"),
        FieldPanel("zusammenfassung"),
        FieldPanel("body"),
        FieldPanel("massnahmen"),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("zusammenfassung"),
        index.SearchField("body"),
        index.SearchField("massnahmen"),
    ]

    parent_page_types = ["home.HandlungsfeldIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")


class NewsIndexPage(RoutablePageMixin, PortalPage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = PortalPage.content_panels + [FieldPanel("intro")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsArticlePage"]

    class Meta:
        verbose_name = _("news index")

    def articles(self):
        """Articles of the German news index; the view swaps in translations page by page."""
        return (
            NewsArticlePage.objects.child_of(in_source_language(self))
            .live()
            .public()
            .select_related("locale")
            .order_by("-date", "-pk")
        )

    @path("")
    def index_route(self, request):
        def page_of_articles():
            articles = Paginator(self.articles(), NEWS_PAGE_SIZE).get_page(request.GET.get("seite"))
            articles.object_list = with_translations(articles.object_list)
            return articles

        # Read only when the list's fragment is not kept (see the template).
        return self.render(request, context_overrides={"articles": SimpleLazyObject(page_of_articles)})

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return page_views.serve("news_rss", request, self)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return page_views.serve("news_atom", request, self)


class NewsArticlePage(PortalPage):
    og_type = "article"

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("summary"), max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = PortalPage.content_panels + [FieldPanel("date"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = PortalPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def structured_data(self, request):
        """The article as a schema.org `NewsArticle`, dated by its own date (see portal/structured_data.py)."""
        url = structured_data.page_url(request, self)
        published = in_source_language(self).date
        article = {
            "@type": "NewsArticle",
            "@id": f"{url}#article",
            "headline": self.title,
            "description": self.search_description or self.intro,
            "url": url,
            "mainEntityOfPage": url,
            "datePublished": published.isoformat(),
            "inLanguage": language_of(self),
            "author": structured_data.city(request),
            "publisher": structured_data.city(request),
        }
        if self.last_published_at and timezone.localdate(self.last_published_at) > published:
            article["dateModified"] = structured_data.date_time(self.last_published_at)
        return article


class HinweisQuerySet(models.QuerySet):
    def current(self):
        today = timezone.localdate()
        return self.filter(gueltig_ab__lte=today).filter(
            models.Q(gueltig_bis__isnull=True) | models.Q(gueltig_bis__gte=today)
        )


class Hinweis(TranslatableSnippet):
    """A short site-wide notice (e.g. changed opening hours), shown above every page while valid."""

    text = models.CharField(_("text"), max_length=300)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("link to page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    gueltig_ab = models.DateField(_("shown from"), default=timezone.localdate)
    gueltig_bis = models.DateField(_("shown until"), null=True, blank=True)

    objects = HinweisQuerySet.as_manager()

    panels = [
        TranslationStatesPanel(),
        FieldPanel("text"),
        FieldPanel("link_page"),
        FieldPanel("gueltig_ab"),
        FieldPanel("gueltig_bis"),
    ]

    class Meta(TranslatableSnippet.Meta):
        verbose_name = _("site notice")
        verbose_name_plural = _("site notices")
        ordering = ["-gueltig_ab"]

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        if self.gueltig_bis and self.gueltig_bis < self.gueltig_ab:
            raise ValidationError({"gueltig_bis": _("The end date must not be before the start date.")})


__all__ = [
    "Barrierenmeldung",
    "BarrierefreiheitPage",
    "HandlungsfeldIndexPage",
    "Hinweis",
    "HandlungsfeldPage",
    "HomePage",
    "IntegrationsbegriffPage",
    "NewsArticlePage",
    "NewsIndexPage",
    "StandardPage",
]
