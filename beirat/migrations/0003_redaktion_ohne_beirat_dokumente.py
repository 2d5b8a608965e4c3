"""Editors manage documents in "Öffentliche Dokumente" and "Verein intern", no longer in the root
collection: permissions on the root would reach the Beirat's private documents too."""

from django.db import migrations

from portal.migration_helpers import permission, top_level_collection

PUBLIC = "Öffentliche Dokumente"
EDITABLE = [PUBLIC, "Verein intern"]
DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document", "delete_document"]


def move(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Document = apps.get_model("wagtaildocs", "Document")
    root = Collection.objects.filter(depth=1).first()
    redaktion = Group.objects.filter(name="Redaktion").first()
    public = top_level_collection(apps, PUBLIC)
    if root is None or redaktion is None:
        return
    perms = [permission(apps, "wagtaildocs", "document", codename) for codename in DOCUMENT_PERMISSIONS]
    GroupCollectionPermission.objects.filter(group=redaktion, collection=root, permission__in=perms).delete()
    for collection in Collection.objects.filter(name__in=EDITABLE, depth=2):
        for perm in perms:
            GroupCollectionPermission.objects.get_or_create(group=redaktion, collection=collection, permission=perm)
    Document.objects.filter(collection=root).update(collection=public)


class Migration(migrations.Migration):
    dependencies = [
        ("beirat", "0002_rollen_sammlung_workflow"),
        ("ehrenamt", "0004_verein_dokumente"),
        ("portal", "0002_roles"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(move, migrations.RunPython.noop)]
