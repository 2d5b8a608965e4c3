"""Demo content for home/: the plan's texts, news and legal pages. Called by `seed_demo`."""

import datetime
from pathlib import Path

from django.core.files import File
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site
from wagtailmedia import get_media_model

from portal.demo import load_translations, translate_page, translate_snippet

from .models import (
    BarrierefreiheitPage,
    GebaerdensprachePage,
    HandlungsfeldIndexPage,
    HandlungsfeldPage,
    Hinweis,
    HomePage,
    IntegrationsbegriffPage,
    LeichteSprachePage,
    NewsArticlePage,
    NewsIndexPage,
    StandardPage,
)
from .plan import read_plan

TRANSLATIONS_FILE = Path(__file__).parent / "demo_data" / "translations.json"

HOME_INTRO = (
    "<p>Willkommen im Integrationsportal der Stadt Plochingen. Hier finden Sie Beratung, Begegnung, "
    "Termine und Möglichkeiten zum Mitmachen – für alle, die in Plochingen leben, ganz gleich woher sie kommen.</p>"
)
INTEGRATIONSBEGRIFF_INTRO = (
    "Integration braucht einen gemeinsamen Nenner. Die Präambel des Integrationsplans „Eins werden in Vielfalt“ "
    "beschreibt, was Integration für die Stadt Plochingen bedeutet."
)
HANDLUNGSFELDER_INTRO = (
    "<p>Der Integrationsplan beschreibt sieben Handlungsfelder. Zu jedem Feld finden Sie hier die Beschreibung "
    "und die Maßnahmen, die die Stadt sich vorgenommen hat.</p>"
)
HINWEIS = "Der Integrationsplan „Eins werden in Vielfalt“ ist jetzt online."
NEWS_INTRO = "<p>Neuigkeiten aus der Integrationsarbeit in Plochingen.</p>"

NEWS = [
    (
        2,
        "Integrationsplan „Eins werden in Vielfalt“ jetzt online",
        "Der Integrationsplan der Stadt Plochingen ist ab sofort im Integrationsportal nachzulesen – "
        "mit dem gemeinsamen Integrationsbegriff und allen sieben Handlungsfeldern.",
    ),
    (
        9,
        "Begegnungscafé sucht Verstärkung",
        "Das Begegnungscafé des Lokalen Bündnisses für Flüchtlinge lädt weiterhin alle Plochingerinnen und "
        "Plochinger ein. Für die Bewirtung werden ehrenamtliche Helferinnen und Helfer gesucht.",
    ),
    (
        21,
        "Beirat für Migration und Integration: Konzept in Arbeit",
        "Die Stadtverwaltung erarbeitet im Auftrag des Gemeinderats ein Konzept für einen Beirat, "
        "der halbjährlich tagt und den Gemeinderat in Fragen der Integration berät.",
    ),
    (
        35,
        "Wohnraum gesucht: Vermieterinnen und Vermieter willkommen",
        "Die Stadt sucht privaten und preisgünstigen Wohnraum. Vermieterinnen und Vermieter erhalten Beratung "
        "und Unterstützung, etwa beim Mietvertrag.",
    ),
]

