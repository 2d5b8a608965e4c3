import datetime
from decimal import Decimal

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale

from angebote import models as angebote_models
from beirat import models as beirat_models
from ehrenamt import models as ehrenamt_models
from home import models as home_models
from intern.faelle import models as faelle_models
from intern.fortbildung import models as fortbildung_models
from portal.models import User
from stellen import models as stellen_models
from veranstaltungen import models as veranstaltungen_models
from verein import models as verein_models

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Erika"
    last_name = factory.Sequence(lambda n: f"Muster{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
        self.save()

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))


def activate_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = home_models.HomePage

    title = "Integrationsportal Plochingen"
    slug = "start"
    intro = "<p>Willkommen im Integrationsportal.</p>"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = home_models.StandardPage

    title = factory.Sequence(lambda n: f"Seite {n}")
    intro = "Einleitung"


class BarrierefreiheitPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = home_models.BarrierefreiheitPage

    title = "Erklärung zur Barrierefreiheit"
    slug = "barrierefreiheit"
    einleitung = "Die Stadt Plochingen ist bemüht, das Portal barrierefrei zugänglich zu machen."
    stand = "teilweise"
    erstellt_am = datetime.date(2026, 11, 2)
    methode = "selbstbewertung"
    kontakt = factory.LazyFunction(
        lambda: [("contact", {"name": "Redaktion", "email": "barrierefreiheit@example.org"})]
    )
    durchsetzung = "<p>Schlichtungsstelle beim Landeszentrum Barrierefreiheit</p>"


class LeichteSprachePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = home_models.LeichteSprachePage

    title = "Leichte Sprache"
    slug = "leichte-sprache"
    einleitung = "Hier finden Sie Infos in Leichter Sprache."


class GebaerdensprachePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = home_models.GebaerdensprachePage

    title = "Gebärdensprache"
    slug = "gebaerdensprache"
    einleitung = "Videos in Deutscher Gebärdensprache."


class IntegrationsbegriffPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = home_models.IntegrationsbegriffPage

    title = "Gemeinsamer Integrationsbegriff"
    slug = "integrationsbegriff"
    praeambel = "Erster Absatz.\nZweiter Absatz."


class HandlungsfeldIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = home_models.HandlungsfeldIndexPage

    title = "Die sieben Handlungsfelder"
    slug = "handlungsfelder"


class HandlungsfeldPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = home_models.HandlungsfeldPage

    title = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    nummer = factory.Sequence(lambda n: n % 7 + 1)
    zusammenfassung = "Kurzbeschreibung"


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = home_models.NewsIndexPage

    title = "Aktuelles"
    slug = "aktuelles"


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = home_models.NewsArticlePage

    title = factory.Sequence(lambda n: f"Meldung {n}")
    date = factory.Sequence(lambda n: timezone.localdate() - datetime.timedelta(days=n))
    intro = "Kurzfassung der Meldung."


class OrtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = angebote_models.Ort

    name = factory.Sequence(lambda n: f"Ort {n}")
    adresse = "Marktstraße 20\n73207 Plochingen"
    oeffnungszeiten = "Mo–Fr 9–12 Uhr"
    barrierefrei = True


class AnsprechpartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = angebote_models.Ansprechpartner

    name = factory.Sequence(lambda n: f"Kontakt {n}")
    funktion = "Beraterin"
    telefon = "+49 7153 1234"
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")
    sprechzeiten = "Di 9–12 Uhr"


class AngeboteIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = angebote_models.AngeboteIndexPage

    title = "Beratung und Angebote"
    slug = "angebote"


class AngebotPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = angebote_models.AngebotPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Angebot {n}")
    traeger = "Stadt Plochingen"
    kurzbeschreibung = "Kurzbeschreibung des Angebots."
    angebot = "<p>Beratung.</p>"

    @factory.post_generation
    def bereiche(self, create, extracted, **kwargs):
        if create and extracted:
            self.lebensbereiche.set(angebote_models.Lebensbereich.objects.filter(slug__in=extracted))
            self.save()

    @factory.post_generation
    def sprachen_codes(self, create, extracted, **kwargs):
        if create and extracted:
            self.sprachen.set(angebote_models.Sprache.objects.filter(code__in=extracted))
            self.save()


class VeranstaltungenIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = veranstaltungen_models.VeranstaltungenIndexPage

    title = "Veranstaltungen"
    slug = "veranstaltungen"


class VeranstaltungPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = veranstaltungen_models.VeranstaltungPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    teaser = "Eine Veranstaltung."
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))

    @factory.post_generation
    def kategorie_slugs(self, create, extracted, **kwargs):
        if create and extracted:
            self.kategorien.set(veranstaltungen_models.Kategorie.objects.filter(slug__in=extracted))
            self.save()


class MitmachenPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ehrenamt_models.MitmachenPage

    title = "Mitmachen"
    slug = "mitmachen"
    intro = "<p>Helfen Sie mit.</p>"


class EhrenamtsprofilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ehrenamt_models.Ehrenamtsprofil

    user = factory.SubFactory(UserFactory, roles=["Ehrenamt"])
    sprachen = ["de", "ar"]
    bereiche = ["begegnungscafe"]
    einwilligung_am = factory.LazyFunction(timezone.now)
    status = ehrenamt_models.Ehrenamtsprofil.Status.FREIGEGEBEN


def volunteer(**kwargs):
    """An approved volunteer (Ehrenamt role) with a profile."""
    return EhrenamtsprofilFactory(**kwargs).user


class SchichtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ehrenamt_models.Schicht

    bereich = "begegnungscafe"
    titel = factory.Sequence(lambda n: f"Begegnungscafé Schicht {n}")
    # 10:00 Berlin time three days ahead, so start and end fall on one day whenever the tests run.
    beginn = factory.LazyFunction(
        lambda: timezone.make_aware(
            datetime.datetime.combine(timezone.localdate() + datetime.timedelta(days=3), datetime.time(10))
        )
    )
    ende = factory.LazyAttribute(lambda o: o.beginn + datetime.timedelta(hours=2))
    ort = "Begegnungszentrum, Marktstraße 1"
    kapazitaet = 2


class VereinPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = verein_models.VereinPage

    title = "Verein"
    slug = "verein"
    beitrag_ordentlich = "24.00"
    beitrag_foerdernd = "60.00"


class MitgliedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = verein_models.Mitglied

    vorname = "Lena"
    nachname = factory.Sequence(lambda n: f"Mitglied{n}")
    strasse = "Marktstraße 1"
    plz = "73207"
    ort = "Plochingen"
    email = factory.Sequence(lambda n: f"mitglied{n}@example.org")
    geburtsdatum = datetime.date(1980, 5, 1)
    art = "ordentlich"
    status = "aktiv"
    mitgliedsnummer = factory.Sequence(lambda n: 1001 + n)
    eintritt = datetime.date(2025, 1, 1)
    einwilligung_am = factory.LazyFunction(timezone.now)


class BeiratPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = beirat_models.BeiratPage

    title = "Beirat für Migration und Integration"
    slug = "beirat"
    intro = "<p>Der Beirat berät den Gemeinderat.</p>"


class MonitorPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = beirat_models.MonitorPage

    title = "Was aus den Maßnahmen geworden ist"
    slug = "massnahmen"


class SitzungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = beirat_models.Sitzung
        skip_postgeneration_save = True

    titel = factory.Sequence(lambda n: f"Sitzung {n}")
    beginn = factory.LazyFunction(
        lambda: timezone.now().replace(minute=0, second=0, microsecond=0) + datetime.timedelta(days=14)
    )
    ende = factory.LazyAttribute(lambda o: o.beginn + datetime.timedelta(hours=2))
    ort = "Rathaus, Sitzungssaal"

    @factory.post_generation
    def tops(self, create, extracted, **kwargs):
        if create:
            for nummer, titel in enumerate(extracted or ["Begrüßung", "Bericht"], start=1):
                self.tagesordnung.create(nummer=nummer, titel=titel)


class MassnahmeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = beirat_models.Massnahme

    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="de"))
    handlungsfeld = 5
    nummer = factory.Sequence(lambda n: n + 1)
    titel = factory.Sequence(lambda n: f"Maßnahme {n}")
    verantwortlich = "Stadtverwaltung"


class FallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = faelle_models.Fall
        skip_postgeneration_save = True

    pseudonym = factory.Sequence(lambda n: f"Haushalt {n}")
    zugewiesen_am = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))

    @factory.post_generation
    def bearbeitende(self, create, extracted, **kwargs):
        if create and extracted:
            self.bearbeitende.set(extracted)


def case_worker(**kwargs):
    """An Integrationsmanagement account with a TOTP device."""
    user = UserFactory(roles=["Integrationsmanagement"], **kwargs)
    activate_totp(user)
    return user


class KursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = fortbildung_models.Kurs

    titel = factory.Sequence(lambda n: f"Kurs {n}")
    beschreibung = "Gute Gespräche mit Menschen aus vielen Ländern."
    lernziele = "Missverständnisse erkennen\nEinfach erklären"
    dauer_stunden = Decimal("4")
    trainer = "Dr. Aylin Demir"


class TerminFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = fortbildung_models.Termin

    kurs = factory.SubFactory(KursFactory)
    beginn = factory.LazyFunction(
        lambda: timezone.now().replace(minute=0, second=0, microsecond=0) + datetime.timedelta(days=21)
    )
    ende = factory.LazyAttribute(lambda o: o.beginn + datetime.timedelta(hours=4))
    ort = "Rathaus, Sitzungssaal"
    kapazitaet = 10
    anmeldeschluss = factory.LazyAttribute(lambda o: timezone.localtime(o.beginn).date() - datetime.timedelta(days=7))


class MitarbeiterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = fortbildung_models.Mitarbeiter

    user = factory.SubFactory(UserFactory, roles=["Verwaltung"])
    abteilung = factory.LazyFunction(lambda: fortbildung_models.Abteilung.objects.get(name="Bürgerbüro"))
    position = factory.LazyFunction(
        lambda: fortbildung_models.Position.objects.get(name="Sachbearbeitung mit Publikumsverkehr")
    )


def staff_member(abteilung="Bürgerbüro", position="Sachbearbeitung mit Publikumsverkehr", **kwargs):
    """A member of staff with the Verwaltung role and a staff record."""
    return MitarbeiterFactory(
        abteilung=fortbildung_models.Abteilung.objects.get(name=abteilung),
        position=fortbildung_models.Position.objects.get(name=position),
        **kwargs,
    ).user


def hr_user():
    user = UserFactory(roles=["Personal"])
    activate_totp(user)
    return user


class StellenIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = stellen_models.StellenIndexPage

    title = "Arbeiten bei der Stadt"
    slug = "stellen"
    intro = "<p>Die Stadt sucht Menschen, die mit anpacken.</p>"
    anerkennung = "<p>Die Migrationsberatung hilft bei der Anerkennung.</p>"
    anerkennung_url = "https://www.anerkennung-in-deutschland.de/"


class StellenangebotPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = stellen_models.StellenangebotPage

    title = "Mitarbeit im Bauhof"
    slug = "bauhof"
    bereich = "bauhof"
    intro = "Sie halten Wege und Grünflächen sauber."
    aufgaben = "<ul><li>Grünflächen pflegen</li></ul>"
    anforderungen = "<ul><li>Deutsch etwa A2</li></ul>"
    umfang = "Vollzeit"
    bewerbungsschluss = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
