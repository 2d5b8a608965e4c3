"""Data protection of the case register: encryption at rest and key rotation, the append-only audit
log and its reading, access requests, anonymisation after the retention period."""

import datetime

import pytest
from django.core.management import call_command
from encrypted_fields.fields import EncryptedFieldMixin

from intern.audit.models import AuditEintrag
from intern.faelle.models import Fall, Fallkontakt, Person, Uebergabe
from portal import roles
from tests.factories import (
    FallFactory,
    FallkontaktFactory,
    FallMassnahmeFactory,
    RunderTischFactory,
    UebergabeFactory,
    UserFactory,
    activate_totp,
)
from tests.faelle.helpers import raw_values, signed_in
from tests.pdfs import tagged_pdf_text

pytestmark = pytest.mark.django_db


def test_the_raw_database_holds_no_plaintext(worker):
    fall = FallFactory(adresse="Filsweg 7", bearbeitende=[worker])
    Person.objects.create(
        fall=fall,
        vorname="Amal",
        nachname="Haddad",
        geburtsdatum=datetime.date(1988, 4, 2),
        staatsangehoerigkeit="syrisch",
        sprachen="Kurmandschi",
    )
    UebergabeFactory(fall=fall, gesundheitshinweise="Diabetes Typ 1", notizen="Traumatherapie angefragt")
    fall.aufenthalte.create(status="duldung", seit=datetime.date(2026, 1, 1), notiz="Abschiebungshindernis")
    fall.massnahmen.create(
        lebensbereich="gesundheit", beschreibung="Psychotherapeutin suchen", stelle="integrationsmanagement"
    )
    fall.vereinbarungen.create(
        ziele="Schuldnerberatung",
        unterzeichnet_am=datetime.date(2026, 2, 1),
        ueberpruefung_am=datetime.date(2026, 8, 1),
    )
    fall.bedarfe.create(lebensbereich="finanzen", status="bedarf", notiz="Mietschulden beim Vormieter")
    fall.kontakte.create(
        datum=datetime.date(2026, 3, 1), art="telefon", notiz="Rückruf Ausländerbehörde", erfasst_von=worker
    )
    raw = " ".join(
        str(v)
        for table, column in [
            ("faelle_fall", "adresse"),
            ("faelle_person", "vorname"),
            ("faelle_person", "nachname"),
            ("faelle_person", "geburtsdatum"),
            ("faelle_person", "staatsangehoerigkeit"),
            ("faelle_person", "sprachen"),
            ("faelle_uebergabe", "gesundheitshinweise"),
            ("faelle_uebergabe", "notizen"),
            ("faelle_aufenthalt", "notiz"),
            ("faelle_massnahme", "beschreibung"),
            ("faelle_integrationsvereinbarung", "ziele"),
            ("faelle_bedarf", "notiz"),
            ("faelle_kontakt", "notiz"),
        ]
        for v in raw_values(table, column)
    )
    for plaintext in (
        "Filsweg",
        "Amal",
        "Haddad",
        "1988",
        "syrisch",
        "Kurmandschi",
        "Diabetes",
        "Trauma",
        "Abschiebung",
        "Psycho",
        "Schuldner",
        "Mietschulden",
        "Ausländerbehörde",
    ):
        assert plaintext not in raw
    assert Uebergabe.objects.get().gesundheitshinweise == "Diabetes Typ 1"
    assert Person.objects.get().geburtsdatum == datetime.date(1988, 4, 2)


@pytest.fixture
def fresh_keys():
    """Encrypted fields cache their keys; clear them when the settings change."""

    def clear():
        from django.apps import apps

        for model in apps.get_app_config("faelle").get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, EncryptedFieldMixin):
                    field.__dict__.pop("keys", None)
                    field.__dict__.pop("f", None)

    clear()
    yield clear
    clear()


