"""Encrypt the private uploads stored before encryption (CVs, photos of furniture donations and flats).

Idempotent: a file that is already encrypted (it starts with portal.storage.HEADER) is left as it
is. Run once after updating to a release that encrypts uploads; afterwards the media folder and
its backups hold only ciphertext. Key rotation: `reencrypt_case_data` re-encrypts these files too.
"""

from django.core.management.base import BaseCommand, CommandError

from portal.storage import portal_storage


class Command(BaseCommand):
    help = "Encrypt private uploads stored in plaintext; already encrypted files are left as they are."

    def handle(self, *args, **options):
        storage = portal_storage()
        if storage is None:
            raise CommandError("The default storage is not portal.storage.PortalStorage: nothing was changed.")
        encrypted = kept = 0
        for name in storage.private_files():
            if storage.encrypt_in_place(name):
                encrypted += 1
            else:
                kept += 1
        self.stdout.write(f"Encrypted {encrypted} private uploads; {kept} were encrypted already.")
