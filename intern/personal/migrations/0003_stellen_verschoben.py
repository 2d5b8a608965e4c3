"""The job postings and the applications have moved to the app `stellen` (its 0001_initial, which
keeps their tables): HR's history now points at `stellen.Bewerbung`, and this app forgets the
moved models. Nothing changes in the database."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("personal", "0002_gespraech_mail_eingang"),
        ("stellen", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="verlauf",
                    name="bewerbung",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="verlauf", to="stellen.bewerbung"
                    ),
                ),
                migrations.DeleteModel(name="Bewerbung"),
                migrations.DeleteModel(name="StellenangebotPage"),
                migrations.DeleteModel(name="StellenIndexPage"),
            ],
            database_operations=[],
        ),
    ]
