import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.models import Mail


class Command(BaseCommand):
    help = "Delete delivered mails after a week and failed ones after a month (run daily)."

    def handle(self, *args, **options):
        now = timezone.now()
        sent, _ = Mail.objects.filter(
            status=Mail.Status.SENT, sent_at__lt=now - datetime.timedelta(days=settings.PORTAL_MAIL_KEEP_SENT_DAYS)
        ).delete()
        failed, _ = Mail.objects.filter(
            status=Mail.Status.FAILED,
            created_at__lt=now - datetime.timedelta(days=settings.PORTAL_MAIL_KEEP_FAILED_DAYS),
        ).delete()
        self.stdout.write(f"Deleted {sent} delivered and {failed} failed mails.")
