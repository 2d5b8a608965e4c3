"""Demo volunteering (Handlungsfeld 6): the Mitmachen page, a coordinator, volunteers and
four weeks of shifts relative to today. Idempotent; the people are fictional examples."""

import datetime
import json
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale, Page

from angebote.demo import ensure_kontakt, ensure_ort
from home.models import StandardPage
from portal import roles
from portal.demo import DEMO_DOMAIN, demo_pdf, ensure_demo_user, translate_page
from portal.models import User
from veranstaltungen.models import VeranstaltungPage

from .forms import at
from .models import (
    Beitrag,
    Ehrenamtsprofil,
    Einsatz,
    Mitglied,
    MitmachenPage,
    Nachweis,
    Patenbewerbung,
    Patenschaft,
    Patensuche,
    Rueckmeldung,
    Schicht,
    Sprechrunde,
    VereinPage,
    Vereinskonto,
)

TRANSLATIONS = Path(__file__).parent / "demo_data" / "translations.json"
# The Sprechrunde's place is free text; the same address as the Ort "Begegnungszentrum (Beispiel)".
ZENTRUM = "Begegnungszentrum (Beispiel), Marktstraße 20, 73207 Plochingen"

INTRO = (
    "<p>Viele Engagierte tragen die Integrationsarbeit in Plochingen seit Jahren – oft wenige Menschen "
    "mit viel Last. Wir möchten das Engagement auf mehr Schultern verteilen, planbar machen und "
    "sichtbar wertschätzen. Ob zwei Stunden im Monat oder jede Woche: Jede Hilfe zählt.</p>"
)
FELDER = [
    (
        "Begegnungscafé",
        "<p>Kaffee kochen, Tische stellen, ins Gespräch kommen: jeden Mittwochabend im Begegnungszentrum.</p>",
    ),
    ("Kleiderkammer", "<p>Spenden annehmen, sortieren und an Familien ausgeben – dienstags und samstags.</p>"),
    (
        "Möbellager",
        "<p>Gespendete Möbel abholen, lagern und an Haushalte in der Anschlussunterbringung vermitteln.</p>",
    ),
    (
        "Hausaufgabenhilfe",
        "<p>Kinder und Jugendliche beim Lernen begleiten. Dafür brauchen Sie ein erweitertes "
        "Führungszeugnis; die Ehrenamtskoordination hilft beim Beantragen.</p>",
    ),
    (
        "Fahrdienst",
        "<p>Menschen zu Terminen bei Ämtern, Ärztinnen und Ärzten bringen, wenn Bus und Bahn nicht passen.</p>",
    ),
    (
        "Patenschaften",
        "<p>Eine Familie oder eine Person über Monate begleiten: beim Ankommen, bei Briefen, im Alltag.</p>",
    ),
]
BODY = (
    "<p>Die Ehrenamtskoordination der Stadt begleitet Sie: Sie erhalten eine Einführung, "
    "Ansprechpersonen für Fragen und einmal im Jahr einen Ehrenamtsnachweis über Ihre Stunden.</p>"
)

VOLUNTEERS = [
    ("Anna", "Berger", ["de", "en"], ["begegnungscafe", "kleiderkammer"]),
    ("Mehmet", "Yıldız", ["de", "tr"], ["fahrdienst", "moebellager"]),
    ("Olena", "Koval", ["uk", "de"], ["kleiderkammer", "hausaufgabenhilfe"]),
    ("Samir", "Haddad", ["ar", "de", "en"], ["begegnungscafe", "hausaufgabenhilfe"]),
    ("Ruth", "Scholz", ["de"], ["kleiderkammer", "begegnungscafe"]),
]
PENDING = ("Leyla", "Ahmadi", ["fa", "de"], ["patenschaften", "begegnungscafe"])


def _load_translations():
    return json.loads(TRANSLATIONS.read_text(encoding="utf-8")) if TRANSLATIONS.exists() else {}


