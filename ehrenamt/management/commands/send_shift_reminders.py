"""Reminder emails the day before each shift. Run from cron, e.g. hourly; it never sends twice."""

import datetime
import logging

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ehrenamt import services
from ehrenamt.forms import at
from ehrenamt.models import Einsatz

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Email every volunteer signed up for a shift tomorrow (Europe/Berlin), once."

    def handle(self, *args, **options):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        faellig = Einsatz.objects.filter(
            status=Einsatz.Status.BESTAETIGT,
            erinnert_am__isnull=True,
            freiwillige__isnull=False,
            schicht__abgesagt_am__isnull=True,
            schicht__beginn__gte=at(tomorrow, datetime.time.min),
            schicht__beginn__lt=at(tomorrow + datetime.timedelta(days=1), datetime.time.min),
        ).select_related("schicht", "freiwillige")
        sent = failed = 0
        for einsatz in faellig:
            # Claim the reminder first: a second run (or a parallel one) finds it taken.
            claimed = Einsatz.objects.filter(pk=einsatz.pk, erinnert_am__isnull=True).update(erinnert_am=timezone.now())
            if not claimed:
                continue
            try:
                services.benachrichtige(einsatz.freiwillige, "erinnerung", {"schicht": einsatz.schicht})
            except Exception:  # noqa: BLE001 - one refused address must not stop the others
                # Not sent: release the claim so that the next run tries again.
                Einsatz.objects.filter(pk=einsatz.pk).update(erinnert_am=None)
                logger.exception("Reminder for sign-up %s could not be sent", einsatz.pk)
                failed += 1
                continue
            sent += 1
        self.stdout.write(f"{sent} reminder(s) sent.")
        if failed:
            raise CommandError(f"{failed} reminder(s) could not be sent; the next run tries again.")
