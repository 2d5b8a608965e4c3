"""Handlungsfeld 4, housing: the public Wohnraum page with the landlords' offer form, and for the
case register what a household needs, matches with landlords' offers, the way from proposal to
moving in, and the check-in afterwards."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from encrypted_fields.fields import EncryptedTextField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from angebote.contacts import kontakte
from angebote.models import Ansprechpartner
from portal.blocks import BodyBlock
from portal.choices import Stadtteil
from portal.models import PortalPage
from portal.page_views import PageViews
from portal.storage import private_upload_name
from portal.translation import in_source_language

# The views of the pages' routes (wohnraum.views.public registers them).
page_views = PageViews("wohnraum")


class FrageBlock(blocks.StructBlock):
    frage = blocks.CharBlock(label=_("Question"), max_length=200)
    antwort = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "help"
        label = _("Question and answer")


class WohnraumPage(RoutablePageMixin, PortalPage):
    """Handlungsfeld 4: renting to the city's programme (RAUMTEILER model) and the landlords' form."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), verbose_name=_("what the city offers landlords"), blank=True)
    fragen = StreamField([("frage", FrageBlock())], verbose_name=_("questions and answers"), blank=True)
    kontakt = models.ForeignKey(
        Ansprechpartner,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    formular_hilfe = models.TextField(
        _("help with the form"), blank=True, help_text=_("Shown above the form: how to fill it in, in plain words.")
    )

    content_panels = PortalPage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("fragen"),
        FieldPanel("kontakt"),
        FieldPanel("formular_hilfe"),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("fragen"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Wohnraum page")
        db_table = "angebote_wohnraumpage"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source = in_source_language(self)
        context["kontakte"] = kontakte([source.kontakt]) if source.kontakt else []
        return context

    @path("angebot/", name="wohnungsangebot")
    def wohnungsangebot(self, request):
        return page_views.serve("wohnungsangebot", request, self)

    @path("angebot/danke/", name="wohnungsangebot_danke")
    def wohnungsangebot_danke(self, request):
        return self.render(request, template="wohnraum/danke.html")


def wohnung_upload_path(instance, filename):
    return private_upload_name("wohnungen", instance.content_type)


class Wohnungsangebot(models.Model):
    """A flat a private landlord offers through the Wohnraum page."""

    class Status(models.TextChoices):
        NEU = "neu", _("New")
        BESICHTIGUNG = "besichtigung", _("Viewing")
        VERMITTELT = "vermittelt", _("Let")
        ZURUECKGEZOGEN = "zurueckgezogen", _("Withdrawn")

    eingegangen = models.DateTimeField(_("received"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEU)
    adresse = models.CharField(_("address of the flat"), max_length=200)
    stadtteil = models.CharField(_("district"), max_length=20, choices=Stadtteil.choices)
    flaeche = models.DecimalField(_("size in m²"), max_digits=5, decimal_places=1)
    zimmer = models.DecimalField(pgettext_lazy("flat", "rooms"), max_digits=3, decimal_places=1)
    kaltmiete = models.DecimalField(_("rent without heating (€ per month)"), max_digits=7, decimal_places=2)
    warmmiete = models.DecimalField(_("rent with heating and costs (€ per month)"), max_digits=7, decimal_places=2)
    frei_ab = models.DateField(_("available from"))
    barrierefrei = models.BooleanField(_("step-free (barrier-free)"), default=False)
    moebliert = models.BooleanField(_("furnished"), default=False)
    haustiere = models.BooleanField(_("pets allowed"), default=False)
    name = models.CharField(_("your name"), max_length=200)
    email = models.EmailField(_("your email"))
    telefon = models.CharField(_("your phone (optional)"), max_length=50, blank=True)
    einwilligung_am = models.DateTimeField(_("consent given on"))
    sprache = models.CharField(_("language"), max_length=8, default="de")
    notiz = models.TextField(_("internal note"), blank=True)
    beendet_am = models.DateField(_("ended on"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("landlord's offer")
        verbose_name_plural = _("landlords' offers")
        ordering = ["-eingegangen"]
        db_table = "angebote_wohnungsangebot"

    def __str__(self):
        return f"{self.adresse} ({self.zimmer} Zi., {self.flaeche} m²)"

    ENDE = ("vermittelt", "zurueckgezogen")

    def save(self, *args, **kwargs):
        # The retention period of the landlord's details runs from the day the offer ended.
        if self.status in self.ENDE and self.beendet_am is None:
            self.beendet_am = timezone.localdate()
        elif self.status not in self.ENDE:
            self.beendet_am = None
        super().save(*args, **kwargs)


class WohnungsangebotFoto(models.Model):
    angebot = models.ForeignKey(Wohnungsangebot, on_delete=models.CASCADE, related_name="fotos")
    datei = models.FileField(upload_to=wohnung_upload_path)
    content_type = models.CharField(max_length=50)

    class Meta:
        db_table = "angebote_wohnungsangebotfoto"

    def __str__(self):
        return f"{self.angebot_id}: {self.datei.name}"

    def delete(self, *args, **kwargs):
        self.datei.delete(save=False)
        return super().delete(*args, **kwargs)


class Wohnungssuche(models.Model):
    """A household of the case register looking for a flat."""

    fall = models.OneToOneField("faelle.Fall", on_delete=models.CASCADE, related_name="wohnungssuche")
    personen = models.PositiveSmallIntegerField(_("people in the household"))
    mietobergrenze = models.DecimalField(
        _("rent cap (€ per month, with heating)"),
        max_digits=7,
        decimal_places=2,
        help_text=_("For example the Jobcenter's limit for housing costs (KdU)."),
    )
    barrierefrei = models.BooleanField(_("needs a step-free flat"), default=False)
    stadtteile = models.JSONField(_("preferred districts"), default=list, blank=True)
    aktiv = models.BooleanField(_("still looking"), default=True)
    erstellt_am = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("household looking for a flat")

    def __str__(self):
        return str(self.fall)


class Vermittlung(models.Model):
    """One household proposed for one flat, through to moving in."""

    class Status(models.TextChoices):
        VORGESCHLAGEN = "vorgeschlagen", _("Proposed")
        BESICHTIGUNG = "besichtigung", _("Viewing")
        MIETVERTRAG = "mietvertrag", _("Tenancy signed")
        EINGEZOGEN = "eingezogen", _("Moved in")
        ABGEBROCHEN = "abgebrochen", _("Stopped")

    # Which step may follow which; moved in and stopped are final.
    NAECHSTE = {
        Status.VORGESCHLAGEN: [Status.BESICHTIGUNG, Status.ABGEBROCHEN],
        Status.BESICHTIGUNG: [Status.MIETVERTRAG, Status.ABGEBROCHEN],
        Status.MIETVERTRAG: [Status.EINGEZOGEN, Status.ABGEBROCHEN],
        Status.EINGEZOGEN: [],
        Status.ABGEBROCHEN: [],
    }

    angebot = models.ForeignKey(Wohnungsangebot, on_delete=models.CASCADE, related_name="vermittlungen")
    suche = models.ForeignKey(Wohnungssuche, on_delete=models.CASCADE, related_name="vermittlungen")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.VORGESCHLAGEN)
    vorgeschlagen_am = models.DateField(_("proposed on"), default=timezone.localdate)
    besichtigung_am = models.DateField(_("viewing on"), null=True, blank=True)
    mietvertrag_am = models.DateField(_("tenancy signed on"), null=True, blank=True)
    eingezogen_am = models.DateField(_("moved in on"), null=True, blank=True)
    aus_anschlussunterbringung = models.BooleanField(default=False, editable=False)
    geteilt_am = models.DateTimeField(_("household details shared with the landlord on"), null=True, blank=True)
    nachbetreuung_am = models.DateField(_("check-in after the move on"), null=True, blank=True)
    nachbetreuung_notiz = EncryptedTextField(_("check-in note"), null=True, blank=True)
    erstellt_von = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("placement")
        ordering = ["-vorgeschlagen_am", "-pk"]
        constraints = [models.UniqueConstraint(fields=["angebot", "suche"], name="wohnraum_ein_vorschlag")]

    def __str__(self):
        return f"{self.suche} → {self.angebot_id}"

    def letztes_datum(self):
        return self.mietvertrag_am or self.besichtigung_am or self.vorgeschlagen_am


class Vermieterkontakt(models.Model):
    """One entry of the contact log with a landlord about their offer (a household's contact log is
    `intern.faelle.models.Fallkontakt`)."""

    class Art(models.TextChoices):
        TELEFON = "telefon", _("Phone call")
        EMAIL = "email", _("Email")
        BESUCH = "besuch", _("Visit")
        BRIEF = "brief", _("Letter")

    angebot = models.ForeignKey(Wohnungsangebot, on_delete=models.CASCADE, related_name="kontakte")
    datum = models.DateField(_("date"), default=timezone.localdate)
    art = models.CharField(_("type"), max_length=20, choices=Art.choices, default=Art.TELEFON)
    notiz = EncryptedTextField(_("note"), help_text=_("Do not name households here: every case worker reads this log."))
    autor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        db_table = "wohnraum_kontakt"
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return f"{self.angebot_id}: {self.datum}"
