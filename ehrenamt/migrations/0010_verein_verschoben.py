"""The Verein's models now belong to the `verein` app (verein 0001 took them over with their tables):
they leave this app's migration state only; the tables stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("ehrenamt", "0009_patenschaften_verschoben"),
        ("verein", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="Beitrag"),
                migrations.DeleteModel(name="Mitglied"),
                migrations.DeleteModel(name="Sprechrunde"),
                migrations.DeleteModel(name="Vereinskonto"),
                migrations.DeleteModel(name="VereinPage"),
            ],
        ),
    ]
