import datetime

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from angebote.models import AnwohnerAnliegen, Moebelspende
from wohnraum.models import Wohnungsangebot

RETENTION_DAYS = 365


class Command(BaseCommand):
    help = (
        "Delete furniture donations and neighbours' concerns older than twelve months, and the landlord's "
        "details of flat offers that ended (run daily)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=RETENTION_DAYS)

    def handle(self, *args, **options):
        cutoff = timezone.now() - datetime.timedelta(days=options["days"])
        spenden = 0
        for spende in Moebelspende.objects.filter(eingegangen__lt=cutoff).prefetch_related("fotos"):
            for foto in spende.fotos.all():
                foto.delete()  # removes the file too
            spende.delete()
            spenden += 1
        anliegen, _ = AnwohnerAnliegen.objects.filter(eingegangen__lt=cutoff).delete()
        # A year after an offer ended (two years for one never closed), the landlord's details go;
        # the counts for the statistics stay.
        wohnungen = 0
        stale = timezone.now() - datetime.timedelta(days=2 * options["days"])
        ended = Wohnungsangebot.objects.filter(
            Q(beendet_am__lt=cutoff.date()) | Q(beendet_am__isnull=True, eingegangen__lt=stale)
        ).exclude(email="")
        for angebot in ended.prefetch_related("fotos"):
            for foto in angebot.fotos.all():
                foto.delete()
            angebot.kontakte.all().delete()
            Wohnungsangebot.objects.filter(pk=angebot.pk).update(adresse="–", name="–", email="", telefon="", notiz="")
            wohnungen += 1
        self.stdout.write(
            f"Deleted {spenden} furniture donations and {anliegen} neighbours' concerns; "
            f"removed the landlord's details from {wohnungen} flat offers."
        )
