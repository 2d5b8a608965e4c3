"""Redaktion uploads and chooses videos (DGS) in the CMS, as it does images and documents."""

from django.db import migrations

from portal.migration_helpers import permission

MEDIA_PERMISSIONS = ["add_media", "change_media", "choose_media", "delete_media"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    redaktion = Group.objects.filter(name="Redaktion").first()
    root_collection = Collection.objects.filter(depth=1).first()
    if redaktion is None or root_collection is None:
        return
    for codename in MEDIA_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=redaktion, collection=root_collection, permission=permission(apps, "wagtailmedia", "media", codename)
        )


def revoke(apps, schema_editor):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupCollectionPermission.objects.filter(
        group__name="Redaktion", permission__content_type__app_label="wagtailmedia"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_redaktion_suche"),
        ("wagtailmedia", "0005_alter_media_options"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
