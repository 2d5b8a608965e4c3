from django.db import migrations

from portal.migration_helpers import grant_model_permissions, revoke_model_permissions

# Reports come from the public form only: the Redaktion reads, answers (status, note) and deletes them.
ACTIONS = ("change", "delete", "view")


def grant(apps, schema_editor):
    grant_model_permissions(apps, "Redaktion", "home", "barrierenmeldung", actions=ACTIONS)


def revoke(apps, schema_editor):
    revoke_model_permissions(apps, "Redaktion", "home", "barrierenmeldung", actions=ACTIONS)


class Migration(migrations.Migration):
    dependencies = [("home", "0006_barrierefreiheit"), ("portal", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]
