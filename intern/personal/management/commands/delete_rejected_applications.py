"""Delete closed applications once the retention period is over: rejected ones as the AGG allows
(six months by default), hired ones after the same time (the personnel file takes over), and
applications nobody closed after a year without any step or note.

Idempotent: run it daily from cron; a second run finds nothing more to delete."""

import datetime
import logging

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from intern.audit.models import AuditEintrag, protokolliere
from stellen.models import Bewerbung

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Delete closed and abandoned applications after their retention period, with their CVs."

    def handle(self, *args, **options):
        jetzt = timezone.now()
        grenze = jetzt - datetime.timedelta(days=settings.PORTAL_APPLICATION_RETENTION_DAYS)
        grenze_offen = jetzt - datetime.timedelta(days=settings.PORTAL_OPEN_APPLICATION_RETENTION_DAYS)
        faellig = Bewerbung.objects.filter(
            Q(status__in=Bewerbung.ABGESCHLOSSEN, abgeschlossen_am__lt=grenze)
            | (
                ~Q(status__in=Bewerbung.ABGESCHLOSSEN)
                & Q(eingegangen__lt=grenze_offen)
                & ~Q(verlauf__zeitpunkt__gte=grenze_offen)
            )
        ).distinct()
        geloescht = 0
        for bewerbung in faellig.iterator():
            datei = bewerbung.lebenslauf.name
            storage = bewerbung.lebenslauf.storage
            with transaction.atomic():
                protokolliere(None, AuditEintrag.Aktion.LOESCHEN, "bewerbung", bewerbung)
                bewerbung.delete()
            if datei:
                try:
                    storage.delete(datei)
                except OSError:  # the record is gone; a file left behind is reported, the run goes on
                    logger.exception("CV file %s could not be deleted", datei)
            geloescht += 1
        self.stdout.write(f"Deleted {geloescht} applications.")
