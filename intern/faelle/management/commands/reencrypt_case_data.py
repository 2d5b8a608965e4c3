"""Re-encrypt every encrypted field (case register, housing, applications) and every private upload
(CVs, photos: portal.storage) with the current (first) key.

Key rotation: put the new salt first in FIELD_ENCRYPTION_SALT (or the new SECRET_KEY in place and
the old one in SECRET_KEY_FALLBACKS), run this command, then remove the old salt or key.
"""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from encrypted_fields.fields import EncryptedFieldMixin

from intern.audit.models import AuditEintrag, protokolliere
from portal.storage import portal_storage

FERNET_PREFIX = "gAAAAA"


def encrypted_fields(model):
    return [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedFieldMixin)]


class Command(BaseCommand):
    help = "Re-encrypt all encrypted fields with the first key (after adding a new salt or secret key)."

    def handle(self, *args, **options):
        total = 0
        storage = portal_storage()
        unreadable = storage.unreadable_private_files() if storage else []
        if unreadable:
            raise CommandError(
                f"{len(unreadable)} private uploads (e.g. {unreadable[0]}) cannot be decrypted with the configured "
                "keys. Nothing was changed; keep the old salt or key in the list and run again."
            )
        with transaction.atomic():  # all or nothing
            for model in apps.get_models():
                fields = encrypted_fields(model)
                if not fields:
                    continue
                for obj in model.objects.select_for_update().iterator(chunk_size=500):
                    for name in fields:
                        value = getattr(obj, name)
                        # The library hands back the stored token when no key fits: saving it
                        # would encrypt the ciphertext. Keep the old salt until this has run.
                        if isinstance(value, str) and value.startswith(FERNET_PREFIX):
                            raise CommandError(
                                f"{model.__name__} {obj.pk}: {name} cannot be decrypted with the configured keys. "
                                "Nothing was changed; keep the old salt or key in the list and run again."
                            )
                    obj.save(update_fields=fields)
                    total += 1
        # Files cannot join the transaction: each is replaced whole, and every configured key still
        # opens it, so a run that stops halfway can simply be repeated.
        dateien = sum(storage.encrypt_in_place(name, rotate=True) for name in storage.private_files()) if storage else 0
        protokolliere(
            None, AuditEintrag.Aktion.AENDERN, "schluesselwechsel", felder=[f"{total} records", f"{dateien} files"]
        )
        self.stdout.write(f"Re-encrypted {total} records and {dateien} private uploads.")
