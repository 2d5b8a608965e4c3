"""Volunteering: volunteer profiles, qualifications, shifts and sign-ups (Handlungsfeld 6)."""

import secrets
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from angebote.contacts import kontakte, stelle
from angebote.models import SPRACHEN
from portal.blocks import BodyBlock
from portal.choices import ChoiceLabels
from portal.models import PortalPage
from portal.translation import in_source_language
from veranstaltungen.models import Ausfall


class Einsatzbereich(models.TextChoices):
    """The fields of help named in the plan."""

    BEGEGNUNGSCAFE = "begegnungscafe", _("Begegnungscafé")
    KLEIDERKAMMER = "kleiderkammer", _("Clothing store (Kleiderkammer)")
    MOEBELLAGER = "moebellager", _("Furniture store (Möbellager)")
    HAUSAUFGABENHILFE = "hausaufgabenhilfe", _("Homework help")
    FAHRDIENST = "fahrdienst", _("Driving service")
    PATENSCHAFTEN = "patenschaften", _("Mentoring (Patenschaften)")


class Qualifikation(models.TextChoices):
    FUEHRUNGSZEUGNIS = "fuehrungszeugnis", _("Extended certificate of good conduct (erweitertes Führungszeugnis)")
    ERSTE_HILFE = "erste-hilfe", _("First aid course")
    FUEHRERSCHEIN = "fuehrerschein", _("Driving licence (class B)")
    HYGIENE = "hygiene", _("Food hygiene instruction")


class Wochentag(models.TextChoices):
    MO = "mo", _("Monday")
    DI = "di", _("Tuesday")
    MI = "mi", _("Wednesday")
    DO = "do", _("Thursday")
    FR = "fr", _("Friday")
    SA = "sa", _("Saturday")
    SO = "so", _("Sunday")


class Tageszeit(models.TextChoices):
    VORMITTAG = "vormittag", _("Mornings")
    NACHMITTAG = "nachmittag", _("Afternoons")
    ABEND = "abend", _("Evenings")


def new_token():
    return secrets.token_urlsafe(24)


