"""The city's departments (Schnittstellen marked) and the positions courses can be mandatory for."""

from django.db import migrations

ABTEILUNGEN = [
    ("Bürgerbüro", True),
    ("Ordnungsamt", True),
    ("Sozialamt", True),
    ("Kinderhäuser", True),
    ("Bauhof", True),
    ("Sozialstation", True),
    ("Standesamt", True),
    ("Hauptamt", False),
    ("Kämmerei", False),
    ("Bauamt", False),
]
POSITIONEN = [
    "Sachbearbeitung mit Publikumsverkehr",
    "Sachbearbeitung ohne Publikumsverkehr",
    "Führungskraft",
    "Pädagogische Fachkraft",
    "Pflegekraft",
    "Mitarbeiterin / Mitarbeiter Bauhof",
    "Auszubildende",
]


def create(apps, schema_editor):
    Abteilung = apps.get_model("fortbildung", "Abteilung")
    Position = apps.get_model("fortbildung", "Position")
    for name, schnittstelle in ABTEILUNGEN:
        Abteilung.objects.get_or_create(name=name, defaults={"schnittstelle": schnittstelle})
    for name in POSITIONEN:
        Position.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("fortbildung", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