def _page(stdout):
    german = Locale.objects.get(language_code="de")
    home = Page.objects.get(depth=2, locale=german).specific
    page = home.get_children().filter(slug="mitmachen").specific().first()
    if page is None:
        page = MitmachenPage(
            title="Mitmachen im Ehrenamt",
            slug="mitmachen",
            show_in_menus=True,
            intro=INTRO,
            einsatzfelder=[("feld", {"titel": titel, "text": text}) for titel, text in FELDER],
            body=[("paragraph", BODY)],
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    if page.kontakt_id is None:
        page.kontakt = ensure_kontakt("ehrenamt", german)
        page.save_revision().publish()
    translations = _load_translations()
    for locale in Locale.objects.exclude(language_code="de"):
        translate_page(page, locale, translations)
    stdout.write("Volunteering: Mitmachen page")


def _person(first, last, sprachen, bereiche, status=Ehrenamtsprofil.Status.FREIGEGEBEN, index=0):
    email = f"freiwillige{index}@{DEMO_DOMAIN}"
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": f"{last} (Beispiel)"}
    )
    if created:
        user.set_unusable_password()  # an example person: nobody signs in as them
        user.save()
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    _profile(user, sprachen, bereiche, status)
    return user


def _profile(user, sprachen, bereiche, status=Ehrenamtsprofil.Status.FREIGEGEBEN):
    Ehrenamtsprofil.objects.get_or_create(
        user=user,
        defaults={
            "sprachen": sprachen,
            "bereiche": bereiche,
            "wochentage": ["mi", "sa"],
            "tageszeiten": ["nachmittag", "abend"],
            "einwilligung_am": timezone.now(),
            "status": status,
            "entschieden_am": timezone.now() if status == Ehrenamtsprofil.Status.FREIGEGEBEN else None,
        },
    )
    if status == Ehrenamtsprofil.Status.FREIGEGEBEN:
        user.groups.add(Group.objects.get(name=roles.EHRENAMT))


