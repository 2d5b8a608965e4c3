import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from angebote.models import AnwohnerAnliegen, Moebelspende

RETENTION_DAYS = 365


class Command(BaseCommand):
    help = "Delete furniture donations and neighbours' concerns older than twelve months (run daily)."

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
        self.stdout.write(f"Deleted {spenden} furniture donations and {anliegen} neighbours' concerns.")
