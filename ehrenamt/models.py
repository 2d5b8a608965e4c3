"""Volunteering: volunteer profiles, qualifications, shifts and sign-ups, Patenschaften (Handlungsfeld 6)."""

import datetime
import re
import secrets
import string
import textwrap
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.models import PortalPage


class Bereich(models.TextChoices):
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
        from angebote.contacts import kontakte
        from portal.translation import in_source_language

        source = in_source_language(self)
        return kontakte([source.kontakt])[0] if source.kontakt_id else None


class ChoiceLabels:
    """Readable labels for the code lists kept in JSON fields."""

    def labels(self, field, choices):
        names = dict(choices)
        return [str(names.get(code, code)) for code in getattr(self, field)]

    def wochentag_labels(self):
        return self.labels("wochentage", Wochentag.choices)

    def tageszeit_labels(self):
        return self.labels("tageszeiten", Tageszeit.choices)

    def sprach_labels(self):
        from angebote.models import SPRACHEN

        return self.labels("sprachen", SPRACHEN.items())

    def themen_labels(self):
        return self.labels("themen", Thema.choices)


class Ehrenamtsprofil(ChoiceLabels, models.Model):
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
        return self.labels("bereiche", Bereich.choices)


class Nachweis(models.Model):
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
        from veranstaltungen.models import Ausfall

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

    bereich = models.CharField(_("area"), max_length=30, choices=Bereich.choices)
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
        from angebote.contacts import stelle

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


# Patenschaften: a volunteer accompanies a household for months (Handlungsfeld 6).


class Stadtteil(models.TextChoices):
    INNENSTADT = "innenstadt", _("Town centre (Innenstadt)")
    STUMPENHOF = "stumpenhof", _("Stumpenhof")
    LETTENAECKER = "lettenaecker", _("Lettenäcker")
    FILSTAL = "filstal", _("Fils valley (Filsweg, station)")


class Thema(models.TextChoices):
    SPRACHE = "sprache", _("Practising German")
    BEHOERDEN = "behoerden", _("Offices and letters")
    SCHULE = "schule", _("School and Kita")
    ARBEIT = "arbeit", _("Work and training")
    WOHNEN = "wohnen", _("Finding a flat")
    GESUNDHEIT = "gesundheit", _("Doctors' appointments")
    FREIZEIT = "freizeit", _("Leisure, sport and clubs")


class Patenbewerbung(ChoiceLabels, models.Model):
    """A volunteer's application to become a Pate; languages and times come from the volunteer profile."""

    class Fuehrungszeugnis(models.TextChoices):
        LIEGT_VOR = "liegt-vor", _("I have one")
        BEANTRAGT = "beantragt", _("I have applied for one")
        NEIN = "nein", _("Not yet")

    class Status(models.TextChoices):
        BEANTRAGT = "beantragt", _("waiting for approval")
        AKTIV = "aktiv", _("active")
        PAUSIERT = "pausiert", _("paused")
        ABGELEHNT = "abgelehnt", _("not approved")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="patenbewerbung", verbose_name=_("account")
    )
    stadtteil = models.CharField(_("district"), max_length=20, choices=Stadtteil.choices)
    themen = models.JSONField(_("topics"), default=list)
    kinder = models.BooleanField(_("can accompany children"), default=False)
    fuehrungszeugnis = models.CharField(
        _("certificate of good conduct"), max_length=20, choices=Fuehrungszeugnis.choices, default=Fuehrungszeugnis.NEIN
    )
    motivation = models.TextField(_("a few words about you"), blank=True, max_length=2000)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.BEANTRAGT)
    erstellt_am = models.DateTimeField(_("created"), auto_now_add=True)
    entschieden_am = models.DateTimeField(_("decided"), null=True, blank=True)
    entschieden_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("mentor application")
        verbose_name_plural = _("mentor applications")
        ordering = ["-erstellt_am"]

    def __str__(self):
        return str(self.user)


