from django.db import migrations, models

import portal.validators
from portal.migration_helpers import grant_model_permissions, revoke_model_permissions

KONTO = ("Redaktion", "ehrenamt", "vereinskonto", ("change", "view"))


def grant(apps, schema_editor):
    """The Redaktion keeps the Verein's bank account in the CMS settings."""
    grant_model_permissions(apps, *KONTO[:3], actions=KONTO[3])


def revoke(apps, schema_editor):
    revoke_model_permissions(apps, *KONTO[:3], actions=KONTO[3])


class Migration(migrations.Migration):
    dependencies = [
        ("ehrenamt", "0004_verein_dokumente"),
    ]

    operations = [
        migrations.CreateModel(
            name="Vereinskonto",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
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
            },
        ),
        migrations.AddField(
            model_name="mitglied",
            name="ablehnungsgrund",
            field=models.TextField(blank=True, max_length=1000, verbose_name="reason for declining"),
        ),
        migrations.RunPython(grant, revoke),
    ]
