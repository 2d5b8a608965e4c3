import datetime
from decimal import Decimal

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Collection, Locale, Page, PageViewRestriction

from angebote import models as angebote_models
from beirat import models as beirat_models
from ehrenamt import models as ehrenamt_models
from home import models as home_models
from intern.audit import models as audit_models
from intern.faelle import models as faelle_models
from intern.fortbildung import models as fortbildung_models
from intern.personal import models as personal_models
from patenschaften import models as patenschaften_models
from portal.models import ErfolgloseSuche, User
from stellen import models as stellen_models
from veranstaltungen import models as veranstaltungen_models
from verein import models as verein_models
from wohnraum import models as wohnraum_models

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
    beginn = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    ende = factory.LazyAttribute(lambda o: o.beginn + datetime.timedelta(hours=2))

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


class PlanmassnahmeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = beirat_models.Planmassnahme

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


class KursterminFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = fortbildung_models.Kurstermin

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


def root_page():
    return Page.get_first_root_node()


# --- Records the tests create directly (one factory per model) -----------------------------------------


class AngebotAnsprechpartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = angebote_models.AngebotAnsprechpartner

    page = factory.SubFactory(AngebotPageFactory, parent=factory.LazyFunction(root_page))
    ansprechpartner = factory.SubFactory(AnsprechpartnerFactory)


class MoebelspendeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = angebote_models.Moebelspende

    name = "Erika Muster"
    email = factory.Sequence(lambda n: f"spende{n}@example.org")
    telefon = "07153 1234"
    gegenstaende = "Ein Sofa, zwei Stühle"
    abholadresse = "Marktstraße 3\n73207 Plochingen"
    wunschtermine = "Samstags vormittags"


class AnwohnerAnliegenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = angebote_models.AnwohnerAnliegen

    thema = "laerm"
    nachricht = "Nachts ist es im Hof sehr laut."


class BarrierenmeldungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = home_models.Barrierenmeldung

    barriere = "Ein Bild hat keinen Alternativtext."


class HinweisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = home_models.Hinweis

    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="de"))
    text = "Das Rathaus ist am Freitag geschlossen."


class ErfolgloseSucheFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ErfolgloseSuche

    sprache = "de"
    suchbegriff = factory.Sequence(lambda n: f"suchwort{n}")
    tag = factory.LazyFunction(timezone.localdate)


class VeranstaltungAnmeldungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = veranstaltungen_models.Anmeldung

    veranstaltung = factory.SubFactory(VeranstaltungPageFactory, parent=factory.LazyFunction(root_page))
    datum = factory.LazyAttribute(lambda o: timezone.localtime(o.veranstaltung.beginn).date())
    name = "Aylin Demir"
    email = factory.Sequence(lambda n: f"gast{n}@example.org")


class AusfallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = veranstaltungen_models.Ausfall

    page = factory.SubFactory(VeranstaltungPageFactory, parent=factory.LazyFunction(root_page))
    datum = factory.LazyAttribute(lambda o: timezone.localtime(o.page.beginn).date())
    hinweis = "Ferien"


class QualifikationsnachweisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ehrenamt_models.Qualifikationsnachweis

    freiwillige = factory.LazyFunction(volunteer)
    art = "fuehrungszeugnis"


class EinsatzFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ehrenamt_models.Einsatz

    schicht = factory.SubFactory(SchichtFactory)
    freiwillige = factory.LazyFunction(volunteer)
    status = ehrenamt_models.Einsatz.Status.BESTAETIGT


class PatenbewerbungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = patenschaften_models.Patenbewerbung

    user = factory.LazyFunction(volunteer)
    stadtteil = "innenstadt"
    themen = factory.LazyFunction(lambda: ["sprache"])


class PatensucheFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = patenschaften_models.Patensuche

    bezeichnung = factory.Sequence(lambda n: f"Familie {n}, 4 Personen")
    sprachen = factory.LazyFunction(lambda: ["ar"])
    themen = factory.LazyFunction(lambda: ["schule"])
    stadtteil = "stumpenhof"


class PatenschaftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = patenschaften_models.Patenschaft

    suche = factory.SubFactory(PatensucheFactory)
    pate = factory.LazyFunction(volunteer)
    beginn = factory.LazyFunction(timezone.localdate)


class BeitragFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = verein_models.Beitrag

    mitglied = factory.SubFactory(MitgliedFactory)
    jahr = factory.LazyFunction(lambda: timezone.localdate().year)
    betrag = Decimal("24.00")


class BeiratsmitgliedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = beirat_models.Beiratsmitglied

    name = factory.Sequence(lambda n: f"Beiratsmitglied {n}")


class RueckmeldungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = beirat_models.Rueckmeldung

    sitzung = factory.SubFactory(SitzungFactory)
    user = factory.SubFactory(UserFactory, roles=["Beirat"])
    antwort = "ja"


class ProtokollFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = beirat_models.Protokoll

    sitzung = factory.SubFactory(SitzungFactory)
    text = "Entwurf"
    live = False


class UnterlageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = beirat_models.Unterlage

    dokument = factory.SubFactory(
        wagtail_factories.DocumentFactory,
        collection=factory.LazyFunction(lambda: Collection.get_first_root_node()),
        title=factory.Sequence(lambda n: f"Unterlage {n}"),
    )
    sitzung = factory.SubFactory(SitzungFactory)


class BeschlussFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = beirat_models.Beschluss

    sitzung = factory.SubFactory(SitzungFactory)
    titel = factory.Sequence(lambda n: f"Empfehlung {n}")
    text = "Der Beirat empfiehlt Sprachkurse mit Kinderbetreuung."


class PlanmassnahmeVerweisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = beirat_models.PlanmassnahmeVerweis

    massnahme = factory.SubFactory(PlanmassnahmeFactory)
    seite = factory.SubFactory(StandardPageFactory, parent=factory.LazyFunction(root_page))


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = faelle_models.Person

    fall = factory.SubFactory(FallFactory)
    vorname = "Amal"
    nachname = factory.Sequence(lambda n: f"Haddad{n}")


class AufenthaltFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = faelle_models.Aufenthalt

    fall = factory.SubFactory(FallFactory)
    status = "gestattung"
    seit = datetime.date(2026, 1, 1)
    erfasst_von = factory.SubFactory(UserFactory, roles=["Integrationsmanagement"])


class EinwilligungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = faelle_models.Einwilligung

    fall = factory.SubFactory(FallFactory)
    erteilt_am = factory.LazyFunction(timezone.localdate)
    empfaenger = factory.LazyFunction(lambda: ["lbf"])
    erfasst_von = factory.SubFactory(UserFactory, roles=["Integrationsmanagement"])


class UebergabeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = faelle_models.Uebergabe

    fall = factory.SubFactory(FallFactory)


class BedarfFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = faelle_models.Bedarf

    fall = factory.SubFactory(FallFactory)
    lebensbereich = "sprache"
    status = "bedarf"


class FallMassnahmeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = faelle_models.Massnahme

    fall = factory.SubFactory(FallFactory)
    lebensbereich = "sprache"
    beschreibung = "Integrationskurs anmelden"
    stelle = "integrationsmanagement"


class FallkontaktFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = faelle_models.Fallkontakt

    fall = factory.SubFactory(FallFactory)
    datum = factory.LazyFunction(timezone.localdate)
    art = "telefon"
    notiz = "Rückruf"
    erfasst_von = factory.SubFactory(UserFactory, roles=["Integrationsmanagement"])


class IntegrationsvereinbarungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = faelle_models.Integrationsvereinbarung

    fall = factory.SubFactory(FallFactory)
    ziele = "Deutschkurs B1 abschließen"
    unterzeichnet_am = factory.LazyFunction(timezone.localdate)
    ueberpruefung_am = factory.LazyAttribute(lambda o: o.unterzeichnet_am + datetime.timedelta(days=180))


class RunderTischFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = faelle_models.RunderTisch

    datum = factory.LazyFunction(timezone.now)
    ort = "Rathaus"
    teilnehmende = "Jobcenter, LBF"
    erstellt_von = factory.SubFactory(UserFactory, roles=["Integrationsmanagement"])


class AuditEintragFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = audit_models.AuditEintrag

    user = factory.SubFactory(UserFactory, roles=["Integrationsmanagement"])
    user_email = factory.LazyAttribute(lambda o: o.user.email)
    aktion = "lesen"
    bereich = "fall"


class WohnungsangebotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = wohnraum_models.Wohnungsangebot

    adresse = factory.Sequence(lambda n: f"Filsweg {n + 1}")
    stadtteil = "filstal"
    flaeche = Decimal(75)
    zimmer = Decimal(3)
    kaltmiete = Decimal(600)
    warmmiete = Decimal(780)
    frei_ab = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    name = "Frau Weber"
    email = factory.Sequence(lambda n: f"vermieterin{n}@example.org")
    einwilligung_am = factory.LazyFunction(timezone.now)


class WohnungssucheFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = wohnraum_models.Wohnungssuche

    fall = factory.SubFactory(FallFactory)
    personen = 3
    mietobergrenze = Decimal(800)


class VermittlungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = wohnraum_models.Vermittlung

    angebot = factory.SubFactory(WohnungsangebotFactory)
    suche = factory.SubFactory(WohnungssucheFactory)
    erstellt_von = factory.SubFactory(UserFactory, roles=["Integrationsmanagement"])


class VermieterkontaktFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = wohnraum_models.Vermieterkontakt

    angebot = factory.SubFactory(WohnungsangebotFactory)
    notiz = "Besichtigung vereinbart"
    autor = factory.SubFactory(UserFactory, roles=["Integrationsmanagement"])


class KursanmeldungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = fortbildung_models.Kursanmeldung

    termin = factory.SubFactory(KursterminFactory)
    user = factory.SubFactory(UserFactory, roles=["Verwaltung"])
    status = fortbildung_models.Kursanmeldung.Status.ANGEMELDET


LEBENSLAUF_PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


class BewerbungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = stellen_models.Bewerbung

    stelle = factory.SubFactory(
        StellenangebotPageFactory,
        parent=factory.LazyFunction(root_page),
        slug=factory.Sequence(lambda n: f"bauhof-{n}"),
    )
    stelle_titel = factory.LazyAttribute(lambda o: o.stelle.title)
    bereich = factory.LazyAttribute(lambda o: o.stelle.bereich)
    sprache = "de"
    vorname = "Samir"
    nachname = factory.Sequence(lambda n: f"Haddad{n}")
    email = factory.Sequence(lambda n: f"bewerbung{n}@example.org")
    sprachen = "Arabisch, Deutsch B1"
    qualifikationen = "Gärtner in Aleppo, 8 Jahre"
    lebenslauf = factory.django.FileField(filename="lebenslauf.pdf", data=LEBENSLAUF_PDF)
    einwilligung_am = factory.LazyFunction(timezone.now)


class VerlaufFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = personal_models.Verlauf

    bewerbung = factory.SubFactory(BewerbungFactory)
    user = factory.SubFactory(UserFactory, roles=["Personal"])
    notiz = "Noch in Prüfung"


class EinstellungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = personal_models.Einstellung

    jahr = factory.LazyFunction(lambda: timezone.localdate().year - 1)
    bereich = "bauhof"
    anerkannter_fluechtling = False


class PageViewRestrictionFactory(factory.django.DjangoModelFactory):
    """A page only signed-in people may see; pass restriction_type and groups for other kinds."""

    class Meta:
        model = PageViewRestriction

    page = factory.SubFactory(StandardPageFactory, parent=factory.LazyFunction(root_page))
    restriction_type = PageViewRestriction.LOGIN
