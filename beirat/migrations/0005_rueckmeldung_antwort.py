"""Answers to an invitation become yes / maybe / no. Existing answers get their meaning in 0006 and
the old field goes in 0007: on PostgreSQL, rows changed in a migration's transaction block a later
ALTER TABLE of the same table in it, so schema and data each have a migration of their own."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("beirat", "0004_massnahme_drafts"),
    ]

    operations = [
        # A default, so that going back re-creates the old field for existing answers.
        migrations.AlterField(
            model_name="rueckmeldung",
            name="zusage",
            field=models.BooleanField(default=False, verbose_name="attends"),
        ),
        migrations.AddField(
            model_name="rueckmeldung",
            name="antwort",
            field=models.CharField(
                choices=[("ja", "attends"), ("vielleicht", "may attend"), ("nein", "sent apologies")],
                default="ja",
                max_length=12,
                verbose_name="answer",
            ),
            preserve_default=False,
        ),
    ]
