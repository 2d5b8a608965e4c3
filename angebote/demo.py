"""Demo offers from the plan (Handlungsfelder 2 and 3). All people and numbers are examples."""

import datetime
from pathlib import Path

from django.utils import timezone
from wagtail.models import Locale, Page

from portal.demo import load_translations, translate_page, translate_snippet

from .models import (
    AngebotAnsprechpartner,
    AngeboteIndexPage,
    AngebotPage,
    Ansprechpartner,
    BegegnungszentrumPage,
    InfoblattEintrag,
    InfoblattPage,
    Lebensbereich,
    Ort,
    SozialhausmeisterPage,
    Sprache,
)

TRANSLATIONS_FILE = Path(__file__).parent / "demo_data" / "translations.json"
TRANSLATED_LANGUAGES = ["en", "ar", "fa", "uk", "tr"]

ORTE = {
    "rathaus": {
        "name": "Rathaus Plochingen",
        "adresse": "Schulstraße 5-7\n73207 Plochingen",
        "oeffnungszeiten": "Mo–Fr 8:30–12:00 Uhr\nDo 14:00–18:00 Uhr",
        "barrierefrei": True,
        "barrierefreiheit": "Stufenloser Eingang, Aufzug, barrierefreies WC im Erdgeschoss.",
    },
    "begegnungszentrum": {
        "name": "Begegnungszentrum (Beispiel)",
        "adresse": "Marktstraße 20\n73207 Plochingen",
        "oeffnungszeiten": "Mo–Do 9:00–16:00 Uhr",
        "barrierefrei": True,
        "barrierefreiheit": "Eingang ebenerdig, Beratungsräume im Erdgeschoss.",
    },
    "filsweg": {
        "name": "Unterkunft Filsweg 7",
        "adresse": "Filsweg 7\n73207 Plochingen",
        "oeffnungszeiten": "Sprechstunde Di und Do 10:00–12:00 Uhr",
        "barrierefrei": False,
        "barrierefreiheit": "Büro im ersten Stock, kein Aufzug. Termine im Erdgeschoss nach Absprache.",
    },
    "landratsamt": {
        "name": "Landratsamt Esslingen",
        "adresse": "Pulverwiesen 11\n73726 Esslingen am Neckar",
        "oeffnungszeiten": "Mo–Fr 8:00–12:00 Uhr, Do bis 17:30 Uhr",
        "barrierefrei": True,
        "barrierefreiheit": "Aufzug und barrierefreies WC.",
    },
}

KONTAKTE = {
    "im": (
        "Amira Beispiel",
        "Integrationsmanagerin",
        "+49 7153 7005-210",
        "integrationsmanagement@plochingen.example",
        "Di 9:00–12:00 Uhr und nach Vereinbarung",
        ["de", "en", "ar"],
    ),
    "sd": (
        "Jonas Muster",
        "Sozialer Dienst der Stadt",
        "+49 7153 7005-220",
        "sozialer-dienst@plochingen.example",
        "Mo–Fr 8:30–12:00 Uhr",
        ["de", "en"],
    ),
    "lbf": (
        "Helga Beispiel",
        "Vorsitzende Lokales Bündnis für Flüchtlinge",
        "+49 7153 0000-301",
        "kontakt@lbf-plochingen.example",
        "Sprechrunde jeden ersten Mittwoch im Monat, 19:00 Uhr",
        ["de", "en", "fr"],
    ),
    "ehrenamt": (
        "Nadia Muster",
        "Ehrenamtskoordination",
        "+49 7153 7005-230",
        "ehrenamt@plochingen.example",
        "Mi 14:00–17:00 Uhr",
        ["de", "fa", "en"],
    ),
    "shm": (
        "Mehmet Beispiel",
        "Sozialhausmeister Filsweg 7",
        "+49 7153 7005-240",
        "sozialhausmeister@plochingen.example",
        "Di und Do 10:00–12:00 Uhr vor Ort, in Notfällen telefonisch",
        ["de", "tr", "ar"],
    ),
    "lra": (
        "Beratungsstelle des Landkreises (Beispiel)",
        "Migrationsdienst Landkreis Esslingen",
        "+49 711 3902-0000",
        "migration@lra-es.example",
        "Termine nach Vereinbarung",
        ["de", "en", "ar", "ru"],
    ),
    "jc": (
        "Jobcenter Landkreis Esslingen (Beispiel)",
        "Team Integration",
        "+49 711 0000-100",
        "jobcenter@es.example",
        "Mo–Fr 8:00–12:00 Uhr",
        ["de", "en"],
    ),
    "ja": (
        "Jugendamt Landkreis Esslingen (Beispiel)",
        "Allgemeiner Sozialer Dienst",
        "+49 711 3902-1000",
        "jugendamt@lra-es.example",
        "Mo–Fr 8:30–12:00 Uhr",
        ["de"],
    ),
}

