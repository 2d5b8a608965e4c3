"""Demo Patenschaften (Handlungsfeld 6): the Patenschaften page below Mitmachen, four Paten, three
households seeking one and one Patenschaft with a check-in, relative to today. Idempotent; the people
are fictional examples. Runs after ehrenamt's demo (INSTALLED_APPS order): the Paten are its volunteers."""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from ehrenamt.models import MitmachenPage
from home.models import StandardPage
from portal import roles
from portal.demo import DEMO_DOMAIN, demo_email
from portal.models import User

from .models import Patenbewerbung, Patenkontakt, Patenschaft, Patensuche

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
        Patenkontakt.objects.create(
            patenschaft=patenschaft,
            datum=today - datetime.timedelta(days=30),
            notiz="Erste Treffen gut verlaufen; Hilfe bei der Anmeldung in der Grundschule.",
            erfasst_von=koordination,
        )
        familie.status = Patensuche.Status.VERMITTELT
        familie.save(update_fields=["status"])


def seed(stdout):
    german = Locale.objects.get(language_code="de")
    _patenschaften_page(MitmachenPage.objects.get(locale=german, slug="mitmachen"))
    # The volunteers of ehrenamt/demo.py: freiwillige2 Mehmet, freiwillige3 Olena, freiwillige4 Samir.
    mehmet, olena, samir = (User.objects.get(email=f"freiwillige{n}@{DEMO_DOMAIN}") for n in (2, 3, 4))
    _patenschaften(
        timezone.localdate(),
        [
            (olena, "filstal", ["schule", "wohnen"], True),
            (samir, "stumpenhof", ["schule", "behoerden"], True),
            (mehmet, "innenstadt", ["arbeit", "behoerden"], False),
            (User.objects.get(email=demo_email(roles.EHRENAMT)), "innenstadt", ["sprache", "freizeit"], False),
        ],
        User.objects.get(email=demo_email(roles.EHRENAMTSKOORDINATION)),
    )
    stdout.write("Patenschaften: page, Paten, households seeking a Pate and one Patenschaft")
