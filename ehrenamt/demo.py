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
from portal import roles
from portal.demo import DEMO_DOMAIN, ensure_demo_user, translate_page
from portal.models import User
from veranstaltungen.models import VeranstaltungPage

from .forms import at
from .models import (
    Ehrenamtsprofil,
    Einsatz,
    MitmachenPage,
    Qualifikationsnachweis,
    Schicht,
)

TRANSLATIONS = Path(__file__).parent / "demo_data" / "translations.json"

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
        Qualifikationsnachweis.objects.get_or_create(
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
    stdout.write("Volunteering: coordinator, volunteers, six weeks of shifts")
