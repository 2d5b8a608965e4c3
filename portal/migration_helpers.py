"""Helpers for data migrations that give roles their model permissions.

Model permissions are normally created after all migrations ran; these create them on
the spot (with the same names), so a role's permissions can ship with the migration
that adds the model.
"""


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
