import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from home.models import Barrierenmeldung

RETENTION_DAYS = 365


class Command(BaseCommand):
    help = "Delete reported barriers received more than twelve months ago and no longer open (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=RETENTION_DAYS)

    def handle(self, *args, **options):
        cutoff = timezone.now() - datetime.timedelta(days=options["days"])
        deleted, _ = (
            Barrierenmeldung.objects.filter(eingegangen__lt=cutoff).exclude(status__in=Barrierenmeldung.OFFEN).delete()
        )
        self.stdout.write(f"Deleted {deleted} reported barriers.")
