"""The Teamleitung role: a case worker who sees and assigns every case."""

from django.db import migrations


def create(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="Teamleitung")


class Migration(migrations.Migration):
    dependencies = [("faelle", "0001_initial"), ("portal", "0002_roles")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
