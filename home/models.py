from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtailmedia.blocks import VideoChooserBlock

from portal.blocks import BodyBlock, LinkBlock
from portal.models import PortalPage
from portal.pagecache import kept_instance
from portal.translation import in_source_language, with_translations

from .selectors import top_tasks

NEWS_PAGE_SIZE = 10
# Content pages are at most two levels below the home page (section / page); only such paths are memoised.
MEMO_SEGMENTS = 2
HOME_NEWS_COUNT = 3
HOME_DATES_COUNT = 5


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
        "angebote.AngeboteIndexPage",
        "angebote.BegegnungszentrumPage",
        "angebote.SozialhausmeisterPage",
        "veranstaltungen.VeranstaltungenIndexPage",
        "ehrenamt.MitmachenPage",
        "ehrenamt.VereinPage",
        "beirat.BeiratPage",
        "angebote.WohnraumPage",
        "personal.StellenIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

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


def upcoming_dates(request, limit):
    """Dates from every area that registers the `portal_upcoming_dates` hook.

    Each hook takes (request, limit) and returns dicts with title, start, url and location.
    """
    dates = []
    for fn in hooks.get_hooks("portal_upcoming_dates"):
        dates.extend(fn(request, limit))
    return sorted(dates, key=lambda item: item["start"])[:limit]


class StandardPage(PortalPage):
    """A plain text page: Impressum, Datenschutzerklärung, Barrierefreiheit and the like."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = PortalPage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage", "ehrenamt.MitmachenPage", "ehrenamt.VereinPage"]
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
        from .feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsArticlePage(PortalPage):
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


class HinweisQuerySet(models.QuerySet):
    def current(self):
        today = timezone.localdate()
        return self.filter(gueltig_ab__lte=today).filter(
            models.Q(gueltig_bis__isnull=True) | models.Q(gueltig_bis__gte=today)
        )


class Hinweis(TranslatableMixin, models.Model):
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

    panels = [FieldPanel("text"), FieldPanel("link_page"), FieldPanel("gueltig_ab"), FieldPanel("gueltig_bis")]

    class Meta(TranslatableMixin.Meta):
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
    "HandlungsfeldIndexPage",
    "Hinweis",
    "HandlungsfeldPage",
    "HomePage",
    "IntegrationsbegriffPage",
    "NewsArticlePage",
    "NewsIndexPage",
    "StandardPage",
]