class Patensuche(ChoiceLabels, models.Model):
    """A household or person looking for a Pate, under a pseudonymous label. No case details here:
    the case register refers to it by reference only."""

    class Status(models.TextChoices):
        OFFEN = "offen", _("looking")
        VERMITTELT = "vermittelt", _("matched")
        BEENDET = "beendet", _("closed")

    bezeichnung = models.CharField(
        _("label"), max_length=80, help_text=_('Pseudonymous, e.g. "Familie K., 4 Personen". No full names.')
    )
    sprachen = models.JSONField(_("languages"), default=list)
    themen = models.JSONField(_("needs"), default=list)
    stadtteil = models.CharField(_("district"), max_length=20, choices=Stadtteil.choices)
    wochentage = models.JSONField(_("days"), default=list, blank=True)
    tageszeiten = models.JSONField(_("times of day"), default=list, blank=True)
    mit_kindern = models.BooleanField(_("children to be accompanied"), default=False)
    hinweise = models.CharField(
        _("notes for the Pate"), max_length=500, blank=True, help_text=_("Only what the Pate needs to know.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OFFEN)
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    erstellt_am = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("person seeking a Pate")
        verbose_name_plural = _("people seeking a Pate")
        ordering = ["status", "erstellt_am"]

    def __str__(self):
        return self.bezeichnung


class Patenschaft(models.Model):
    class Status(models.TextChoices):
        AKTIV = "aktiv", _("active")
        BEENDET = "beendet", _("ended")

    suche = models.ForeignKey(
        Patensuche, on_delete=models.PROTECT, related_name="patenschaften", verbose_name=_("household")
    )
    pate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="patenschaften",
        verbose_name=_("Pate"),
    )
    beginn = models.DateField(_("start"))
    rueckmeldung_wochen = models.PositiveSmallIntegerField(
        _("check-in every … weeks"), default=4, help_text=_("The coordination checks in with the Pate this often.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.AKTIV)
    ende = models.DateField(_("end"), null=True, blank=True)
    rueckblick = models.TextField(_("review"), blank=True, max_length=2000)
    erstellt_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Patenschaft")
        verbose_name_plural = _("Patenschaften")
        ordering = ["-beginn", "pk"]

    def __str__(self):
        return f"{self.suche} – {self.pate}"

    def naechste_rueckmeldung(self, letzte=None):
        """The next planned check-in: after the last one, or after the start."""
        basis = letzte or self.beginn
        return basis + datetime.timedelta(weeks=self.rueckmeldung_wochen)


class Rueckmeldung(models.Model):
    """A check-in note from a conversation with the Pate."""

    patenschaft = models.ForeignKey(Patenschaft, on_delete=models.CASCADE, related_name="rueckmeldungen")
    datum = models.DateField(_("date"))
    notiz = models.TextField(_("note"), max_length=2000)
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return f"{self.patenschaft} ({self.datum:%d.%m.%Y})"


# The LBF as a registered Verein: applications, member register, fees (Handlungsfelder 5 and 6).


class VereinPage(RoutablePageMixin, PortalPage):
    """The public page of the Verein, with the membership application."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    beitrag_ordentlich = models.DecimalField(_("annual fee, full member (EUR)"), max_digits=7, decimal_places=2)
    beitrag_foerdernd = models.DecimalField(_("annual fee, supporting member (EUR)"), max_digits=7, decimal_places=2)
    satzung = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("statutes (public document)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = PortalPage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("beitrag_ordentlich"),
        FieldPanel("beitrag_foerdernd"),
        FieldPanel("satzung"),
    ]
    search_fields = PortalPage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("Verein page")

    def get_context(self, request, *args, **kwargs):
        from portal.translation import in_source_language

        context = super().get_context(request, *args, **kwargs)
        source = in_source_language(self)
        context.update(
            beitrag_ordentlich=source.beitrag_ordentlich,
            beitrag_foerdernd=source.beitrag_foerdernd,
            satzung=source.satzung,
        )
        return context

    def beitrag(self, art):
        from portal.translation import in_source_language

        source = in_source_language(self)
        return source.beitrag_foerdernd if art == Mitglied.Art.FOERDERND else source.beitrag_ordentlich

    @path("antrag/", name="antrag")
    def antrag(self, request):
        from .verein import antrag

        return antrag(request, self)

    @path("antrag/danke/", name="antrag_danke")
    def antrag_danke(self, request):
        return self.render(request, template="ehrenamt/verein/danke.html")


class Mitglied(models.Model):
    """A membership: from the application to leaving. Kept minimal: what the Verein's register needs."""

    class Art(models.TextChoices):
        ORDENTLICH = "ordentlich", _("full member")
        FOERDERND = "foerdernd", _("supporting member")

    class Status(models.TextChoices):
        BEANTRAGT = "beantragt", _("applied")
        AKTIV = "aktiv", _("active")
        RUHEND = "ruhend", _("dormant")
        AUSGETRETEN = "ausgetreten", _("left")
        ABGELEHNT = "abgelehnt", _("not accepted")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="mitgliedschaften"
    )
    mitgliedsnummer = models.PositiveIntegerField(_("membership number"), unique=True, null=True, blank=True)
    vorname = models.CharField(_("first name"), max_length=100)
    nachname = models.CharField(_("last name"), max_length=100)
    strasse = models.CharField(_("street and number"), max_length=200)
    plz = models.CharField(_("postcode"), max_length=5)
    ort = models.CharField(_("town"), max_length=100)
    email = models.EmailField(_("email"))
    geburtsdatum = models.DateField(_("date of birth"))
    art = models.CharField(_("type of membership"), max_length=20, choices=Art.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.BEANTRAGT)
    antrag_am = models.DateTimeField(_("applied"), auto_now_add=True)
    eintritt = models.DateField(_("joined"), null=True, blank=True)
    austritt = models.DateField(_("left"), null=True, blank=True)
    einwilligung_am = models.DateTimeField(_("consent to statutes and data protection"))
    sprache = models.CharField(max_length=8, blank=True)
    ablehnungsgrund = models.TextField(_("reason for declining"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["nachname", "vorname", "pk"]
        constraints = [
            # One open application or membership per email address.
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(status__in=["beantragt", "aktiv", "ruhend"]),
                name="mitglied_eine_offene_mitgliedschaft_je_email",
            )
        ]

    def __str__(self):
        return f"{self.vorname} {self.nachname}"


class Beitrag(models.Model):
    """The annual fee of one member for one year, and when it was paid."""

    mitglied = models.ForeignKey(Mitglied, on_delete=models.CASCADE, related_name="beitraege")
    jahr = models.PositiveSmallIntegerField(_("year"))
    betrag = models.DecimalField(_("amount (EUR)"), max_digits=7, decimal_places=2)
    bezahlt_am = models.DateField(_("paid on"), null=True, blank=True)

    class Meta:
        verbose_name = _("fee")
        verbose_name_plural = _("fees")
        ordering = ["-jahr"]
        constraints = [models.UniqueConstraint(fields=["mitglied", "jahr"], name="beitrag_einmal_je_jahr")]

    def __str__(self):
        return f"{self.mitglied} {self.jahr}"


class Sprechrunde(models.Model):
    """A meeting of the active volunteers' Sprechrunde, shown in the members' area."""

    beginn = models.DateTimeField(_("start"))
    ort = models.CharField(_("place"), max_length=200)
    thema = models.CharField(_("topic"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Sprechrunde")
        verbose_name_plural = _("Sprechrunden")
        ordering = ["beginn"]

    def __str__(self):
        return f"{self.thema or _('Sprechrunde')} ({timezone.localtime(self.beginn):%d.%m.%Y})"


def iban_pruefen(value):
    """An IBAN as ISO 13616 defines it: country, check digits that hold (mod 97), German length."""
    iban = "".join(value.split()).upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", iban):
        raise ValidationError(_("Please enter a valid IBAN, e.g. DE02 1203 0000 0000 2020 51."), code="iban")
    if iban.startswith("DE") and len(iban) != 22:
        raise ValidationError(_("A German IBAN has 22 characters."), code="iban")
    digits = "".join(str(int(char, 36)) for char in iban[4:] + iban[:4])
    if int(digits) % 97 != 1:
        raise ValidationError(_("This IBAN has a typo: its check digits do not match."), code="iban")


def verwendungszweck_pruefen(value):
    try:
        felder = {feld for _text, feld, _format, _conversion in string.Formatter().parse(value) if feld is not None}
        if felder <= {"nummer", "jahr"}:
            value.format(nummer=1001, jahr=2026)
    except (ValueError, TypeError):
        felder = None
    if felder is None or not felder <= {"nummer", "jahr"}:
        raise ValidationError(
            _("Use only the placeholders {nummer} (membership number) and {jahr} (year)."), code="placeholder"
        ) from None
    if "{nummer}" not in value:
        raise ValidationError(_("The reference needs {nummer} so that payments can be matched."), code="placeholder")


@register_setting(icon="form")
class Vereinskonto(BaseGenericSetting):
    """The Verein's bank account, named in the welcome mail so that new members can pay their fee."""

    kontoinhaber = models.CharField(_("account holder"), max_length=100, blank=True)
    iban = models.CharField(
        _("IBAN"),
        max_length=42,
        blank=True,
        validators=[iban_pruefen],
        help_text=_("Without an IBAN the welcome mail asks new members to get in touch about the fee."),
    )
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    bank = models.CharField(_("bank"), max_length=100, blank=True)
    verwendungszweck = models.CharField(
        _("payment reference"),
        max_length=140,
        default="Mitgliedsbeitrag {jahr} Nr. {nummer}",
        validators=[verwendungszweck_pruefen],
        help_text=_("{nummer} becomes the membership number, {jahr} the year."),
    )

    class Meta:
        verbose_name = _("Verein bank account")

    def save(self, *args, **kwargs):
        self.iban = " ".join(textwrap.wrap("".join(self.iban.split()).upper(), 4))
        self.bic = self.bic.strip().upper()
        super().save(*args, **kwargs)

    def referenz(self, mitglied, jahr):
        return self.verwendungszweck.format(nummer=mitglied.mitgliedsnummer, jahr=jahr)
