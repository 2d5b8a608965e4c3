from django.core.management.base import BaseCommand
from wagtail import hooks

RETENTION_DAYS = 365


class Command(BaseCommand):
    help = (
        "Delete what the public sent once its time is up (run daily): each app registers a "
        "`portal_purge_submissions` hook that takes the retention in days and says what it deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=RETENTION_DAYS)

    def handle(self, *args, **options):
        for purge in hooks.get_hooks("portal_purge_submissions"):
            self.stdout.write(purge(options["days"]))