# slug: title, provider, short description, what is offered, for whom, areas, statuses, languages,
#       reach, cost, appointment needed, place, contacts
ANGEBOTE = [
    (
        "integrationsmanagement",
        "Integrationsmanagement",
        "Stadt Plochingen",
        "Persönliche Beratung für Geflüchtete: Ihre Fragen, Ihr Plan, die passenden Stellen.",
        "<p>Wir beraten Sie zu allen Fragen des Ankommens: Wohnen, Arbeit, Sprache, Schule, Behörden. "
        "Gemeinsam erstellen wir einen Plan und vermitteln Sie an die passenden Fachstellen (Verweisberatung).</p>",
        "Menschen mit Fluchterfahrung, die in Plochingen wohnen.",
        ["aufenthalt-recht", "arbeit-ausbildung", "wohnen", "finanzen-leistungen"],
        "gda",
        ["de", "en", "ar"],
        "lokal",
        "",
        True,
        "begegnungszentrum",
        ["im"],
    ),
    (
        "sozialer-dienst",
        "Sozialer Dienst",
        "Stadt Plochingen",
        "Hilfe in schwierigen Lebenslagen: Geld, Wohnung, Familie.",
        "<p>Der Soziale Dienst berät bei finanziellen Notlagen, drohendem Wohnungsverlust und Fragen zu "
        "Sozialleistungen und hilft bei Anträgen.</p>",
        "Alle Einwohnerinnen und Einwohner Plochingens.",
        ["finanzen-leistungen", "wohnen", "familie-kinder"],
        "gda",
        ["de", "en"],
        "lokal",
        "",
        True,
        "rathaus",
        ["sd"],
    ),
    (
        "lokales-buendnis-fuer-fluechtlinge",
        "Lokales Bündnis für Flüchtlinge",
        "Lokales Bündnis für Flüchtlinge Plochingen",
        "Ehrenamtliche begleiten, übersetzen, helfen im Alltag.",
        "<p>Ehrenamtliche Helferinnen und Helfer begleiten zu Terminen, helfen bei Briefen und im Alltag und "
        "organisieren Patenschaften. Jeden ersten Mittwoch im Monat trifft sich die Sprechrunde.</p>",
        "Geflüchtete und alle, die helfen möchten.",
        ["freizeit-begegnung", "sprache-bildung"],
        "gda",
        ["de", "en", "fr"],
        "lokal",
        "",
        False,
        "begegnungszentrum",
        ["lbf", "ehrenamt"],
    ),
    (
        "begegnungscafe",
        "Begegnungscafé",
        "Lokales Bündnis für Flüchtlinge Plochingen",
        "Kaffee, Tee und Gespräche: Menschen aus Plochingen lernen sich kennen.",
        "<p>Im Begegnungscafé treffen sich Alteingesessene und Neuangekommene. Es gibt Kaffee, Tee und Kuchen, "
        "Spiele für Kinder und Zeit für Fragen.</p>",
        "Alle – mit und ohne Migrationsgeschichte.",
        ["freizeit-begegnung"],
        "gda",
        ["de", "ar", "fa", "tr"],
        "lokal",
        "",
        False,
        "begegnungszentrum",
        ["lbf"],
    ),
    (
        "kleiderkammer",
        "Kleiderkammer",
        "Lokales Bündnis für Flüchtlinge Plochingen",
        "Kleidung für Erwachsene und Kinder, kostenlos oder gegen eine kleine Spende.",
        "<p>Gut erhaltene Kleidung, Schuhe und Bettwäsche für alle, die sie brauchen. Spenden nehmen wir zu den "
        "Öffnungszeiten entgegen.</p>",
        "Menschen mit wenig Geld.",
        ["finanzen-leistungen", "familie-kinder"],
        "gda",
        ["de", "ar"],
        "lokal",
        "Kostenlos, Spende willkommen",
        False,
        "begegnungszentrum",
        ["ehrenamt"],
    ),
    (
        "rueckkehrberatung",
        "Rückkehrberatung des Landkreises",
        "Landratsamt Esslingen",
        "Unabhängige Beratung zur freiwilligen Rückkehr und Weiterwanderung.",
        "<p>Die Rückkehrberatung informiert vertraulich über Möglichkeiten, Voraussetzungen und "
        "Förderprogramme einer freiwilligen Rückkehr.</p>",
        "Menschen mit ungeklärtem Aufenthaltsstatus oder geringer Bleibeperspektive.",
        ["rueckkehr", "aufenthalt-recht"],
        "gd",
        ["de", "en", "ar", "ru"],
        "landkreis",
        "",
        True,
        "landratsamt",
        ["lra"],
    ),
    (
        "jobcenter",
        "Jobcenter",
        "Jobcenter Landkreis Esslingen",
        "Arbeitssuche, Ausbildung, Bürgergeld für anerkannte Geflüchtete.",
        "<p>Das Jobcenter berät zu Arbeit und Ausbildung, fördert Weiterbildung und zahlt Leistungen zum "
        "Lebensunterhalt.</p>",
        "Menschen mit Anerkennung oder Aufenthaltserlaubnis, die Arbeit suchen.",
        ["arbeit-ausbildung", "finanzen-leistungen"],
        "a",
        ["de", "en"],
        "landkreis",
        "",
        True,
        "landratsamt",
        ["jc"],
    ),
    (
        "jugendamt",
        "Jugendamt",
        "Landratsamt Esslingen",
        "Unterstützung für Familien, Kinder und Jugendliche.",
        "<p>Das Jugendamt berät Eltern, hilft in Krisen und vermittelt Hilfen zur Erziehung und Kinderbetreuung.</p>",
        "Familien, Kinder und Jugendliche.",
        ["familie-kinder"],
        "gda",
        ["de"],
        "landkreis",
        "",
        True,
        "landratsamt",
        ["ja"],
    ),
    (
        "migrationsberatung",
        "Migrationsberatung für Erwachsene",
        "Migrationsdienst Landkreis Esslingen (Beispiel)",
        "Beratung zu Aufenthalt, Familiennachzug, Anerkennung von Abschlüssen.",
        "<p>Die Migrationsberatung hilft bei aufenthaltsrechtlichen Fragen, beim Familiennachzug und bei der "
        "Anerkennung ausländischer Berufsabschlüsse.</p>",
        "Erwachsene Zugewanderte.",
        ["aufenthalt-recht", "arbeit-ausbildung"],
        "gda",
        ["de", "en", "ar", "ru"],
        "landkreis",
        "",
        True,
        "landratsamt",
        ["lra"],
    ),
    (
        "sprachkurse",
        "Sprachkurse und Integrationskurse",
        "Volkshochschule (Beispiel)",
        "Deutsch lernen: Integrationskurse, Alphabetisierung, Berufssprachkurse.",
        "<p>Deutschkurse für alle Niveaus, mit Kinderbetreuung. Wir beraten Sie, welcher Kurs passt und wer "
        "die Kosten übernimmt.</p>",
        "Alle, die Deutsch lernen möchten.",
        ["sprache-bildung"],
        "gda",
        ["de", "en", "ar", "fa", "uk", "tr"],
        "lokal",
        "Für viele kostenlos (Berechtigungsschein)",
        True,
        "begegnungszentrum",
        ["im"],
    ),
    (
        "sozialhausmeister",
        "Sozialhausmeister Filsweg 7",
        "Stadt Plochingen",
        "Ansprechpartner für Bewohnerinnen, Bewohner und Nachbarschaft der Unterkunft Filsweg 7.",
        "<p>Der Sozialhausmeister ist mehrmals pro Woche vor Ort, in Notfällen auch außerhalb der Sprechzeiten "
        "erreichbar, und verbindet Bewohner, Anwohner und Stadtverwaltung.</p>",
        "Bewohnerinnen und Bewohner der Unterkunft und ihre Nachbarn.",
        ["wohnen", "freizeit-begegnung"],
        "gda",
        ["de", "tr", "ar"],
        "lokal",
        "",
        False,
        "filsweg",
        ["shm"],
    ),
]

