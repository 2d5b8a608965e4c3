"""The Beirat für Migration und Integration (Handlungsfeld 5) and the monitor of the plan's measures.

Public: the Beirat page, its published recommendations and the progress page of the measures.
Private (members only, Django views under /{lang}/beirat/intern/): meetings, invitations and
answers, minutes (a Wagtail workflow: the Schriftführung submits, the Vorsitz approves),
documents in a restricted collection, decisions and their follow-up.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedTextField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, GroupApprovalTask, Orderable, RevisionMixin, WorkflowMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import BodyBlock
from portal.calendars import upcoming_dates
from portal.models import PortalPage, TranslatableSnippet
from portal.page_views import PageViews
from portal.panels import TranslationStatesPanel
from portal.roles import BEIRAT, users_with_role
from portal.translation import in_source_language, with_translations

# The views of the pages' routes (beirat.views.public registers them).
page_views = PageViews("beirat")


class Handlungsfeld(models.IntegerChoices):
    INTEGRATIONSBEGRIFF = 1, _("Shared understanding of integration")
    BERATUNG = 2, _("Counselling and support")
    BEGEGNUNG = 3, _("Place to meet and connect")
    WOHNRAUM = 4, _("Housing")
    VERNETZUNG = 5, _("Networking across society")
    EHRENAMT = 6, _("Volunteering")
    VERWALTUNG = 7, _("Intercultural opening of the administration")


# --- Public pages -------------------------------------------------------------------------


class BeiratPage(PortalPage):
    """Purpose and composition, named members, public session dates and recommendations."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), verbose_name=_("purpose and composition"), blank=True)

    content_panels = PortalPage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["beirat.EmpfehlungPage", "beirat.MonitorPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Beirat page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        mitglieder = Beiratsmitglied.objects.filter(aktiv=True)
        context["mitglieder"] = mitglieder.filter(namentlich_nennen=True).order_by("reihenfolge", "name")
        context["weitere_mitglieder"] = mitglieder.filter(namentlich_nennen=False).count()
        context["termine"] = upcoming_dates(request, 5, kategorie="beirat")
        source = in_source_language(self)
        german = list(
            EmpfehlungPage.objects.child_of(source)
            .live()
            .public()
            .select_related("locale", "beschluss")
            .order_by("-datum", "-pk")
        )
        # The follow-up status comes from the German page's Beschluss: one query for all.
        context["empfehlungen"] = [
            {"seite": shown, "beschluss": original.beschluss}
            for original, shown in zip(german, with_translations(german), strict=True)
        ]
        monitor = MonitorPage.objects.child_of(source).live().public().first()
        context["monitor"] = with_translations([monitor])[0] if monitor else None
        return context


class EmpfehlungPage(PortalPage):
    """A recommendation of the Beirat to the Gemeinderat, made public from a Beschluss."""

    teaser_field = "zusammenfassung"

    datum = models.DateField(_("passed on"))
    zusammenfassung = models.TextField(_("summary"), max_length=400)
    body = StreamField(BodyBlock(), verbose_name=_("recommendation"), blank=True)
    ergebnis = RichTextField(
        _("what became of it"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("For the public: how the Gemeinderat dealt with the recommendation."),
    )
    beschluss = models.ForeignKey(
        "beirat.Beschluss", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    content_panels = PortalPage.content_panels + [
        FieldPanel("datum"),
        FieldPanel("zusammenfassung"),
        FieldPanel("body"),
        FieldPanel("ergebnis"),
    ]
    search_fields = PortalPage.search_fields + [index.SearchField("zusammenfassung"), index.SearchField("body")]

    parent_page_types = ["beirat.BeiratPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Beirat recommendation")
        verbose_name_plural = _("Beirat recommendations")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.beschluss_id:
            context["verlauf"] = self.beschluss.verlauf.exclude(status="").order_by("datum", "pk")
        return context


class MonitorPage(RoutablePageMixin, PortalPage):
    """Progress of every measure of the plan, per Handlungsfeld."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = PortalPage.content_panels + [FieldPanel("intro")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["beirat.BeiratPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Monitor of the measures")

    @path("")
    def index_route(self, request):
        return page_views.serve("monitor", request, self)


# --- Members --------------------------------------------------------------------------------


class BeiratsmitgliedForm(WagtailAdminModelForm):
    """Editors link a member to an account of someone with a Beirat role, not to any account."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "user" in self.fields:
            # The account linked already stays selectable, even if it was deactivated since.
            self.fields["user"].queryset = (
                get_user_model()
                .objects.filter(Q(pk__in=users_with_role(BEIRAT).values("pk")) | Q(pk=self.instance.user_id))
                .order_by("last_name")
            )


class Beiratsmitglied(models.Model):
    """A member as the public may see them, and only with their consent to be named."""

    base_form_class = BeiratsmitgliedForm

    class Funktion(models.TextChoices):
        VORSITZ = "vorsitz", _("Chair")
        STELLVERTRETUNG = "stellvertretung", _("Deputy chair")
        SCHRIFTFUEHRUNG = "schriftfuehrung", _("Keeper of the minutes")
        MITGLIED = "mitglied", _("Member")
        BERATEND = "beratend", _("Advisory member")
        STELLVERTRETENDES_MITGLIED = "stellv_mitglied", _("Deputy member")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="beiratsmitglied",
    )
    name = models.CharField(_("name as shown"), max_length=120)
    organisation = models.CharField(_("organisation or group represented"), max_length=160, blank=True)
    funktion = models.CharField(_("function"), max_length=20, choices=Funktion.choices, default=Funktion.MITGLIED)
    namentlich_nennen = models.BooleanField(
        _("may be named on the public Beirat page"), default=False, help_text=_("Only with the member's consent.")
    )
    einwilligung_am = models.DateTimeField(_("consent given on"), null=True, blank=True)
    aktiv = models.BooleanField(_("active"), default=True)
    reihenfolge = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [
        FieldPanel("user"),
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("funktion"),
        FieldPanel("aktiv"),
        FieldPanel("reihenfolge"),
        FieldPanel("namentlich_nennen", read_only=True),
    ]

    class Meta:
        verbose_name = _("Beirat member")
        verbose_name_plural = _("Beirat members")
        ordering = ["reihenfolge", "name"]

    def __str__(self):
        return self.name


# --- Meetings -------------------------------------------------------------------------------


class Sitzung(models.Model):
    titel = models.CharField(_("title"), max_length=160, default="Sitzung des Beirats für Migration und Integration")
    beginn = models.DateTimeField(_("start"))
    ende = models.DateTimeField(_("end"))
    ort = models.CharField(_("place"), max_length=200)
    einladung_versendet_am = models.DateTimeField(_("invitation sent on"), null=True, blank=True, editable=False)
    sequenz = models.PositiveIntegerField(default=0, editable=False)
    geaendert_am = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Beirat meeting")
        verbose_name_plural = _("Beirat meetings")
        ordering = ["-beginn"]

    def __str__(self):
        return f"{self.titel} ({timezone.localtime(self.beginn):%d.%m.%Y})"

    @property
    def vorbei(self):
        return self.ende < timezone.now()


class Tagesordnungspunkt(models.Model):
    sitzung = models.ForeignKey(Sitzung, on_delete=models.CASCADE, related_name="tagesordnung")
    nummer = models.PositiveSmallIntegerField(_("number"))
    titel = models.CharField(_("item"), max_length=300)

    class Meta:
        ordering = ["nummer"]
        constraints = [models.UniqueConstraint(fields=["sitzung", "nummer"], name="beirat_top_unique_nummer")]

    def __str__(self):
        return f"TOP {self.nummer}: {self.titel}"


class Rueckmeldung(models.Model):
    """A member's answer to an invitation. Who cannot attend may name a deputy member to go instead
    (the Beirat's rule: only deputy members stand in, and only for someone who sends apologies)."""

    class Antwort(models.TextChoices):
        JA = "ja", _("attends")
        VIELLEICHT = "vielleicht", _("may attend")
        NEIN = "nein", _("sent apologies")

    sitzung = models.ForeignKey(Sitzung, on_delete=models.CASCADE, related_name="rueckmeldungen")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    antwort = models.CharField(_("answer"), max_length=12, choices=Antwort.choices)
    kommentar = EncryptedTextField(_("comment"), max_length=500, null=True, blank=True)  # may say why: health
    vertretung = models.ForeignKey(
        "beirat.Beiratsmitglied",
        verbose_name=_("deputy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="vertretungen",
    )
    geantwortet_am = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["sitzung", "user"], name="beirat_eine_rueckmeldung")]

    def __str__(self):
        return f"{self.sitzung}: {self.user} ({self.antwort})"


class ProtokollFreigabe(GroupApprovalTask):
    """The Vorsitz's approval of minutes: Wagtail's group approval, which offers "approve" only once
    the meeting is over, in the portal and in the CMS alike."""

    class Meta:
        verbose_name = _("approval of minutes")
        verbose_name_plural = _("approvals of minutes")

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        sitzung = getattr(obj, "sitzung", None)
        if sitzung is not None and not sitzung.vorbei:
            actions = [action for action in actions if action[0] != "approve"]
        return actions


class Protokoll(WorkflowMixin, DraftStateMixin, RevisionMixin, ClusterableModel):
    """The minutes of a meeting: drafted by the Schriftführung, approved by the Vorsitz (workflow).

    One entry per agenda item (`punkte`, kept in each revision) and further notes (`text`; minutes
    written before they were structured keep their whole text there)."""

    sitzung = models.OneToOneField(Sitzung, on_delete=models.CASCADE, related_name="protokoll")
    text = models.TextField(_("further notes"), blank=True)

    panels = [InlinePanel("punkte", label=_("Agenda items")), FieldPanel("text")]

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self):
        return str(self.sitzung)

    @property
    def entwurf(self):
        """The latest version, approved or not."""
        revision = self.latest_revision
        return revision.as_object() if revision else self


