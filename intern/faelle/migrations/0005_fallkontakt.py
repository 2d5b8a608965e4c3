"""A case's contact log entry gets a name of its own: Kontakt becomes Fallkontakt (a landlord's contact
log is wohnraum's Vermieterkontakt). The table keeps its name (db_table); this renames its content type
and permissions."""

from django.db import migrations

from portal.migration_helpers import renamed_models

APP = "faelle"
# old model name -> new model name (lowercase, as content types and permissions store them)
MODELS = {"kontakt": "fallkontakt"}


class Migration(migrations.Migration):
    dependencies = [
        ("faelle", "0004_raster_nicht_erhoben_kontakte"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        # Name the table as it is, so the rename below leaves it alone.
        migrations.AlterModelTable(name="kontakt", table="faelle_kontakt"),
        migrations.RenameModel(old_name="Kontakt", new_name="Fallkontakt"),
        renamed_models(APP, MODELS),
    ]
