"""The fixed areas of life and languages; CMS permissions for Redaktion."""

from django.db import migrations

from portal.migration_helpers import grant_model_permissions, revoke_model_permissions

LEBENSBEREICHE = [
    "sprache-bildung",
    "arbeit-ausbildung",
    "wohnen",
    "gesundheit",
    "familie-kinder",
    "aufenthalt-recht",
    "finanzen-leistungen",
    "freizeit-begegnung",
    "rueckkehr",
]
SPRACHEN = ["de", "en", "ar", "fa", "uk", "tr", "ru", "ku", "ti", "fr"]
SNIPPETS = ["ansprechpartner", "ort"]


def create(apps, schema_editor):
    Lebensbereich = apps.get_model("angebote", "Lebensbereich")
    Sprache = apps.get_model("angebote", "Sprache")
    for position, slug in enumerate(LEBENSBEREICHE):
        Lebensbereich.objects.update_or_create(slug=slug, defaults={"position": position})
    for position, code in enumerate(SPRACHEN):
        Sprache.objects.update_or_create(code=code, defaults={"position": position})
    for model in SNIPPETS:
        grant_model_permissions(apps, "Redaktion", "angebote", model)


def remove(apps, schema_editor):
    for model in SNIPPETS:
        revoke_model_permissions(apps, "Redaktion", "angebote", model)


class Migration(migrations.Migration):
    dependencies = [("angebote", "0001_initial"), ("portal", "0002_roles")]

    operations = [migrations.RunPython(create, remove)]
