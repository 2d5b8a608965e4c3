"""Demo recruitment: the job postings page with two postings (Bauhof and Kinderhäuser), translated
into every portal language, and a few fictional applicants at different stages."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Locale, Page

from angebote.models import AngebotPage
from portal import roles
from portal.demo import demo_email, demo_pdf, ensure_demo_user, load_translations, translate_page
from portal.models import User

from .models import Bereich, Bewerbung, Einstellung, StellenangebotPage, StellenIndexPage, Verlauf

TRANSLATIONS = Path(__file__).parent / "demo_data" / "translations.json"

INTRO = (
    "<p>Die Stadt Plochingen sucht Menschen, die mit anpacken – auch Menschen, die neu in Deutschland sind. "
    "Wir stellen anerkannte Flüchtlinge je nach Qualifikation ein: im Bauhof, in der Stadtverwaltung, "
    "in der Sozialstation und in den Kinderhäusern.</p>"
)
ANERKENNUNG = (
    "<p>Sie haben einen Beruf oder ein Studium im Ausland gelernt? Oft kann er in Deutschland anerkannt werden. "
    "Die Migrationsberatung hilft Ihnen dabei, kostenlos. Sie können sich auch bewerben, "
    "bevor die Anerkennung fertig ist.</p>"
)

STELLEN = [
    {
        "title": "Mitarbeiterin / Mitarbeiter im Bauhof (m/w/d)",
        "slug": "bauhof-mitarbeit",
        "bereich": Bereich.BAUHOF,
        "intro": "Sie halten Straßen, Wege, Grünflächen und Spielplätze in Plochingen sauber und sicher.",
        "aufgaben": "<ul><li>Grünflächen pflegen: mähen, schneiden, pflanzen</li>"
        "<li>Straßen und Wege reinigen, im Winter Schnee räumen</li>"
        "<li>bei Festen und Märkten Bühnen und Stände aufbauen</li></ul>",
        "anforderungen": "<ul><li>Sie arbeiten gern draußen und mit den Händen.</li>"
        "<li>Sie sprechen so viel Deutsch, dass Sie Arbeitsaufträge verstehen (etwa A2). "
        "Wir helfen beim Weiterlernen.</li>"
        "<li>Eine Ausbildung im Garten- oder Bauhandwerk ist gut, aber kein Muss: Wir lernen Sie an.</li>"
        "<li>Führerschein Klasse B ist gut. "
        "Den Führerschein für größere Fahrzeuge können Sie bei uns machen.</li></ul>",
        "angebot": "<ul><li>Bezahlung nach Tarifvertrag (TVöD)</li><li>ein festes Team und Arbeitskleidung</li>"
        "<li>Zeit für einen Deutschkurs während der Arbeitszeit</li></ul>",
        "umfang": "Vollzeit, 39 Stunden pro Woche",
        "beginn": "so bald wie möglich",
    },
    {
        "title": "Pädagogische Fachkraft für die Kinderhäuser (m/w/d)",
        "slug": "kinderhaeuser-fachkraft",
        "bereich": Bereich.KINDERHAEUSER,
        "intro": "Sie begleiten Kinder von einem bis sechs Jahren im Alltag unserer Kinderhäuser.",
        "aufgaben": "<ul><li>mit den Kindern spielen, lernen und den Tag gestalten</li>"
        "<li>mit den Eltern sprechen, auch mit Eltern, die wenig Deutsch sprechen</li>"
        "<li>die Entwicklung der Kinder beobachten und aufschreiben</li></ul>",
        "anforderungen": "<ul><li>Sie haben eine pädagogische Ausbildung oder ein Studium, "
        "zum Beispiel als Erzieherin, Lehrerin oder Sozialpädagogin – auch aus dem Ausland.</li>"
        "<li>Ein Abschluss aus dem Ausland muss anerkannt werden. Wir helfen Ihnen dabei.</li>"
        "<li>Sie sprechen gut Deutsch (etwa B2). Weitere Sprachen sind ein Plus.</li></ul>",
        "angebot": "<ul><li>Bezahlung nach Tarifvertrag (TVöD SuE)</li>"
        "<li>Einarbeitung mit einer festen Ansprechperson</li><li>Fortbildungen</li></ul>",
        "umfang": "Teilzeit oder Vollzeit, 25 bis 39 Stunden pro Woche",
        "beginn": "ab dem nächsten Kita-Jahr",
    },
]

BEWERBUNGEN = [
    # stelle index, first name, last name, languages, qualifications, status, refugee (None = not said)
    (
        0,
        "Samir",
        "Haddad",
        "Arabisch (Muttersprache), Deutsch B1",
        "Gärtner in Aleppo, 8 Jahre. Seit 2024 Minijob in einer Gärtnerei in Esslingen.",
        "hospitation",
        True,
    ),
    (
        0,
        "Oleksandr",
        "Bondarenko",
        "Ukrainisch, Russisch, Deutsch A2",
        "Straßenbau, 12 Jahre. Führerschein C.",
        "gespraech",
        None,
    ),
    (0, "Peter", "Lang", "Deutsch", "Landschaftsgärtner mit Gesellenbrief.", "eingegangen", False),
    (
        1,
        "Mariam",
        "Ahmadi",
        "Dari, Persisch, Deutsch B2, Englisch",
        "Grundschullehrerin in Herat, 5 Jahre. Anerkennung als Erzieherin beantragt.",
        "angebot",
        True,
    ),
    (1, "Nina", "Berg", "Deutsch, Englisch", "Erzieherin, 3 Jahre Kita-Erfahrung.", "abgesagt", None),
]


def seed(stdout):
    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = Page.objects.get(depth=2, locale=german).specific
    index = home.get_children().filter(slug="stellen").specific().first()
    if index is None:
        index = StellenIndexPage(
            title="Arbeiten bei der Stadt",
            slug="stellen",
            show_in_menus=True,
            intro=INTRO,
            anerkennung=ANERKENNUNG,
            anerkennung_seite=AngebotPage.objects.filter(locale=german, slug="migrationsberatung").first(),
            anerkennung_url="https://www.anerkennung-in-deutschland.de/",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    stellen = []
    for daten in STELLEN:
        stelle = index.get_children().filter(slug=daten["slug"]).specific().first()
        if stelle is None:
            stelle = StellenangebotPage(**daten, bewerbungsschluss=timezone.localdate() + datetime.timedelta(days=45))
            index.add_child(instance=stelle)
            stelle.save_revision().publish()
        stellen.append(stelle)
    translations = load_translations(TRANSLATIONS)
    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE):
        translate_page(index, locale, translations)
        for stelle in stellen:
            translate_page(stelle, locale, translations)

    if not Bewerbung.objects.exists():
        ensure_demo_user(roles.PERSONAL)
        hr = User.objects.get(email=demo_email(roles.PERSONAL))
        jetzt = timezone.now()
        for nummer, (stelle_index, vorname, nachname, sprachen, quali, status, fluechtling) in enumerate(BEWERBUNGEN):
            stelle = stellen[stelle_index]
            eingegangen = jetzt - datetime.timedelta(days=30 - nummer)
            bewerbung = Bewerbung(
                eingegangen=eingegangen,
                telefon=f"07153 7001-{nummer + 10}" if nummer % 2 == 0 else "",
                stelle=stelle,
                stelle_titel=stelle.title,
                bereich=stelle.bereich,
                sprache="ar" if fluechtling else "de",
                status=status,
                vorname=vorname,
                nachname=f"{nachname} (Beispiel)",
                email=f"bewerbung{nummer + 1}@demo.plochingen.example",
                sprachen=sprachen,
                qualifikationen=quali,
                einwilligung_am=eingegangen,
                anerkannter_fluechtling=fluechtling,
                abgeschlossen_am=eingegangen + datetime.timedelta(days=5) if status == "abgesagt" else None,
            )
            bewerbung.lebenslauf.save(
                "lebenslauf.pdf", ContentFile(demo_pdf("Lebenslauf (Beispiel)", f"{vorname} {nachname}")), save=False
            )
            gespraech = None
            if status == "gespraech":  # an interview next week, 10:00 for an hour, in the Rathaus
                beginn = timezone.localtime(jetzt + datetime.timedelta(days=7)).replace(
                    hour=10, minute=0, second=0, microsecond=0
                )
                gespraech = (beginn, beginn + datetime.timedelta(hours=1), "Rathaus Plochingen, Zimmer 12 (Beispiel)")
                bewerbung.gespraech_beginn, bewerbung.gespraech_ende, bewerbung.gespraech_ort = gespraech
                bewerbung.gespraech_geaendert_am = eingegangen + datetime.timedelta(days=5)
            bewerbung.save()
            Verlauf.objects.create(bewerbung=bewerbung, status="eingegangen", zeitpunkt=eingegangen)
            if status != "eingegangen":
                Verlauf.objects.create(
                    bewerbung=bewerbung,
                    zeitpunkt=eingegangen + datetime.timedelta(days=5),
                    user=hr,
                    status=status,
                    notiz="Telefonisch vereinbart. (Beispiel)",
                    gespraech_beginn=gespraech[0] if gespraech else None,
                    gespraech_ort=gespraech[2] if gespraech else "",
                    mail_gesendet=True,
                )
        # Last year's hires, counted anonymously.
        letztes_jahr = timezone.localdate().year - 1
        for bereich, fluechtling, anzahl in [
            (Bereich.BAUHOF, True, 2),
            (Bereich.BAUHOF, False, 3),
            (Bereich.KINDERHAEUSER, False, 3),
            (Bereich.STADTVERWALTUNG, None, 1),
        ]:
            for _n in range(anzahl):
                Einstellung.objects.create(jahr=letztes_jahr, bereich=bereich, anerkannter_fluechtling=fluechtling)
    stdout.write(f"Recruitment: {len(stellen)} job postings, {Bewerbung.objects.count()} applications")