def _next(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _shift(bereich, titel, day, start, end, kapazitaet, notizen="", qualifikation="", stelle=None, veranstaltung=None):
    schicht, created = Schicht.objects.get_or_create(
        bereich=bereich,
        titel=titel,
        beginn=at(day, start),
        defaults={
            "ende": at(day, end),
            "stelle": stelle,
            "veranstaltung": veranstaltung,
            "kapazitaet": kapazitaet,
            "notizen": notizen,
            "qualifikation": qualifikation,
        },
    )
    if not created and schicht.stelle_id is None and stelle is not None:  # seeded with a free-text place
        schicht.stelle, schicht.ort, schicht.veranstaltung = stelle, "", veranstaltung
        schicht.save(update_fields=["stelle", "ort", "veranstaltung"])
    return schicht


def _plan(today):
    """Begegnungscafé weekly (not on the café's cancelled dates), Kleiderkammer twice a week,
    Hausaufgabenhilfe weekly, all in the Begegnungszentrum: two weeks back, four ahead."""
    german = Locale.objects.get(language_code="de")
    zentrum = ensure_ort("begegnungszentrum", german)
    cafe = VeranstaltungPage.objects.filter(locale=german, slug="begegnungscafe").first()
    geschlossen = set(cafe.ausfaelle.values_list("datum", flat=True)) if cafe else set()
    cafe_titel = "Begegnungscafé: Aufbau, Ausschank, Gespräche"
    # Demo data seeded before shifts knew their event: no shift on a day the café is closed.
    for schicht in Schicht.objects.filter(titel=cafe_titel):
        if timezone.localdate(schicht.beginn) in geschlossen:
            schicht.delete()
    start = today - datetime.timedelta(days=14)
    shifts = []
    for week in range(6):
        monday = start - datetime.timedelta(days=start.weekday()) + datetime.timedelta(weeks=week)
        if monday + datetime.timedelta(days=2) not in geschlossen:
            shifts.append(
                _shift(
                    "begegnungscafe",
                    cafe_titel,
                    monday + datetime.timedelta(days=2),
                    datetime.time(17, 30),
                    datetime.time(20, 30),
                    3,
                    "Bitte 15 Minuten früher da sein. Schlüssel liegt im Büro der Ehrenamtskoordination.",
                    stelle=zentrum,
                    veranstaltung=cafe,
                )
            )
        shifts.append(
            _shift(
                "kleiderkammer",
                "Kleiderkammer: Annahme und Ausgabe",
                monday + datetime.timedelta(days=1),
                datetime.time(15),
                datetime.time(18),
                2,
                stelle=zentrum,
            )
        )
        shifts.append(
            _shift(
                "kleiderkammer",
                "Kleiderkammer: Sortieren",
                monday + datetime.timedelta(days=5),
                datetime.time(10),
                datetime.time(13),
                2,
                stelle=zentrum,
            )
        )
        shifts.append(
            _shift(
                "hausaufgabenhilfe",
                "Hausaufgabenhilfe Grundschule",
                monday + datetime.timedelta(days=3),
                datetime.time(15),
                datetime.time(16, 30),
                2,
                "Im Gruppenraum im Erdgeschoss.",
                qualifikation="fuehrungszeugnis",
                stelle=zentrum,
            )
        )
    return shifts


def _sign_up(schicht, user, status=Einsatz.Status.BESTAETIGT, stunden=None):
    einsatz, _created = Einsatz.objects.get_or_create(
        schicht=schicht,
        freiwillige=user,
        defaults={"status": status, "angemeldet_am": schicht.beginn - datetime.timedelta(days=7)},
    )
    if stunden is not None and einsatz.anwesend is None:
        einsatz.anwesend = True
        einsatz.stunden = stunden
        einsatz.save(update_fields=["anwesend", "stunden"])


PATENSCHAFT_INTRO = (
    "Eine Patin oder ein Pate begleitet einen Haushalt einige Monate lang: beim Ankommen, bei Briefen "
    "und Terminen, im Alltag in Plochingen."
)
PATENSCHAFT_BODY = (
    "<h2>Was wir erwarten</h2><p>Etwa zwei Stunden in der Woche, Verlässlichkeit und Offenheit. "
    "Sprachkenntnisse helfen, sind aber keine Bedingung. Wer Kinder begleitet, braucht ein erweitertes "
    "Führungszeugnis.</p><h2>Wie wir Sie unterstützen</h2><p>Die Ehrenamtskoordination stellt Sie der "
    "Familie vor, meldet sich regelmäßig bei Ihnen und ist bei Fragen erreichbar. Es gibt Austauschtreffen "
    "mit anderen Patinnen und Paten.</p><h2>So werden Sie Pate</h2><p>Legen Sie ein Konto an, füllen Sie "
    "Ihr Ehrenamtsprofil aus und melden Sie sich dann unter „Meine Patenschaften“.</p>"
)


def _patenschaften_page(mitmachen):
    if mitmachen.get_children().filter(slug="patenschaften").exists():
        return
    page = StandardPage(
        title="Patenschaften", slug="patenschaften", intro=PATENSCHAFT_INTRO, body=[("paragraph", PATENSCHAFT_BODY)]
    )
    mitmachen.add_child(instance=page)
    page.save_revision().publish()


def _patenschaften(today, paten, koordination):
    for user, stadtteil, themen, kinder in paten:
        Patenbewerbung.objects.get_or_create(
            user=user,
            defaults={
                "stadtteil": stadtteil,
                "themen": themen,
                "kinder": kinder,
                "fuehrungszeugnis": "liegt-vor" if kinder else "nein",
                "status": Patenbewerbung.Status.AKTIV,
            },
        )
    seekers = [
        ("Familie K., 4 Personen (Beispiel)", ["ar"], ["schule", "behoerden"], "stumpenhof", True),
        ("Frau A., 1 Person (Beispiel)", ["fa", "en"], ["sprache", "arbeit"], "innenstadt", False),
        ("Familie S., 3 Personen (Beispiel)", ["uk"], ["wohnen", "schule"], "filstal", True),
    ]
    created = []
    for label, sprachen, themen, stadtteil, kinder in seekers:
        suche, _new = Patensuche.objects.get_or_create(
            bezeichnung=label,
            defaults={
                "sprachen": sprachen,
                "themen": themen,
                "stadtteil": stadtteil,
                "wochentage": ["mi", "sa"],
                "tageszeiten": ["nachmittag"],
                "mit_kindern": kinder,
            },
        )
        created.append(suche)
    familie = created[0]
    if not familie.patenschaften.exists():
        samir = paten[1][0]
        patenschaft = Patenschaft.objects.create(
            suche=familie, pate=samir, beginn=today - datetime.timedelta(days=60), erstellt_von=koordination
        )
        Rueckmeldung.objects.create(
            patenschaft=patenschaft,
            datum=today - datetime.timedelta(days=30),
            notiz="Erste Treffen gut verlaufen; Hilfe bei der Anmeldung in der Grundschule.",
            erfasst_von=koordination,
        )
        familie.status = Patensuche.Status.VERMITTELT
        familie.save(update_fields=["status"])


def seed(stdout):
    _page(stdout)
    today = timezone.localdate()
    ensure_demo_user(roles.EHRENAMTSKOORDINATION)
    demo_login = (
        User.objects.get(email=f"{roles.EHRENAMT.lower()}@{DEMO_DOMAIN}")
        if User.objects.filter(email=f"{roles.EHRENAMT.lower()}@{DEMO_DOMAIN}").exists()
        else None
    )
    if demo_login is None:
        ensure_demo_user(roles.EHRENAMT)
        ensure_demo_user(roles.EHRENAMT)
    demo_login = User.objects.get(email=f"{roles.EHRENAMT.lower()}@{DEMO_DOMAIN}")
    _profile(demo_login, ["de", "en"], ["begegnungscafe", "kleiderkammer"])
    people = [_person(*data, index=n + 1) for n, data in enumerate(VOLUNTEERS)]
    _person(*PENDING, status=Ehrenamtsprofil.Status.BEANTRAGT, index=len(VOLUNTEERS) + 1)
    for person in people[2:4]:
        Nachweis.objects.get_or_create(
            freiwillige=person,
            art="fuehrungszeugnis",
            defaults={"gueltig_bis": today + datetime.timedelta(days=3 * 365)},
        )

    now = timezone.now()
    anna, mehmet, olena, samir, ruth = people
    for schicht in _plan(today):
        past = schicht.ende < now
        hours = schicht.stunden if past else None
        if schicht.bereich == "begegnungscafe":
            team = [anna, samir] if schicht.beginn.isocalendar()[1] % 2 else [anna, samir, ruth]
            if past:
                team.append(demo_login)
        elif schicht.bereich == "hausaufgabenhilfe":
            team = [olena, samir] if past else [olena]
        elif schicht.titel.endswith("Sortieren"):
            team = [ruth, mehmet]
        else:
            team = [ruth, demo_login] if past or schicht.beginn.isocalendar()[1] % 2 else [demo_login]
        for person in team[: schicht.kapazitaet]:
            _sign_up(schicht, person, stunden=hours)
        # One full Kleiderkammer shift ahead has a waiting list.
        if schicht.titel.endswith("Sortieren") and not past:
            _sign_up(schicht, anna, status=Einsatz.Status.WARTELISTE)
    koordination = User.objects.get(email=f"{roles.EHRENAMTSKOORDINATION.lower()}@{DEMO_DOMAIN}")
    german = Locale.objects.get(language_code="de")
    _patenschaften_page(MitmachenPage.objects.get(locale=german, slug="mitmachen"))
    _patenschaften(
        today,
        [
            (olena, "filstal", ["schule", "wohnen"], True),
            (samir, "stumpenhof", ["schule", "behoerden"], True),
            (mehmet, "innenstadt", ["arbeit", "behoerden"], False),
            (demo_login, "innenstadt", ["sprache", "freizeit"], False),
        ],
        koordination,
    )
    stdout.write("Volunteering: coordinator, volunteers, six weeks of shifts, Paten and one Patenschaft")
    _verein(today, stdout)


VEREIN_INTRO = (
    "<p>Das Lokale Bündnis für Flüchtlinge (LBF) trägt seit 2015 das Ehrenamt in der Flüchtlingsarbeit "
    "in Plochingen. Der Integrationsplan empfiehlt, den rechtlichen Status zu klären und einen Verein zu "
    "gründen: Als eingetragener Verein kann das Bündnis Spenden annehmen, Räume mieten und verlässlich planen.</p>"
)
VEREIN_BODY = (
    "<h2>Die Sprechrunde</h2><p>Die Aufgaben der früheren Steuerungsgruppe übernimmt eine Sprechrunde der "
    "aktiven Ehrenamtlichen. Sie trifft sich regelmäßig im Begegnungszentrum; die Termine finden Mitglieder "
    "im Mitgliederbereich.</p>"
)


def _verein(today, stdout):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    german = Locale.objects.get(language_code="de")
    home = Page.objects.get(depth=2, locale=german).specific
    if not home.get_children().filter(slug="verein").exists():
        page = VereinPage(
            title="Lokales Bündnis für Flüchtlinge e. V.",
            slug="verein",
            show_in_menus=True,
            intro=VEREIN_INTRO,
            body=[("paragraph", VEREIN_BODY)],
            beitrag_ordentlich=24,
            beitrag_foerdernd=60,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    collection = Collection.objects.get(name="Verein intern")
    Document = get_document_model()
    for title, text in [
        ("Satzung des LBF Plochingen e. V. (Beispiel)", "§ 1 Name und Sitz. § 2 Zweck: Förderung der Integration."),
        ("Protokoll der Mitgliederversammlung (Beispiel)", "Wahl des Vorstands, Beitragsordnung, Jahresplanung."),
    ]:
        if not Document.objects.filter(title=title, collection=collection).exists():
            Document.objects.create(
                title=title, collection=collection, file=ContentFile(demo_pdf(title, text), "verein-dokument.pdf")
            )

    ensure_demo_user(roles.VORSTAND)
    ensure_demo_user(roles.VEREINSMITGLIED)
    member_login = User.objects.get(email=f"{roles.VEREINSMITGLIED.lower()}@{DEMO_DOMAIN}")
    people = [
        ("Demo", "Vereinsmitglied (Beispiel)", member_login.email, "ordentlich", True),
        ("Anna", "Berger (Beispiel)", f"freiwillige1@{DEMO_DOMAIN}", "ordentlich", True),
        ("Mehmet", "Yıldız (Beispiel)", f"freiwillige2@{DEMO_DOMAIN}", "foerdernd", False),
        ("Ruth", "Scholz (Beispiel)", f"freiwillige5@{DEMO_DOMAIN}", "ordentlich", False),
    ]
    for number, (first, last, email, art, paid) in enumerate(people, start=1001):
        mitglied, created = Mitglied.objects.get_or_create(
            email=email,
            defaults={
                "vorname": first,
                "nachname": last,
                "strasse": f"Beispielweg {number - 1000}",
                "plz": "73207",
                "ort": "Plochingen",
                "geburtsdatum": datetime.date(1970 + number % 30, 3, 14),
                "art": art,
                "status": Mitglied.Status.AKTIV,
                "mitgliedsnummer": number,
                "eintritt": today.replace(month=1, day=1),
                "einwilligung_am": timezone.now(),
            },
        )
        if created:
            from .verein import verknuepfen

            verknuepfen(mitglied)
        Beitrag.objects.get_or_create(
            mitglied=mitglied,
            jahr=today.year,
            defaults={
                "betrag": 24 if art == "ordentlich" else 60,
                "bezahlt_am": today.replace(day=1) if paid else None,
            },
        )
    Mitglied.objects.get_or_create(
        email=f"antrag@{DEMO_DOMAIN}",
        defaults={
            "vorname": "Jonas",
            "nachname": "Weber (Beispiel)",
            "strasse": "Filsweg 3",
            "plz": "73207",
            "ort": "Plochingen",
            "geburtsdatum": datetime.date(1992, 7, 1),
            "art": "ordentlich",
            "einwilligung_am": timezone.now(),
        },
    )
    for weeks in (2, 6):
        day = _next(today + datetime.timedelta(weeks=weeks), 0)
        Sprechrunde.objects.get_or_create(
            beginn=at(day, datetime.time(19)), defaults={"ort": ZENTRUM, "thema": "Sprechrunde der Aktiven"}
        )
    konto = Vereinskonto.load()
    if not konto.iban:  # an example account (bank code 000 000 00 does not exist); the CMS can change it
        konto.kontoinhaber = "Lokales Bündnis für Flüchtlinge Plochingen e. V. (Beispiel)"
        konto.iban = "DE52 0000 0000 0012 3456 78"
        konto.bank = "Beispielbank Plochingen (Beispiel)"
        konto.save()
    stdout.write(
        "Verein: page, documents, Vorstand, members with paid and unpaid fees, one application, example bank account"
    )
