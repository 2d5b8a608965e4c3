"""Anonymise closed cases after PORTAL_CASE_RETENTION_DAYS (run daily from cron). Idempotent."""

from django.core.management.base import BaseCommand

from intern.faelle.selectors import faellig_zur_anonymisierung
from intern.faelle.services import anonymisieren


class Command(BaseCommand):
    help = "Anonymise closed cases whose retention period has ended."

    def handle(self, *args, **options):
        count = 0
        for fall in faellig_zur_anonymisierung():
            anonymisieren(fall)
            count += 1
        self.stdout.write(f"Anonymised {count} closed cases.")
