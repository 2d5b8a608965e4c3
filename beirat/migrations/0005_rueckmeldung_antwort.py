"""Answers to an invitation become yes / maybe / no; existing answers keep their meaning (attends → "ja",
else "nein"). The old field goes in 0006, in a transaction of its own."""

from django.db import migrations, models


def answers_from_attendance(apps, schema_editor):
    Rueckmeldung = apps.get_model("beirat", "Rueckmeldung")
    Rueckmeldung.objects.filter(zusage=False).update(antwort="nein")
    Rueckmeldung.objects.filter(zusage=True).update(antwort="ja")


def attendance_from_answers(apps, schema_editor):
    Rueckmeldung = apps.get_model("beirat", "Rueckmeldung")
    Rueckmeldung.objects.update(zusage=False)
    Rueckmeldung.objects.filter(antwort="ja").update(zusage=True)


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
        migrations.RunPython(answers_from_attendance, attendance_from_answers),
    ]
