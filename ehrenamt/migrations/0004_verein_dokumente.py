"""The private collection for Verein documents: members and the Vorstand only."""

from django.db import migrations

NAME = "Verein intern"
GROUPS = ["Vereinsmitglied", "Vorstand"]


def create(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Group = apps.get_model("auth", "Group")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    collection = Collection.objects.filter(name=NAME, depth=2).first()
    if collection is None:
        # Treebeard's API is not available in migrations: add the child by hand.
        last = Collection.objects.filter(depth=2).order_by("-path").first()
        step = 4
        number = int(last.path[-step:], 36) + 1 if last else 1
        path = root.path + _base36(number).rjust(step, "0")
        collection = Collection.objects.create(name=NAME, depth=2, path=path, numchild=0)
        root.numchild += 1
        root.save(update_fields=["numchild"])
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(collection=collection, restriction_type="groups")
    restriction.groups.add(*Group.objects.filter(name__in=GROUPS))


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    result = ""
    while number:
        number, remainder = divmod(number, 36)
        result = digits[remainder] + result
    return result or "0"


class Migration(migrations.Migration):
    dependencies = [
        ("ehrenamt", "0003_verein"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("portal", "0002_roles"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
