"""The private collection for Verein documents: members and the Vorstand only."""

from django.db import migrations

from portal.migration_helpers import restricted_collection

NAME = "Verein intern"
GROUPS = ["Vereinsmitglied", "Vorstand"]


def create(apps, schema_editor):
    restricted_collection(apps, NAME, GROUPS)


class Migration(migrations.Migration):
    dependencies = [
        ("ehrenamt", "0003_verein"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("portal", "0002_roles"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
