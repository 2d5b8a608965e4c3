"""Patenschaften now belong to the `patenschaften` app (patenschaften 0001 took them over with their
tables; Rueckmeldung is patenschaften.Patenkontakt there): they leave this app's migration state only;
the tables stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("ehrenamt", "0008_mitmachen_kontakt"),
        ("patenschaften", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="Rueckmeldung"),
                migrations.DeleteModel(name="Patenschaft"),
                migrations.DeleteModel(name="Patensuche"),
                migrations.DeleteModel(name="Patenbewerbung"),
            ],
        ),
    ]
