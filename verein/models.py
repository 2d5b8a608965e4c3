"""The LBF as a registered Verein: the public page with the membership application, the member
register, fees and the Sprechrunde (Handlungsfelder 5 and 6). The tables keep their names from the
time the Verein was part of `ehrenamt`."""

import textwrap

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.models import PortalPage
from portal.page_views import PageViews
from portal.translation import in_source_language
from portal.validators import iban_pruefen, verwendungszweck_pruefen

# The views of the pages' routes (verein.views.public registers them).
page_views = PageViews("verein")


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
        db_table = "ehrenamt_vereinpage"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source = in_source_language(self)
        context.update(
            beitrag_ordentlich=source.beitrag_ordentlich,
            beitrag_foerdernd=source.beitrag_foerdernd,
            satzung=source.satzung,
        )
        return context

    def beitrag(self, art):
        source = in_source_language(self)
        return source.beitrag_foerdernd if art == Mitglied.Art.FOERDERND else source.beitrag_ordentlich

    @path("antrag/", name="antrag")
    def antrag(self, request):
        return page_views.serve("antrag", request, self)

    @path("antrag/danke/", name="antrag_danke")
    def antrag_danke(self, request):
        return self.render(request, template="verein/danke.html")


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
        db_table = "ehrenamt_mitglied"
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
        db_table = "ehrenamt_beitrag"
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
        db_table = "ehrenamt_sprechrunde"
        ordering = ["beginn"]

    def __str__(self):
        return f"{self.thema or _('Sprechrunde')} ({timezone.localtime(self.beginn):%d.%m.%Y})"


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
        db_table = "ehrenamt_vereinskonto"

    def save(self, *args, **kwargs):
        self.iban = " ".join(textwrap.wrap("".join(self.iban.split()).upper(), 4))
        self.bic = self.bic.strip().upper()
        super().save(*args, **kwargs)

    def referenz(self, mitglied, jahr):
        return self.verwendungszweck.format(nummer=mitglied.mitgliedsnummer, jahr=jahr)
