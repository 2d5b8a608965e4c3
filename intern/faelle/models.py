"""The case register of the Integrationsmanagement (Handlungsfeld 2): households handed over from
the shared accommodation, their needs per life area, measures and consent to share data.

Names, addresses, dates of birth and every free text are encrypted at rest (django-fernet-
encrypted-fields, key from SECRET_KEY and FIELD_ENCRYPTION_SALT). Case data lives only here:
never in pages, snippets, the search index, emails or the Wagtail admin.
"""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from encrypted_fields.fields import EncryptedCharField, EncryptedDateField, EncryptedTextField


class Rasterbereich(models.TextChoices):
    """A row of the counselling grid (Beratungsraster): one area of a household's life."""

    SPRACHE = "sprache", _("Language")
    ARBEIT = "arbeit", _("Work and training")
    WOHNEN = "wohnen", _("Housing")
    GESUNDHEIT = "gesundheit", _("Health")
    KINDER = "kinder", _("Children and education")
    FINANZEN = "finanzen", _("Money and benefits")
    AUFENTHALT = "aufenthalt", _("Residence and legal matters")
    TEILHABE = "teilhabe", _("Taking part in community life")


class Stelle(models.TextChoices):
    """Who does a measure, and to whom data may be passed on."""

    INTEGRATIONSMANAGEMENT = "integrationsmanagement", _("Integrationsmanagement")
    SOZIALER_DIENST = "sozialer_dienst", _("Sozialer Dienst")
    LBF = "lbf", _("LBF / volunteers")
    JOBCENTER = "jobcenter", _("Jobcenter")
    JUGENDAMT = "jugendamt", _("Jugendamt")
    FACHBERATUNG = "fachberatung", _("Specialist counselling service")


# The Integrationsmanagement keeps the case itself: every other body needs the household's consent.
OHNE_EINWILLIGUNG = {Stelle.INTEGRATIONSMANAGEMENT}
VERMIETER = "vermieter"
EMPFAENGER = [
    *[(code, label) for code, label in Stelle.choices if code not in OHNE_EINWILLIGUNG],
    (VERMIETER, _("Landlords (housing placement)")),
]


class Fall(models.Model):
    """A household."""

    class Status(models.TextChoices):
        UEBERGABE = "uebergabe", _("Handover from the shared accommodation")
        IN_BETREUUNG = "in_betreuung", _("In counselling")
        ABGESCHLOSSEN = "abgeschlossen", _("Closed")

    class Unterbringung(models.TextChoices):
        GU = "gu", _("Shared accommodation (GU)")
        ANSCHLUSS = "anschluss", _("Follow-up accommodation (Anschlussunterbringung)")
        PRIVAT = "privat", _("Private flat")
        SONSTIGE = "sonstige", _("Other")

    nummer = models.CharField(_("case number"), max_length=20, unique=True, editable=False)
    pseudonym = models.CharField(
        _("pseudonym"),
        max_length=60,
        help_text=_("Used at the round table instead of names, e.g. “Haushalt Linde”. Never a real name."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.UEBERGABE)
    unterbringung = models.CharField(
        _("accommodation"), max_length=20, choices=Unterbringung.choices, default=Unterbringung.GU
    )
    adresse = EncryptedCharField(_("address"), max_length=200, null=True, blank=True)
    zugewiesen_am = models.DateField(_("assigned to Plochingen on"))
    bearbeitende = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("case workers"), related_name="faelle", blank=True
    )
    erstellt_am = models.DateTimeField(auto_now_add=True)
    geaendert_am = models.DateTimeField(auto_now=True)
    abgeschlossen_am = models.DateField(_("closed on"), null=True, blank=True)
    anonymisiert_am = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-erstellt_am", "-pk"]
        # The case list's order: its first page is read from the index (PostgreSQL: ~0.2 ms
        # instead of a sort of every case of the user, ~1.4 ms plus planning, on 2,000 cases).
        indexes = [models.Index(fields=["-erstellt_am", "-id"], name="fall_neueste_zuerst")]

    def __str__(self):
        return self.nummer

    def save(self, *args, **kwargs):
        if self.nummer:
            return super().save(*args, **kwargs)
        # The next free number of the year; two cases created at the same moment try again.
        for _attempt in range(5):
            self.nummer = self._naechste_nummer()
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                self.pk = None
        raise IntegrityError("No free case number")

    @staticmethod
    def _naechste_nummer():
        year = timezone.localdate().year
        last = (
            Fall.objects.filter(nummer__startswith=f"{year}-")
            .order_by(Length("nummer").desc(), "-nummer")
            .values_list("nummer", flat=True)
            .first()
        )
        number = int(last.split("-")[1]) + 1 if last else 1
        return f"{year}-{number:04d}"

    def einwilligung(self):
        """The consent in force: the latest one, unless it was withdrawn (an older one never revives)."""
        latest = self.einwilligungen.order_by("-erteilt_am", "-pk").first()
        return latest if latest is not None and latest.widerrufen_am is None else None

    def darf_weitergeben(self, stelle):
        if stelle in OHNE_EINWILLIGUNG:
            return True
        einwilligung = self.einwilligung()
        return einwilligung is not None and stelle in einwilligung.empfaenger