LEGAL_PAGES = {
    "impressum": (
        "Impressum",
        "Angaben gemäß § 5 Digitale-Dienste-Gesetz.",
        [
            ("heading", {"text": "Herausgeber"}),
            (
                "contact",
                {
                    "name": "Stadt Plochingen (Beispieldaten)",
                    "role": "Vertreten durch die Bürgermeisterin / den Bürgermeister",
                    "email": "integration@plochingen.example",
                    "phone": "+49 7153 0000-0",
                    "address": "Rathaus\nMarktplatz 1\n73207 Plochingen",
                    "hours": "",
                },
            ),
            (
                "paragraph",
                "<p>Die Stadt Plochingen ist eine Körperschaft des öffentlichen Rechts. "
                "Verantwortlich für den Inhalt: Integrationsmanagement der Stadt Plochingen. "
                "Alle Kontaktdaten auf dieser Demo-Seite sind Beispiele.</p>",
            ),
        ],
    ),
    "datenschutz": (
        "Datenschutzerklärung",
        "Wie das Integrationsportal mit Ihren Daten umgeht.",
        [
            ("heading", {"text": "Verantwortliche Stelle"}),
            (
                "paragraph",
                "<p>Verantwortlich im Sinne der Datenschutz-Grundverordnung (DSGVO) ist die Stadt Plochingen. "
                "Den behördlichen Datenschutzbeauftragten erreichen Sie unter "
                "datenschutz@plochingen.example (Beispiel).</p>",
            ),
            ("heading", {"text": "Welche Daten wir verarbeiten"}),
            (
                "paragraph",
                "<ul><li>Beim Lesen der Seiten: keine Cookies außer dem technisch nötigen "
                "Sprach- und Sicherheits-Cookie; "
                "keine Analyse-Werkzeuge, keine Inhalte von Dritten.</li>"
                "<li>Mit einem Konto: E-Mail-Adresse, Name, bevorzugte Sprache und Ihre Anmeldegeräte "
                "für die Zwei-Faktor-Anmeldung.</li>"
                "<li>In Formularen: nur, was Sie selbst eingeben, zu dem Zweck, der am Formular steht.</li></ul>",
            ),
            ("heading", {"text": "Ihre Rechte"}),
            (
                "paragraph",
                "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, "
                "Datenübertragbarkeit und Widerspruch. Mit einem Konto können Sie Ihre Daten unter „Mein Konto“ "
                "selbst herunterladen und Ihr Konto löschen. Sie können sich beim Landesbeauftragten für den "
                "Datenschutz und die Informationsfreiheit Baden-Württemberg beschweren.</p>",
            ),
        ],
    ),
}


BARRIEREFREIHEIT = {
    "title": "Erklärung zur Barrierefreiheit",
    "slug": "barrierefreiheit",
    "einleitung": (
        "Die Stadt Plochingen ist bemüht, ihre Websites und mobilen Anwendungen im Einklang mit § 10 Absatz 1 des "
        "Landes-Behindertengleichstellungsgesetzes (L-BGG) barrierefrei zugänglich zu machen.\n"
        "Diese Erklärung zur Barrierefreiheit gilt für das Integrationsportal der Stadt Plochingen."
    ),
    "stand": "teilweise",
    "stand_erlaeuterung": (
        "Das Portal wurde nach den Anforderungen der BITV 2.0 und der WCAG 2.2 auf Stufe AA gestaltet. "
        "Die unten genannten Inhalte sind noch nicht vollständig barrierefrei."
    ),
    "nicht_barrierefrei": [
        (
            "inhalt",
            {
                "inhalt": "Videos in Deutscher Gebärdensprache",
                "grund": "unvereinbar",
                "beschreibung": (
                    "Die Seite in Gebärdensprache zeigt bisher ein Beispielvideo ohne Gebärdensprache. "
                    "Die Videos werden bei einer Dolmetscherin in Auftrag gegeben."
                ),
                "alternative": "Der Text jedes Videos steht auf Deutsch neben dem Video.",
            },
        ),
        (
            "inhalt",
            {
                "inhalt": "Texte in Leichter Sprache",
                "grund": "unvereinbar",
                "beschreibung": "Die Texte in Leichter Sprache sind noch nicht von einer Prüfgruppe geprüft.",
                "alternative": "",
            },
        ),
        (
            "inhalt",
            {
                "inhalt": "Übersetzungen",
                "grund": "unvereinbar",
                "beschreibung": (
                    "Nicht alle Seiten sind in alle Sprachen übersetzt. Nicht übersetzte Seiten werden auf Deutsch "
                    "gezeigt, mit einem Hinweis, und sind als deutschsprachig ausgezeichnet."
                ),
                "alternative": "Das Integrationsmanagement berät mit Dolmetscherinnen und Dolmetschern.",
            },
        ),
        (
            "inhalt",
            {
                "inhalt": "Dokumente anderer Stellen",
                "grund": "ausgenommen",
                "beschreibung": (
                    "Verlinkte Dokumente anderer Stellen, etwa von Trägern der Angebote, liegen nicht in der "
                    "Verantwortung der Stadt."
                ),
                "alternative": "",
            },
        ),
    ],
    "methode": "selbstbewertung",
    "methode_erlaeuterung": (
        "Jede Seitenart wird bei jeder Änderung automatisch geprüft (axe in Chromium, Prüfung des HTML mit dem "
        "Nu Html Checker, Bedienung nur mit der Tastatur, 360 Pixel breite Bildschirme, Arabisch von rechts nach "
        "links). Dazu kommen manuelle Prüfungen mit Bildschirmleser."
    ),
    "feedback": (
        "Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten des Portals aufgefallen? "
        "Oder brauchen Sie Informationen aus dem Portal in barrierefreier Form? "
        "Dann melden Sie uns das mit dem Formular unten, per E-Mail oder per Telefon.\n"
        "Wir antworten innerhalb eines Monats."
    ),
    "kontakt": [
        (
            "contact",
            {
                "name": "Stadt Plochingen, Integrationsmanagement (Beispieldaten)",
                "role": "Kontakt für Barrierefreiheit",
                "email": "barrierefreiheit@plochingen.example",
                "phone": "+49 7153 0000-100",
                "address": "Rathaus\nMarktplatz 1\n73207 Plochingen",
                "hours": "Mo–Fr 8:30–12:00 Uhr",
            },
        )
    ],
    "durchsetzung": (
        "<p>Wenn Sie auf Ihre Meldung innerhalb eines Monats keine oder keine zufriedenstellende Antwort "
        "erhalten haben, können Sie einen Antrag auf Schlichtung stellen (§ 10b L-BGG). Die Schlichtung ist "
        "kostenfrei; Sie brauchen keine Anwältin und keinen Anwalt.</p>"
        "<p><b>Schlichtungsstelle beim Landeszentrum Barrierefreiheit (LZ-BARR)</b><br>"
        "Else-Josenhans-Straße 6<br>70173 Stuttgart<br>"
        '<a href="https://barrierefreiheit-bw.de/">barrierefreiheit-bw.de</a></p>'
        "<p>Den Antrag können Sie über das Formular auf der Website des Landeszentrums, per E-Mail, per Post "
        "oder nach Terminabsprache vor Ort stellen.</p>"
    ),
}


