"""A course's session and a registration for it get names of their own: Termin becomes Kurstermin
and Anmeldung becomes Kursanmeldung (an event's registration keeps the name Anmeldung). The tables
keep their names (db_table); this renames their content types and permissions."""

from django.db import migrations

from portal.migration_helpers import renamed_models

APP = "fortbildung"
# old model name -> new model name (lowercase, as content types and permissions store them)
MODELS = {"termin": "kurstermin", "anmeldung": "kursanmeldung"}


class Migration(migrations.Migration):
    dependencies = [
        ("fortbildung", "0002_abteilungen_positionen"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        # Name the tables as they are, so the renames below leave them alone.
        migrations.AlterModelTable(name="termin", table="fortbildung_termin"),
        migrations.AlterModelTable(name="anmeldung", table="fortbildung_anmeldung"),
        migrations.RenameModel(old_name="Termin", new_name="Kurstermin"),
        migrations.RenameModel(old_name="Anmeldung", new_name="Kursanmeldung"),
        renamed_models(APP, MODELS),
    ]
