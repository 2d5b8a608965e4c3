"""Demo Verein (the LBF as a registered Verein): its page, documents for members, the Vorstand,
members with paid and unpaid fees, one open application, Sprechrunde dates and an example bank
account. Idempotent; the people are fictional examples."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page

from portal import roles
from portal.demo import DEMO_DOMAIN, demo_pdf, ensure_demo_user
from portal.models import User

from .forms import at
from .models import Beitrag, Mitglied, Sprechrunde, VereinPage, Vereinskonto
from .services import verknuepfen

# The Sprechrunde's place is free text; the same address as the Ort "Begegnungszentrum (Beispiel)".
ZENTRUM = "Begegnungszentrum (Beispiel), Marktstraße 20, 73207 Plochingen"


def _next(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


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


def seed(stdout):
    today = timezone.localdate()
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
