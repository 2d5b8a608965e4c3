import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from veranstaltungen.models import Anmeldung

DAYS_AFTER_EVENT = 30


class Command(BaseCommand):
    help = "Delete event registrations 30 days after their date, and unconfirmed ones after a week (run daily)."

    def handle(self, *args, **options):
        today = timezone.localdate()
        past, _ = Anmeldung.objects.filter(datum__lt=today - datetime.timedelta(days=DAYS_AFTER_EVENT)).delete()
        unconfirmed, _ = Anmeldung.objects.filter(
            status=Anmeldung.Status.UNBESTAETIGT, angemeldet__lt=timezone.now() - datetime.timedelta(days=7)
        ).delete()
        self.stdout.write(f"Deleted {past} registrations of past events and {unconfirmed} unconfirmed ones.")
