"""Create the portal's roles as groups and give Redaktion what the CMS needs."""

from django.db import migrations

from portal.migration_helpers import permission

ROLES = [
    "Redaktion",
    "Beirat",
    "Vereinsmitglied",
    "Vorstand",
    "Ehrenamt",
    "Ehrenamtskoordination",
    "Integrationsmanagement",
    "Personal",
    "Verwaltung",
    "Datenschutz",
]
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"]
COLLECTION_PERMISSIONS = {
    ("wagtailimages", "image"): ["add_image", "change_image", "choose_image", "delete_image"],
    ("wagtaildocs", "document"): ["add_document", "change_document", "choose_document", "delete_document"],
}


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    # Wagtail's own sample groups would grant CMS access outside our roles.
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    redaktion = groups["Redaktion"]
    redaktion.permissions.add(
        permission(apps, "wagtailadmin", "admin", "access_admin"),
        permission(apps, "wagtail_localize", "translation", "submit_translation"),
        *[permission(apps, "wagtailredirects", "redirect", f"{a}_redirect") for a in ("add", "change", "delete")],
    )
    root_page = Page.objects.filter(depth=1).first()
    if root_page:
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=redaktion, page=root_page, permission=permission(apps, "wagtailcore", "page", codename)
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection:
        for (app_label, model), codenames in COLLECTION_PERMISSIONS.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=redaktion,
                    collection=root_collection,
                    permission=permission(apps, app_label, model, codename),
                )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
