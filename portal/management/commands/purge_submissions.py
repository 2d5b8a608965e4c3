from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail import hooks

from portal.storage import delete_orphaned_private_files

RETENTION_DAYS = 365


class Command(BaseCommand):
    help = (
        "Delete what the public sent once its time is up (run daily): each app registers a "
        "`portal_purge_submissions` hook that takes the retention in days and says what it deleted. "
        "Then uploaded files that no record names are deleted (after PORTAL_ORPHAN_FILE_HOURS)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=RETENTION_DAYS)

    def handle(self, *args, **options):
        for purge in hooks.get_hooks("portal_purge_submissions"):
            self.stdout.write(purge(options["days"]))
        # Last, so that the files of the records deleted above are gone already.
        orphans = delete_orphaned_private_files(settings.PORTAL_ORPHAN_FILE_HOURS)
        self.stdout.write(f"Deleted {orphans} uploaded files no record names.")
