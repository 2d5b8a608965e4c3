"""Demo case register: a team lead, two case workers and a Datenschutz user (all with MFA), and about
twenty fictional households in various states. Every name here is invented and marked as an example."""

import datetime

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone

from portal import roles
from portal.demo import DEMO_DOMAIN, DEMO_PASSWORD, demo_email, ensure_demo_user
from portal.models import User

from .models import (
    Aufenthalt,
    Bedarf,
    Einwilligung,
    Fall,
    Fallkontakt,
    Integrationsvereinbarung,
    Massnahme,
    Person,
    RunderTisch,
    Stelle,
    TischFall,
    Uebergabe,
)

HAUSHALTE = [
    # pseudonym, first name, last name, nationality, languages, status, accommodation, residence status
    ("Haushalt Linde", "Amal", "Haddad", "syrisch", "Arabisch", "in_betreuung", "anschluss", "anerkennung"),
    ("Haushalt Birke", "Olena", "Koval", "ukrainisch", "Ukrainisch, Russisch", "in_betreuung", "privat", "sonstiger"),
    ("Haushalt Eiche", "Ahmad", "Rahimi", "afghanisch", "Dari, Persisch", "uebergabe", "gu", "gestattung"),
    ("Haushalt Ahorn", "Mehmet", "Kaya", "türkisch", "Türkisch, Kurdisch", "in_betreuung", "anschluss", "gestattung"),
    ("Haushalt Esche", "Fatima", "Omar", "eritreisch", "Tigrinya", "in_betreuung", "anschluss", "anerkennung"),
    ("Haushalt Buche", "Yusuf", "Ali", "somalisch", "Somali, Englisch", "uebergabe", "gu", "duldung"),
    ("Haushalt Ulme", "Nadia", "Karimi", "iranisch", "Persisch, Englisch", "in_betreuung", "privat", "anerkennung"),
    ("Haushalt Erle", "Samir", "Nasser", "irakisch", "Arabisch, Kurdisch", "abgeschlossen", "privat", "anerkennung"),
    ("Haushalt Kiefer", "Iryna", "Bondar", "ukrainisch", "Ukrainisch", "in_betreuung", "anschluss", "sonstiger"),
    ("Haushalt Pappel", "Hassan", "Yousef", "syrisch", "Arabisch", "in_betreuung", "anschluss", "anerkennung"),
    ("Haushalt Weide", "Aylin", "Demir", "türkisch", "Türkisch", "uebergabe", "gu", "gestattung"),
    ("Haushalt Tanne", "Zahra", "Ahmadi", "afghanisch", "Dari", "in_betreuung", "anschluss", "gestattung"),
    (
        "Haushalt Fichte",
        "Daniel",
        "Tesfaye",
        "eritreisch",
        "Tigrinya, Englisch",
        "in_betreuung",
        "anschluss",
        "anerkennung",
    ),
    ("Haushalt Kastanie", "Layla", "Hussein", "irakisch", "Arabisch", "abgeschlossen", "privat", "anerkennung"),
    ("Haushalt Robinie", "Oksana", "Melnyk", "ukrainisch", "Ukrainisch", "in_betreuung", "privat", "sonstiger"),
    ("Haushalt Holunder", "Bilal", "Sharif", "pakistanisch", "Urdu, Englisch", "uebergabe", "gu", "duldung"),
    ("Haushalt Hasel", "Mariam", "Nouri", "syrisch", "Arabisch", "in_betreuung", "anschluss", "anerkennung"),
    ("Haushalt Eibe", "Tigist", "Bekele", "äthiopisch", "Amharisch", "in_betreuung", "anschluss", "gestattung"),
    ("Haushalt Wacholder", "Reza", "Hosseini", "iranisch", "Persisch", "abgeschlossen", "privat", "anerkennung"),
    (
        "Haushalt Mehlbeere",
        "Sara",
        "Ibrahim",
        "sudanesisch",
        "Arabisch, Englisch",
        "in_betreuung",
        "anschluss",
        "duldung",
    ),
]

GRID = {
    "sprache": ("bedarf", 1),
    "arbeit": ("in_arbeit", 2),
    "wohnen": ("bedarf", 1),
    "kinder": ("erledigt", 3),
    "teilhabe": ("kein_bedarf", 2),
}


