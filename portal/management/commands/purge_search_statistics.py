import datetime

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.models import ErfolgloseSuche
from portal.search import STATISTICS_DAYS


class Command(BaseCommand):
    help = (
        f"Delete the counts of searches without results older than {STATISTICS_DAYS} days, and Wagtail's daily "
        "search hits past WAGTAILSEARCH_HITS_MAX_AGE. Idempotent."
    )

    def handle(self, *args, **options):
        cutoff = timezone.localdate() - datetime.timedelta(days=STATISTICS_DAYS)
        deleted, _ = ErfolgloseSuche.objects.filter(tag__lt=cutoff).delete()
        call_command("searchpromotions_garbage_collect", stdout=self.stdout)
        self.stdout.write(f"Searches without results: {deleted} old counts deleted.")
