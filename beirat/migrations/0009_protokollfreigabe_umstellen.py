"""The existing approval step of the minutes' workflow becomes a ProtokollFreigabe in place: its
groups, the workflow and approvals in progress stay as they are."""

from django.db import migrations

TASK = "Freigabe durch den Vorsitz"


def convert(apps, schema_editor):
    Task = apps.get_model("wagtailcore", "Task")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ProtokollFreigabe = apps.get_model("beirat", "ProtokollFreigabe")
    freigabe_type, _ = ContentType.objects.get_or_create(app_label="beirat", model="protokollfreigabe")
    for pk in Task.objects.filter(name=TASK).exclude(content_type=freigabe_type).values_list("pk", flat=True):
        # Only the new table's row: the task and its group approval rows exist already.
        ProtokollFreigabe(groupapprovaltask_ptr_id=pk).save_base(raw=True)
        Task.objects.filter(pk=pk).update(content_type=freigabe_type)


def convert_back(apps, schema_editor):
    """The task is a plain group approval again; 0008 going back drops the rows of the new table."""
    Task = apps.get_model("wagtailcore", "Task")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group_approval, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    Task.objects.filter(content_type__app_label="beirat", content_type__model="protokollfreigabe").update(
        content_type=group_approval
    )


class Migration(migrations.Migration):
    dependencies = [
        ("beirat", "0008_protokollfreigabe"),
    ]

    operations = [
        migrations.RunPython(convert, convert_back),
    ]