def _abschnitt(ueberschrift, *saetze):
    text = "\n".join(saetze)
    return ("abschnitt", {"ueberschrift": ueberschrift, "text": text, "bild": None, "bildbeschreibung": ""})


def _wort(wort, *saetze):
    return ("wort", {"wort": wort, "erklaerung": "\n".join(saetze)})


LEICHTE_SPRACHE_PRUEFUNG = "Beispieltext, noch nicht von Prüferinnen und Prüfern geprüft."
# BITV 2.0 Anlage 2: what the site holds, how to find one's way, the essentials of the Erklärung zur
# Barrierefreiheit, and where there is more in Leichte Sprache and in Gebärdensprache.
LEICHTE_SPRACHE = (
    "Leichte Sprache",
    "Hier finden Sie Infos in Leichter Sprache.\nDie Infos sind über das Integrations·portal von Plochingen.",
    [
        _abschnitt(
            "Was steht im Integrations·portal?",
            "Das Integrations·portal ist eine Internet·seite.",
            "Die Internet·seite ist von der Stadt Plochingen.",
            "Sie ist für Menschen, die neu in Plochingen sind.",
            "Und für alle Menschen, die helfen wollen.",
            "Im Integrations·portal finden Sie Hilfe und Beratung.",
            "Sie finden Termine und Treffen.",
            "Sie finden Infos zum Mitmachen.",
            "Und Sie finden Infos zu Wohnungen.",
        ),
        _wort(
            "Integration",
            "Integration bedeutet: Alle Menschen leben gut zusammen.",
            "Alle können mitmachen.",
            "Egal, woher sie kommen.",
        ),
        _abschnitt(
            "So finden Sie sich zurecht",
            "Oben auf jeder Seite ist ein blauer Bereich.",
            "Dort steht das Wort: Menü.",
            "Tippen Sie auf Menü.",
            "Dann sehen Sie alle Bereiche vom Portal.",
            "Neben dem Menü können Sie die Sprache wählen.",
            "Es gibt 6 Sprachen.",
            "Zum Beispiel: Arabisch, Ukrainisch und Türkisch.",
            "Unter dem blauen Bereich ist ein Such·feld.",
            "Dort können Sie ein Wort schreiben.",
            "Dann zeigt das Portal passende Seiten.",
            "Ganz unten auf jeder Seite stehen diese Links: Impressum, Datenschutz und Barriere·freiheit.",
        ),
        _abschnitt(
            "Barriere·freiheit: Was ist gut? Was ist noch nicht gut?",
            "Die Stadt Plochingen will: Alle Menschen können das Portal gut benutzen.",
            "Auch Menschen mit Behinderung.",
            "Das Portal ist schon zum großen Teil barriere·frei.",
            "Aber noch nicht alles.",
            "Manche Seiten gibt es noch nicht in jeder Sprache.",
            "Dann sehen Sie die Seite auf Deutsch.",
            "Haben Sie ein Problem mit dem Portal?",
            "Dann sagen Sie es uns.",
            "Schreiben Sie eine E-Mail an: barrierefreiheit@plochingen.example",
            "Oder rufen Sie an: 07153 0000-100",
            "Wir antworten Ihnen.",
            "Mehr dazu steht in der Erklärung zur Barriere·freiheit.",
            "Die Erklärung ist in schwerer Sprache.",
        ),
        _wort(
            "Barriere·freiheit",
            "Eine Barriere ist ein Hindernis.",
            "Barriere·freiheit bedeutet: Es gibt keine Hindernisse.",
            "Alle Menschen können die Internet·seite benutzen.",
            "Zum Beispiel auch Menschen, die nicht gut sehen.",
        ),
        _abschnitt(
            "Wo gibt es mehr Infos in Leichter Sprache und in Gebärden·sprache?",
            "Unten auf dieser Seite gibt es noch mehr Texte in Leichter Sprache.",
            "Es gibt auch eine Seite mit Videos in Deutscher Gebärden·sprache.",
            "Die Links zu beiden Seiten sind oben auf jeder Seite vom Portal.",
        ),
    ],
)
LEICHTE_SPRACHE_SEITEN = {
    "hilfe-finden": (
        "Hilfe finden",
        "Sie sind neu in Plochingen?\nSie brauchen Hilfe?\nDann gibt es viele Angebote für Sie.",
        [
            _abschnitt(
                "Das Integrations·management",
                "Das Integrations·management ist ein Team von der Stadt.",
                "Das Team berät Sie.",
                "Zum Beispiel bei Fragen zu Wohnung, Arbeit oder Schule.",
                "Die Beratung kostet nichts.",
                "Sie finden das Team im Rathaus.",
            ),
            _wort(
                "Beratung",
                "Bei einer Beratung sprechen Sie mit einer Fach·person.",
                "Die Fach·person hilft Ihnen bei Ihrer Frage.",
            ),
            _abschnitt(
                "Das Begegnungs·zentrum",
                "Im Begegnungs·zentrum treffen sich Menschen.",
                "Dort gibt es ein Café.",
                "Dort gibt es auch Kleidung und Möbel.",
                "Sie können einfach hingehen.",
            ),
            _abschnitt(
                "Die Angebots·suche",
                "Im Portal gibt es eine Angebots·suche.",
                "Dort finden Sie alle Angebote.",
                "Sie wählen aus: Zu welchem Thema brauchen Sie Hilfe?",
                "Dann zeigt das Portal passende Angebote.",
                "Sie finden die Angebots·suche im Menü unter: Angebote.",
            ),
        ],
    ),
    "mitmachen": (
        "Mitmachen",
        "In Plochingen können alle mitmachen.\nHier steht, wie das geht.",
        [
            _abschnitt(
                "Das Begegnungs·café",
                "Jede Woche gibt es das Begegnungs·café.",
                "Dort treffen sich Menschen aus Plochingen.",
                "Alte und neue Plochinger.",
                "Alle sind willkommen.",
                "Sie müssen sich nicht anmelden.",
                "Die Termine stehen im Menü unter: Veranstaltungen.",
            ),
            _abschnitt(
                "Ehren·amt",
                "Sie wollen anderen Menschen helfen?",
                "Dann können Sie ein Ehren·amt machen.",
                "Zum Beispiel im Begegnungs·café.",
                "Oder Sie begleiten eine Familie.",
                "Infos dazu stehen im Menü unter: Mitmachen.",
            ),
            _wort(
                "Ehren·amt",
                "Ein Ehren·amt ist eine Arbeit ohne Geld.",
                "Man hilft anderen Menschen in seiner Frei·zeit.",
            ),
        ],
    ),
}


