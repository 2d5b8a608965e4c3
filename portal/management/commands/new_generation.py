from django.core.management.base import BaseCommand

from portal.pagecache import start_new_generation


class Command(BaseCommand):
    help = (
        "Start a new content generation in the database and the cache: every kept page and value is "
        "stale at once (run after restoring a backup; deploy/restore.sh does)."
    )

    def handle(self, *args, **options):
        start_new_generation()
        self.stdout.write("Started a new content generation.")
