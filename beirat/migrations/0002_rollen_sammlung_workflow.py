"""Vorsitz and Schriftführung roles, the private document collection, the approval workflow for
minutes, and what the Redaktion may edit in the CMS."""

from django.db import migrations

from portal.migration_helpers import grant_model_permissions, permission, restricted_collection

BEIRAT_ROLES = ["Beirat", "Beirat-Vorsitz", "Beirat-Schriftführung"]
COLLECTION = "Beirat intern"
WORKFLOW = "Protokoll des Beirats"
TASK = "Freigabe durch den Vorsitz"


def create(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in BEIRAT_ROLES}
    restricted_collection(apps, COLLECTION, BEIRAT_ROLES)

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.add(groups["Beirat-Vorsitz"])
    # Approving is publishing: the last task of the workflow publishes with the approver's rights.
    groups["Beirat-Vorsitz"].permissions.add(permission(apps, "beirat", "protokoll", "publish_protokoll"))
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    protokoll_type, _ = ContentType.objects.get_or_create(app_label="beirat", model="protokoll")
    WorkflowContentType.objects.get_or_create(content_type=protokoll_type, defaults={"workflow": workflow})

    grant_model_permissions(apps, "Redaktion", "beirat", "massnahme")
    grant_model_permissions(apps, "Redaktion", "beirat", "beiratsmitglied")


class Migration(migrations.Migration):
    dependencies = [
        ("beirat", "0001_initial"),
        ("portal", "0002_roles"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
