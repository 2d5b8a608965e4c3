"""Answers with a comment and a deputy member; minutes per agenda item. Existing minutes keep their
whole text, now shown as the further notes below the agenda items."""

import django.db.models.deletion
import encrypted_fields.fields
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("beirat", "0006_rueckmeldung_antwort_daten"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="rueckmeldung",
            name="zusage",
        ),
        migrations.AddField(
            model_name="rueckmeldung",
            name="kommentar",
            field=encrypted_fields.fields.EncryptedTextField(blank=True, max_length=500, null=True, verbose_name="comment"),
        ),
        migrations.AddField(
            model_name="rueckmeldung",
            name="vertretung",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="vertretungen",
                to="beirat.beiratsmitglied",
                verbose_name="deputy",
            ),
        ),
        migrations.AlterField(
            model_name="beiratsmitglied",
            name="funktion",
            field=models.CharField(
                choices=[
                    ("vorsitz", "Chair"),
                    ("stellvertretung", "Deputy chair"),
                    ("schriftfuehrung", "Keeper of the minutes"),
                    ("mitglied", "Member"),
                    ("beratend", "Advisory member"),
                    ("stellv_mitglied", "Deputy member"),
                ],
                default="mitglied",
                max_length=20,
                verbose_name="function",
            ),
        ),
        migrations.AlterField(
            model_name="protokoll",
            name="text",
            field=models.TextField(blank=True, verbose_name="further notes"),
        ),
        migrations.CreateModel(
            name="ProtokollPunkt",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("nummer", models.PositiveSmallIntegerField(verbose_name="number")),
                ("titel", models.CharField(max_length=300, verbose_name="item")),
                ("diskussion", models.TextField(blank=True, max_length=20000, verbose_name="discussion")),
                ("beschlossen", models.TextField(blank=True, max_length=5000, verbose_name="decision")),
                ("verantwortlich", models.CharField(blank=True, max_length=200, verbose_name="responsible person")),
                (
                    "protokoll",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="punkte", to="beirat.protokoll"
                    ),
                ),
            ],
            options={
                "verbose_name": "agenda item in the minutes",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
    ]
