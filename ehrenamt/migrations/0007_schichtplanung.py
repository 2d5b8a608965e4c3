import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def orte_zuordnen(apps, schema_editor):
    """Shifts whose free-text place begins with the name or the street of a published German Ort
    (case ignored) get that Ort; the free text is kept only where no Ort fits."""
    Ort = apps.get_model("angebote", "Ort")
    Schicht = apps.get_model("ehrenamt", "Schicht")
    orte = list(Ort.objects.filter(locale__language_code=settings.LANGUAGE_CODE, live=True).order_by("-name"))
    if not orte:
        return

    def passt(text, anfang):
        anfang = anfang.strip().casefold()
        return bool(anfang) and (text == anfang or text.startswith(anfang + ","))

    for schicht in Schicht.objects.filter(stelle__isnull=True).exclude(ort=""):
        text = schicht.ort.strip().casefold()
        for ort in orte:  # the longest of two names that begin alike comes first
            strasse = (ort.adresse.strip().splitlines() or [""])[0]
            if passt(text, ort.name) or passt(text, strasse):
                schicht.stelle_id, schicht.ort = ort.pk, ""
                schicht.save(update_fields=["stelle", "ort"])
                break


class Migration(migrations.Migration):
    dependencies = [
        ("angebote", "0007_snippet_drafts"),
        ("veranstaltungen", "0003_anmeldung"),
        ("ehrenamt", "0006_schichten"),
    ]

    operations = [
        migrations.AddField(
            model_name="schicht",
            name="stelle",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="angebote.ort",
                verbose_name="place",
            ),
        ),
        migrations.AddField(
            model_name="schicht",
            name="veranstaltung",
            field=models.ForeignKey(
                blank=True,
                help_text="The event this shift serves, e.g. the Begegnungscafé: no shifts on dates it is cancelled.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="veranstaltungen.veranstaltungpage",
                verbose_name="event",
            ),
        ),
        migrations.AlterField(
            model_name="schicht",
            name="ort",
            field=models.CharField(
                blank=True,
                help_text="Only if the place is not in the list: name and address.",
                max_length=300,
                verbose_name="other place",
            ),
        ),
        migrations.RunPython(orte_zuordnen, migrations.RunPython.noop),
    ]
