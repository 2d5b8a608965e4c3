"""The Wohnraum page and the landlords' offers with their photos move from `angebote` to this app.
Their tables stay (`angebote_…`); the content types are renamed, so that pages, revisions,
permissions, translations and search entries keep pointing at them."""

import django.db.models.deletion
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.db import migrations, models

import wohnraum.models

MODELS = ["wohnraumpage", "wohnungsangebot", "wohnungsangebotfoto"]


def _rename(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    vorhanden = set(ContentType.objects.filter(app_label=new, model__in=MODELS).values_list("model", flat=True))
    ContentType.objects.filter(app_label=old, model__in=set(MODELS) - vorhanden).update(app_label=new)


def rename_content_types(apps, schema_editor):
    _rename(apps, "angebote", "wohnraum")


def rename_content_types_back(apps, schema_editor):
    _rename(apps, "wohnraum", "angebote")


class Migration(migrations.Migration):
    dependencies = [
        ("wohnraum", "0001_initial"),
        ("angebote", "0007_snippet_drafts"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(rename_content_types, rename_content_types_back),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Wohnungsangebot",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("eingegangen", models.DateTimeField(auto_now_add=True, verbose_name="received")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("neu", "New"),
                                    ("besichtigung", "Viewing"),
                                    ("vermittelt", "Let"),
                                    ("zurueckgezogen", "Withdrawn"),
                                ],
                                default="neu",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        ("adresse", models.CharField(max_length=200, verbose_name="address of the flat")),
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
                        ("flaeche", models.DecimalField(decimal_places=1, max_digits=5, verbose_name="size in m²")),
                        ("zimmer", models.DecimalField(decimal_places=1, max_digits=3, verbose_name="rooms")),
                        (
                            "kaltmiete",
                            models.DecimalField(
                                decimal_places=2, max_digits=7, verbose_name="rent without heating (€ per month)"
                            ),
                        ),
                        (
                            "warmmiete",
                            models.DecimalField(
                                decimal_places=2, max_digits=7, verbose_name="rent with heating and costs (€ per month)"
                            ),
                        ),
                        ("frei_ab", models.DateField(verbose_name="available from")),
                        ("barrierefrei", models.BooleanField(default=False, verbose_name="step-free (barrier-free)")),
                        ("moebliert", models.BooleanField(default=False, verbose_name="furnished")),
                        ("haustiere", models.BooleanField(default=False, verbose_name="pets allowed")),
                        ("name", models.CharField(max_length=200, verbose_name="your name")),
                        ("email", models.EmailField(max_length=254, verbose_name="your email")),
                        ("telefon", models.CharField(blank=True, max_length=50, verbose_name="your phone (optional)")),
                        ("einwilligung_am", models.DateTimeField(verbose_name="consent given on")),
                        ("sprache", models.CharField(default="de", max_length=8, verbose_name="language")),
                        ("notiz", models.TextField(blank=True, verbose_name="internal note")),
                        (
                            "beendet_am",
                            models.DateField(blank=True, editable=False, null=True, verbose_name="ended on"),
                        ),
                    ],
                    options={
                        "verbose_name": "landlord's offer",
                        "verbose_name_plural": "landlords' offers",
                        "ordering": ["-eingegangen"],
                        "db_table": "angebote_wohnungsangebot",
                    },
                ),
                migrations.CreateModel(
                    name="WohnraumPage",
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
                            "body",
                            wagtail.fields.StreamField(
                                [("heading", 1), ("paragraph", 2), ("quote", 5), ("contact", 12)],
                                blank=True,
                                block_lookup={
                                    0: ("wagtail.blocks.CharBlock", (), {"label": "Heading", "max_length": 200}),
                                    1: ("wagtail.blocks.StructBlock", [[("text", 0)]], {}),
                                    2: (
                                        "wagtail.blocks.RichTextBlock",
                                        (),
                                        {
                                            "features": [
                                                "h3",
                                                "h4",
                                                "bold",
                                                "italic",
                                                "ol",
                                                "ul",
                                                "link",
                                                "document-link",
                                            ],
                                            "label": "Text",
                                        },
                                    ),
                                    3: ("wagtail.blocks.TextBlock", (), {"label": "Quotation"}),
                                    4: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Source", "max_length": 200, "required": False},
                                    ),
                                    5: ("wagtail.blocks.StructBlock", [[("text", 3), ("source", 4)]], {}),
                                    6: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Name or office", "max_length": 200},
                                    ),
                                    7: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Role", "max_length": 200, "required": False},
                                    ),
                                    8: ("wagtail.blocks.EmailBlock", (), {"label": "Email", "required": False}),
                                    9: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Phone", "max_length": 50, "required": False},
                                    ),
                                    10: ("wagtail.blocks.TextBlock", (), {"label": "Address", "required": False}),
                                    11: (
                                        "wagtail.blocks.TextBlock",
                                        (),
                                        {"label": "Opening hours", "required": False},
                                    ),
                                    12: (
                                        "wagtail.blocks.StructBlock",
                                        [
                                            [
                                                ("name", 6),
                                                ("role", 7),
                                                ("email", 8),
                                                ("phone", 9),
                                                ("address", 10),
                                                ("hours", 11),
                                            ]
                                        ],
                                        {},
                                    ),
                                },
                                verbose_name="what the city offers landlords",
                            ),
                        ),
                        (
                            "fragen",
                            wagtail.fields.StreamField(
                                [("frage", 2)],
                                blank=True,
                                block_lookup={
                                    0: ("wagtail.blocks.CharBlock", (), {"label": "Question", "max_length": 200}),
                                    1: (
                                        "wagtail.blocks.RichTextBlock",
                                        (),
                                        {"features": ["bold", "italic", "link", "ul"], "label": "Answer"},
                                    ),
                                    2: ("wagtail.blocks.StructBlock", [[("frage", 0), ("antwort", 1)]], {}),
                                },
                                verbose_name="questions and answers",
                            ),
                        ),
                        (
                            "formular_hilfe",
                            models.TextField(
                                blank=True,
                                help_text="Shown above the form: how to fill it in, in plain words.",
                                verbose_name="help with the form",
                            ),
                        ),
                        (
                            "kontakt",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="angebote.ansprechpartner",
                                verbose_name="contact person",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Wohnraum page",
                        "db_table": "angebote_wohnraumpage",
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, "wagtailcore.page"),
                ),
                migrations.CreateModel(
                    name="WohnungsangebotFoto",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("datei", models.FileField(upload_to=wohnraum.models.wohnung_upload_path)),
                        ("content_type", models.CharField(max_length=50)),
                        (
                            "angebot",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="fotos",
                                to="wohnraum.wohnungsangebot",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "angebote_wohnungsangebotfoto",
                    },
                ),
                migrations.AlterField(
                    model_name="vermittlung",
                    name="angebot",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="vermittlungen",
                        to="wohnraum.wohnungsangebot",
                    ),
                ),
                migrations.AlterField(
                    model_name="kontakt",
                    name="angebot",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="kontakte",
                        to="wohnraum.wohnungsangebot",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