DGS_BEISPIELVIDEO = Path(__file__).parent / "demo_data" / "dgs-beispielvideo.webm"
GEBAERDENSPRACHE = (
    "Gebärdensprache",
    "Hier stehen bald Videos in Deutscher Gebärdensprache (DGS) über das Integrationsportal.\n"
    "Die Videos auf dieser Seite sind Beispiele: Sie zeigen noch keine Gebärdensprache. "
    "Neben jedem Video steht, was es erklären wird.",
    [
        (
            "Was steht im Integrationsportal?",
            "Das Integrationsportal ist die Internetseite der Stadt Plochingen für Menschen, die neu in "
            "Plochingen sind, und für alle, die helfen wollen. Es zeigt Beratung und Hilfe, Termine und "
            "Treffen, Wege zum Mitmachen und Informationen zum Wohnen.",
        ),
        (
            "So finden Sie sich zurecht",
            "Oben auf jeder Seite sind das Menü, die Wahl der Sprache (sechs Sprachen) und die Suche. "
            "Ganz unten auf jeder Seite stehen Impressum, Datenschutz und die Erklärung zur Barrierefreiheit.",
        ),
        (
            "Barrierefreiheit",
            "Die Stadt will, dass alle Menschen das Portal benutzen können. Das Portal ist zum großen Teil "
            "barrierefrei. Seiten, die noch nicht übersetzt sind, erscheinen auf Deutsch. Barrieren können Sie "
            "uns über das Formular in der Erklärung zur Barrierefreiheit, per E-Mail oder per Telefon melden.",
        ),
        (
            "Mehr in Gebärdensprache und Leichter Sprache",
            "Die Links zu dieser Seite und zu den Texten in Leichter Sprache stehen oben auf jeder Seite.",
        ),
    ],
    "<ul><li>Ein Video je Erklärung, mit einer deutschen Textfassung daneben.</li>"
    "<li>Auflösung mindestens 1280 × 720 Pixel, mindestens 25 Bilder pro Sekunde, Format WebM oder MP4.</li>"
    "<li>Die gebärdende Person ganz im Bild (Gesicht, Hände, Oberkörper), vor einem ruhigen, einfarbigen "
    "Hintergrund, der sich von Kleidung und Haut deutlich abhebt; keine Musik, keine Effekte.</li>"
    "<li>Das DGS-Logo im Video oder daneben; Sprecherinnen und Sprecher sind gehörlose oder geprüfte "
    "Gebärdensprachdolmetscherinnen und -dolmetscher.</li>"
    "<li>Abgleichen mit BITV 2.0, Anlage 2, Teil 1 (Beispieltext der Demo).</li></ul>",
)