def seed(stdout):
    ensure_demo_user(roles.TEAMLEITUNG)
    ensure_demo_user(roles.INTEGRATIONSMANAGEMENT)
    ensure_demo_user(roles.DATENSCHUTZ)
    lead = User.objects.get(email=demo_email(roles.TEAMLEITUNG))
    first = User.objects.get(email=demo_email(roles.INTEGRATIONSMANAGEMENT))
    second, created = User.objects.get_or_create(
        email=f"integrationsmanagement2@{DEMO_DOMAIN}",
        defaults={"first_name": "Jonas", "last_name": "Integrationsmanagement 2 (Beispiel)"},
    )
    if created:
        second.set_password(DEMO_PASSWORD)
        second.save()
        EmailAddress.objects.create(user=second, email=second.email, verified=True, primary=True)
    second.groups.add(*first.groups.all())
    _second_factor(second)

    today = timezone.localdate()
    for index, (pseudonym, vorname, nachname, land, sprachen, status, unterbringung, aufenthalt) in enumerate(
        HAUSHALTE
    ):
        if Fall.objects.filter(pseudonym=pseudonym).exists():
            continue
        zugewiesen = today - datetime.timedelta(days=40 + index * 23)
        fall = Fall.objects.create(
            pseudonym=pseudonym,
            status=status,
            unterbringung=unterbringung,
            adresse="Filsweg 7" if unterbringung == "anschluss" else "",
            zugewiesen_am=zugewiesen,
            abgeschlossen_am=today - datetime.timedelta(days=10 + index) if status == "abgeschlossen" else None,
        )
        fall.bearbeitende.set([first if index % 2 == 0 else second])
        Person.objects.create(
            fall=fall,
            vorname=vorname,
            nachname=f"{nachname} (Beispiel)",
            geburtsdatum=datetime.date(1975 + index, 1 + index % 12, 1 + index % 27),
            staatsangehoerigkeit=land,
            sprachen=sprachen,
        )
        Aufenthalt.objects.create(fall=fall, status=aufenthalt, seit=zugewiesen, erfasst_von=lead)
        Uebergabe.objects.create(
            fall=fall,
            dokumente_uebergeben=status != "uebergabe",
            offene_termine="Termin bei der Ausländerbehörde (Beispiel)" if index % 3 == 0 else "",
            gesundheitshinweise="Regelmäßige Arztbesuche (Beispiel)" if index % 4 == 0 else "",
            erstkontakt_am=None if status == "uebergabe" else zugewiesen + datetime.timedelta(days=7),
        )
        if status == "uebergabe":
            continue
        Einwilligung.objects.create(
            fall=fall,
            erteilt_am=zugewiesen + datetime.timedelta(days=7),
            empfaenger=["lbf", "jobcenter"],
            erfasst_von=lead,
        )
        # The other life areas stay "not assessed" (no row).
        for code, (bedarf_status, prioritaet) in GRID.items():
            Bedarf.objects.create(fall=fall, lebensbereich=code, status=bedarf_status, prioritaet=prioritaet)
        worker = first if index % 2 == 0 else second
        Fallkontakt.objects.create(
            fall=fall,
            datum=zugewiesen + datetime.timedelta(days=7),
            art=Fallkontakt.Art.PERSOENLICH,
            notiz="Erstgespräch im Büro, Unterlagen gesichtet (Beispiel)",
            erfasst_von=worker,
        )
        Fallkontakt.objects.create(
            fall=fall,
            datum=today - datetime.timedelta(days=3 + index),
            art=Fallkontakt.Art.TELEFON,
            notiz="Rückfrage zum Bescheid des Jobcenters (Beispiel)",
            erfasst_von=worker,
            wiedervorlage_am=today + datetime.timedelta(days=index - 2),
        )
        Massnahme.objects.create(
            fall=fall,
            lebensbereich="sprache",
            beschreibung="Anmeldung zum Integrationskurs begleiten",
            stelle=Stelle.INTEGRATIONSMANAGEMENT,
            verantwortlich=worker,
            faellig_am=today + datetime.timedelta(days=index - 5),
            status="erledigt" if status == "abgeschlossen" else "offen",
            erledigt_am=today - datetime.timedelta(days=20 + index) if status == "abgeschlossen" else None,
        )
        Massnahme.objects.create(
            fall=fall,
            lebensbereich="wohnen",
            beschreibung="Wohnungssuche mit einer Patin des LBF",
            stelle=Stelle.LBF,
            verantwortlich=worker,
            faellig_am=today + datetime.timedelta(days=30),
        )
    _runder_tisch(today, lead, first, second)
    stdout.write(f"Case register: {Fall.objects.count()} households, {RunderTisch.objects.count()} round table")


def _runder_tisch(today, lead, first, second):
    if RunderTisch.objects.exists():
        return
    tisch = RunderTisch.objects.create(
        datum=timezone.make_aware(datetime.datetime.combine(today - datetime.timedelta(days=14), datetime.time(10))),
        ort="Rathaus Plochingen, Besprechungsraum 2",
        teilnehmende="Integrationsmanagement (2), Sozialer Dienst, Jobcenter, Lokales Bündnis für Flüchtlinge",
        notizen="Nächster Runder Tisch in vier Wochen. Das LBF stellt das Patenschaftsprogramm vor.",
        erstellt_von=lead,
    )
    faelle = list(Fall.objects.filter(status="in_betreuung").order_by("nummer")[:3])
    for reihenfolge, fall in enumerate(faelle, start=1):
        TischFall.objects.create(runder_tisch=tisch, fall=fall, reihenfolge=reihenfolge)
        Massnahme.objects.create(
            fall=fall,
            lebensbereich="arbeit",
            beschreibung="Beratungstermin beim Jobcenter zur Anerkennung des Berufsabschlusses",
            stelle=Stelle.JOBCENTER,
            verantwortlich=first if reihenfolge % 2 else second,
            faellig_am=today + datetime.timedelta(days=7 * reihenfolge),
            runder_tisch=tisch,
        )
    erster = faelle[0]
    Integrationsvereinbarung.objects.get_or_create(
        fall=erster,
        defaults={
            "ziele": "\n".join(
                [
                    "Deutschkurs bis Niveau B1 abschließen",
                    "Anerkennung des Berufsabschlusses beantragen",
                    "Wohnung außerhalb der Anschlussunterbringung finden",
                ]
            ),
            "unterzeichnet_am": erster.zugewiesen_am + datetime.timedelta(days=14),
            "ueberpruefung_am": today + datetime.timedelta(days=60),
        },
    )


def _second_factor(user):
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())
