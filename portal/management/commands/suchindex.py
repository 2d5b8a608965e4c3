from django.core.management.base import BaseCommand

from portal.search import rebuild


class Command(BaseCommand):
    help = "Rebuild the site search's index from every live page (portal/search.py)."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"Search index rebuilt: {count} pages.")
