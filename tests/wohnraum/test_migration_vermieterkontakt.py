"""The rename of the contact log with a landlord (Kontakt -> Vermieterkontakt) keeps its rows, their
encrypted notes, its content type and the grants on it."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import UserFactory, WohnungsangebotFactory
from wohnraum.models import Vermieterkontakt

BEFORE = [("wohnraum", "0002_wohnraum_aus_angebote")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_rename_keeps_landlord_contacts_their_notes_and_grants():
    angebot = WohnungsangebotFactory()
    autor = UserFactory(roles=["Integrationsmanagement"])
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps
        content_type = ContentType.objects.get(app_label="wohnraum", model="kontakt")
        group = old.get_model("auth", "Group").objects.create(name="Darf Vermieterkontakte ändern")
        group.permissions.set(
            old.get_model("auth", "Permission").objects.filter(
                content_type_id=content_type.pk, codename__in=["change_kontakt", "view_kontakt"]
            )
        )
        kontakt = old.get_model("wohnraum", "Kontakt").objects.create(
            angebot_id=angebot.pk,
            datum=datetime.date(2026, 1, 2),
            art="besuch",
            notiz="Besichtigung am Freitag vereinbart",
            autor_id=autor.pk,
        )
    finally:  # whatever happens, the tests after this one find the current schema
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        ContentType.objects.clear_cache()

    with connection.cursor() as cursor:
        cursor.execute("SELECT notiz FROM wohnraum_kontakt WHERE id = %s", [kontakt.pk])
        stored = cursor.fetchone()[0]
    assert "Besichtigung" not in stored  # still encrypted at rest
    eintrag = Vermieterkontakt.objects.get(pk=kontakt.pk)
    assert (eintrag.angebot, eintrag.datum, eintrag.art, eintrag.notiz, eintrag.autor) == (
        angebot,
        datetime.date(2026, 1, 2),
        Vermieterkontakt.Art.BESUCH,
        "Besichtigung am Freitag vereinbart",
        autor,
    )
    assert list(angebot.kontakte.all()) == [eintrag]
    renamed = ContentType.objects.get_for_model(Vermieterkontakt)
    assert renamed.pk == content_type.pk
    grants = Group.objects.get(pk=group.pk).permissions.filter(content_type=renamed)
    assert sorted(grants.values_list("codename", flat=True)) == ["change_vermieterkontakt", "view_vermieterkontakt"]