class ProtokollPunkt(Orderable):
    """What the minutes say on one agenda item. Number and title are copied from the agenda,
    so that the minutes keep what was discussed even when the agenda is edited later."""

    INHALT = ("diskussion", "beschlossen", "verantwortlich")

    protokoll = ParentalKey(Protokoll, on_delete=models.CASCADE, related_name="punkte")
    nummer = models.PositiveSmallIntegerField(_("number"))
    titel = models.CharField(_("item"), max_length=300)
    diskussion = models.TextField(_("discussion"), blank=True, max_length=20_000)
    beschlossen = models.TextField(_("decision"), blank=True, max_length=5_000)
    verantwortlich = models.CharField(_("responsible person"), max_length=200, blank=True)

    panels = [
        FieldPanel("nummer"),
        FieldPanel("titel"),
        FieldPanel("diskussion"),
        FieldPanel("beschlossen"),
        FieldPanel("verantwortlich"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("agenda item in the minutes")

    def __str__(self):
        return f"TOP {self.nummer}: {self.titel}"

    @property
    def leer(self):
        return not any(getattr(self, feld) for feld in self.INHALT)


class Unterlage(models.Model):
    """A document of the private library, optionally belonging to a meeting."""

    dokument = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="beirat_unterlage", verbose_name=_("document")
    )
    sitzung = models.ForeignKey(
        Sitzung,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="unterlagen",
    )

    class Meta:
        ordering = ["-dokument__created_at"]

    def __str__(self):
        return str(self.dokument)


# --- Decisions and recommendations --------------------------------------------------------------


class Beschluss(models.Model):
    class Art(models.TextChoices):
        BESCHLUSS = "beschluss", _("Decision")
        EMPFEHLUNG = "empfehlung", _("Recommendation to the Gemeinderat")

    class Folgestatus(models.TextChoices):
        OFFEN = "offen", _("Open")
        UEBERGEBEN = "uebergeben", _("Passed to the Gemeinderat")
        BERATEN = "beraten", _("Discussed by the Gemeinderat")
        ANGENOMMEN = "angenommen", _("Adopted")
        UMGESETZT = "umgesetzt", _("Carried out")
        ABGELEHNT = "abgelehnt", _("Not adopted")

    sitzung = models.ForeignKey(
        Sitzung, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="beschluesse"
    )
    art = models.CharField(_("type"), max_length=20, choices=Art.choices, default=Art.EMPFEHLUNG)
    titel = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("wording"))
    folgestatus = models.CharField(
        _("follow-up status"), max_length=20, choices=Folgestatus.choices, default=Folgestatus.OFFEN
    )
    erstellt_am = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("decision or recommendation")
        verbose_name_plural = _("decisions and recommendations")
        ordering = ["-sitzung__beginn", "pk"]

    def __str__(self):
        return self.titel

    def oeffentliche_seite(self):
        return (
            EmpfehlungPage.objects.filter(beschluss=self, locale__language_code=settings.LANGUAGE_CODE)
            .select_related("locale")
            .first()
        )


