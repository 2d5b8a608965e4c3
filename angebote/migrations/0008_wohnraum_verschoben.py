"""The Wohnraum page and the landlords' offers moved to the `wohnraum` app (its migration 0002
took over their tables): they leave this app's state only, nothing in the database changes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("angebote", "0007_snippet_drafts"),
        ("wohnraum", "0002_wohnraum_aus_angebote"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="WohnungsangebotFoto"),
                migrations.DeleteModel(name="WohnraumPage"),
                migrations.DeleteModel(name="Wohnungsangebot"),
            ],
            database_operations=[],
        ),
    ]
