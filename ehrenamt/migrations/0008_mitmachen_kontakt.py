import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("angebote", "0007_snippet_drafts"),
        ("ehrenamt", "0007_schichtplanung"),
    ]

    operations = [
        migrations.AddField(
            model_name="mitmachenpage",
            name="kontakt",
            field=models.ForeignKey(
                blank=True,
                help_text="Shown on this page and to volunteers whose profile is still being reviewed.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="angebote.ansprechpartner",
                verbose_name="contact of the volunteer coordination",
            ),
        ),
    ]
