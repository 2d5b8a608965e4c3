from django.db import migrations

from portal.migration_helpers import grant_model_permissions, revoke_model_permissions


def grant(apps, schema_editor):
    grant_model_permissions(apps, "Redaktion", "home", "hinweis")


def revoke(apps, schema_editor):
    revoke_model_permissions(apps, "Redaktion", "home", "hinweis")


class Migration(migrations.Migration):
    dependencies = [("home", "0002_hinweis"), ("portal", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]
