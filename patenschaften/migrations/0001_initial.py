"""Patenschaften leave `ehrenamt` for an app of their own. Their tables keep their names (db_table), so
nothing moves in the database: the content types change app (permissions and log entries refer to them
by id) and the models enter this app's migration state. The check-in model is renamed on the way:
ehrenamt.Rueckmeldung becomes patenschaften.Patenkontakt (the Beirat's meeting answer keeps the name
Rueckmeldung), its table stays ehrenamt_rueckmeldung."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import ehrenamt.models
import portal.choices

OLD, NEW = "ehrenamt", "patenschaften"
# old model name -> new model name (lowercase, as content types store them)
MODELS = {
    "patenbewerbung": "patenbewerbung",
    "patensuche": "patensuche",
    "patenschaft": "patenschaft",
    "rueckmeldung": "patenkontakt",
}


def _move(apps, source, target, models_map):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for old, new in models_map.items():
        if ContentType.objects.filter(app_label=target, model=new).exists():
            continue
        content_type = ContentType.objects.filter(app_label=source, model=old).first()
        if content_type is None:
            continue
        content_type.app_label, content_type.model = target, new
        content_type.save(update_fields=["app_label", "model"])
        if old != new:  # add_rueckmeldung -> add_patenkontakt, and back
            for permission in Permission.objects.filter(content_type=content_type, codename__endswith=f"_{old}"):
                codename = permission.codename[: -len(old)] + new
                if not Permission.objects.filter(content_type=content_type, codename=codename).exists():
                    permission.codename = codename
                    permission.save(update_fields=["codename"])
    # The running process may hold the old rows in ContentType's cache (the historical manager has its own).
    from django.contrib.contenttypes.models import ContentType as CurrentContentType

    CurrentContentType.objects.clear_cache()


def rename_content_types(apps, schema_editor):
    _move(apps, OLD, NEW, MODELS)


def rename_content_types_back(apps, schema_editor):
    _move(apps, NEW, OLD, {new: old for old, new in MODELS.items()})


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("ehrenamt", "0008_mitmachen_kontakt"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(rename_content_types, rename_content_types_back),
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Patenbewerbung",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "stadtteil",
                            models.CharField(
                                choices=[
                                    ("innenstadt", "Town centre (Innenstadt)"),
                                    ("stumpenhof", "Stumpenhof"),
                                    ("lettenaecker", "Lettenäcker"),
                                    ("filstal", "Fils valley (Filsweg, station)"),
                                ],
                                max_length=20,
                                verbose_name="district",
                            ),
                        ),
                        ("themen", models.JSONField(default=list, verbose_name="topics")),
                        ("kinder", models.BooleanField(default=False, verbose_name="can accompany children")),
                        (
                            "fuehrungszeugnis",
                            models.CharField(
                                choices=[
                                    ("liegt-vor", "I have one"),
                                    ("beantragt", "I have applied for one"),
                                    ("nein", "Not yet"),
                                ],
                                default="nein",
                                max_length=20,
                                verbose_name="certificate of good conduct",
                            ),
                        ),
                        (
                            "motivation",
                            models.TextField(blank=True, max_length=2000, verbose_name="a few words about you"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("beantragt", "waiting for approval"),
                                    ("aktiv", "active"),
                                    ("pausiert", "paused"),
                                    ("abgelehnt", "not approved"),
                                ],
                                default="beantragt",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        ("erstellt_am", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                        ("entschieden_am", models.DateTimeField(blank=True, null=True, verbose_name="decided")),
                        (
                            "entschieden_von",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="patenbewerbung",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="account",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "mentor application",
                        "verbose_name_plural": "mentor applications",
                        "db_table": "ehrenamt_patenbewerbung",
                        "ordering": ["-erstellt_am"],
                    },
                    bases=(portal.choices.ChoiceLabels, models.Model),
                ),
                migrations.CreateModel(
                    name="Patensuche",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "bezeichnung",
                            models.CharField(
                                help_text='Pseudonymous, e.g. "Familie K., 4 Personen". No full names.',
                                max_length=80,
                                verbose_name="label",
                            ),
                        ),
                        ("sprachen", models.JSONField(default=list, verbose_name="languages")),
                        ("themen", models.JSONField(default=list, verbose_name="needs")),
                        (
                            "stadtteil",
                            models.CharField(
                                choices=[
                                    ("innenstadt", "Town centre (Innenstadt)"),
                                    ("stumpenhof", "Stumpenhof"),
                                    ("lettenaecker", "Lettenäcker"),
                                    ("filstal", "Fils valley (Filsweg, station)"),
                                ],
                                max_length=20,
                                verbose_name="district",
                            ),
                        ),
                        ("wochentage", models.JSONField(blank=True, default=list, verbose_name="days")),
                        ("tageszeiten", models.JSONField(blank=True, default=list, verbose_name="times of day")),
                        (
                            "mit_kindern",
                            models.BooleanField(default=False, verbose_name="children to be accompanied"),
                        ),
                        (
                            "hinweise",
                            models.CharField(
                                blank=True,
                                help_text="Only what the Pate needs to know.",
                                max_length=500,
                                verbose_name="notes for the Pate",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("offen", "looking"), ("vermittelt", "matched"), ("beendet", "closed")],
                                default="offen",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        ("erstellt_am", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                        (
                            "erfasst_von",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "person seeking a Pate",
                        "verbose_name_plural": "people seeking a Pate",
                        "db_table": "ehrenamt_patensuche",
                        "ordering": ["status", "erstellt_am"],
                    },
                    bases=(ehrenamt.models.ProfilLabels, models.Model),
                ),
                migrations.CreateModel(
                    name="Patenschaft",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("beginn", models.DateField(verbose_name="start")),
                        (
                            "rueckmeldung_wochen",
                            models.PositiveSmallIntegerField(
                                default=4,
                                help_text="The coordination checks in with the Pate this often.",
                                verbose_name="check-in every … weeks",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("aktiv", "active"), ("beendet", "ended")],
                                default="aktiv",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        ("ende", models.DateField(blank=True, null=True, verbose_name="end")),
                        ("rueckblick", models.TextField(blank=True, max_length=2000, verbose_name="review")),
                        (
                            "erstellt_von",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "pate",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="patenschaften",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="Pate",
                            ),
                        ),
                        (
                            "suche",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="patenschaften",
                                to="patenschaften.patensuche",
                                verbose_name="household",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Patenschaft",
                        "verbose_name_plural": "Patenschaften",
                        "db_table": "ehrenamt_patenschaft",
                        "ordering": ["-beginn", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="Patenkontakt",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("datum", models.DateField(verbose_name="date")),
                        ("notiz", models.TextField(max_length=2000, verbose_name="note")),
                        (
                            "erfasst_von",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "patenschaft",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="kontakte",
                                to="patenschaften.patenschaft",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "check-in",
                        "verbose_name_plural": "check-ins",
                        "db_table": "ehrenamt_rueckmeldung",
                        "ordering": ["-datum", "-pk"],
                    },
                ),
            ],
        ),
    ]
