"""The Verein leaves `ehrenamt` for an app of its own. Its tables keep their names (db_table), so
nothing moves in the database: the content types change app (Wagtail pages, revisions, permissions
and search entries refer to them by id) and the models enter this app's migration state."""

import django.db.models.deletion
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

import portal.validators

OLD, NEW = "ehrenamt", "verein"
MODELS = ["vereinpage", "mitglied", "beitrag", "sprechrunde", "vereinskonto"]


def _move(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    present = set(ContentType.objects.filter(app_label=target, model__in=MODELS).values_list("model", flat=True))
    ContentType.objects.filter(app_label=source, model__in=[m for m in MODELS if m not in present]).update(
        app_label=target
    )
    from django.contrib.contenttypes.models import ContentType as CurrentContentType

    CurrentContentType.objects.clear_cache()


def rename_content_types(apps, schema_editor):
    _move(apps, OLD, NEW)


def rename_content_types_back(apps, schema_editor):
    _move(apps, NEW, OLD)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("ehrenamt", "0009_patenschaften_verschoben"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(rename_content_types, rename_content_types_back),
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Sprechrunde",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("beginn", models.DateTimeField(verbose_name="start")),
                        ("ort", models.CharField(max_length=200, verbose_name="place")),
                        ("thema", models.CharField(blank=True, max_length=200, verbose_name="topic")),
                    ],
                    options={
                        "verbose_name": "Sprechrunde",
                        "verbose_name_plural": "Sprechrunden",
                        "db_table": "ehrenamt_sprechrunde",
                        "ordering": ["beginn"],
                    },
                ),
                migrations.CreateModel(
                    name="Vereinskonto",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("kontoinhaber", models.CharField(blank=True, max_length=100, verbose_name="account holder")),
                        (
                            "iban",
                            models.CharField(
                                blank=True,
                                help_text="Without an IBAN the welcome mail asks new members to get in touch about the fee.",
                                max_length=42,
                                validators=[portal.validators.iban_pruefen],
                                verbose_name="IBAN",
                            ),
                        ),
                        ("bic", models.CharField(blank=True, max_length=11, verbose_name="BIC")),
                        ("bank", models.CharField(blank=True, max_length=100, verbose_name="bank")),
                        (
                            "verwendungszweck",
                            models.CharField(
                                default="Mitgliedsbeitrag {jahr} Nr. {nummer}",
                                help_text="{nummer} becomes the membership number, {jahr} the year.",
                                max_length=140,
                                validators=[portal.validators.verwendungszweck_pruefen],
                                verbose_name="payment reference",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Verein bank account",
                        "db_table": "ehrenamt_vereinskonto",
                    },
                ),
                migrations.CreateModel(
                    name="Mitglied",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "mitgliedsnummer",
                            models.PositiveIntegerField(
                                blank=True, null=True, unique=True, verbose_name="membership number"
                            ),
                        ),
                        ("vorname", models.CharField(max_length=100, verbose_name="first name")),
                        ("nachname", models.CharField(max_length=100, verbose_name="last name")),
                        ("strasse", models.CharField(max_length=200, verbose_name="street and number")),
                        ("plz", models.CharField(max_length=5, verbose_name="postcode")),
                        ("ort", models.CharField(max_length=100, verbose_name="town")),
                        ("email", models.EmailField(max_length=254, verbose_name="email")),
                        ("geburtsdatum", models.DateField(verbose_name="date of birth")),
                        (
                            "art",
                            models.CharField(
                                choices=[("ordentlich", "full member"), ("foerdernd", "supporting member")],
                                max_length=20,
                                verbose_name="type of membership",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("beantragt", "applied"),
                                    ("aktiv", "active"),
                                    ("ruhend", "dormant"),
                                    ("ausgetreten", "left"),
                                    ("abgelehnt", "not accepted"),
                                ],
                                default="beantragt",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        ("antrag_am", models.DateTimeField(auto_now_add=True, verbose_name="applied")),
                        ("eintritt", models.DateField(blank=True, null=True, verbose_name="joined")),
                        ("austritt", models.DateField(blank=True, null=True, verbose_name="left")),
                        (
                            "einwilligung_am",
                            models.DateTimeField(verbose_name="consent to statutes and data protection"),
                        ),
                        ("sprache", models.CharField(blank=True, max_length=8)),
                        (
                            "ablehnungsgrund",
                            models.TextField(blank=True, max_length=1000, verbose_name="reason for declining"),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="mitgliedschaften",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "member",
                        "verbose_name_plural": "members",
                        "db_table": "ehrenamt_mitglied",
                        "ordering": ["nachname", "vorname", "pk"],
                        "constraints": [
                            models.UniqueConstraint(
                                condition=models.Q(("status__in", ["beantragt", "aktiv", "ruhend"])),
                                fields=("email",),
                                name="mitglied_eine_offene_mitgliedschaft_je_email",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Beitrag",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("jahr", models.PositiveSmallIntegerField(verbose_name="year")),
                        ("betrag", models.DecimalField(decimal_places=2, max_digits=7, verbose_name="amount (EUR)")),
                        ("bezahlt_am", models.DateField(blank=True, null=True, verbose_name="paid on")),
                        (
                            "mitglied",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="beitraege",
                                to="verein.mitglied",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "fee",
                        "verbose_name_plural": "fees",
                        "db_table": "ehrenamt_beitrag",
                        "ordering": ["-jahr"],
                        "constraints": [
                            models.UniqueConstraint(fields=("mitglied", "jahr"), name="beitrag_einmal_je_jahr")
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="VereinPage",
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
                        ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="introduction")),
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
                                    6: ("wagtail.blocks.CharBlock", (), {"label": "Name or office", "max_length": 200}),
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
                                    11: ("wagtail.blocks.TextBlock", (), {"label": "Opening hours", "required": False}),
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
                                verbose_name="body",
                            ),
                        ),
                        (
                            "beitrag_ordentlich",
                            models.DecimalField(
                                decimal_places=2, max_digits=7, verbose_name="annual fee, full member (EUR)"
                            ),
                        ),
                        (
                            "beitrag_foerdernd",
                            models.DecimalField(
                                decimal_places=2, max_digits=7, verbose_name="annual fee, supporting member (EUR)"
                            ),
                        ),
                        (
                            "satzung",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtaildocs.document",
                                verbose_name="statutes (public document)",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Verein page",
                        "db_table": "ehrenamt_vereinpage",
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, "wagtailcore.page"),
                ),
            ],
        ),
    ]
