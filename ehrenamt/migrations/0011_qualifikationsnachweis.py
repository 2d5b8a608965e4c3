"""The qualification a coordinator has seen gets a name of its own: Nachweis becomes
Qualifikationsnachweis (the yearly certificate of hours is the Ehrenamtsnachweis). The table keeps its
name (db_table); this renames its content type and permissions."""

from django.db import migrations

from portal.migration_helpers import renamed_models

APP = "ehrenamt"
# old model name -> new model name (lowercase, as content types and permissions store them)
MODELS = {"nachweis": "qualifikationsnachweis"}


class Migration(migrations.Migration):
    dependencies = [
        ("ehrenamt", "0010_verein_verschoben"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        # Name the table as it is, so the rename below leaves it alone.
        migrations.AlterModelTable(name="nachweis", table="ehrenamt_nachweis"),
        migrations.RenameModel(old_name="Nachweis", new_name="Qualifikationsnachweis"),
        renamed_models(APP, MODELS),
    ]
