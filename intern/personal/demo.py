"""Demo recruitment, HR's side: a few fictional applicants at different stages for the postings of
stellen/demo.py (which runs before this module), and last year's hires."""

import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Locale

from portal import roles
from portal.demo import demo_email, demo_pdf, ensure_demo_user
from portal.models import User
from stellen.demo import STELLEN
from stellen.models import Bewerbung, StellenangebotPage, Stellenbereich

from .models import Einstellung, Verlauf

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
    stellen = [StellenangebotPage.objects.filter(locale=german, slug=daten["slug"]).first() for daten in STELLEN]
    if not all(stellen):
        stdout.write("Recruitment: no job postings, no applications")
        return
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
            (Stellenbereich.BAUHOF, True, 2),
            (Stellenbereich.BAUHOF, False, 3),
            (Stellenbereich.KINDERHAEUSER, False, 3),
            (Stellenbereich.STADTVERWALTUNG, None, 1),
        ]:
            for _n in range(anzahl):
                Einstellung.objects.create(jahr=letztes_jahr, bereich=bereich, anerkannter_fluechtling=fluechtling)
    stdout.write(f"Recruitment: {Bewerbung.objects.count()} applications")
