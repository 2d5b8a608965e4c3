from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedEmailField, EncryptedJSONField, EncryptedTextField
from wagtail.models import DraftStateMixin, Page, PageManager, PageViewRestriction, RevisionMixin, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail_localize.fields import SynchronizedField

from . import seo
from .pagecache import kept
from .panels import TranslationStatesPanel
from .translation import in_source_language


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """An account: signs in with its email address."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        blank=True,
        help_text=_("The portal opens in this language after you sign in."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email


def restricted_sections():
    """Where view restrictions apply, kept until public content changes: (path, depth) of each page
    with a restriction (it and the pages below are not public), and the paths of alias pages (their
    originals' restrictions apply to them)."""

    def build():
        restricted = Exists(PageViewRestriction.objects.filter(page=OuterRef("pk")))
        rows = (
            Page.objects.annotate(restricted=restricted)
            .filter(Q(restricted=True) | Q(alias_of__isnull=False))
            .values_list("path", "depth", "restricted")
        )
        sections = tuple((path, depth) for path, depth, is_restricted in rows if is_restricted)
        aliases = tuple(path for path, _depth, is_restricted in rows if not is_restricted)
        return sections, aliases

    return kept("restricted-sections", build)


class PortalPageQuerySet(PageQuerySet):
    def private_q(self):
        """Wagtail's condition for pages in a restricted section, built from the kept sections
        instead of reading every restriction on each `.public()`."""
        q = Q()
        for path, depth in restricted_sections()[0]:
            q |= Q(path__startswith=path, depth__gte=depth)
        return q if q else Q(pk__in=[])


PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)


def public_pages():
    """Live, public pages of every type: `Page.objects.live().public()` with the portal's `.public()`
    (querysets from `Page.objects`, e.g. `get_children()`, use Wagtail's, one query each)."""
    return PortalPageQuerySet(Page).order_by("path").live().public()


class _NotFoundInGerman(Http404):
    """The German original has no page for the path either: pages above need not try it again."""


class PortalPage(Page):
    """Base of every page type: slugs stay German in every language, and a path below a page
    without a translation finds the German original."""

    override_translatable_fields = [SynchronizedField("slug")]
    teaser_field = "intro"
    # Names of routes (RoutablePageMixin) that sitemap.xml lists besides the page: views of their own
    # without arguments, such as an archive (portal/seo.py).
    sitemap_subpages = ()
    content_panels = [*Page.content_panels, TranslationStatesPanel()]

    objects = PortalPageManager()

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Wagtail's routing; where it finds no (live) translation below this page, the same path
        below the German original answers (slugs are German in every language), and the template
        says that the page is not translated."""
        try:
            return super().route(request, path_components)
        except _NotFoundInGerman:
            raise
        except Http404:
            source = in_source_language(self)
            if source is self or not path_components:
                raise
            try:
                return source.specific.route(request, path_components)
            except Http404 as error:
                raise _NotFoundInGerman from error

    def get_view_restrictions(self):
        """Wagtail's, without its two queries for a page outside every restricted section and alias."""
        sections, aliases = restricted_sections()
        paths = [path for path, _depth in sections] + list(aliases)
        if self.path and not any(self.path.startswith(path) for path in paths):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_sitemap_urls(self, request=None):
        """Wagtail's sitemap entry on the portal's public address, with the page's translations as
        alternates; none where the page is not published in its language (portal/seo.py)."""
        return seo.sitemap_urls(self, request)

    def social_image(self):
        """The picture that link previews show (og:image), or None. Page types with pictures say which."""
        return None

    @property
    def teaser(self):
        """A short text about the page for listings and search results."""
        text = self.search_description or strip_tags(str(getattr(self, self.teaser_field, "") or ""))
        return Truncator(text).words(40)


class TranslatableSnippet(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """Base of the snippets that are translated: drafts and publishing as for pages, so that a
    translation started in the CMS is not shown before an editor publishes it."""

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(app_label)s_%(class)s")

    class Meta(TranslatableMixin.Meta):
        abstract = True

    @property
    def revisions(self):
        return self._revisions


class Quelltextstand(models.Model):
    """When the text of a German page or snippet that translators translate last changed on
    publishing (changes of synchronised fields such as a status or a date do not count)."""

    translation_key = models.UUIDField(primary_key=True)
    geaendert_am = models.DateTimeField(_("text changed"))

    class Meta:
        verbose_name = _("change of a German text")
        verbose_name_plural = _("changes of German texts")

    def __str__(self):
        return f"{self.translation_key}: {self.geaendert_am:%Y-%m-%d %H:%M}"


class Generation(models.Model):
    """The content generation as the database keeps it (one row): the shared cache holds the same
    token, and workers compare the two now and then (`portal.pagecache`), so that a publish whose
    cache update was lost (Redis away, a restore) still makes every kept page stale."""

    token = models.CharField(_("token"), max_length=32)
    begonnen_am = models.DateTimeField(_("started"), auto_now=True)

    class Meta:
        verbose_name = _("content generation")
        verbose_name_plural = _("content generations")

    def __str__(self):
        return f"{self.token} ({self.begonnen_am:%Y-%m-%d %H:%M})"


class Mail(models.Model):
    """One mail to one address, kept until the worker has delivered it (portal/notifications.py).

    Address, subject and text carry personal data: encrypted at rest, deleted after delivery
    (`purge_mails`)."""

    class Status(models.TextChoices):
        QUEUED = "wartend", _("waiting to be sent")
        SENT = "gesendet", _("delivered")
        FAILED = "fehlgeschlagen", _("failed")

    kind = models.CharField(_("type of mail"), max_length=100)
    to = EncryptedEmailField(_("recipient"))
    # Mails to an account go with it when it is deleted.
    user = models.ForeignKey("portal.User", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=8)
    subject = EncryptedTextField(_("subject"))
    message = EncryptedJSONField(_("message"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("mail")
        verbose_name_plural = _("mails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.kind} → {self.to}"


class Suchseite(models.Model):
    """A live public page in the search index: what a result shows besides the page's title and URL."""

    page = models.OneToOneField(Page, on_delete=models.CASCADE, primary_key=True, related_name="+")
    sprache = models.CharField(_("language"), max_length=8, db_index=True)
    teaser = models.TextField(_("teaser"), blank=True)

    class Meta:
        verbose_name = _("page in the search index")
        verbose_name_plural = _("pages in the search index")

    def __str__(self):
        return f"{self.sprache}: {self.page_id}"


class Suchwort(models.Model):
    """One stem of a live public page's text with its weight: the search index (portal/search.py)."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    sprache = models.CharField(_("language"), max_length=8)
    seitentyp = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    wort = models.CharField(_("stem"), max_length=100)
    form = models.CharField(_("word"), max_length=100)
    gewicht = models.FloatField(_("weight"))

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        indexes = [models.Index(fields=["sprache", "wort"])]

    def __str__(self):
        return f"{self.sprache}: {self.wort}"


class ErfolgloseSuche(models.Model):
    """How often a search term found nothing, per language and day; no person is recorded."""

    sprache = models.CharField(_("language"), max_length=8)
    suchbegriff = models.CharField(_("search term"), max_length=200)
    tag = models.DateField(_("day"))
    anzahl = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(fields=["sprache", "suchbegriff", "tag"], name="erfolglose_suche_einmal_pro_tag")
        ]

    def __str__(self):
        return f"{self.sprache}: {self.suchbegriff}"