class Person(models.Model):
    fall = models.ForeignKey(Fall, on_delete=models.CASCADE, related_name="personen")
    vorname = EncryptedCharField(_("first name"), max_length=100)
    nachname = EncryptedCharField(_("last name"), max_length=100)
    geburtsdatum = EncryptedDateField(_("date of birth"), null=True, blank=True)
    staatsangehoerigkeit = EncryptedCharField(_("nationality"), max_length=60, null=True, blank=True)
    sprachen = EncryptedCharField(_("languages"), max_length=200, null=True, blank=True)

    class Meta:
        verbose_name = _("household member")
        verbose_name_plural = _("household members")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.vorname} {self.nachname}"


class Aufenthalt(models.Model):
    """One step in the household's residence status; the latest is the current one."""

    class Status(models.TextChoices):
        GESTATTUNG = "gestattung", _("Permission to stay during the asylum procedure (Gestattung)")
        DULDUNG = "duldung", _("Toleration (Duldung)")
        ANERKENNUNG = "anerkennung", _("Recognised (Anerkennung)")
        SONSTIGER = "sonstiger", _("Other")

    fall = models.ForeignKey(Fall, on_delete=models.CASCADE, related_name="aufenthalte")
    status = models.CharField(_("residence status"), max_length=20, choices=Status.choices)
    seit = models.DateField(_("since"))
    notiz = EncryptedTextField(_("note"), null=True, blank=True)
    erfasst_von = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    erfasst_am = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-seit", "-pk"]

    def __str__(self):
        return f"{self.fall}: {self.status} ({self.seit})"


class Einwilligung(models.Model):
    """Consent to share data, with its date and the bodies it covers."""

    fall = models.ForeignKey(Fall, on_delete=models.CASCADE, related_name="einwilligungen")
    erteilt_am = models.DateField(_("given on"))
    empfaenger = models.JSONField(_("may be shared with"), default=list)
    widerrufen_am = models.DateField(_("withdrawn on"), null=True, blank=True)
    erfasst_von = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-erteilt_am", "-pk"]

    def __str__(self):
        return f"{self.fall}: {self.erteilt_am}"

    def empfaenger_labels(self):
        labels = dict(EMPFAENGER)
        return [labels.get(code, code) for code in self.empfaenger]


class Uebergabe(models.Model):
    """The structured handover of a household from the shared accommodation."""

    fall = models.OneToOneField(Fall, on_delete=models.CASCADE, related_name="uebergabe")
    dokumente_uebergeben = models.BooleanField(_("documents handed over"), default=False)
    offene_termine = EncryptedTextField(_("open appointments"), null=True, blank=True)
    gesundheitshinweise = EncryptedTextField(_("health notes"), null=True, blank=True)
    schule_kita = EncryptedTextField(_("school and Kita"), null=True, blank=True)
    notizen = EncryptedTextField(_("notes"), null=True, blank=True)
    erstkontakt_am = models.DateField(_("first personal contact on"), null=True, blank=True)
    geaendert_am = models.DateTimeField(auto_now=True)

    def __str__(self):
        return str(self.fall)


class Bedarf(models.Model):
    """One cell of the Beratungsraster: a life area of a household."""

    class Status(models.TextChoices):
        NICHT_ERHOBEN = "nicht_erhoben", _("Not assessed")
        KEIN_BEDARF = "kein_bedarf", _("No need")
        BEDARF = "bedarf", _("Need")
        IN_ARBEIT = "in_arbeit", _("In progress")
        ERLEDIGT = "erledigt", _("Done")

    class Prioritaet(models.IntegerChoices):
        HOCH = 1, _("high")
        MITTEL = 2, _("medium")
        NIEDRIG = 3, _("low")

    fall = models.ForeignKey(Fall, on_delete=models.CASCADE, related_name="bedarfe")
    lebensbereich = models.CharField(_("life area"), max_length=20, choices=Rasterbereich.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NICHT_ERHOBEN)
    prioritaet = models.PositiveSmallIntegerField(_("priority"), choices=Prioritaet.choices, default=Prioritaet.MITTEL)
    notiz = EncryptedTextField(_("note"), null=True, blank=True)

    OFFEN = (Status.BEDARF, Status.IN_ARBEIT)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["fall", "lebensbereich"], name="faelle_ein_bedarf_je_bereich")]

    def __str__(self):
        return f"{self.fall}: {self.lebensbereich}"