# Everyday words people search for (the offers' search terms), translated in translations.json.
SUCHBEGRIFFE = {
    "integrationsmanagement": (
        "Hilfe beim Ankommen, Ansprechpartner, Asyl, Flüchtling, Behörde, Formulare ausfüllen, Termin"
    ),
    "sozialer-dienst": "Geld, Miete, Schulden, Wohnung verlieren, Notlage, Antrag",
    "lokales-buendnis-fuer-fluechtlinge": "Ehrenamt, Begleitung zu Terminen, Pate, Briefe verstehen, Übersetzen",
    "begegnungscafe": "Café, Kaffee, Leute kennenlernen, Freunde finden, Treffpunkt, Deutsch sprechen",
    "kleiderkammer": "Klamotten, Kleider, Anziehsachen, Kinderkleidung, Winterjacke, Schuhe",
    "rueckkehrberatung": "Rückkehr, Heimreise, Ausreise, zurück in die Heimat",
    "jobcenter": "Job, Arbeit finden, Arbeitssuche, Bürgergeld, Arbeitslos, Stelle",
    "jugendamt": "Kita, Kindergarten, Erziehung, Eltern, Kinderbetreuung, Krise",
    "migrationsberatung": "Aufenthalt, Visum, Familiennachzug, Zeugnis anerkennen, Einbürgerung, Papiere",
    "sprachkurse": "Deutschkurs, BAMF-Kurs, Sprache lernen, Deutsch, Alphakurs, Sprachschule",
    "sozialhausmeister": "Hausmeister, Unterkunft, Heim, Nachbarn, Reparatur, Streit",
}

