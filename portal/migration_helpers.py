"""Helpers for data migrations: model permissions for roles, and restricted collections.

Model permissions are normally created after all migrations ran; these create them on
the spot (with the same names), so a role's permissions can ship with the migration
that adds the model.
"""

from django.contrib.contenttypes.models import ContentType as CurrentContentType
from django.db import migrations


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return perm


def grant_model_permissions(apps, group_name, app_label, model, actions=("add", "change", "delete", "view")):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(*[permission(apps, app_label, model, f"{action}_{model}") for action in actions])


def revoke_model_permissions(apps, group_name, app_label, model, actions=("add", "change", "delete", "view")):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=group_name).first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label=app_label, codename__in=[f"{a}_{model}" for a in actions]
            )
        )


def publish_permissions(group_name, app_label, models):
    """(grant, revoke) for RunPython: the `publish` permission of snippets that have drafts."""

    def grant(apps, schema_editor):
        for model in models:
            grant_model_permissions(apps, group_name, app_label, model, actions=("publish",))

    def revoke(apps, schema_editor):
        for model in models:
            revoke_model_permissions(apps, group_name, app_label, model, actions=("publish",))

    return grant, revoke


def top_level_collection(apps, name):
    """A collection directly below the root, created if missing (None before the root exists)."""
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return None
    collection = Collection.objects.filter(name=name, depth=2).first()
    if collection is None:
        # Treebeard's API is not available in migrations: add the child by hand.
        last = Collection.objects.filter(depth=2).order_by("-path").first()
        step = 4
        number = int(last.path[-step:], 36) + 1 if last else 1
        path = root.path + _base36(number).rjust(step, "0")
        collection = Collection.objects.create(name=name, depth=2, path=path, numchild=0)
        root.numchild += 1
        root.save(update_fields=["numchild"])
    return collection


def restricted_collection(apps, name, groups):
    """A top-level collection whose documents only the given groups may download."""
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Group = apps.get_model("auth", "Group")
    collection = top_level_collection(apps, name)
    if collection is None:
        return None
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(collection=collection, restriction_type="groups")
    restriction.groups.add(*Group.objects.filter(name__in=groups))
    return collection


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    result = ""
    while number:
        number, remainder = divmod(number, 36)
        result = digits[remainder] + result
    return result or "0"


def renamed_models(app_label, models):
    """RunPython operation for a RenameModel whose table stays: the content types (unless Django's
    migrate renamed them already) and their permissions follow the new names, add_old -> add_new, so
    groups keep their grants; and back. `models` maps old to new model names, lower-case."""

    def rename(apps, backwards):
        ContentType = apps.get_model("contenttypes", "ContentType")
        Permission = apps.get_model("auth", "Permission")
        for old, new in models.items():
            source, target = (new, old) if backwards else (old, new)
            content_type = ContentType.objects.filter(app_label=app_label, model=source).first()
            if content_type is None:
                content_type = ContentType.objects.filter(app_label=app_label, model=target).first()
            elif not ContentType.objects.filter(app_label=app_label, model=target).exists():
                content_type.model = target
                content_type.save(update_fields=["model"])
            if content_type is None:
                continue
            for permission in Permission.objects.filter(content_type=content_type, codename__endswith=f"_{source}"):
                codename = permission.codename[: -len(source)] + target
                if not Permission.objects.filter(content_type=content_type, codename=codename).exists():
                    permission.codename = codename
                    permission.save(update_fields=["codename"])
        # The running process may hold the old rows in ContentType's cache (the historical manager has its own).
        CurrentContentType.objects.clear_cache()

    def forwards(apps, schema_editor):
        rename(apps, backwards=False)

    def backwards(apps, schema_editor):
        rename(apps, backwards=True)

    return migrations.RunPython(forwards, backwards)
