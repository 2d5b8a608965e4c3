"""The case register: handover, grid, measures with consent, contacts and tasks, statistics, who may
open which case, and bounded queries."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from intern.audit.models import AuditEintrag
from intern.faelle.models import Bedarf, Fall, Fallkontakt, Massnahme
from portal import roles
from tests.factories import (
    AngeboteIndexPageFactory,
    AngebotPageFactory,
    FallFactory,
    FallMassnahmeFactory,
    UserFactory,
    activate_totp,
    case_worker,
)
from tests.faelle.helpers import signed_in

pytestmark = pytest.mark.django_db


def test_case_worker_takes_over_a_household_and_a_measure_goes_to_the_lbf(worker, site_pages):
    client = signed_in(worker)
    response = client.post(
        "/de/intern/faelle/neu/",
        {
            "pseudonym": "Haushalt Linde",
            "status": "uebergabe",
            "unterbringung": "anschluss",
            "adresse": "Filsweg 7",
            "zugewiesen_am": "2026-10-01",
            "person-vorname": "Amal",
            "person-nachname": "Haddad",
            "person-geburtsdatum": "1988-04-02",
            "person-staatsangehoerigkeit": "syrisch",
            "person-sprachen": "Arabisch, Deutsch A2",
        },
    )
    fall = Fall.objects.get()
    assert response.url == f"/de/intern/faelle/{fall.pk}/"
    assert list(fall.bearbeitende.all()) == [worker]
    assert fall.nummer == f"{timezone.localdate().year}-0001"

    url = f"/de/intern/faelle/{fall.pk}/"
    client.post(
        url + "uebergabe/",
        {
            "dokumente_uebergeben": "on",
            "offene_termine": "Ausländerbehörde 12.12.",
            "gesundheitshinweise": "Diabetes Typ 1, Insulin",
            "schule_kita": "Kind 7 J.: Grundschule angemeldet",
            "erstkontakt_am": "2026-10-05",
        },
    )
    grid = {
        f"{code}_status": "kein_bedarf"
        for code in ("sprache", "arbeit", "wohnen", "gesundheit", "kinder", "finanzen", "aufenthalt", "teilhabe")
    }
    grid |= {
        f"{code}_prioritaet": "2"
        for code in ("sprache", "arbeit", "wohnen", "gesundheit", "kinder", "finanzen", "aufenthalt", "teilhabe")
    }
    grid |= {"sprache_status": "bedarf", "sprache_prioritaet": "1", "wohnen_status": "in_arbeit"}
    client.post(url + "raster/", grid)
    assert dict(fall.bedarfe.values_list("lebensbereich", "status"))["sprache"] == "bedarf"

    # No consent yet: the LBF gets nothing, and the form says why and keeps what was typed.
    measure = {
        "lebensbereich": "sprache",
        "beschreibung": "Sprachpatin für Frau H. finden",
        "stelle": "lbf",
        "verantwortlich": worker.pk,
        "faellig_am": "2026-12-15",
        "status": "offen",
    }
    response = client.post(url + "massnahmen/neu/", measure)
    assert response.status_code == 200
    assert "stelle" in response.context["form"].errors
    assert "Sprachpatin für Frau H. finden" in response.content.decode()
    assert not Massnahme.objects.exists()

    client.post(url + "einwilligung/", {"erteilt_am": "2026-10-05", "empfaenger": ["lbf"]})
    response = client.post(url + "massnahmen/neu/", measure)
    assert response.status_code == 302
    assert Massnahme.objects.get().stelle == "lbf"
    # The consent does not cover the Jobcenter.
    response = client.post(url + "massnahmen/neu/", {**measure, "stelle": "jobcenter"})
    assert "stelle" in response.context["form"].errors

    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Amal" in html and "Sprachpatin" in html
    assert "Diabetes" not in html  # the case page only says a health note exists

    # Every step is in the audit log, by case number, and the log holds no values.
    steps = list(AuditEintrag.objects.filter(fall_nummer=fall.nummer).values_list("aktion", "bereich"))
    assert ("anlegen", "fall") in steps and ("anlegen", "person") in steps
    assert ("aendern", "uebergabe") in steps and ("aendern", "beratungsraster") in steps
    assert ("anlegen", "einwilligung") in steps and ("anlegen", "massnahme") in steps
    assert ("lesen", "fall") in steps
    log = " ".join(str(e.felder) + e.bereich + e.objekt_id for e in AuditEintrag.objects.all())
    assert "Diabetes" not in log and "Haddad" not in log and "Filsweg" not in log

    datenschutz = UserFactory(roles=[roles.DATENSCHUTZ])
    activate_totp(datenschutz)
    response = signed_in(datenschutz).get(f"/de/intern/datenschutz/protokoll/?fall={fall.nummer}")
    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == len(steps)
    assert signed_in(datenschutz).get(url).status_code == 403


def test_a_case_worker_opens_only_assigned_cases_and_the_team_lead_all(worker):
    own = FallFactory(bearbeitende=[worker])
    other = FallFactory(bearbeitende=[case_worker()])
    client = signed_in(worker)
    assert client.get(f"/de/intern/faelle/{own.pk}/").status_code == 200
    assert client.get(f"/de/intern/faelle/{other.pk}/").status_code == 404
    assert client.post(f"/de/intern/faelle/{other.pk}/raster/", {}).status_code == 404
    listing = client.get("/de/intern/faelle/")
    assert [f.pk for f in listing.context["page_obj"]] == [own.pk]

    lead = UserFactory(roles=[roles.TEAMLEITUNG, roles.INTEGRATIONSMANAGEMENT])
    activate_totp(lead)
    lead_client = signed_in(lead)
    assert {f.pk for f in lead_client.get("/de/intern/faelle/").context["page_obj"]} == {own.pk, other.pk}
    # The team lead assigns cases.
    data = {
        "pseudonym": other.pseudonym,
        "status": "in_betreuung",
        "unterbringung": "gu",
        "zugewiesen_am": other.zugewiesen_am.isoformat(),
        "bearbeitende": [worker.pk],
    }
    assert lead_client.post(f"/de/intern/faelle/{other.pk}/bearbeiten/", data).status_code == 302
    assert client.get(f"/de/intern/faelle/{other.pk}/").status_code == 200


def test_impossible_dates_are_rejected_and_input_kept(worker):
    client = signed_in(worker)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post(
        "/de/intern/faelle/neu/",
        {
            "pseudonym": "Haushalt Birke",
            "status": "abgeschlossen",
            "unterbringung": "gu",
            "zugewiesen_am": tomorrow,
            "person-vorname": "Olena",
            "person-nachname": "K.",
            "person-geburtsdatum": tomorrow,
        },
    )
    assert response.status_code == 200
    assert {"zugewiesen_am", "abgeschlossen_am"} <= set(response.context["form"].errors)
    assert "geburtsdatum" in response.context["person_form"].errors
    assert 'value="Haushalt Birke"' in response.content.decode()
    assert not Fall.objects.exists()


def test_withdrawn_consent_blocks_sharing_again(worker, site_pages):
    finder = AngeboteIndexPageFactory(parent=site_pages.home)
    offer = AngebotPageFactory(parent=finder, slug="migrationsberatung")
    fall = FallFactory(bearbeitende=[worker])
    client = signed_in(worker)
    url = f"/de/intern/faelle/{fall.pk}/"
    client.post(url + "einwilligung/", {"erteilt_am": "2026-10-05", "empfaenger": ["fachberatung"]})
    measure = {"lebensbereich": "aufenthalt", "beschreibung": "Verweis", "stelle": "fachberatung", "status": "offen"}
    response = client.post(url + "massnahmen/neu/", measure)
    assert "angebot" in response.context["form"].errors  # a Fachberatung is one of the offers
    assert client.post(url + "massnahmen/neu/", {**measure, "angebot": offer.pk}).status_code == 302
    einwilligung = fall.einwilligungen.get()
    client.post(url + f"einwilligung/{einwilligung.pk}/widerrufen/")
    response = client.post(url + "massnahmen/neu/", {**measure, "angebot": offer.pk})
    assert "stelle" in response.context["form"].errors


def test_my_tasks_and_the_overdue_list(worker):
    fall = FallFactory(bearbeitende=[worker])
    colleague = case_worker()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    mine = FallMassnahmeFactory(
        fall=fall,
        lebensbereich="arbeit",
        beschreibung="x",
        verantwortlich=worker,
        faellig_am=yesterday,
    )
    theirs = FallMassnahmeFactory(
        fall=fall,
        lebensbereich="wohnen",
        beschreibung="y",
        verantwortlich=colleague,
        faellig_am=yesterday,
    )
    FallMassnahmeFactory(
        lebensbereich="wohnen",
        beschreibung="z",
        faellig_am=yesterday,
    )
    response = signed_in(worker).get("/de/intern/faelle/aufgaben/")
    assert list(response.context["meine"]) == [mine]
    assert list(response.context["ueberfaellig"]) == [mine, theirs]


def test_staff_sessions_end_after_inactivity(worker, settings):
    client = signed_in(worker)
    assert client.get("/de/intern/faelle/").status_code == 200
    session = client.session
    session["portal_intern_last_seen"] -= settings.PORTAL_INTERN_SESSION_IDLE + 1
    session.save()
    response = client.get("/de/intern/faelle/")
    assert response.status_code == 302 and "/konto/login/" in response.url
    assert client.get("/de/konto/profil/").status_code == 302  # signed out everywhere


def test_case_list_counts_each_rows_open_measures(worker):
    busy = FallFactory(nummer="2026-00001", bearbeitende=[worker])
    FallFactory(nummer="2026-00002", bearbeitende=[worker])
    for status in (Massnahme.Status.OFFEN, Massnahme.Status.OFFEN, Massnahme.Status.ERLEDIGT):
        FallMassnahmeFactory(fall=busy, lebensbereich="sprache", beschreibung="M", status=status)
    page = signed_in(worker).get("/de/intern/faelle/").content.decode()
    rows = dict(re.findall(r">(2026-0000\d)</a>.*?<td>(\d+)</td></tr>", page))
    assert rows == {"2026-00001": "2", "2026-00002": "0"}


@pytest.mark.parametrize("count", [1, pytest.param(2000, marks=pytest.mark.slow)])
def test_case_list_and_case_page_have_bounded_queries(worker, django_assert_max_num_queries, count):
    year = timezone.localdate().year
    faelle = Fall.objects.bulk_create(
        [
            Fall(nummer=f"{year}-{n:05d}", pseudonym=f"Haushalt {n}", zugewiesen_am=timezone.localdate())
            for n in range(count)
        ]
    )
    Fall.bearbeitende.through.objects.bulk_create([Fall.bearbeitende.through(fall=f, user=worker) for f in faelle])
    fall = faelle[0]
    Massnahme.objects.bulk_create(
        [
            Massnahme(
                fall=fall,
                lebensbereich="sprache",
                beschreibung=f"M {n}",
                stelle="integrationsmanagement",
                verantwortlich=worker,
            )
            for n in range(min(count, 50))
        ]
    )
    client = signed_in(worker)
    with django_assert_max_num_queries(25):
        response = client.get("/de/intern/faelle/")
    assert response.status_code == 200
    newest = faelle[-1]
    assert f'<a href="/de/intern/faelle/{newest.pk}/">{newest.nummer}</a>' in response.content.decode()
    with translation.override("de"):
        assert f"<td>{Fall.Status.UEBERGABE.label}</td>" in response.content.decode()
    with django_assert_max_num_queries(30):
        assert client.get(f"/de/intern/faelle/{fall.pk}/").status_code == 200
    with django_assert_max_num_queries(25):
        assert client.get(f"/de/intern/faelle/{fall.pk}/raster/").status_code == 200
    with django_assert_max_num_queries(25):
        assert client.get("/de/intern/faelle/aufgaben/").status_code == 200
    with django_assert_max_num_queries(25):
        assert client.get("/de/intern/faelle/statistik/").status_code == 200


def test_integration_agreement_is_printable_and_its_reading_is_logged(worker):
    fall = FallFactory(bearbeitende=[worker])
    fall.personen.create(vorname="Amal", nachname="Haddad")
    client = signed_in(worker)
    url = f"/de/intern/faelle/{fall.pk}/vereinbarung/neu/"
    response = client.post(
        url,
        {"ziele": "Deutschkurs B1\nArbeit suchen", "unterzeichnet_am": "2026-11-01", "ueberpruefung_am": "2026-10-01"},
    )
    assert "ueberpruefung_am" in response.context["form"].errors
    response = client.post(
        url,
        {"ziele": "Deutschkurs B1\nArbeit suchen", "unterzeichnet_am": "2026-11-01", "ueberpruefung_am": "2027-05-01"},
    )
    page = client.get(response.url)
    html = page.content.decode()
    assert "Deutschkurs B1" in html and "Amal Haddad" in html
    assert AuditEintrag.objects.filter(aktion="export", bereich="vereinbarung", fall_nummer=fall.nummer).count() == 1


def test_statistics_suppress_small_counts(worker):
    for _ in range(6):
        fall = FallFactory(status="in_betreuung", bearbeitende=[worker])
        fall.bedarfe.create(lebensbereich="sprache", status="bedarf")
    FallFactory(status="abgeschlossen", abgeschlossen_am=timezone.localdate())
    response = signed_in(worker).get("/de/intern/faelle/statistik/")
    status = dict(response.context["faelle_nach_status"])
    assert status[Fall.Status.IN_BETREUUNG.label] == 6
    assert status[Fall.Status.ABGESCHLOSSEN.label] != 1 and "5" in str(status[Fall.Status.ABGESCHLOSSEN.label])
    assert status[Fall.Status.UEBERGABE.label] == 0
    assert 6 in dict(response.context["bedarfe"]).values()
    # One suppressed cell: the total would give it away, so it is not shown either.
    year = timezone.localdate().year
    for _ in range(6):
        FallMassnahmeFactory(
            fall=fall,
            lebensbereich="sprache",
            beschreibung="x",
            stelle="lbf",
            status="erledigt",
            erledigt_am=timezone.localdate(),
        )
    for _ in range(2):
        FallMassnahmeFactory(
            fall=fall,
            lebensbereich="arbeit",
            beschreibung="x",
            stelle="lbf",
            status="erledigt",
            erledigt_am=timezone.localdate(),
        )
    response = signed_in(worker).get(f"/de/intern/faelle/statistik/?jahr={year}")
    assert 6 in dict(response.context["erledigt"]).values()
    assert response.context["erledigt_gesamt"] != 8 and not str(response.context["erledigt_gesamt"]).isdigit()
    assert signed_in(worker).get("/de/intern/faelle/statistik/?jahr=abc").status_code == 200


def test_task_reminders_say_only_that_a_task_is_due(worker):
    from django.core import mail

    fall = FallFactory(pseudonym="Haushalt Linde", bearbeitende=[worker])
    fall.personen.create(vorname="Amal", nachname="Haddad")
    FallMassnahmeFactory(
        fall=fall,
        lebensbereich="gesundheit",
        beschreibung="Termin Diabetologe",
        verantwortlich=worker,
        faellig_am=timezone.localdate(),
    )
    call_command("send_case_task_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    text = message.subject + message.body
    assert "/de/intern/faelle/aufgaben/" in text
    for private in (fall.nummer, "Linde", "Haddad", "Diabetologe", "Gesundheit"):
        assert private not in text


def test_only_the_case_workers_of_a_case_take_its_measures(worker):
    fall = FallFactory(bearbeitende=[worker])
    outsider = case_worker()
    client = signed_in(worker)
    measure = {
        "lebensbereich": "sprache",
        "beschreibung": "Kurs",
        "stelle": "integrationsmanagement",
        "status": "offen",
        "verantwortlich": outsider.pk,
    }
    response = client.post(f"/de/intern/faelle/{fall.pk}/massnahmen/neu/", measure)
    assert "verantwortlich" in response.context["form"].errors
    # A measure of a case someone else works on never shows in their tasks.
    FallMassnahmeFactory(fall=fall, lebensbereich="sprache", beschreibung="x", stelle="lbf", verantwortlich=outsider)
    assert list(signed_in(outsider).get("/de/intern/faelle/aufgaben/").context["meine"]) == []
    assert AuditEintrag.objects.filter(aktion="verweigert").count() == 0
    assert signed_in(outsider).get(f"/de/intern/faelle/{fall.pk}/").status_code == 404
    assert AuditEintrag.objects.filter(aktion="verweigert", fall_nummer=fall.nummer).count() == 1


def test_withdrawing_the_newer_consent_does_not_revive_an_older_one(worker):
    fall = FallFactory(bearbeitende=[worker])
    fall.einwilligungen.create(erteilt_am=datetime.date(2026, 1, 10), empfaenger=["lbf", "jobcenter"])
    newer = fall.einwilligungen.create(erteilt_am=datetime.date(2026, 3, 10), empfaenger=["lbf"])
    assert not fall.darf_weitergeben("jobcenter")
    massnahme = FallMassnahmeFactory(
        fall=fall, lebensbereich="sprache", beschreibung="x", stelle="lbf", verantwortlich=worker
    )
    client = signed_in(worker)
    response = client.post(f"/de/intern/faelle/{fall.pk}/einwilligung/{newer.pk}/widerrufen/", follow=True)
    assert fall.einwilligung() is None and not fall.darf_weitergeben("jobcenter") and not fall.darf_weitergeben("lbf")
    assert "warning" in [m.level_tag for m in response.context["messages"]]
    # The measure can still be stopped.
    response = client.post(
        f"/de/intern/faelle/{fall.pk}/massnahmen/{massnahme.pk}/",
        {
            "lebensbereich": "sprache",
            "beschreibung": "x",
            "stelle": "lbf",
            "status": "abgebrochen",
            "verantwortlich": worker.pk,
        },
    )
    assert response.status_code == 302
    massnahme.refresh_from_db()
    assert massnahme.status == "abgebrochen"


def test_a_case_cannot_be_closed_before_it_was_assigned(worker):
    fall = FallFactory(bearbeitende=[worker])
    response = signed_in(worker).post(
        f"/de/intern/faelle/{fall.pk}/bearbeiten/",
        {
            "pseudonym": fall.pseudonym,
            "status": "abgeschlossen",
            "unterbringung": "gu",
            "zugewiesen_am": "2026-05-01",
            "abgeschlossen_am": "1901-01-01",
        },
    )
    assert "abgeschlossen_am" in response.context["form"].errors


def test_the_grid_keeps_unassessed_areas_apart_from_no_need_and_shows_the_measures(worker):
    fall = FallFactory(bearbeitende=[worker])
    FallMassnahmeFactory(fall=fall, lebensbereich="sprache", beschreibung="Integrationskurs anmelden")
    client = signed_in(worker)
    page = client.get(f"/en/intern/faelle/{fall.pk}/").content.decode()
    assert page.count('data-status="nicht_erhoben"') == 8  # never assessed: not "no need"
    grid = page[page.index('id="raster-tabelle"') : page.index("</table>", page.index('id="raster-tabelle"'))]
    assert "Integrationskurs anmelden" in grid

    url = f"/de/intern/faelle/{fall.pk}/raster/"
    form = client.get(url).context["form"]
    assert {form[f"{code}_status"].initial for code in ("sprache", "wohnen")} == {Bedarf.Status.NICHT_ERHOBEN}
    assert "Integrationskurs anmelden" in client.get(url).content.decode()
    data = {}
    for code in ("sprache", "arbeit", "wohnen", "gesundheit", "kinder", "finanzen", "aufenthalt", "teilhabe"):
        data.update({f"{code}_status": "nicht_erhoben", f"{code}_prioritaet": 2, f"{code}_notiz": ""})
    data.update({"sprache_status": "bedarf", "sprache_prioritaet": 1, "sprache_notiz": "A1 abgebrochen"})
    data.update({"arbeit_status": "kein_bedarf"})
    data.update({"wohnen_notiz": "x" * 2001})
    response = client.post(url, data)
    assert "wohnen_notiz" in response.context["form"].errors and not fall.bedarfe.exists()
    assert response.context["form"]["sprache_notiz"].value() == "A1 abgebrochen"  # what was typed stays
    client.post(url, {**data, "wohnen_notiz": ""})
    assert {b.lebensbereich: (b.status, b.notiz) for b in fall.bedarfe.all()} == {
        "sprache": ("bedarf", "A1 abgebrochen"),
        "arbeit": ("kein_bedarf", None),
    }  # areas left unassessed are not stored
    page = client.get(f"/en/intern/faelle/{fall.pk}/").content.decode()
    assert 'data-bereich="arbeit" data-status="kein_bedarf"' in page and "A1 abgebrochen" in page
    assert page.count('data-status="nicht_erhoben"') == 6
    assert AuditEintrag.objects.filter(aktion="aendern", bereich="beratungsraster", felder=["arbeit", "sprache"])


def test_the_contact_log_records_dated_contacts_with_follow_ups_and_is_audited(worker):
    fall = FallFactory(bearbeitende=[worker])
    client = signed_in(worker)
    url = f"/de/intern/faelle/{fall.pk}/kontakte/"
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        url, {"datum": tomorrow.isoformat(), "art": "telefon", "notiz": "Rückruf Jobcenter", "wiedervorlage_am": ""}
    )
    form = response.context["form"]
    assert "datum" in form.errors and form["notiz"].value() == "Rückruf Jobcenter"
    today = timezone.localdate()
    response = client.post(
        url,
        {
            "datum": today.isoformat(),
            "art": "telefon",
            "notiz": "Rückruf Jobcenter",
            "wiedervorlage_am": (today - datetime.timedelta(days=1)).isoformat(),
        },
    )
    assert "wiedervorlage_am" in response.context["form"].errors
    assert client.post(url, {"datum": today.isoformat(), "art": "telefon", "notiz": ""}).context["form"].errors
    response = client.post(
        url,
        {"datum": today.isoformat(), "art": "hausbesuch", "notiz": "Wohnung besichtigt", "wiedervorlage_am": tomorrow},
    )
    assert response.status_code == 302
    kontakt = Fallkontakt.objects.get()
    assert (kontakt.fall, kontakt.art, kontakt.erfasst_von, kontakt.wiedervorlage_am) == (
        fall,
        "hausbesuch",
        worker,
        tomorrow,
    )
    page = client.get(f"/en/intern/faelle/{fall.pk}/").content.decode()
    assert "Wohnung besichtigt" in page and "Home visit" in page
    assert "Wohnung besichtigt" in client.get(url).content.decode()
    steps = set(AuditEintrag.objects.filter(fall_nummer=fall.nummer).values_list("aktion", "bereich"))
    assert {("anlegen", "kontakt"), ("lesen", "kontakte")} <= steps
    # Nobody else's case: 404, and the attempt is logged.
    outsider = case_worker()
    assert signed_in(outsider).get(url).status_code == 404
    assert signed_in(outsider).post(url, {"datum": today, "art": "telefon", "notiz": "x"}).status_code == 404
    assert Fallkontakt.objects.count() == 1


@pytest.mark.parametrize("count", [1, 120])
def test_the_contact_log_has_bounded_queries(worker, django_assert_max_num_queries, count):
    fall = FallFactory(bearbeitende=[worker])
    Fallkontakt.objects.bulk_create(
        [
            Fallkontakt(fall=fall, datum=timezone.localdate(), art="telefon", notiz=f"Notiz {n}", erfasst_von=worker)
            for n in range(count)
        ]
    )
    client = signed_in(worker)
    with django_assert_max_num_queries(25):
        response = client.get(f"/de/intern/faelle/{fall.pk}/kontakte/")
    assert response.content.decode().count("data-kontakt=") == min(count, 50)
    with django_assert_max_num_queries(30):
        page = client.get(f"/de/intern/faelle/{fall.pk}/").content.decode()
    assert page.count("data-kontakt=") == min(count, 5)


def test_my_tasks_say_what_is_to_be_done_and_the_owner_marks_them_done(worker):
    fall = FallFactory(bearbeitende=[worker])
    today = timezone.localdate()
    massnahme = FallMassnahmeFactory(
        fall=fall,
        lebensbereich="arbeit",
        beschreibung="Lebenslauf mit Herrn H. schreiben",
        verantwortlich=worker,
        faellig_am=today,
    )
    wiedervorlage = fall.kontakte.create(
        datum=today, art="telefon", notiz="Bescheid abwarten", erfasst_von=worker, wiedervorlage_am=today
    )
    fall.kontakte.create(
        datum=today,
        art="telefon",
        notiz="Schon erledigt",
        erfasst_von=worker,
        wiedervorlage_am=today,
        wiedervorlage_erledigt_am=today,
    )
    fall.kontakte.create(
        datum=today, art="telefon", notiz="Von der Kollegin", erfasst_von=case_worker(), wiedervorlage_am=today
    )
    client = signed_in(worker)
    response = client.get("/de/intern/faelle/aufgaben/")
    page = response.content.decode()
    assert "Lebenslauf mit Herrn H. schreiben" in page
    # What measures and notes say is case data: its reading is logged per case.
    assert AuditEintrag.objects.filter(aktion="lesen", bereich="aufgaben", fall_nummer=fall.nummer).count() == 1
    assert list(response.context["wiedervorlagen"]) == [wiedervorlage] and "Bescheid abwarten" in page

    response = client.post(f"/de/intern/faelle/{fall.pk}/massnahmen/{massnahme.pk}/erledigt/", {"zurueck": "aufgaben"})
    assert response.status_code == 302 and response.url == "/de/intern/faelle/aufgaben/"
    massnahme.refresh_from_db()
    assert (massnahme.status, massnahme.erledigt_am) == ("erledigt", today)
    client.post(
        f"/de/intern/faelle/{fall.pk}/kontakte/{wiedervorlage.pk}/wiedervorlage-erledigt/", {"zurueck": "aufgaben"}
    )
    wiedervorlage.refresh_from_db()
    assert wiedervorlage.wiedervorlage_erledigt_am == today
    response = client.get("/de/intern/faelle/aufgaben/")
    assert not list(response.context["meine"]) and not list(response.context["wiedervorlagen"])
    assert AuditEintrag.objects.filter(aktion="aendern", bereich="massnahme", felder=["erledigt_am", "status"])
    # Only by POST, and only in one's own cases.
    assert client.get(f"/de/intern/faelle/{fall.pk}/massnahmen/{massnahme.pk}/erledigt/").status_code == 405
    other = FallMassnahmeFactory(lebensbereich="arbeit", beschreibung="y")
    assert client.post(f"/de/intern/faelle/{other.fall_id}/massnahmen/{other.pk}/erledigt/").status_code == 404


def test_task_reminders_include_due_follow_ups(worker):
    from django.core import mail

    fall = FallFactory(pseudonym="Haushalt Linde", bearbeitende=[worker])
    today = timezone.localdate()
    fall.kontakte.create(
        datum=today, art="telefon", notiz="Bescheid Familienkasse", erfasst_von=worker, wiedervorlage_am=today
    )
    later = case_worker()
    fall.bearbeitende.add(later)
    fall.kontakte.create(
        datum=today,
        art="telefon",
        notiz="x",
        erfasst_von=later,
        wiedervorlage_am=today + datetime.timedelta(days=3),
    )
    call_command("send_case_task_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [m.to for m in mail.outbox] == [[worker.email]]
    text = mail.outbox[0].subject + mail.outbox[0].body
    assert "Familienkasse" not in text and fall.nummer not in text and "Linde" not in text