FINDER_INTRO = (
    "<p>Hier finden Sie Beratung und Hilfe in Plochingen und im Landkreis Esslingen. Wählen Sie aus, "
    "worum es geht – die Liste zeigt die passenden Stellen.</p>"
    "<p>Demo-Hinweis: Alle Personen, Telefonnummern und E-Mail-Adressen auf diesen Seiten sind Beispiele.</p>"
)
ZENTRUM_INTRO = (
    "<p>Das Begegnungszentrum in der Innenstadt ist die zentrale Anlaufstelle für Beratung und Begegnung – "
    "offen für alle Bürgerinnen und Bürger, mit und ohne Fluchterfahrung.</p>"
)
# The rooms the plan names for the centre (Handlungsfeld 3).
RAEUME = [
    ("Büroräume", "Beratung durch das Integrationsmanagement und die Ehrenamtskoordination."),
    ("Besprechungsraum", "Für den Runden Tisch, Sprechstunden und Gespräche in Ruhe."),
    ("Veranstaltungsfläche", "Vorträge, Begegnungscafé und gemeinsame Aktionen."),
    ("Kleiderkammer", "Kleidung für Erwachsene und Kinder."),
    ("Möbellager", "Gespendete Möbel bis zur Abholung."),
]
HAUSMEISTER_INTRO = (
    "<p>Der Sozialhausmeister ist Ansprechpartner für die Bewohnerinnen und Bewohner der Unterkunft Filsweg 7 "
    "und für die Nachbarschaft. Er ist mehrmals pro Woche vor Ort und in Notfällen auch außerhalb der "
    "Sprechzeiten erreichbar.</p>"
)
NOTRUF = "Im Notfall: Polizei 110, Feuerwehr und Rettungsdienst 112."
INFOBLAETTER = [
    (
        "einweisung",
        "Ansprechpartner und Beratungsangebote vor Ort",
        "infoblatt-einweisung",
        "Willkommen in Plochingen! Auf diesem Blatt finden Sie die wichtigsten Ansprechpartner für Ihre ersten Wochen.",
        [
            "integrationsmanagement",
            "sozialhausmeister",
            "lokales-buendnis-fuer-fluechtlinge",
            "kleiderkammer",
            "sprachkurse",
            "sozialer-dienst",
        ],
    ),
    (
        "anmeldung",
        "Beratungsangebote für Neubürgerinnen und Neubürger",
        "infoblatt-anmeldung",
        "Sie haben sich in Plochingen angemeldet. Diese Stellen beraten Sie – kostenlos und in vielen Sprachen.",
        [
            "integrationsmanagement",
            "begegnungscafe",
            "sprachkurse",
            "jobcenter",
            "migrationsberatung",
            "jugendamt",
            "rueckkehrberatung",
        ],
    ),
]
STATUS_FLAGS = {"g": "fuer_gestattung", "d": "fuer_duldung", "a": "fuer_anerkennung"}


def ensure_ort(key, german):
    data = ORTE[key]
    ort = Ort.objects.filter(locale=german, name=data["name"]).first()
    return ort or Ort.objects.create(locale=german, **data)


def ensure_kontakt(key, german):
    name, funktion, telefon, email, sprechzeiten, sprachen = KONTAKTE[key]
    kontakt = Ansprechpartner.objects.filter(locale=german, name=name).first()
    if kontakt is None:
        kontakt = Ansprechpartner(
            locale=german, name=name, funktion=funktion, telefon=telefon, email=email, sprechzeiten=sprechzeiten
        )
        kontakt.sprachen.set(Sprache.objects.filter(code__in=sprachen))
        kontakt.save()
    return kontakt


