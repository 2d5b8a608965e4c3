"""The plan's measure gets a name of its own: Massnahme becomes Planmassnahme, with its links and
notes (PlanmassnahmeVerweis, PlanmassnahmeNotiz); a case's measure keeps the name Massnahme. The tables
keep their names (db_table); this renames their content types and permissions, so the
Redaktion keeps its grants."""

from django.db import migrations

from portal.migration_helpers import renamed_models

APP = "beirat"
# old model name -> new model name (lowercase, as content types and permissions store them)
MODELS = {
    "massnahme": "planmassnahme",
    "massnahmeverweis": "planmassnahmeverweis",
    "massnahmenotiz": "planmassnahmenotiz",
}


class Migration(migrations.Migration):
    dependencies = [
        ("beirat", "0009_protokollfreigabe_umstellen"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        # Name the tables as they are, so the renames below leave them alone.
        migrations.AlterModelTable(name="massnahme", table="beirat_massnahme"),
        migrations.AlterModelTable(name="massnahmeverweis", table="beirat_massnahmeverweis"),
        migrations.AlterModelTable(name="massnahmenotiz", table="beirat_massnahmenotiz"),
        migrations.RenameModel(old_name="Massnahme", new_name="Planmassnahme"),
        migrations.RenameModel(old_name="MassnahmeVerweis", new_name="PlanmassnahmeVerweis"),
        migrations.RenameModel(old_name="MassnahmeNotiz", new_name="PlanmassnahmeNotiz"),
        renamed_models(APP, MODELS),
    ]
