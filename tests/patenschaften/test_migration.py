"""The move of Patenschaften from `ehrenamt` to `patenschaften` keeps every row, its values and its links
(tables stay, content types are renamed; Rueckmeldung becomes Patenkontakt)."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from patenschaften.models import Patenbewerbung, Patenkontakt, Patenschaft, Patensuche
from tests.factories import UserFactory

# Before the move; unapplying patenschaften 0001 also unapplies ehrenamt 0009 (and what needs it).
BEFORE = [("ehrenamt", "0008_mitmachen_kontakt"), ("patenschaften", None)]
MOVED = {"patenbewerbung": "patenbewerbung", "patensuche": "patensuche", "patenschaft": "patenschaft"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_move_keeps_applications_households_patenschaften_and_check_ins():
    pate = UserFactory(email="amina@example.org")
    koordination = UserFactory(email="klara@example.org")
    entschieden = timezone.now() - datetime.timedelta(days=40)
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE[:1]).apps
        assert not ContentType.objects.filter(app_label="patenschaften").exists()
        rueckmeldung_type = ContentType.objects.get(app_label="ehrenamt", model="rueckmeldung")
        bewerbung = old.get_model("ehrenamt", "Patenbewerbung").objects.create(
            user_id=pate.pk,
            stadtteil="stumpenhof",
            themen=["schule", "behoerden"],
            kinder=True,
            fuehrungszeugnis="liegt-vor",
            motivation="Ich war selbst einmal neu hier.",
            status="aktiv",
            entschieden_am=entschieden,
            entschieden_von_id=koordination.pk,
        )
        suche = old.get_model("ehrenamt", "Patensuche").objects.create(
            bezeichnung="Familie K., 4 Personen",
            sprachen=["ar"],
            themen=["schule"],
            stadtteil="stumpenhof",
            wochentage=["mi"],
            tageszeiten=["nachmittag"],
            mit_kindern=True,
            hinweise="Nachmittags erreichbar.",
            status="vermittelt",
            erfasst_von_id=koordination.pk,
        )
        patenschaft = old.get_model("ehrenamt", "Patenschaft").objects.create(
            suche=suche,
            pate_id=pate.pk,
            beginn=datetime.date(2026, 9, 1),
            rueckmeldung_wochen=6,
            erstellt_von_id=koordination.pk,
        )
        rueckmeldung = old.get_model("ehrenamt", "Rueckmeldung").objects.create(
            patenschaft=patenschaft,
            datum=datetime.date(2026, 10, 6),
            notiz="Läuft gut.",
            erfasst_von_id=koordination.pk,
        )
    finally:  # whatever happens, the tests after this one find the current schema
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    neu = Patenbewerbung.objects.get(pk=bewerbung.pk)
    assert (neu.user, neu.stadtteil, neu.themen, neu.kinder, neu.fuehrungszeugnis, neu.motivation) == (
        pate,
        "stumpenhof",
        ["schule", "behoerden"],
        True,
        Patenbewerbung.Fuehrungszeugnis.LIEGT_VOR,
        "Ich war selbst einmal neu hier.",
    )
    assert (neu.status, neu.entschieden_am, neu.entschieden_von) == ("aktiv", entschieden, koordination)
    assert pate.patenbewerbung == neu

    haushalt = Patensuche.objects.get(pk=suche.pk)
    assert (haushalt.bezeichnung, haushalt.sprachen, haushalt.themen, haushalt.stadtteil) == (
        "Familie K., 4 Personen",
        ["ar"],
        ["schule"],
        "stumpenhof",
    )
    assert (haushalt.wochentage, haushalt.tageszeiten, haushalt.mit_kindern, haushalt.hinweise) == (
        ["mi"],
        ["nachmittag"],
        True,
        "Nachmittags erreichbar.",
    )
    assert (haushalt.status, haushalt.erfasst_von) == (Patensuche.Status.VERMITTELT, koordination)

    begleitung = Patenschaft.objects.get(pk=patenschaft.pk)
    assert (begleitung.suche, begleitung.pate, begleitung.beginn, begleitung.rueckmeldung_wochen) == (
        haushalt,
        pate,
        datetime.date(2026, 9, 1),
        6,
    )
    assert (begleitung.status, begleitung.erstellt_von) == (Patenschaft.Status.AKTIV, koordination)
    assert list(haushalt.patenschaften.all()) == [begleitung]
    assert list(pate.patenschaften.all()) == [begleitung]

    kontakt = Patenkontakt.objects.get(pk=rueckmeldung.pk)
    assert (kontakt.patenschaft, kontakt.datum, kontakt.notiz, kontakt.erfasst_von) == (
        begleitung,
        datetime.date(2026, 10, 6),
        "Läuft gut.",
        koordination,
    )
    assert list(begleitung.kontakte.all()) == [kontakt]
    assert begleitung.naechste_rueckmeldung(kontakt.datum) == datetime.date(2026, 11, 17)

    # The content types changed app (and the check-in its name) and kept their ids.
    assert not ContentType.objects.filter(app_label="ehrenamt", model__in=[*MOVED, "rueckmeldung"]).exists()
    assert ContentType.objects.get_for_model(Patenkontakt).pk == rueckmeldung_type.pk
    assert set(ContentType.objects.filter(app_label="patenschaften").values_list("model", flat=True)) >= {
        *MOVED.values(),
        "patenkontakt",
    }
    codenames = set(Permission.objects.filter(content_type=rueckmeldung_type).values_list("codename", flat=True))
    assert "change_patenkontakt" in codenames and "change_rueckmeldung" not in codenames
