"""Demo content of the Beirat: public page, members, a past and an upcoming meeting, two
recommendations, and every measure of the integration plan with a plausible status."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page

from home.plan import read_plan
from portal import roles
from portal.demo import demo_email, demo_pdf, ensure_demo_user, load_translations, translate_page, translate_snippet
from portal.models import User

from .models import (
    BeiratPage,
    Beiratsmitglied,
    Beschluss,
    MonitorPage,
    Planmassnahme,
    PlanmassnahmeNotiz,
    PlanmassnahmeVerweis,
    Protokoll,
    Rueckmeldung,
    Sitzung,
    Tagesordnungspunkt,
    Unterlage,
)
from .services import folgestatus_setzen, freigabe_entscheiden, protokoll_speichern, veroeffentlichen, zur_freigabe

TRANSLATIONS = Path(__file__).parent / "demo_data" / "translations.json"

INTRO = (
    "<p>Der Beirat für Migration und Integration bringt alle zusammen, die in Plochingen an der Integration "
    "mitwirken. Er berät den Gemeinderat als Expertengremium und begleitet die Umsetzung des Integrationsplans.</p>"
)
AUFGABEN = (
    "<p>Der Beirat tagt zweimal im Jahr. Er erörtert grundlegende Themen der Migrations- und Integrationspolitik, "
    "stellt Projekte vor und stößt neue an. Seine Empfehlungen gibt er an den Gemeinderat, der ihn als "
    "Expertengremium hört.</p>"
)
ZUSAMMENSETZUNG = (
    "<p>Im Beirat sind vertreten: die Fraktionen des Gemeinderats, die Stadtverwaltung mit dem "
    "Integrationsmanagement, das Lokale Bündnis für Flüchtlinge, die Kirchengemeinden, Migrantinnen und "
    "Migranten aus Plochingen, Schulen und Kindertagesstätten sowie beratend das Jobcenter.</p>"
)
MONITOR_INTRO = (
    "<p>Hier sehen Sie, was aus jeder Maßnahme des Integrationsplans „Eins werden in Vielfalt“ geworden ist. "
    "Der Beirat und die Stadtverwaltung halten den Stand aktuell.</p>"
)

# The plan lists no measure for Handlungsfeld 1; its text names one.
INTEGRATIONSBEGRIFF = (
    "Formulierung eines gemeinsamen Integrationsbegriffs, der das städtische und gesellschaftliche Handeln leitet"
)

# (status, owner, [slugs of pages that carry it out], [(days ago, note)]) per measure, in the plan's order.
STAND = {
    1: [("umgesetzt", "Stadtverwaltung", ["integrationsbegriff"], [(400, "Präambel vom Gemeinderat beschlossen.")])],
    2: [
        (
            "umgesetzt",
            "Integrationsmanagement",
            ["angebote/infoblatt-anmeldung", "angebote/infoblatt-einweisung"],
            [(300, "Infoblatt in sechs Sprachen online.")],
        ),
        (
            "in_umsetzung",
            "Integrationsmanagement, Lokales Bündnis für Flüchtlinge",
            [],
            [(60, "Erstbesuche bei Zuweisung laufen; Ehrenamtliche werden eingebunden.")],
        ),
        ("in_umsetzung", "Integrationsmanagement", [], [(90, "Erster Runder Tisch mit Jobcenter und Jugendamt.")]),
        ("geplant", "Integrationsmanagement", [], []),
        (
            "umgesetzt",
            "Amt für Soziales",
            ["sozialhausmeister"],
            [(500, "Sozialhausmeister im Filsweg 7 eingestellt.")],
        ),
        (
            "umgesetzt",
            "Amt für Soziales",
            ["sozialhausmeister"],
            [(480, "Infoveranstaltung für Anwohner durchgeführt.")],
        ),
    ],
    3: [
        (
            "in_umsetzung",
            "Stadtverwaltung",
            ["begegnungszentrum"],
            [(120, "Räume in der Innenstadt angemietet, Umbau läuft.")],
        ),
        (
            "umgesetzt",
            "Lokales Bündnis für Flüchtlinge",
            ["veranstaltungen/begegnungscafe"],
            [(200, "Begegnungscafé findet wöchentlich statt.")],
        ),
    ],
    4: [
        ("umgesetzt", "Stadtverwaltung", [], [(350, "Teilnahme am Programm RAUMTEILER beschlossen.")]),
        ("in_umsetzung", "Stadtverwaltung", [], [(45, "Aufruf an Vermieter im Amtsblatt und im Portal.")]),
        (
            "in_umsetzung",
            "Stadtverwaltung, Kämmerei",
            [],
            [(30, "Mietausfallgarantie in Prüfung; Sanierungszuschüsse vorerst nicht.")],
        ),
        ("geplant", "Integrationsmanagement", [], []),
        ("geplant", "Integrationsmanagement", [], []),
    ],
    5: [
        ("umgesetzt", "Gemeinderat", [], [(420, "Auftrag an die Verwaltung erteilt.")]),
        ("umgesetzt", "Gemeinderat", ["beirat"], [(330, "Beirat eingesetzt, konstituierende Sitzung.")]),
        ("umgesetzt", "Lokales Bündnis für Flüchtlinge", ["verein"], [(250, "Verein gegründet und eingetragen.")]),
    ],
    6: [
        (
            "in_umsetzung",
            "Ehrenamtskoordination",
            ["mitmachen"],
            [(80, "Neue Einsatzfelder in der Anschlussunterbringung.")],
        ),
        ("umgesetzt", "Ehrenamtskoordination", ["mitmachen/patenschaften"], [(150, "Patenschaftsprogramm gestartet.")]),
        (
            "verworfen",
            "Stadtverwaltung",
            [],
            [(100, "Geprüft: Auslagen erstattet künftig der Verein, keine städtische Pauschale.")],
        ),
        ("umgesetzt", "Lokales Bündnis für Flüchtlinge", ["verein"], [(250, "Vereinsgründung abgeschlossen.")]),
    ],
    7: [
        ("in_umsetzung", "Personalamt", [], [(70, "Zwei Stellen im Bauhof mit anerkannten Geflüchteten besetzt.")]),
        ("in_umsetzung", "Hauptamt", [], [(40, "Erste Formulare in einfacher Sprache überarbeitet.")]),
        ("geplant", "Personalamt", [], []),
    ],
}

MITGLIEDER = [
    # (name, organisation, function, may be named, demo role whose account it is)
    ("Dr. Helga Brenner (Beispiel)", "Gemeinderat", "vorsitz", True, roles.BEIRAT_VORSITZ),
    ("Yusuf Demir (Beispiel)", "Migrantinnen und Migranten aus Plochingen", "stellvertretung", True, None),
    (
        "Karin Walter (Beispiel)",
        "Stadtverwaltung, Integrationsmanagement",
        "schriftfuehrung",
        True,
        roles.BEIRAT_SCHRIFTFUEHRUNG,
    ),
    ("Pfarrerin Ute Lang (Beispiel)", "Evangelische Kirchengemeinde", "mitglied", True, None),
    ("Nadia Haddad (Beispiel)", "Lokales Bündnis für Flüchtlinge e. V.", "mitglied", True, roles.BEIRAT),
    ("Thomas Kern (Beispiel)", "Gemeinderat", "mitglied", False, None),
    ("Oksana Melnyk (Beispiel)", "Migrantinnen und Migranten aus Plochingen", "mitglied", False, None),
    ("Jobcenter Landkreis Esslingen (Beispiel)", "Jobcenter", "beratend", True, None),
    ("Sami Yilmaz (Beispiel)", "Lokales Bündnis für Flüchtlinge e. V.", "stellv_mitglied", False, None),
    ("Petra Roth (Beispiel)", "Gemeinderat", "stellv_mitglied", False, None),
]

# The minutes of the past meeting, per agenda item: (discussion, decision, responsible person).
PROTOKOLL_PUNKTE = [
    ("Die Vorsitzende begrüßt die Anwesenden.", "Die Tagesordnung wird festgestellt.", ""),
    (
        "Das Integrationsmanagement berichtet über 42 begleitete Haushalte und den ersten Runden Tisch.",
        "Der Bericht wird zur Kenntnis genommen.",
        "",
    ),
    (
        "Eltern kleiner Kinder können die Sprachkurse oft nicht besuchen.",
        "Der Beirat empfiehlt einstimmig Sprachkurse mit Kinderbetreuung (siehe Empfehlung).",
        "Vorsitz",
    ),
    (
        "Familien finden kaum Wohnungen; private Vermieter zögern.",
        "Der Beirat empfiehlt, private Vermieter gezielt zu gewinnen (siehe Empfehlung).",
        "Integrationsmanagement",
    ),
    ("", "Die nächste Sitzung findet im Herbst statt.", "Schriftführung"),
]

EMPFEHLUNGEN = [
    (
        "Sprachkurse mit Kinderbetreuung",
        "Der Beirat empfiehlt dem Gemeinderat, Sprachkurse mit Kinderbetreuung im Begegnungszentrum anzubieten, "
        "damit auch Eltern kleiner Kinder teilnehmen können.\n\nDie Stadt soll dafür Räume bereitstellen und "
        "mit den Kursträgern eine Betreuung während der Kurszeiten vereinbaren.",
        "angenommen",
        "<p>Der Gemeinderat hat die Empfehlung angenommen. Ab dem nächsten Halbjahr gibt es zwei Kurse mit "
        "Kinderbetreuung im Begegnungszentrum.</p>",
    ),
    (
        "Private Vermieter gewinnen",
        "Der Beirat empfiehlt, private Vermieter gezielt anzusprechen und ihnen eine Mietausfallgarantie sowie "
        "Beratung bei Mietverträgen anzubieten.\n\nSo können Familien aus der Anschlussunterbringung in eigene "
        "Wohnungen ziehen, verteilt über die ganze Stadt.",
        "uebergeben",
        "",
    ),
]


def seed(stdout):
    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = Page.objects.get(depth=2, locale=german).specific
    translations = load_translations(TRANSLATIONS)
    page = _pages(home, translations)
    today = timezone.localdate()
    vorsitz, schrift, mitglied = _members()
    vergangene, kommende = _meetings(today, vorsitz, schrift, mitglied)
    _recommendations(vergangene, vorsitz, page, translations)
    count = _measures(home, today, vorsitz, translations)
    stdout.write(f"Beirat: page, {Beiratsmitglied.objects.count()} members, 2 meetings, {count} measures")


def _pages(home, translations):
    page = home.get_children().filter(slug="beirat").specific().first()
    if page is None:
        page = BeiratPage(
            title="Beirat für Migration und Integration",
            slug="beirat",
            show_in_menus=True,
            intro=INTRO,
            body=[
                ("heading", {"text": "Aufgaben"}),
                ("paragraph", AUFGABEN),
                ("heading", {"text": "Zusammensetzung"}),
                ("paragraph", ZUSAMMENSETZUNG),
            ],
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    monitor = page.get_children().filter(slug="massnahmen").specific().first()
    if monitor is None:
        monitor = MonitorPage(title="Was aus den Maßnahmen geworden ist", slug="massnahmen", intro=MONITOR_INTRO)
        page.add_child(instance=monitor)
        monitor.save_revision().publish()
    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE):
        translate_page(page, locale, translations)
        translate_page(monitor, locale, translations)
    return page


def _members():
    accounts = {}
    for role in (roles.BEIRAT_VORSITZ, roles.BEIRAT_SCHRIFTFUEHRUNG, roles.BEIRAT):
        ensure_demo_user(role)
        accounts[role] = User.objects.get(email=demo_email(role))
    for order, (name, organisation, funktion, named, role) in enumerate(MITGLIEDER):
        Beiratsmitglied.objects.get_or_create(
            name=name,
            defaults={
                "user": accounts.get(role),
                "organisation": organisation,
                "funktion": funktion,
                "namentlich_nennen": named,
                "einwilligung_am": timezone.now() if named else None,
                "reihenfolge": order,
            },
        )
    return accounts[roles.BEIRAT_VORSITZ], accounts[roles.BEIRAT_SCHRIFTFUEHRUNG], accounts[roles.BEIRAT]


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _meeting(titel, day, ort, tops):
    sitzung, created = Sitzung.objects.get_or_create(
        titel=titel, defaults={"beginn": _at(day, 18), "ende": _at(day, 20), "ort": ort}
    )
    if created:
        Tagesordnungspunkt.objects.bulk_create(
            [Tagesordnungspunkt(sitzung=sitzung, nummer=n, titel=t) for n, t in enumerate(tops, start=1)]
        )
    return sitzung


def _meetings(today, vorsitz, schrift, mitglied):
    vergangene = _meeting(
        "Sitzung des Beirats im Frühjahr",
        today - datetime.timedelta(days=70),
        "Rathaus Plochingen, Sitzungssaal",
        [
            "Begrüßung und Feststellung der Tagesordnung",
            "Bericht des Integrationsmanagements",
            "Sprachkurse mit Kinderbetreuung",
            "Wohnraum für Familien in der Anschlussunterbringung",
            "Verschiedenes",
        ],
    )
    if not vergangene.rueckmeldungen.exists():
        vertretung = Beiratsmitglied.objects.filter(funktion="stellv_mitglied").first()
        for user, antwort in ((vorsitz, "ja"), (schrift, "ja"), (mitglied, "nein")):
            Rueckmeldung.objects.create(
                sitzung=vergangene,
                user=user,
                antwort=antwort,
                kommentar="Dienstreise" if antwort == "nein" else "",
                vertretung=vertretung if antwort == "nein" else None,
            )
        vergangene.einladung_versendet_am = vergangene.beginn - datetime.timedelta(days=21)
        vergangene.save(update_fields=["einladung_versendet_am"])
    if not Protokoll.objects.filter(sitzung=vergangene).exists():
        punkte = [
            {"nummer": top.nummer, "titel": top.titel, "diskussion": d, "beschlossen": b, "verantwortlich": v}
            for top, (d, b, v) in zip(vergangene.tagesordnung.all(), PROTOKOLL_PUNKTE, strict=True)
        ]
        protokoll = protokoll_speichern(vergangene, "Anwesend: 6 Mitglieder, entschuldigt: 2.", schrift, punkte=punkte)
        zur_freigabe(protokoll, schrift)
        freigabe_entscheiden(protokoll, vorsitz, "approve", "Vielen Dank.")
    collection = Collection.objects.get(name=settings.PORTAL_BEIRAT_COLLECTION)
    Document = get_document_model()
    for title, text in [
        ("Bericht des Integrationsmanagements (Beispiel)", "42 Haushalte begleitet, erster Runder Tisch."),
        ("Anlage: Konzept Sprachkurse mit Kinderbetreuung (Beispiel)", "Zwei Kurse, Betreuung im Nebenraum."),
    ]:
        if not Document.objects.filter(title=title, collection=collection).exists():
            document = Document.objects.create(
                title=title, collection=collection, file=ContentFile(demo_pdf(title, text), "beirat-unterlage.pdf")
            )
            Unterlage.objects.create(dokument=document, sitzung=vergangene)

    kommende = _meeting(
        "Sitzung des Beirats im Herbst",
        today + datetime.timedelta(days=21),
        "Begegnungszentrum, Veranstaltungsraum",
        [
            "Begrüßung und Feststellung der Tagesordnung",
            "Stand der Maßnahmen des Integrationsplans",
            "Bericht zu den Empfehlungen an den Gemeinderat",
            "Interkulturelle Schulungen in der Stadtverwaltung",
            "Verschiedenes",
        ],
    )
    if kommende.einladung_versendet_am is None:
        # Marked as sent: the demo does not email its fictional members.
        kommende.einladung_versendet_am = timezone.now() - datetime.timedelta(days=2)
        kommende.save(update_fields=["einladung_versendet_am"])
        Rueckmeldung.objects.get_or_create(sitzung=kommende, user=vorsitz, defaults={"antwort": "ja"})
    return vergangene, kommende


def _recommendations(sitzung, vorsitz, page, translations):
    for titel, text, status, ergebnis in EMPFEHLUNGEN:
        beschluss, created = Beschluss.objects.get_or_create(
            titel=titel, defaults={"sitzung": sitzung, "art": Beschluss.Art.EMPFEHLUNG, "text": text}
        )
        seite = veroeffentlichen(beschluss, vorsitz)
        if created:
            uebergeben = timezone.localtime(sitzung.beginn).date() + datetime.timedelta(days=10)
            beschluss.verlauf.filter(status=Beschluss.Folgestatus.UEBERGEBEN).update(datum=uebergeben)
        if created and status != beschluss.folgestatus:
            folgestatus_setzen(beschluss, status, "", vorsitz, timezone.localdate() - datetime.timedelta(days=20))
        if ergebnis and not seite.ergebnis:
            seite.ergebnis = ergebnis
            seite.save_revision().publish()
        for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE):
            translate_page(seite, locale, translations)


def _measures(home, today, autor, translations):
    plan = read_plan()
    texts = {1: [INTEGRATIONSBEGRIFF]}
    for feld in plan.handlungsfelder:
        for massnahme in feld.massnahmen:
            text = massnahme.text.rstrip(".")
            if massnahme.details:
                text += ": " + "; ".join(massnahme.details)
            texts.setdefault(feld.nummer, []).append(text)
    count = 0
    for nummer, eintraege in texts.items():
        for index, (titel, (status, owner, slugs, notes)) in enumerate(zip(eintraege, STAND[nummer], strict=True)):
            record, created = Planmassnahme.objects.get_or_create(
                locale=home.locale,
                handlungsfeld=nummer,
                nummer=index + 1,
                defaults={"titel": titel, "verantwortlich": owner, "status": status},
            )
            count += 1
            if not created:
                continue
            for slug in slugs:
                target = Page.objects.filter(locale=home.locale, url_path=f"{home.url_path}{slug}/").first()
                if target is not None:
                    PlanmassnahmeVerweis.objects.create(massnahme=record, seite=target)
            for days_ago, note in notes:
                datum = today - datetime.timedelta(days=days_ago)
                PlanmassnahmeNotiz.objects.create(massnahme=record, datum=datum, status=status, notiz=note, autor=autor)
                record.status_seit = datum
            record.save()
            for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE):
                translate_snippet(record, locale, translations)
    return count
