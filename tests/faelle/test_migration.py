"""The rename of a case's contact log entry (Kontakt -> Fallkontakt) keeps its rows, their encrypted
notes, its content type and the grants on it."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from intern.faelle.models import Fallkontakt
from tests.factories import FallFactory, UserFactory

BEFORE = [("faelle", "0004_raster_nicht_erhoben_kontakte")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_rename_keeps_contacts_their_notes_and_grants():
    fall = FallFactory()
    worker = UserFactory(roles=["Integrationsmanagement"])
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps
        content_type = ContentType.objects.get(app_label="faelle", model="kontakt")
        group = old.get_model("auth", "Group").objects.create(name="Darf Kontakte sehen")
        group.permissions.set(
            old.get_model("auth", "Permission").objects.filter(
                content_type_id=content_type.pk, codename__in=["view_kontakt"]
            )
        )
        kontakt = old.get_model("faelle", "Kontakt").objects.create(
            fall_id=fall.pk,
            datum=datetime.date(2026, 5, 4),
            art="hausbesuch",
            notiz="Antrag Kindergeld besprochen",
            erfasst_von_id=worker.pk,
            wiedervorlage_am=datetime.date(2026, 5, 18),
        )
    finally:  # whatever happens, the tests after this one find the current schema
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        ContentType.objects.clear_cache()

    with connection.cursor() as cursor:
        cursor.execute("SELECT notiz FROM faelle_kontakt WHERE id = %s", [kontakt.pk])
        stored = cursor.fetchone()[0]
    assert "Kindergeld" not in stored  # still encrypted at rest
    eintrag = Fallkontakt.objects.get(pk=kontakt.pk)
    assert (eintrag.fall, eintrag.datum, eintrag.art, eintrag.notiz, eintrag.erfasst_von, eintrag.wiedervorlage_am) == (
        fall,
        datetime.date(2026, 5, 4),
        Fallkontakt.Art.HAUSBESUCH,
        "Antrag Kindergeld besprochen",
        worker,
        datetime.date(2026, 5, 18),
    )
    assert list(fall.kontakte.all()) == [eintrag]
    renamed = ContentType.objects.get_for_model(Fallkontakt)
    assert renamed.pk == content_type.pk
    grants = Group.objects.get(pk=group.pk).permissions.filter(content_type=renamed)
    assert list(grants.values_list("codename", flat=True)) == ["view_fallkontakt"]
