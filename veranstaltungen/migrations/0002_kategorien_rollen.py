"""The fixed event categories."""

from django.db import migrations

KATEGORIEN = ["begegnungscafe", "vortrag", "sprachcafe", "kultur", "sport", "information", "beirat"]


def create(apps, schema_editor):
    Kategorie = apps.get_model("veranstaltungen", "Kategorie")
    for position, slug in enumerate(KATEGORIEN):
        Kategorie.objects.update_or_create(slug=slug, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("veranstaltungen", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
