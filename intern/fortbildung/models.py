"""Intercultural training for the city's staff (Handlungsfeld 7): departments and positions,
courses with their target groups and the positions they are mandatory for, sessions with
places and a waiting list, enrolments with attendance."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Abteilung(models.Model):
    """A department or service of the city; a Schnittstelle is in frequent contact with migrants."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    schnittstelle = models.BooleanField(
        _("Schnittstelle"), default=False, help_text=_("In frequent contact with migrants.")
    )

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Position(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Mitarbeiter(models.Model):
    """A member of staff as HR records them: the account, the department and the position."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE, related_name="mitarbeiter"
    )
    abteilung = models.ForeignKey(Abteilung, verbose_name=_("department"), on_delete=models.PROTECT)
    position = models.ForeignKey(Position, verbose_name=_("position"), on_delete=models.PROTECT)
    aktiv = models.BooleanField(_("employed"), default=True)

    class Meta:
        verbose_name = _("member of staff")
        verbose_name_plural = _("staff")

    def __str__(self):
        return str(self.user)


class Kurs(models.Model):
    class Format(models.TextChoices):
        PRAESENZ = "praesenz", _("In person")
        ONLINE = "online", _("Online")

    titel = models.CharField(_("title"), max_length=200)
    beschreibung = models.TextField(_("description"))
    lernziele = models.TextField(_("learning goals"), help_text=_("One goal per line."))
    format = models.CharField(_("format"), max_length=10, choices=Format.choices, default=Format.PRAESENZ)
    dauer_stunden = models.DecimalField(_("duration (hours)"), max_digits=4, decimal_places=1)
    trainer = models.CharField(_("trainer"), max_length=200)
    zielgruppen = models.ManyToManyField(Abteilung, verbose_name=_("target groups"), blank=True, related_name="kurse")
    pflicht_fuer = models.ManyToManyField(
        Position, verbose_name=_("mandatory for"), blank=True, related_name="pflichtkurse"
    )
    aktiv = models.BooleanField(_("in the catalogue"), default=True)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["titel"]

    def __str__(self):
        return self.titel

    def lernziel_liste(self):
        return [line.strip("-• ").strip() for line in self.lernziele.splitlines() if line.strip("-• ").strip()]


class Kurstermin(models.Model):
    """One session of a course."""

    kurs = models.ForeignKey(Kurs, verbose_name=_("course"), on_delete=models.CASCADE, related_name="termine")
    beginn = models.DateTimeField(_("start"))
    ende = models.DateTimeField(_("end"))
    ort = models.CharField(_("place"), max_length=200, help_text=_("Room and address, or the video link."))
    kapazitaet = models.PositiveSmallIntegerField(_("places"))
    anmeldeschluss = models.DateField(_("registration deadline"))
    abgesagt = models.BooleanField(_("cancelled"), default=False)
    sequenz = models.PositiveIntegerField(default=0, editable=False)
    geaendert_am = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "fortbildung_termin"
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["beginn", "pk"]

    def __str__(self):
        return f"{self.kurs} – {timezone.localtime(self.beginn):%d.%m.%Y %H:%M}"

    @property
    def anmeldung_offen(self):
        return not self.abgesagt and timezone.localdate() <= self.anmeldeschluss and self.beginn > timezone.now()

    @property
    def vorbei(self):
        return self.beginn <= timezone.now()


class KursanmeldungQuerySet(models.QuerySet):
    def aktiv(self):
        return self.filter(status__in=[Kursanmeldung.Status.ANGEMELDET, Kursanmeldung.Status.WARTELISTE])

    def teilgenommen(self):
        return self.filter(status=Kursanmeldung.Status.ANGEMELDET, teilgenommen=True)


class Kursanmeldung(models.Model):
    class Status(models.TextChoices):
        ANGEMELDET = "angemeldet", _("Registered")
        WARTELISTE = "warteliste", _("Waiting list")
        STORNIERT = "storniert", _("Cancelled")

    termin = models.ForeignKey(
        Kurstermin, verbose_name=_("session"), on_delete=models.CASCADE, related_name="anmeldungen"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    angemeldet_am = models.DateTimeField(_("registered on"), default=timezone.now)
    teilgenommen = models.BooleanField(_("attended"), null=True, blank=True)

    objects = KursanmeldungQuerySet.as_manager()

    class Meta:
        db_table = "fortbildung_anmeldung"
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["angemeldet_am", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["termin", "user"],
                condition=Q(status__in=["angemeldet", "warteliste"]),
                name="fortbildung_eine_aktive_anmeldung",
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.termin}"


class Erinnerung(models.Model):
    """HR reminded a member of staff of the mandatory courses they have not attended yet."""

    mitarbeiter = models.ForeignKey(Mitarbeiter, on_delete=models.CASCADE, related_name="erinnerungen")
    gesendet_am = models.DateTimeField(default=timezone.now)
    kurse = models.ManyToManyField(Kurs, related_name="+")

    class Meta:
        ordering = ["-gesendet_am"]

    def __str__(self):
        return f"{self.mitarbeiter} {self.gesendet_am:%Y-%m-%d}"