def seed(stdout):
    german = Locale.objects.get(language_code="de")
    home = Page.objects.get(depth=2, locale=german).specific
    orte = {key: ensure_ort(key, german) for key in ORTE}
    kontakte = {key: ensure_kontakt(key, german) for key in KONTAKTE}

    finder = home.get_children().filter(slug="angebote").specific().first()
    if finder is None:
        finder = AngeboteIndexPage(
            title="Beratung und Angebote",
            slug="angebote",
            intro=FINDER_INTRO,
            show_in_menus=True,
            hilfe_kontakt=kontakte["im"],
        )
        home.add_child(instance=finder)
        finder.save_revision().publish()

    today = timezone.localdate()
    for index, (
        slug,
        title,
        traeger,
        kurz,
        angebot,
        zielgruppe,
        bereiche,
        status,
        sprachen,
        reichweite,
        kosten,
        termin,
        ort,
        kontakt_keys,
    ) in enumerate(ANGEBOTE):
        if finder.get_children().filter(slug=slug).exists():
            continue
        page = AngebotPage(
            title=title,
            slug=slug,
            traeger=traeger,
            kurzbeschreibung=kurz,
            angebot=angebot,
            zielgruppe=zielgruppe,
            suchbegriffe=SUCHBEGRIFFE.get(slug, ""),
            reichweite=reichweite,
            kosten=kosten,
            termin_noetig=termin,
            ort=orte[ort],
            barrierefrei=orte[ort].barrierefrei,
            # Two offers are overdue for their yearly review, so the CMS report has something to show.
            zuletzt_geprueft=today - datetime.timedelta(days=400 if index in (5, 8) else 30 + index * 7),
            **{flag: letter in status for letter, flag in STATUS_FLAGS.items()},
        )
        page.lebensbereiche.set(Lebensbereich.objects.filter(slug__in=bereiche))
        page.sprachen.set(Sprache.objects.filter(code__in=sprachen))
        page.ansprechpartner_links = [AngebotAnsprechpartner(ansprechpartner=kontakte[k]) for k in kontakt_keys]
        finder.add_child(instance=page)
        page.save_revision().publish()

    for variante, title, slug, einleitung, slugs in INFOBLAETTER:
        if finder.get_children().filter(slug=slug).exists():
            continue
        blatt = InfoblattPage(title=title, slug=slug, variante=variante, einleitung=einleitung, hinweis=NOTRUF)
        offers = {o.slug: o for o in AngebotPage.objects.child_of(finder)}
        blatt.eintraege = [InfoblattEintrag(angebot=offers[s]) for s in slugs]
        finder.add_child(instance=blatt)
        blatt.save_revision().publish()

    zentrum = home.get_children().filter(slug="begegnungszentrum").specific().first()
    if zentrum is None:
        zentrum = BegegnungszentrumPage(
            title="Begegnungszentrum",
            slug="begegnungszentrum",
            show_in_menus=True,
            intro=ZENTRUM_INTRO,
            raeume=[("raum", {"name": name, "beschreibung": text}) for name, text in RAEUME],
            ort=orte["begegnungszentrum"],
            kleiderkammer_zeiten="Di 15:00–18:00 Uhr\nSa 10:00–12:00 Uhr",
            moebelspende_text=(
                "Gut erhaltene Möbel helfen Familien beim Einzug in eine eigene Wohnung. Die Ehrenamtskoordination "
                "organisiert die Abholung und lagert die Möbel im Möbellager."
            ),
        )
        home.add_child(instance=zentrum)
        zentrum.save_revision().publish()

    hausmeister = home.get_children().filter(slug="sozialhausmeister").specific().first()
    if hausmeister is None:
        hausmeister = SozialhausmeisterPage(
            title="Sozialhausmeister Filsweg 7",
            slug="sozialhausmeister",
            intro=HAUSMEISTER_INTRO,
            kontakt=kontakte["shm"],
            ort=orte["filsweg"],
            anliegen_text=(
                "Ist Ihnen in der Nachbarschaft etwas aufgefallen, haben Sie eine Frage oder eine Idee? "
                "Schreiben Sie uns – auch ohne Namen."
            ),
        )
        home.add_child(instance=hausmeister)
        hausmeister.save_revision().publish()

    translations = load_translations(TRANSLATIONS_FILE)
    for code in TRANSLATED_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        for snippet in [*orte.values(), *kontakte.values()]:
            translate_snippet(snippet, locale, translations)
        translate_page(finder, locale, translations)
        translate_page(zentrum, locale, translations)
        translate_page(hausmeister, locale, translations)
        for page in AngebotPage.objects.child_of(finder):
            translate_page(page, locale, translations)
        for page in InfoblattPage.objects.child_of(finder):
            translate_page(page, locale, translations)
    stdout.write(f"angebote: {AngebotPage.objects.filter(locale=german).count()} offers")
