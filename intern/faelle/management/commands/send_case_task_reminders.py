"""Tell each case worker once a day that tasks are due (cron). The email names no case and no person."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

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
        sent = 0
        for user in users:
            with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
                context = {
                    "user": user,
                    "link": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("faelle:aufgaben"),
                }
                subject = render_to_string("faelle/email/aufgaben_subject.txt", context).strip()
                body = render_to_string("faelle/email/aufgaben_body.txt", context)
            send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [user.email])
            sent += 1
        self.stdout.write(f"Sent {sent} reminders.")