class Verlaufseintrag(models.Model):
    """A dated step of a history: a new status, a note, or both, and who recorded it."""

    datum = models.DateField(_("date"), default=timezone.localdate)
    notiz = models.TextField(_("note"), blank=True)
    autor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    erstellt_am = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return f"{self.datum}: {self.status or self.notiz[:40]}"


class BeschlussVerlauf(Verlaufseintrag):
    """The follow-up of a decision or recommendation."""

    beschluss = models.ForeignKey(Beschluss, on_delete=models.CASCADE, related_name="verlauf")
    status = models.CharField(_("new status"), max_length=20, choices=Beschluss.Folgestatus.choices, blank=True)

    class Meta(Verlaufseintrag.Meta):
        pass


# --- Monitor of the plan's measures ------------------------------------------------------------------


class Planmassnahme(TranslatableSnippet, ClusterableModel):
    """One measure of the integration plan. The German record holds status and history;
    translations only carry the wording."""

    class Status(models.TextChoices):
        GEPLANT = "geplant", _("Planned")
        IN_UMSETZUNG = "in_umsetzung", _("In progress")
        UMGESETZT = "umgesetzt", _("Done")
        VERWORFEN = "verworfen", _("Examined and dropped")

    handlungsfeld = models.PositiveSmallIntegerField(_("Handlungsfeld"), choices=Handlungsfeld.choices)
    nummer = models.PositiveSmallIntegerField(_("order within the Handlungsfeld"))
    titel = models.TextField(_("measure"))
    verantwortlich = models.CharField(_("owner"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.GEPLANT)
    status_seit = models.DateField(_("status since"), default=timezone.localdate)

    panels = [
        TranslationStatesPanel(),
        FieldPanel("handlungsfeld"),
        FieldPanel("nummer"),
        FieldPanel("titel"),
        FieldPanel("verantwortlich"),
        FieldPanel("status"),
        FieldPanel("status_seit"),
        InlinePanel("verweise", label=_("Pages, offers and events that carry it out")),
    ]
    override_translatable_fields = [
        SynchronizedField("verantwortlich"),
        SynchronizedField("status"),
        SynchronizedField("status_seit"),
    ]

    class Meta(TranslatableSnippet.Meta):
        db_table = "beirat_massnahme"
        verbose_name = _("measure of the plan")
        verbose_name_plural = _("measures of the plan")
        ordering = ["handlungsfeld", "nummer"]

    def __str__(self):
        return self.titel


class PlanmassnahmeVerweis(Orderable):
    massnahme = ParentalKey(Planmassnahme, on_delete=models.CASCADE, related_name="verweise")
    seite = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("seite")]

    class Meta(Orderable.Meta):
        db_table = "beirat_massnahmeverweis"


class PlanmassnahmeNotiz(Verlaufseintrag):
    """The history of a measure: notes and status changes."""

    massnahme = models.ForeignKey(Planmassnahme, on_delete=models.CASCADE, related_name="notizen")
    status = models.CharField(_("new status"), max_length=20, choices=Planmassnahme.Status.choices, blank=True)

    class Meta(Verlaufseintrag.Meta):
        db_table = "beirat_massnahmenotiz"
