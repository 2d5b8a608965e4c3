"""Give the documents uploaded before random names theirs (`portal.storage.PortalStorage` names every
new upload at random): a document's URL must not be guessable from its original file name.

Idempotent: documents already under a random name are left as they are. Run once after updating.
"""

import posixpath
import re

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.documents import get_document_model

from portal.storage import DOCUMENTS_DIR

RANDOM_NAME = re.compile(rf"^{DOCUMENTS_DIR}/[0-9a-f]{{32}}(\.[a-z0-9]{{1,10}})?$")


class Command(BaseCommand):
    help = "Move documents stored under their original file names to random names."

    def handle(self, *args, **options):
        renamed = missing = 0
        for document in get_document_model().objects.order_by("pk"):
            old = document.file.name
            if RANDOM_NAME.match(old):
                continue
            storage = document.file.storage
            if not storage.exists(old):
                missing += 1
                self.stderr.write(f"Document {document.pk}: file {old} is missing, left as it is.")
                continue
            new_name = storage.generate_filename(f"{DOCUMENTS_DIR}/{posixpath.basename(old)}")
            with storage.open(old) as content:
                new = storage.save(new_name, content)
            with transaction.atomic():
                document.file.name = new
                document.save(update_fields=["file"])
            storage.delete(old)
            renamed += 1
        self.stdout.write(f"Renamed {renamed} documents; {missing} files were missing.")
