"""Reminder emails the day before each shift. Run from cron, e.g. hourly; it never sends twice."""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from ehrenamt import emails
from ehrenamt.forms import at
from ehrenamt.models import Einsatz, Schicht


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
        ).select_related("schicht", "schicht__stelle", "freiwillige")
        # No "see you tomorrow" for a shift whose event is cancelled that day.
        faellig = faellig.filter(schicht__in=Schicht.objects.ohne_ausfall())
        sent = 0
        for einsatz in faellig:
            # Claim the reminder first: a second run (or a parallel one) finds it taken.
            with transaction.atomic():
                claimed = Einsatz.objects.filter(pk=einsatz.pk, erinnert_am__isnull=True).update(
                    erinnert_am=timezone.now()
                )
                if claimed:
                    sent += emails.SchichtErinnerung(einsatz.freiwillige, schicht=einsatz.schicht).send()
        self.stdout.write(f"{sent} reminder(s) sent.")
