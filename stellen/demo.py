"""Demo job postings: the job postings page with two postings (Bauhof and Kinderhäuser), translated
into every portal language. The applicants are in intern/personal/demo.py."""

import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page

from angebote.models import AngebotPage
from portal.demo import load_translations, translate_page

from .models import StellenangebotPage, Stellenbereich, StellenIndexPage

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
        "bereich": Stellenbereich.BAUHOF,
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
        "bereich": Stellenbereich.KINDERHAEUSER,
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
    stdout.write(f"Job postings: {len(stellen)}")