class MitmachenPage(PortalPage):
    """The public page that explains the fields of help and how to start."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    einsatzfelder = StreamField(
        [
            (
                "feld",
                blocks.StructBlock(
                    [
                        ("titel", blocks.CharBlock(label=_("title"), max_length=120)),
                        ("text", blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul"])),
                    ],
                    label=_("field of help"),
                    icon="group",
                ),
            )
        ],
        verbose_name=_("fields of help"),
        blank=True,
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    kontakt = models.ForeignKey(
        "angebote.Ansprechpartner",
        verbose_name=_("contact of the volunteer coordination"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on this page and to volunteers whose profile is still being reviewed."),
    )

    content_panels = PortalPage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("einsatzfelder"),
        FieldPanel("body"),
        FieldPanel("kontakt"),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("einsatzfelder"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("volunteering page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        context["profil"] = Ehrenamtsprofil.objects.filter(user=user).first() if user.is_authenticated else None
        context["kontakt"] = self.kontakt_der_koordination()
        return context

    def kontakt_der_koordination(self):
        source = in_source_language(self)
        return kontakte([source.kontakt])[0] if source.kontakt_id else None


class ProfilLabels(ChoiceLabels):
    """Languages, days and times of day as readable labels (volunteer profiles, households seeking a Pate)."""

    def wochentag_labels(self):
        return self.labels("wochentage", Wochentag.choices)

    def tageszeit_labels(self):
        return self.labels("tageszeiten", Tageszeit.choices)

    def sprach_labels(self):
        return self.labels("sprachen", SPRACHEN.items())


class Ehrenamtsprofil(ProfilLabels, models.Model):
    """What a volunteer tells the coordination about themselves; approval opens the shift plan."""

    class Status(models.TextChoices):
        BEANTRAGT = "beantragt", _("waiting for approval")
        FREIGEGEBEN = "freigegeben", _("approved")
        ABGELEHNT = "abgelehnt", _("not approved")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ehrenamtsprofil", verbose_name=_("account")
    )
    sprachen = models.JSONField(_("languages"), default=list, blank=True)
    bereiche = models.JSONField(_("areas of interest"), default=list, blank=True)
    wochentage = models.JSONField(_("days"), default=list, blank=True)
    tageszeiten = models.JSONField(_("times of day"), default=list, blank=True)
    verfuegbarkeit = models.CharField(_("notes on availability"), max_length=500, blank=True)
    telefon = models.CharField(_("phone"), max_length=40, blank=True)
    einwilligung_am = models.DateTimeField(_("consent given"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.BEANTRAGT)
    entschieden_am = models.DateTimeField(_("decided"), null=True, blank=True)
    entschieden_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    erstellt_am = models.DateTimeField(_("created"), auto_now_add=True)
    geaendert_am = models.DateTimeField(_("changed"), auto_now=True)
    feed_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    class Meta:
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")
        ordering = ["-erstellt_am"]

    def __str__(self):
        return str(self.user)

    def bereich_labels(self):
        return self.labels("bereiche", Einsatzbereich.choices)


class Qualifikationsnachweis(models.Model):
    """A qualification a coordinator has seen, e.g. an extended certificate of good conduct."""

    freiwillige = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="qualifikationen", verbose_name=_("volunteer")
    )
    art = models.CharField(_("qualification"), max_length=30, choices=Qualifikation.choices)
    gueltig_bis = models.DateField(_("valid until"), null=True, blank=True, help_text=_("Empty: does not expire."))
    erfasst_am = models.DateTimeField(_("recorded"), auto_now=True)
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        db_table = "ehrenamt_nachweis"
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")
        ordering = ["art"]
        constraints = [models.UniqueConstraint(fields=["freiwillige", "art"], name="nachweis_einmal_je_art")]

    def __str__(self):
        return self.get_art_display()

    def gilt_am(self, day):
        return self.gueltig_bis is None or self.gueltig_bis >= day


class SchichtQuerySet(models.QuerySet):
    def offen(self):
        """Shifts still to come that take place: not called off, and not on a day their event is
        cancelled (the coordination sees those as conflicts)."""
        return self.filter(abgesagt_am__isnull=True, beginn__gt=timezone.now()).ohne_ausfall()

    def ohne_ausfall(self):
        ausfall = Ausfall.objects.filter(
            page_id=models.OuterRef("veranstaltung_id"), datum=models.OuterRef("schichttag")
        )
        return self.annotate(schichttag=TruncDate("beginn", tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))).exclude(
            models.Exists(ausfall)
        )

    def mit_belegung(self):
        """Each shift with its confirmed (`belegt`) and waiting (`wartend`) sign-ups, counted per row
        shown: a page of 20 shifts counts for 20, and counting the shifts needs no join."""

        def anzahl(status):
            counted = (
                Einsatz.objects.filter(schicht=models.OuterRef("pk"), status=status)
                .order_by()
                .values("schicht")
                .annotate(anzahl=models.Count("pk"))
                .values("anzahl")
            )
            return Coalesce(models.Subquery(counted), 0)

        return self.order_by("beginn", "pk").annotate(
            belegt=anzahl(Einsatz.Status.BESTAETIGT), wartend=anzahl(Einsatz.Status.WARTELISTE)
        )


class Schicht(models.Model):
    """One shift: a time, a place and a number of places."""

    bereich = models.CharField(_("area"), max_length=30, choices=Einsatzbereich.choices)
    titel = models.CharField(_("title"), max_length=200)
    beginn = models.DateTimeField(_("start"), db_index=True)
    ende = models.DateTimeField(_("end"))
    stelle = models.ForeignKey(
        "angebote.Ort",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ort = models.CharField(
        _("other place"),
        max_length=300,
        blank=True,
        help_text=_("Only if the place is not in the list: name and address."),
    )
    veranstaltung = models.ForeignKey(
        "veranstaltungen.VeranstaltungPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The event this shift serves, e.g. the Begegnungscafé: no shifts on dates it is cancelled."),
    )
    kapazitaet = models.PositiveSmallIntegerField(pgettext_lazy("number of people", "places"))
    notizen = models.TextField(_("notes"), blank=True)
    qualifikation = models.CharField(
        _("required qualification"), max_length=30, choices=Qualifikation.choices, blank=True
    )
    serie = models.UUIDField(_("series"), null=True, blank=True, db_index=True, editable=False)
    abgesagt_am = models.DateTimeField(pgettext_lazy("shift", "cancelled"), null=True, blank=True)
    absagegrund = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    sequenz = models.PositiveIntegerField(default=0, editable=False)
    erstellt_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    geaendert_am = models.DateTimeField(auto_now=True)

    objects = SchichtQuerySet.as_manager()

    class Meta:
        verbose_name = _("shift")
        verbose_name_plural = _("shifts")
        ordering = ["beginn", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ende__gt=models.F("beginn")), name="schicht_ende_nach_beginn"),
            models.CheckConstraint(condition=Q(kapazitaet__gte=1), name="schicht_mindestens_ein_platz"),
        ]

    def __str__(self):
        return f"{self.titel} ({timezone.localtime(self.beginn):%d.%m.%Y %H:%M})"

    @property
    def abgesagt(self):
        return self.abgesagt_am is not None

    @property
    def vorbei(self):
        return self.beginn <= timezone.now()

    @property
    def stunden(self):
        return Decimal(int((self.ende - self.beginn).total_seconds() // 60)) / 60

    def ortsangabe(self, language=None):
        """The place on one line, for mails and calendars: the Ort's name (in `language`, else the
        reader's) and address, or the free text."""
        if self.stelle_id is None:
            return self.ort
        platz = getattr(self, "platz", None) if language is None else None  # from selectors.mit_orten
        platz = platz or stelle(self.stelle, language)
        return ", ".join([platz.name, *(line.strip() for line in platz.adresse.splitlines() if line.strip())])


class Einsatz(models.Model):
    """A volunteer's sign-up for a shift. Kept without the name when the account is deleted."""

    class Status(models.TextChoices):
        BESTAETIGT = "bestaetigt", _("signed up")
        WARTELISTE = "warteliste", _("waiting list")
        ABGEMELDET = "abgemeldet", pgettext_lazy("sign-up", "cancelled")

    schicht = models.ForeignKey(Schicht, on_delete=models.CASCADE, related_name="einsaetze", verbose_name=_("shift"))
    freiwillige = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="einsaetze",
        verbose_name=_("volunteer"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    angemeldet_am = models.DateTimeField(_("signed up"), default=timezone.now)
    abgemeldet_am = models.DateTimeField(pgettext_lazy("sign-up", "cancelled"), null=True, blank=True)
    abmeldegrund = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    eingetragen_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed up by the coordination"),
    )
    erinnert_am = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    anwesend = models.BooleanField(_("attended"), null=True, blank=True)
    stunden = models.DecimalField(_("hours"), max_digits=5, decimal_places=2, null=True, blank=True)
    bestaetigt_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["angemeldet_am", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["schicht", "freiwillige"], name="einsatz_einmal_je_schicht"),
        ]
        indexes = [models.Index(fields=["freiwillige", "status"])]

    def __str__(self):
        return f"{self.schicht} – {self.get_status_display()}"
