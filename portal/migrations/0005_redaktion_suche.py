from django.db import migrations

from portal.migration_helpers import permission

PERMISSIONS = [
    ("portal", "erfolglosesuche", "view_erfolglosesuche"),
    ("wagtailsearchpromotions", "searchpromotion", "add_searchpromotion"),
    ("wagtailsearchpromotions", "searchpromotion", "change_searchpromotion"),
    ("wagtailsearchpromotions", "searchpromotion", "delete_searchpromotion"),
]


def grant(apps, schema_editor):
    """The Redaktion sees the searches that found nothing and promotes pages for search terms."""
    Group = apps.get_model("auth", "Group")
    redaktion, _created = Group.objects.get_or_create(name="Redaktion")
    redaktion.permissions.add(*[permission(apps, *codes) for codes in PERMISSIONS])


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Redaktion"):
        group.permissions.remove(*Permission.objects.filter(codename__in=[codes[2] for codes in PERMISSIONS]))


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_suchindex"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