class Massnahme(models.Model):
    class Status(models.TextChoices):
        OFFEN = "offen", _("Open")
        ERLEDIGT = "erledigt", _("Done")
        ABGEBROCHEN = "abgebrochen", _("Stopped")

    fall = models.ForeignKey(Fall, on_delete=models.CASCADE, related_name="massnahmen")
    lebensbereich = models.CharField(_("life area"), max_length=20, choices=Rasterbereich.choices)
    beschreibung = EncryptedTextField(_("what is to be done"))
    stelle = models.CharField(_("who does it"), max_length=30, choices=Stelle.choices)
    angebot = models.ForeignKey(
        "angebote.AngebotPage",
        verbose_name=_("offer of the counselling service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verantwortlich = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible case worker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fall_massnahmen",
    )
    faellig_am = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OFFEN)
    erledigt_am = models.DateField(_("done on"), null=True, blank=True)
    runder_tisch = models.ForeignKey(
        "faelle.RunderTisch",
        verbose_name=_("decided at the round table"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="beschluesse",
    )
    erstellt_am = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["faellig_am", "pk"]

    def __str__(self):
        return f"{self.fall}: {self.get_lebensbereich_display()}"

    @property
    def ueberfaellig(self):
        return (
            self.status == self.Status.OFFEN and self.faellig_am is not None and self.faellig_am < timezone.localdate()
        )


class Fallkontakt(models.Model):
    """One entry of the Beratungsverlauf (Aktenvermerk): a dated contact with the household,
    who had it, a short note and an optional follow-up date (Wiedervorlage) for that staff member.
    (A landlord's contact log is `wohnraum.models.Vermieterkontakt`.)"""

    class Art(models.TextChoices):
        PERSOENLICH = "persoenlich", pgettext_lazy("kind of contact", "In person")
        TELEFON = "telefon", _("Phone")
        EMAIL = "email", _("Email or letter")
        HAUSBESUCH = "hausbesuch", _("Home visit")
        VIDEO = "video", _("Video call")
        BEGLEITUNG = "begleitung", _("Accompanied to an appointment")
        DRITTE = "dritte", _("With another body about the household")
        SONSTIGES = "sonstiges", _("Other")

    fall = models.ForeignKey(Fall, on_delete=models.CASCADE, related_name="kontakte")
    datum = models.DateField(_("date"))
    art = models.CharField(_("kind of contact"), max_length=20, choices=Art.choices)
    notiz = EncryptedTextField(pgettext_lazy("contact log", "note"))
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="fall_kontakte",
    )
    wiedervorlage_am = models.DateField(_("follow-up on"), null=True, blank=True)
    wiedervorlage_erledigt_am = models.DateField(_("follow-up done on"), null=True, blank=True)
    erstellt_am = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "faelle_kontakt"
        verbose_name = _("contact")
        verbose_name_plural = _("contact log")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["fall", "-datum", "-id"], name="kontakt_verlauf")]

    def __str__(self):
        return f"{self.fall}: {self.datum}"

    @property
    def wiedervorlage_offen(self):
        return self.wiedervorlage_am is not None and self.wiedervorlage_erledigt_am is None

    @property
    def ueberfaellig(self):
        return self.wiedervorlage_offen and self.wiedervorlage_am < timezone.localdate()


class Integrationsvereinbarung(models.Model):
    """The agreement with the household: goals, when it was signed and when it is reviewed."""

    fall = models.ForeignKey(Fall, on_delete=models.CASCADE, related_name="vereinbarungen")
    ziele = EncryptedTextField(_("agreed goals"))
    unterzeichnet_am = models.DateField(_("signed on"))
    ueberpruefung_am = models.DateField(_("review on"))
    erstellt_am = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("integration agreement")
        ordering = ["-unterzeichnet_am", "-pk"]

    def __str__(self):
        return f"{self.fall}: {self.unterzeichnet_am}"


class RunderTisch(models.Model):
    """The Jour fixe of all local actors: cases are discussed by number and pseudonym only."""

    datum = models.DateTimeField(_("date and time"))
    ort = models.CharField(_("place"), max_length=200)
    teilnehmende = models.TextField(
        _("participants"), help_text=_("Bodies and staff present, e.g. “Jobcenter (Frau M.)”. No clients.")
    )
    notizen = models.TextField(
        _("general notes"), blank=True, help_text=_("These go into the printed minutes: no personal data.")
    )
    erstellt_von = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("round table")
        ordering = ["-datum"]

    def __str__(self):
        return f"{timezone.localtime(self.datum):%d.%m.%Y}"


class TischFall(models.Model):
    """A case on the agenda of a round table."""

    runder_tisch = models.ForeignKey(RunderTisch, on_delete=models.CASCADE, related_name="tagesordnung")
    fall = models.ForeignKey(Fall, on_delete=models.CASCADE, related_name="+")
    reihenfolge = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["reihenfolge", "pk"]
        constraints = [models.UniqueConstraint(fields=["runder_tisch", "fall"], name="faelle_fall_einmal_je_tisch")]

    def __str__(self):
        return f"{self.runder_tisch}: {self.fall}"


class Aufgabenerinnerung(models.Model):
    """One day's "tasks are due" mail to one case worker (`send_case_task_reminders`): the row is
    claimed in the transaction that queues the mail, so a second or parallel run sends nothing.
    Rows of past days are deleted by the next run."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    datum = models.DateField(_("date"))

    class Meta:
        verbose_name = _("task reminder")
        verbose_name_plural = _("task reminders")
        constraints = [models.UniqueConstraint(fields=["user", "datum"], name="faelle_aufgabenerinnerung_einmal")]

    def __str__(self):
        return f"{self.user_id} {self.datum}"
