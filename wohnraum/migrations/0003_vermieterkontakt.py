"""The contact log with a landlord gets a name of its own: Kontakt becomes Vermieterkontakt (a case's
contact log is the case register's Fallkontakt). The table keeps its name (db_table); this renames its
content type and permissions."""

from django.db import migrations

from portal.migration_helpers import renamed_models

APP = "wohnraum"
# old model name -> new model name (lowercase, as content types and permissions store them)
MODELS = {"kontakt": "vermieterkontakt"}


class Migration(migrations.Migration):
    dependencies = [
        ("wohnraum", "0002_wohnraum_aus_angebote"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        # Name the table as it is, so the rename below leaves it alone.
        migrations.AlterModelTable(name="kontakt", table="wohnraum_kontakt"),
        migrations.RenameModel(old_name="Kontakt", new_name="Vermieterkontakt"),
        renamed_models(APP, MODELS),
    ]