def beispielvideo():
    """The demo's example video: a still with the words "Beispielvideo", never a claim of DGS content."""
    media_model = get_media_model()
    video = media_model.objects.filter(title="Beispielvideo (kein Inhalt in Gebärdensprache)").first()
    if video is None:
        video = media_model(
            title="Beispielvideo (kein Inhalt in Gebärdensprache)", type="video", width=640, height=360, duration=8
        )
        with DGS_BEISPIELVIDEO.open("rb") as file:
            video.file.save(DGS_BEISPIELVIDEO.name, File(file), save=True)
    return video


def paragraphs_to_blocks(paragraphs):
    """Plain plan paragraphs to body blocks; runs of "- " lines become one list."""
    blocks, items = [], []

    def flush():
        if items:
            blocks.append(("paragraph", "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"))
            items.clear()

    for paragraph in paragraphs:
        if paragraph.startswith("- "):
            items.append(paragraph[2:])
            continue
        flush()
        blocks.append(("paragraph", f"<p>{escape(paragraph)}</p>"))
    flush()
    return blocks


def child_by_slug(parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


def add_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_home(locale):
    site = Site.objects.filter(is_default_site=True).first()
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is None:
        plan = read_plan()
        home = HomePage(
            title="Integrationsportal Plochingen",
            slug="start",
            locale=locale,
            intro=HOME_INTRO,
            search_description=plan.untertitel,
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Integrationsportal Plochingen"
        site.save()
        if not isinstance(old_root.specific, HomePage):
            old_root.delete()
    return home


def seed(stdout):
    german = Locale.objects.get(language_code="de")
    plan = read_plan()
    home = ensure_home(german)

    begriff = child_by_slug(home, "integrationsbegriff") or add_child(
        home,
        IntegrationsbegriffPage(
            title="Gemeinsamer Integrationsbegriff",
            slug="integrationsbegriff",
            intro=INTEGRATIONSBEGRIFF_INTRO,
            praeambel="\n".join(plan.praeambel),
            show_in_menus=True,
        ),
    )

    felder_index = child_by_slug(home, "handlungsfelder") or add_child(
        home,
        HandlungsfeldIndexPage(
            title="Die sieben Handlungsfelder", slug="handlungsfelder", intro=HANDLUNGSFELDER_INTRO, show_in_menus=True
        ),
    )
    for feld in plan.handlungsfelder:
        slug = f"handlungsfeld-{feld.nummer}"
        if child_by_slug(felder_index, slug) is None:
            add_child(
                felder_index,
                HandlungsfeldPage(
                    title=feld.titel,
                    slug=slug,
                    nummer=feld.nummer,
                    zusammenfassung=feld.zusammenfassung,
                    body=paragraphs_to_blocks(feld.absaetze),
                    massnahmen=[("massnahme", {"text": m.text, "details": m.details}) for m in feld.massnahmen],
                ),
            )

    news_index = child_by_slug(home, "aktuelles") or add_child(
        home, NewsIndexPage(title="Aktuelles", slug="aktuelles", intro=NEWS_INTRO, show_in_menus=True)
    )
    today = timezone.localdate()
    for days_ago, title, intro in NEWS:
        if not news_index.get_children().filter(title=title).exists():
            add_child(
                news_index,
                NewsArticlePage(
                    title=title,
                    slug=slugify(title),
                    date=today - datetime.timedelta(days=days_ago),
                    intro=intro,
                    body=[("paragraph", f"<p>{escape(intro)}</p>")],
                ),
            )

    for slug, (title, intro, body) in LEGAL_PAGES.items():
        if child_by_slug(home, slug) is None:
            add_child(home, StandardPage(title=title, slug=slug, intro=intro, body=body))

    if child_by_slug(home, BARRIEREFREIHEIT["slug"]) is None:
        add_child(
            home,
            BarrierefreiheitPage(
                **BARRIEREFREIHEIT,
                erstellt_am=datetime.date(2026, 11, 2),
                ueberprueft_am=today - datetime.timedelta(days=7),
            ),
        )

    title, einleitung, body = LEICHTE_SPRACHE
    leichte_sprache = child_by_slug(home, "leichte-sprache") or add_child(
        home,
        LeichteSprachePage(
            title=title, slug="leichte-sprache", einleitung=einleitung, body=body, pruefung=LEICHTE_SPRACHE_PRUEFUNG
        ),
    )
    if child_by_slug(home, "gebaerdensprache") is None:
        title, einleitung, videos, anforderungen = GEBAERDENSPRACHE
        video = beispielvideo()
        add_child(
            home,
            GebaerdensprachePage(
                title=title,
                slug="gebaerdensprache",
                einleitung=einleitung,
                videos=[
                    ("video", {"titel": f"Beispielvideo: {titel}", "video": video, "transkript": text})
                    for titel, text in videos
                ],
                anforderungen=anforderungen,
            ),
        )
    for slug, (title, einleitung, body) in LEICHTE_SPRACHE_SEITEN.items():
        if child_by_slug(leichte_sprache, slug) is None:
            add_child(
                leichte_sprache,
                LeichteSprachePage(
                    title=title, slug=slug, einleitung=einleitung, body=body, pruefung=LEICHTE_SPRACHE_PRUEFUNG
                ),
            )

    if not home.quick_links:
        home.quick_links = [
            (
                "link",
                {
                    "title": begriff.title,
                    "page": begriff,
                    "url": "",
                    "description": "Was Integration für Plochingen bedeutet.",
                },
            ),
            (
                "link",
                {
                    "title": felder_index.title,
                    "page": felder_index,
                    "url": "",
                    "description": "Beschreibung und Maßnahmen des Integrationsplans.",
                },
            ),
            (
                "link",
                {
                    "title": news_index.title,
                    "page": news_index,
                    "url": "",
                    "description": "Neuigkeiten aus der Integrationsarbeit.",
                },
            ),
        ]
        home.save_revision().publish()
    hinweis = Hinweis.objects.filter(locale=german, text=HINWEIS).first() or Hinweis.objects.create(
        locale=german,
        text=HINWEIS,
        link_page=begriff,
        gueltig_ab=today - datetime.timedelta(days=2),
        gueltig_bis=today + datetime.timedelta(days=28),
    )

    translations = load_translations(TRANSLATIONS_FILE)
    for locale in Locale.objects.exclude(pk=german.pk):
        for page in (home, begriff, felder_index, news_index):
            translate_page(page, locale, translations)
        translate_snippet(hinweis, locale, translations)
    stdout.write(f"home: {Page.objects.exclude(depth=1).count()} pages in {Locale.objects.count()} languages")
    return home
