"""Tell each case worker once a day that tasks are due (cron). The email names no case and no person."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db.models import F
from django.utils import timezone

from intern.faelle.emails import AufgabenFaellig
from intern.faelle.models import Fall, Massnahme


class Command(BaseCommand):
    help = "Email case workers whose measures are due today or overdue: only that tasks are due, with a link."

    def handle(self, *args, **options):
        due = Massnahme.objects.filter(
            status=Massnahme.Status.OFFEN,
            faellig_am__lte=timezone.localdate(),
            fall__anonymisiert_am__isnull=True,
            # only the case's own workers: nobody is told about a case they cannot open
            fall__bearbeitende=F("verantwortlich"),
        ).exclude(fall__status=Fall.Status.ABGESCHLOSSEN)
        users = get_user_model().objects.filter(pk__in=due.values("verantwortlich"), is_active=True)
        sent = sum(AufgabenFaellig(user).send() for user in users)
        self.stdout.write(f"Sent {sent} reminders.")
