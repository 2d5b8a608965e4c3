"""Demo training: five courses from the plan's Handlungsfeld 7, past and coming sessions, and staff
in several departments of whom some have attended. All people are fictional."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group
from django.utils import timezone

from portal import roles
from portal.demo import DEMO_DOMAIN, demo_email, ensure_demo_user
from portal.models import User

from .models import Abteilung, Kurs, Kursanmeldung, Kurstermin, Mitarbeiter, Position

PUBLIKUM = "Sachbearbeitung mit Publikumsverkehr"
FUEHRUNG = "Führungskraft"
PAEDAGOGIK = "Pädagogische Fachkraft"

KURSE = [
    (
        "Interkulturelle Kommunikation im Bürgerkontakt",
        "Wie gelingt ein Gespräch, wenn Sprache, Erwartungen und Erfahrungen mit Behörden verschieden sind? "
        "Mit Beispielen aus dem Alltag im Bürgerbüro, im Ordnungsamt und im Sozialamt.",
        "Missverständnisse früh erkennen\nEinfach und klar erklären, auch mit Dolmetscher\n"
        "Eigene Haltung und Vorurteile reflektieren",
        Kurs.Format.PRAESENZ,
        "6",
        "Dr. Aylin Demir (Beispiel), Interkulturelle Trainerin",
        ["Bürgerbüro", "Ordnungsamt", "Sozialamt", "Standesamt"],
        [PUBLIKUM],
    ),
    (
        "Verständliche Briefe und Formulare",
        "Schriftverkehr und Formulare der Stadt so schreiben, dass sie alle verstehen – im Rahmen der "
        "rechtlichen Möglichkeiten (Maßnahme aus Handlungsfeld 7).",
        "Kurze Sätze und klare Wörter\nAufbau eines verständlichen Bescheids\nEin eigenes Formular überarbeiten",
        Kurs.Format.PRAESENZ,
        "4",
        "Team Bürgernahe Sprache, Landkreis Esslingen (Beispiel)",
        ["Bürgerbüro", "Ordnungsamt", "Sozialamt", "Standesamt", "Hauptamt"],
        [PUBLIKUM, FUEHRUNG],
    ),
    (
        "Vielfalt in den Kinderhäusern: Elternarbeit mit zugewanderten Familien",
        "Eingewöhnung, Elterngespräche und Feste mit Familien aus vielen Ländern.",
        "Elterngespräche mit Sprachmittlung\nMehrsprachigkeit der Kinder stärken\nFamilien gut informieren",
        Kurs.Format.PRAESENZ,
        "8",
        "Kinderhaus-Fachberatung (Beispiel)",
        ["Kinderhäuser"],
        [PAEDAGOGIK],
    ),
    (
        "Aufenthaltsrecht kompakt",
        "Welche Aufenthaltstitel gibt es, und was bedeuten sie für Leistungen, Arbeit und Wohnen?",
        "Aufenthaltstitel lesen und einordnen\nWissen, wohin man verweisen kann",
        Kurs.Format.ONLINE,
        "3",
        "Migrationsdienst Landkreis Esslingen (Beispiel)",
        ["Bürgerbüro", "Ordnungsamt", "Sozialamt"],
        [],
    ),
    (
        "Vielfalt führen",
        "Führungskräfte gestalten ein Team, in dem Menschen mit und ohne Migrationsgeschichte gut arbeiten.",
        "Vielfalt im Team als Stärke nutzen\nKonflikte ansprechen\nBewerbungen fair auswählen",
        Kurs.Format.ONLINE,
        "3",
        "Dr. Aylin Demir (Beispiel)",
        [],
        [FUEHRUNG],
    ),
]

# name, department, position, courses attended (by index)
BELEGSCHAFT = [
    ("Sabine", "Keller", "Bürgerbüro", PUBLIKUM, [0, 1]),
    ("Murat", "Yilmaz", "Bürgerbüro", PUBLIKUM, [0]),
    ("Jana", "Fischer", "Bürgerbüro", PUBLIKUM, []),
    ("Thomas", "Wagner", "Ordnungsamt", PUBLIKUM, [0, 3]),
    ("Elena", "Petrova", "Ordnungsamt", PUBLIKUM, []),
    ("Klaus", "Bauer", "Ordnungsamt", FUEHRUNG, [4]),
    ("Miriam", "Schulz", "Sozialamt", PUBLIKUM, [0, 1, 3]),
    ("Ahmad", "Karimi", "Sozialamt", PUBLIKUM, [1]),
    ("Petra", "Hoffmann", "Sozialamt", FUEHRUNG, []),
    ("Lena", "Maier", "Kinderhäuser", PAEDAGOGIK, [2]),
    ("Fatma", "Aydin", "Kinderhäuser", PAEDAGOGIK, []),
    ("Sophie", "Braun", "Kinderhäuser", PAEDAGOGIK, [2]),
    ("Jonas", "Koch", "Kinderhäuser", PAEDAGOGIK, []),
    ("Uwe", "Richter", "Bauhof", "Mitarbeiterin / Mitarbeiter Bauhof", []),
    ("Dragan", "Jovanović", "Bauhof", "Mitarbeiterin / Mitarbeiter Bauhof", []),
    ("Heike", "Wolf", "Sozialstation", "Pflegekraft", []),
    ("Andrea", "Krüger", "Standesamt", PUBLIKUM, [1]),
    ("Markus", "Neumann", "Hauptamt", FUEHRUNG, [1, 4]),
    ("Birgit", "Schwarz", "Kämmerei", "Sachbearbeitung ohne Publikumsverkehr", []),
    ("Stefan", "Zimmermann", "Bauamt", "Sachbearbeitung ohne Publikumsverkehr", []),
]


def _staff_user(vorname, nachname):
    email = f"{vorname}.{nachname}".lower().replace("ć", "c").replace("ü", "ue").replace("ö", "oe") + "@" + DEMO_DOMAIN
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": vorname, "last_name": f"{nachname} (Beispiel)"}
    )
    if created:
        user.set_unusable_password()
        user.save()
    user.groups.add(Group.objects.get(name=roles.VERWALTUNG))
    return user


def _termin(kurs, tage, stunde=9, kapazitaet=12, ort="Rathaus Plochingen, Sitzungssaal, Schulstraße 5"):
    beginn = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate() + datetime.timedelta(days=tage), datetime.time(stunde))
    )
    termin, _created = Kurstermin.objects.get_or_create(
        kurs=kurs,
        beginn=beginn,
        defaults={
            "ende": beginn + datetime.timedelta(hours=float(kurs.dauer_stunden)),
            "ort": "Online (Link per E-Mail)" if kurs.format == Kurs.Format.ONLINE else ort,
            "kapazitaet": kapazitaet,
            "anmeldeschluss": (beginn - datetime.timedelta(days=7)).date(),
        },
    )
    return termin


def seed(stdout):
    abteilungen = {a.name: a for a in Abteilung.objects.all()}
    positionen = {p.name: p for p in Position.objects.all()}
    kurse = []
    for titel, beschreibung, ziele, fmt, dauer, trainer, gruppen, pflicht in KURSE:
        kurs, created = Kurs.objects.get_or_create(
            titel=titel,
            defaults={
                "beschreibung": beschreibung,
                "lernziele": ziele,
                "format": fmt,
                "dauer_stunden": Decimal(dauer),
                "trainer": trainer,
            },
        )
        if created:
            kurs.zielgruppen.set([abteilungen[name] for name in gruppen])
            kurs.pflicht_fuer.set([positionen[name] for name in pflicht])
        kurse.append(kurs)

    # Past sessions (attended by some) and coming ones (one almost full).
    jetzt = timezone.now()
    vergangen, kommend = [], []
    for index, kurs in enumerate(kurse):
        vergangen.append(
            kurs.termine.filter(beginn__lt=jetzt).order_by("-beginn").first() or _termin(kurs, -40 - 30 * index)
        )
        kommend.append(
            kurs.termine.filter(beginn__gt=jetzt).order_by("beginn").first()
            or _termin(kurs, 21 + 7 * index, kapazitaet=3 if index == 0 else 12)
        )

    for vorname, nachname, abteilung, position, besucht in BELEGSCHAFT:
        user = _staff_user(vorname, nachname)
        Mitarbeiter.objects.get_or_create(
            user=user, defaults={"abteilung": abteilungen[abteilung], "position": positionen[position]}
        )
        for index in besucht:
            Kursanmeldung.objects.get_or_create(
                termin=vergangen[index],
                user=user,
                defaults={"status": Kursanmeldung.Status.ANGEMELDET, "teilgenommen": True},
            )

    # The demo logins: a clerk in the Bürgerbüro with one course done, and HR.
    ensure_demo_user(roles.VERWALTUNG)
    ensure_demo_user(roles.PERSONAL)
    verwaltung = User.objects.get(email=demo_email(roles.VERWALTUNG))
    personal = User.objects.get(email=demo_email(roles.PERSONAL))
    Mitarbeiter.objects.get_or_create(
        user=verwaltung, defaults={"abteilung": abteilungen["Bürgerbüro"], "position": positionen[PUBLIKUM]}
    )
    Mitarbeiter.objects.get_or_create(
        user=personal, defaults={"abteilung": abteilungen["Hauptamt"], "position": positionen[FUEHRUNG]}
    )
    Kursanmeldung.objects.get_or_create(
        termin=vergangen[3], user=verwaltung, defaults={"status": Kursanmeldung.Status.ANGEMELDET, "teilgenommen": True}
    )
    # The first coming session fills up: two places taken, so the demo clerk can take the last one.
    for vorname, nachname in [("Jana", "Fischer"), ("Elena", "Petrova")]:
        user = User.objects.get(email__startswith=f"{vorname.lower()}.{nachname.lower()}@")
        Kursanmeldung.objects.get_or_create(
            termin=kommend[0], user=user, defaults={"status": Kursanmeldung.Status.ANGEMELDET}
        )
    stdout.write(
        f"Training: {len(kurse)} courses, {Kurstermin.objects.count()} sessions, {Mitarbeiter.objects.count()} staff"
    )
