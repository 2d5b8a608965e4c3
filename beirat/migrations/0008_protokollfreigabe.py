"""The Vorsitz's approval step of minutes as a task type of its own (approval after the meeting only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("beirat", "0007_antworten_protokollpunkte"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProtokollFreigabe",
            fields=[
                (
                    "groupapprovaltask_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.groupapprovaltask",
                    ),
                ),
            ],
            options={
                "verbose_name": "approval of minutes",
                "verbose_name_plural": "approvals of minutes",
            },
            bases=("wagtailcore.groupapprovaltask",),
        ),
    ]
