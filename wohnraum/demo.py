"""Demo housing: the public Wohnraum page, a few landlords' offers, households looking for a flat,
and one completed placement. All people are fictional and marked as examples."""

import datetime
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page

from angebote.models import Ansprechpartner
from intern.faelle.models import Fall
from portal.demo import load_translations, translate_page

from .models import Vermieterkontakt, Vermittlung, WohnraumPage, Wohnungsangebot, Wohnungssuche

TRANSLATIONS = Path(__file__).parent / "demo_data" / "translations.json"

INTRO = (
    "<p>Sie haben eine Wohnung frei? Vermieten Sie an Menschen, die in Plochingen neu anfangen. "
    "Die Stadt unterstützt Sie dabei – vom ersten Gespräch bis nach dem Einzug.</p>"
)
ANGEBOT = [
    ("heading", {"text": "Was die Stadt Ihnen bietet"}),
    (
        "paragraph",
        "<ul><li><b>Mietausfallgarantie:</b> Die Stadt sichert die Miete ab, wenn sie einmal nicht gezahlt wird.</li>"
        "<li><b>Hilfe beim Mietvertrag:</b> Wir prüfen den Vertrag mit Ihnen und erklären ihn den neuen Mietern.</li>"
        "<li><b>Hilfe bei der Auswahl:</b> Wir schlagen Ihnen Haushalte vor, die zur Wohnung passen. "
        "Sie entscheiden.</li>"
        "<li><b>Eine feste Ansprechperson:</b> auch nach dem Einzug, wenn Fragen entstehen.</li></ul>",
    ),
    ("heading", {"text": "So geht es"}),
    (
        "paragraph",
        "<p>Sie beschreiben die Wohnung im Formular. Wir melden uns innerhalb einer Woche, schauen die Wohnung "
        "gemeinsam an und schlagen Ihnen passende Mieterinnen und Mieter vor. Wohnraum fehlt für viele in "
        "Plochingen: Das Programm steht allen offen, die eine bezahlbare Wohnung suchen.</p>",
    ),
]
FRAGEN = [
    (
        "Wer zahlt die Miete?",
        "<p>Die Mieterinnen und Mieter zahlen die Miete. Wenn das Jobcenter die Kosten übernimmt, kann die Miete "
        "direkt an Sie überwiesen werden.</p>",
    ),
    (
        "Was passiert, wenn es Probleme gibt?",
        "<p>Rufen Sie uns an. Wir vermitteln, und die Mietausfallgarantie schützt Sie vor Verlusten.</p>",
    ),
    (
        "Muss ich jemanden aufnehmen, den ich nicht kenne?",
        "<p>Nein. Sie lernen die Haushalte vorher kennen und entscheiden selbst, an wen Sie vermieten.</p>",
    ),
]
HILFE = (
    "Beschreiben Sie die Wohnung so gut Sie können. Pflichtfelder sind markiert. Die Warmmiete ist die Miete "
    "mit Heizung und Nebenkosten. Fotos helfen uns, sind aber freiwillig. Wenn Sie unsicher sind, rufen Sie uns "
    "an – wir füllen das Formular gern gemeinsam mit Ihnen aus."
)

ANGEBOTE = [
    # address, district, m², rooms, cold, warm, step-free, furnished, pets, landlord, status
    (
        "Marktstraße 21 (Beispiel)",
        "innenstadt",
        68,
        3,
        560,
        720,
        False,
        False,
        True,
        "Irene Vogt (Beispiel)",
        "vermittelt",
    ),
    ("Hermannstraße 5 (Beispiel)", "stumpenhof", 52, 2, 430, 560, True, False, False, "Klaus Berger (Beispiel)", "neu"),
    (
        "Am Fils 3 (Beispiel)",
        "filstal",
        94,
        4,
        780,
        980,
        False,
        True,
        False,
        "Wohnbau Fils GmbH (Beispiel)",
        "besichtigung",
    ),
]


def seed(stdout):
    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = Page.objects.get(depth=2, locale=german).specific
    page = home.get_children().filter(slug="wohnraum").specific().first()
    if page is None:
        page = WohnraumPage(
            title="Wohnraum vermieten",
            slug="wohnraum",
            show_in_menus=True,
            intro=INTRO,
            body=ANGEBOT,
            fragen=[("frage", {"frage": frage, "antwort": antwort}) for frage, antwort in FRAGEN],
            kontakt=Ansprechpartner.objects.filter(locale=german).first(),
            formular_hilfe=HILFE,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    translations = load_translations(TRANSLATIONS)
    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE):
        translate_page(page, locale, translations)

    today = timezone.localdate()
    angebote = []
    for index, (adresse, stadtteil, flaeche, zimmer, kalt, warm, frei, moebel, tiere, name, status) in enumerate(
        ANGEBOTE
    ):
        angebot, _created = Wohnungsangebot.objects.get_or_create(
            adresse=adresse,
            defaults={
                "stadtteil": stadtteil,
                "flaeche": Decimal(flaeche),
                "zimmer": Decimal(zimmer),
                "kaltmiete": Decimal(kalt),
                "warmmiete": Decimal(warm),
                "frei_ab": today + datetime.timedelta(days=14 * index - 30),
                "barrierefrei": frei,
                "moebliert": moebel,
                "haustiere": tiere,
                "name": name,
                "email": f"vermieter{index + 1}@demo.plochingen.example",
                "einwilligung_am": timezone.now(),
                "status": status,
            },
        )
        angebote.append(angebot)
        if _created:
            Vermieterkontakt.objects.create(
                angebot=angebot, datum=today - datetime.timedelta(days=5), notiz="Rückruf, Besichtigung vereinbart."
            )

    faelle = list(Fall.objects.filter(status="in_betreuung", unterbringung="anschluss").order_by("nummer")[:3])
    for fall, (personen, cap, stadtteile) in zip(
        faelle,
        [(3, Decimal(750), ["innenstadt"]), (2, Decimal(600), ["stumpenhof"]), (5, Decimal(1000), [])],
        strict=False,
    ):
        Wohnungssuche.objects.get_or_create(
            fall=fall, defaults={"personen": personen, "mietobergrenze": cap, "stadtteile": stadtteile}
        )
        if "vermieter" not in (fall.einwilligung().empfaenger if fall.einwilligung() else []):
            einwilligung = fall.einwilligung()
            if einwilligung is not None:
                einwilligung.empfaenger = [*einwilligung.empfaenger, "vermieter"]
                einwilligung.save(update_fields=["empfaenger"])
    if faelle and not Vermittlung.objects.exists():
        suche = faelle[0].wohnungssuche
        Vermittlung.objects.create(
            angebot=angebote[0],
            suche=suche,
            status=Vermittlung.Status.EINGEZOGEN,
            vorgeschlagen_am=today - datetime.timedelta(days=60),
            besichtigung_am=today - datetime.timedelta(days=50),
            mietvertrag_am=today - datetime.timedelta(days=40),
            eingezogen_am=today - datetime.timedelta(days=30),
            aus_anschlussunterbringung=True,
            geteilt_am=timezone.now() - datetime.timedelta(days=55),
            nachbetreuung_am=today - datetime.timedelta(days=10),
            nachbetreuung_notiz="Gut angekommen, die Kinder gehen zur Schule in der Innenstadt. (Beispiel)",
        )
        suche.aktiv = False
        suche.save(update_fields=["aktiv"])
        Fall.objects.filter(pk=suche.fall_id).update(unterbringung="privat", adresse=angebote[0].adresse)
    stdout.write(f"Housing: Wohnraum page, {len(angebote)} offers, {Wohnungssuche.objects.count()} searches")
