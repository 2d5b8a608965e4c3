"""The job postings and the applications move from `personal` to this app. Their tables stay
(`personal_…`); the content types are renamed, so that pages, revisions, permissions, translations
and search entries keep pointing at them."""

import django.db.models.deletion
import django.utils.timezone
import encrypted_fields.fields
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.db import migrations, models

import stellen.models

MODELS = ["stellenindexpage", "stellenangebotpage", "bewerbung"]
BEREICHE = [
    ("bauhof", "Bauhof"),
    ("stadtverwaltung", "City administration"),
    ("sozialstation", "Sozialstation"),
    ("kinderhaeuser", "Kinderhäuser"),
]


def _rename(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    vorhanden = set(ContentType.objects.filter(app_label=new, model__in=MODELS).values_list("model", flat=True))
    ContentType.objects.filter(app_label=old, model__in=set(MODELS) - vorhanden).update(app_label=new)


def rename_content_types(apps, schema_editor):
    _rename(apps, "personal", "stellen")


def rename_content_types_back(apps, schema_editor):
    _rename(apps, "stellen", "personal")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("personal", "0002_gespraech_mail_eingang"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunPython(rename_content_types, rename_content_types_back),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="StellenIndexPage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="wagtailcore.page",
                            ),
                        ),
                        ("intro", wagtail.fields.RichTextField(verbose_name="introduction")),
                        (
                            "anerkennung",
                            wagtail.fields.RichTextField(
                                help_text="In plain words: who helps to have a qualification from abroad recognised.",
                                verbose_name="recognition of foreign qualifications",
                            ),
                        ),
                        (
                            "anerkennung_url",
                            models.URLField(
                                blank=True,
                                help_text="For example anerkennung-in-deutschland.de.",
                                verbose_name="external advice on recognition",
                            ),
                        ),
                        (
                            "formular_hilfe",
                            models.TextField(
                                blank=True,
                                help_text="Shown above every application form.",
                                verbose_name="help with the application form",
                            ),
                        ),
                        (
                            "anerkennung_seite",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailcore.page",
                                verbose_name="page with advice on recognition",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "job postings page",
                        "verbose_name_plural": "job postings pages",
                        "db_table": "personal_stellenindexpage",
                    },
                    bases=("wagtailcore.page",),
                ),
                migrations.CreateModel(
                    name="StellenangebotPage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="wagtailcore.page",
                            ),
                        ),
                        ("bereich", models.CharField(choices=BEREICHE, max_length=20, verbose_name="area")),
                        (
                            "intro",
                            models.TextField(help_text="One or two sentences: what is the job?", verbose_name="in short"),
                        ),
                        ("aufgaben", wagtail.fields.RichTextField(verbose_name="what you do")),
                        (
                            "anforderungen",
                            wagtail.fields.RichTextField(
                                help_text="In plain words. Say what is really needed, and what can be learned on the job.",
                                verbose_name="what you need",
                            ),
                        ),
                        ("angebot", wagtail.fields.RichTextField(blank=True, verbose_name="what we offer")),
                        (
                            "umfang",
                            models.CharField(
                                help_text="For example: full time, 39 hours.", max_length=120, verbose_name="working hours"
                            ),
                        ),
                        (
                            "beginn",
                            models.CharField(
                                blank=True,
                                help_text="For example: as soon as possible.",
                                max_length=120,
                                verbose_name="start",
                            ),
                        ),
                        ("bewerbungsschluss", models.DateField(verbose_name="apply by")),
                    ],
                    options={
                        "verbose_name": "job posting",
                        "verbose_name_plural": "job postings",
                        "db_table": "personal_stellenangebotpage",
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, "wagtailcore.page"),
                ),
                migrations.CreateModel(
                    name="Bewerbung",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        ("stelle_titel", models.CharField(max_length=255, verbose_name="job title")),
                        ("bereich", models.CharField(choices=BEREICHE, max_length=20, verbose_name="area")),
                        (
                            "eingegangen",
                            models.DateTimeField(
                                db_index=True, default=django.utils.timezone.now, verbose_name="received"
                            ),
                        ),
                        ("sprache", models.CharField(max_length=8, verbose_name="language of the application")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("eingegangen", "Received"),
                                    ("gespraech", "Interview"),
                                    ("hospitation", "Trial day or internship"),
                                    ("angebot", "Offer made"),
                                    ("eingestellt", "Hired"),
                                    ("abgesagt", "Rejected"),
                                ],
                                default="eingegangen",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        ("abgeschlossen_am", models.DateTimeField(blank=True, null=True, verbose_name="closed on")),
                        ("gespraech_beginn", models.DateTimeField(blank=True, null=True, verbose_name="interview")),
                        (
                            "gespraech_ende",
                            models.DateTimeField(blank=True, null=True, verbose_name="end of the interview"),
                        ),
                        (
                            "gespraech_ort",
                            models.CharField(blank=True, max_length=200, verbose_name="place of the interview"),
                        ),
                        ("gespraech_sequenz", models.PositiveIntegerField(default=0, editable=False)),
                        ("gespraech_geaendert_am", models.DateTimeField(editable=False, null=True)),
                        ("vorname", encrypted_fields.fields.EncryptedCharField(max_length=100, verbose_name="first name")),
                        ("nachname", encrypted_fields.fields.EncryptedCharField(max_length=100, verbose_name="last name")),
                        ("email", encrypted_fields.fields.EncryptedEmailField(max_length=254, verbose_name="email")),
                        (
                            "telefon",
                            encrypted_fields.fields.EncryptedCharField(
                                blank=True, max_length=40, null=True, verbose_name="phone"
                            ),
                        ),
                        (
                            "adresse",
                            encrypted_fields.fields.EncryptedTextField(blank=True, null=True, verbose_name="address"),
                        ),
                        ("sprachen", encrypted_fields.fields.EncryptedTextField(verbose_name="languages")),
                        (
                            "qualifikationen",
                            encrypted_fields.fields.EncryptedTextField(verbose_name="qualifications and work experience"),
                        ),
                        (
                            "lebenslauf",
                            models.FileField(
                                max_length=200, upload_to=stellen.models.lebenslauf_pfad, verbose_name="CV (PDF)"
                            ),
                        ),
                        ("einwilligung_am", models.DateTimeField(verbose_name="consent given on")),
                        (
                            "anerkannter_fluechtling",
                            encrypted_fields.fields.EncryptedBooleanField(editable=False, null=True),
                        ),
                        (
                            "stelle",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="bewerbungen",
                                to="stellen.stellenangebotpage",
                                verbose_name="job",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "application",
                        "verbose_name_plural": "applications",
                        "ordering": ["-eingegangen", "-pk"],
                        "db_table": "personal_bewerbung",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
