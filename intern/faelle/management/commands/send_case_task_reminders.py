"""Tell each case worker once a day that tasks are due (cron): measures and follow-ups (Wiedervorlagen)
of the contact log. The email names no case and no person.

Idempotent: each worker's reminder of the day is claimed (`Aufgabenerinnerung`) in the transaction that
queues its mail, so a second or parallel run sends nothing. The mail then leaves through the queue,
which retries it when the mail server refuses or hangs; if queueing fails, the claim is rolled back
with it and the next run sends the reminder."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from intern.faelle.emails import AufgabenFaellig
from intern.faelle.models import Aufgabenerinnerung, Fall, Fallkontakt, Massnahme


class Command(BaseCommand):
    help = "Email case workers whose measures or follow-ups are due today or overdue: only that, with a link."

    def handle(self, *args, **options):
        today = timezone.localdate()
        open_cases = Q(fall__anonymisiert_am__isnull=True) & ~Q(fall__status=Fall.Status.ABGESCHLOSSEN)
        due = Massnahme.objects.filter(
            open_cases,
            status=Massnahme.Status.OFFEN,
            faellig_am__lte=today,
            # only the case's own workers: nobody is told about a case they cannot open
            fall__bearbeitende=F("verantwortlich"),
        )
        follow_ups = Fallkontakt.objects.filter(
            open_cases,
            wiedervorlage_am__lte=today,
            wiedervorlage_erledigt_am__isnull=True,
            fall__bearbeitende=F("erfasst_von"),
        )
        users = get_user_model().objects.filter(
            Q(pk__in=due.values("verantwortlich")) | Q(pk__in=follow_ups.values("erfasst_von")), is_active=True
        )
        Aufgabenerinnerung.objects.filter(datum__lt=today).delete()
        sent = sum(self.remind(user, today) for user in users)
        self.stdout.write(f"Sent {sent} reminders.")

    def remind(self, user, today):
        """Claim today's reminder for `user` and queue it; 0 if another run has claimed it."""
        try:
            with transaction.atomic():
                Aufgabenerinnerung.objects.create(user=user, datum=today)
                return AufgabenFaellig(user).send()
        except IntegrityError:  # claimed by an earlier or a parallel run
            return 0