def test_key_rotation_with_a_new_salt(worker, settings, fresh_keys):
    old_salt = settings.SALT_KEY[0]
    UebergabeFactory(gesundheitshinweise="Asthma")
    before = raw_values("faelle_uebergabe", "gesundheitshinweise")
    FallkontaktFactory(notiz="Rückruf")
    kontakt_before = raw_values("faelle_kontakt", "notiz")

    settings.SALT_KEY = ["new-salt-2027", old_salt]
    fresh_keys()
    assert Uebergabe.objects.get().gesundheitshinweise == "Asthma"  # old data still readable
    call_command("reencrypt_case_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert raw_values("faelle_uebergabe", "gesundheitshinweise") != before
    assert raw_values("faelle_kontakt", "notiz") != kontakt_before  # the contact log too

    settings.SALT_KEY = ["new-salt-2027"]
    fresh_keys()
    assert Uebergabe.objects.get().gesundheitshinweise == "Asthma"  # readable without the old salt
    assert Fallkontakt.objects.get().notiz == "Rückruf"


def test_key_rotation_refuses_to_run_without_the_old_key(worker, settings, fresh_keys):
    from django.core.management.base import CommandError

    UebergabeFactory(gesundheitshinweise="Asthma")
    before = raw_values("faelle_uebergabe", "gesundheitshinweise")
    settings.SALT_KEY = ["new-salt-2027"]  # the old salt was dropped too early
    fresh_keys()
    with pytest.raises(CommandError):
        call_command("reencrypt_case_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert raw_values("faelle_uebergabe", "gesundheitshinweise") == before  # nothing was changed


def test_the_audit_log_is_append_only(worker):
    eintrag = AuditEintrag.objects.create(aktion="lesen", bereich="fall")
    with pytest.raises(PermissionError):
        eintrag.save()
    with pytest.raises(PermissionError):
        eintrag.delete()
    with pytest.raises(PermissionError):
        AuditEintrag.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEintrag.objects.update(bereich="x")


def test_closed_cases_are_anonymised_after_the_retention_period(worker, settings):
    import time_machine

    settings.PORTAL_CASE_RETENTION_DAYS = 365
    fall = FallFactory(
        status="abgeschlossen", abgeschlossen_am=datetime.date(2026, 1, 10), adresse="Filsweg 7", bearbeitende=[worker]
    )
    fall.personen.create(vorname="Amal", nachname="Haddad")
    UebergabeFactory(fall=fall, gesundheitshinweise="Diabetes")
    fall.aufenthalte.create(status="duldung", seit=datetime.date(2025, 3, 1))
    fall.einwilligungen.create(erteilt_am=datetime.date(2025, 3, 1), empfaenger=["lbf"])
    tisch = RunderTischFactory(teilnehmende="LBF")
    tisch.tagesordnung.create(fall=fall)
    fall.massnahmen.create(
        lebensbereich="sprache",
        beschreibung="Kurs für Frau Haddad",
        stelle="lbf",
        status="erledigt",
        erledigt_am=datetime.date(2026, 1, 5),
    )
    fall.kontakte.create(datum=datetime.date(2026, 1, 8), art="hausbesuch", notiz="Frau Haddad krank")
    fall.bedarfe.create(lebensbereich="gesundheit", status="erledigt", notiz="Hausärztin gefunden")
    offen = FallFactory(status="in_betreuung")

    with time_machine.travel(datetime.datetime(2026, 12, 1, 3, 0, tzinfo=datetime.UTC)):
        call_command("anonymise_closed_cases", stdout=open("/dev/null", "w"))  # noqa: SIM115
    fall.refresh_from_db()
    assert fall.anonymisiert_am is None  # not yet a year

    with time_machine.travel(datetime.datetime(2027, 1, 12, 3, 0, tzinfo=datetime.UTC)):
        call_command("anonymise_closed_cases", stdout=open("/dev/null", "w"))  # noqa: SIM115
        call_command("anonymise_closed_cases", stdout=open("/dev/null", "w"))  # idempotent  # noqa: SIM115
    fall.refresh_from_db()
    assert fall.anonymisiert_am is not None and fall.adresse is None and not fall.personen.exists()
    assert not Uebergabe.objects.filter(fall=fall).exists()
    assert not fall.aufenthalte.exists() and not fall.einwilligungen.exists() and not tisch.tagesordnung.exists()
    massnahme = fall.massnahmen.get()
    assert massnahme.beschreibung == "–" and massnahme.status == "erledigt" and massnahme.erledigt_am.year == 2026
    assert fall.zugewiesen_am.month == 1 and fall.zugewiesen_am.day == 1
    assert not fall.kontakte.exists()
    assert [(b.lebensbereich, b.status, b.notiz) for b in fall.bedarfe.all()] == [("gesundheit", "erledigt", None)]
    lead = UserFactory(roles=[roles.TEAMLEITUNG, roles.INTEGRATIONSMANAGEMENT])
    activate_totp(lead)
    assert (
        signed_in(lead)
        .post(f"/de/intern/faelle/{fall.pk}/personen/neu/", {"vorname": "X", "nachname": "Y"})
        .status_code
        == 404
    )
    assert not fall.bearbeitende.exists()
    assert AuditEintrag.objects.filter(aktion="anonymisieren", fall_nummer=fall.nummer).count() == 1
    offen.refresh_from_db()
    assert offen.anonymisiert_am is None


def test_access_request_export_and_deletion_are_logged(site_pages):
    import json

    datenschutz = UserFactory(roles=[roles.DATENSCHUTZ])
    activate_totp(datenschutz)
    fall = FallFactory()
    amal = fall.personen.create(vorname="Amal", nachname="Haddad", geburtsdatum=datetime.date(1988, 4, 2))
    fall.personen.create(vorname="Omar", nachname="Haddad")
    UebergabeFactory(fall=fall, gesundheitshinweise="Diabetes")
    fall.kontakte.create(
        datum=datetime.date(2026, 5, 4), art="persoenlich", notiz="Antrag Kindergeld besprochen", erfasst_von=None
    )
    client = signed_in(datenschutz)
    page = client.get(f"/de/intern/datenschutz/auskunft/?fall={fall.nummer}")
    assert [p.vorname for p in page.context["personen"]] == ["Amal", "Omar"]
    data = json.loads(b"".join([client.get(f"/de/intern/datenschutz/personen/{amal.pk}/auskunft.json").content]))
    assert data["person"]["last_name"] == "Haddad" and data["person"]["date_of_birth"] == "1988-04-02"
    assert data["handover"]["health_notes"] == "Diabetes" and data["case"]["case_number"] == fall.nummer
    assert [(c["date"], c["note"]) for c in data["contacts"]] == [("2026-05-04", "Antrag Kindergeld besprochen")]
    pdf = client.get(f"/de/intern/datenschutz/personen/{amal.pk}/auskunft.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert "Haddad" in tagged_pdf_text(pdf.content, "de")
    assert "Antrag Kindergeld besprochen" in tagged_pdf_text(pdf.content, "de")
    assert "Omar" not in json.dumps(data)  # other household members are not part of Amal's answer
    client.post(f"/de/intern/datenschutz/personen/{amal.pk}/loeschen/")  # not confirmed
    assert fall.personen.count() == 2
    client.post(f"/de/intern/datenschutz/personen/{amal.pk}/loeschen/", {"bestaetigt": "1"})
    assert list(fall.personen.values_list("vorname", flat=True)) == ["Omar"]
    client.post(f"/de/intern/datenschutz/faelle/{fall.pk}/loeschen/", {"bestaetigt": "1"})
    assert not Fall.objects.exists()
    steps = list(AuditEintrag.objects.filter(fall_nummer=fall.nummer).values_list("aktion", "bereich"))
    assert ("export", "auskunft_json") in steps and ("export", "auskunft_pdf") in steps
    assert ("loeschen", "person") in steps and ("loeschen", "fall") in steps


def test_the_audit_log_speaks_human_filters_by_period_and_downloads_as_csv(worker, datenschutz_client):
    import time_machine

    fall = FallFactory(nummer="2026-0003", bearbeitende=[worker])
    massnahme = FallMassnahmeFactory(fall=fall, lebensbereich="arbeit", beschreibung="Geheim")
    client = signed_in(worker)
    with time_machine.travel(datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC)):
        client.get(f"/de/intern/faelle/{fall.pk}/massnahmen/{massnahme.pk}/")
    with time_machine.travel(datetime.datetime(2026, 11, 20, 9, 0, tzinfo=datetime.UTC)):
        AuditEintrag.objects.create(aktion="aendern", bereich="massnahme", fall_nummer="2026-0003", felder=["status"])

    page = datenschutz_client.get("/en/intern/datenschutz/protokoll/?fall=2026-0003").content.decode()
    assert "Measure viewed: case 2026-0003" in page and "Measure changed: case 2026-0003" in page
    assert "Geheim" not in page
    response = datenschutz_client.get("/en/intern/datenschutz/protokoll/?von=2026-11-01&bis=2026-11-02")
    assert [(e.aktion, e.bereich) for e in response.context["page_obj"]] == [("lesen", "massnahme")]
    response = datenschutz_client.get("/en/intern/datenschutz/protokoll/?von=2026-11-03&bis=2026-11-02")
    assert "bis" in response.context["form"].errors and response.context["form"]["von"].value() == "2026-11-03"
    page = response.content.decode()
    assert 'href="/de/intern/datenschutz/protokoll.csv' not in page  # language kept
    assert 'id="audit-csv" href="/en/intern/datenschutz/protokoll.csv?' in page

    for extreme in ("von=0001-01-01", "bis=9999-12-31"):
        for path in ("protokoll/", "protokoll.csv"):
            response = datenschutz_client.get(f"/en/intern/datenschutz/{path}?{extreme}")
            assert response.status_code == 200
        assert response.content.decode("utf-8-sig").count("\n") == 1  # an invalid filter exports nothing
    response = datenschutz_client.get("/en/intern/datenschutz/protokoll.csv?fall=2026-0003&von=2026-11-15")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = response.content.decode("utf-8-sig").splitlines()
    assert len(rows) == 2 and "Measure changed: case 2026-0003" in rows[1] and "status" in rows[1]
    assert AuditEintrag.objects.filter(aktion="export", bereich="audit").exists()
    # Case workers neither see nor download the log.
    assert signed_in(worker).get("/de/intern/datenschutz/protokoll.csv").status_code == 403


@pytest.mark.parametrize("count", [1, pytest.param(400, marks=pytest.mark.slow)])
def test_the_audit_log_has_bounded_queries(datenschutz_client, django_assert_max_num_queries, count):
    AuditEintrag.objects.bulk_create(
        [AuditEintrag(aktion="lesen", bereich="massnahme", fall_nummer="2026-0001") for _n in range(count)]
    )
    with django_assert_max_num_queries(20):
        response = datenschutz_client.get("/de/intern/datenschutz/protokoll/?von=2000-01-01&fall=2026-0001")
    assert response.content.decode().count('data-bereich="massnahme"') == min(count, 100)
    with django_assert_max_num_queries(20):
        assert datenschutz_client.get("/de/intern/datenschutz/protokoll.csv?fall=2026-0001").status_code == 200
