import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ehrenamt", "0005_verein_patenschaften"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="einsatz",
            name="abmeldegrund",
            field=models.CharField(blank=True, max_length=300, verbose_name="reason for cancelling"),
        ),
        migrations.AddField(
            model_name="einsatz",
            name="eingetragen_von",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="signed up by the coordination",
            ),
        ),
    ]
