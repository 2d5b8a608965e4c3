"""The rename of the plan's measure (Massnahme -> Planmassnahme) keeps its rows, its content type and the
Redaktion's grants on it."""

import uuid

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Locale

from beirat.models import Planmassnahme

BEFORE = [("beirat", "0009_protokollfreigabe_umstellen")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_rename_keeps_measures_and_the_redaktions_grants():
    locale = Locale.objects.get_or_create(language_code="de")[0]
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps
        content_type = ContentType.objects.get(app_label="beirat", model="massnahme")
        redaktion = old.get_model("auth", "Group").objects.create(name="Redaktion vor der Umbenennung")
        redaktion.permissions.set(
            old.get_model("auth", "Permission").objects.filter(
                content_type_id=content_type.pk, codename__in=["change_massnahme", "publish_massnahme"]
            )
        )
        massnahme = old.get_model("beirat", "Massnahme").objects.create(
            locale_id=locale.pk,
            translation_key=uuid.uuid4(),
            handlungsfeld=5,
            nummer=1,
            titel="Integrationsbeirat einsetzen",
            status="in_umsetzung",
        )
    finally:  # whatever happens, the tests after this one find the current schema
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    renamed = ContentType.objects.get_for_model(Planmassnahme)
    assert renamed.pk == content_type.pk
    assert Planmassnahme.objects.get(pk=massnahme.pk).titel == "Integrationsbeirat einsetzen"
    grants = Group.objects.get(pk=redaktion.pk).permissions.filter(content_type=renamed)
    assert sorted(grants.values_list("codename", flat=True)) == ["change_planmassnahme", "publish_planmassnahme"]
