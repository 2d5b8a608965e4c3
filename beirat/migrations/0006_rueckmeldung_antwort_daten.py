"""Existing answers keep their meaning: attends → "ja", else "nein" (and back)."""

from django.db import migrations


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
        ("beirat", "0005_rueckmeldung_antwort"),
    ]

    operations = [
        migrations.RunPython(answers_from_attendance, attendance_from_answers),
    ]
