"""The portal's file storage (`STORAGES["default"]`): private uploads encrypted at rest, documents
under random names.

- Every file under `PORTAL_PRIVATE_UPLOAD_DIR` (CVs, photos of furniture donations and flats) is
  encrypted with the keys of the encrypted fields (`SECRET_KEY`/`SECRET_KEY_FALLBACKS` and
  `SALT_KEY`, derived by django-fernet-encrypted-fields), written with mode 0600 and decrypted only
  when a permission-checked view opens it. Backups of the media folder hold only ciphertext.
  `manage.py encrypt_private_uploads` encrypts files stored before, `manage.py reencrypt_case_data`
  re-encrypts them with the first key after a key change.
- Uploaded documents (`documents/`, Wagtail's document folder) are stored under a random name:
  their URLs cannot be guessed from the original file name. Their title stays as typed.
"""

import contextlib
import functools
import logging
import os
import posixpath
import re
import shutil
import tempfile
import time
import uuid

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedTextField

logger = logging.getLogger(__name__)

# What an encrypted file starts with; a file without it was stored before encryption.
HEADER = b"PORTAL-ENCRYPTED-1\n"
PRIVATE_FILE_MODE = 0o600
DOCUMENTS_DIR = "documents"

# The extension a private upload gets, from the type the form detected (never from the file name).
EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


def private_upload_name(folder, content_type):
    """A random name for a private upload in `folder`, its extension from the detected `content_type`."""
    extension = EXTENSIONS.get(content_type, "bin")
    return f"{settings.PORTAL_PRIVATE_UPLOAD_DIR}/{folder}/{uuid.uuid4().hex}.{extension}"


@functools.lru_cache(maxsize=4)
def _fernet(_secret_keys, _salts):
    # The arguments are the settings the keys come from: a changed setting derives new keys.
    return MultiFernet([Fernet(key) for key in EncryptedTextField().keys])


def fernet():
    """The encrypted fields' keys: the first encrypts, all decrypt."""
    salts = settings.SALT_KEY if isinstance(settings.SALT_KEY, list) else [settings.SALT_KEY]
    secret_keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return _fernet(tuple(secret_keys), tuple(salts))


def encrypt(data):
    return HEADER + fernet().encrypt(data)


def decrypt(data):
    """The plaintext of a stored file; a file stored before encryption is returned as it is."""
    if not data.startswith(HEADER):
        return data
    return fernet().decrypt(data[len(HEADER) :])


class PortalStorage(FileSystemStorage):
    """The media folder; see the module's docstring."""

    def is_private(self, name):
        return name.replace("\\", "/").startswith(settings.PORTAL_PRIVATE_UPLOAD_DIR.rstrip("/") + "/")

    def generate_filename(self, filename):
        directory, basename = posixpath.split(filename.replace("\\", "/"))
        if directory == DOCUMENTS_DIR:
            extension = os.path.splitext(basename)[1].lower()
            if not re.fullmatch(r"\.[a-z0-9]{1,10}", extension):
                extension = ""
            filename = f"{DOCUMENTS_DIR}/{uuid.uuid4().hex}{extension}"
        return super().generate_filename(filename)

    def _save(self, name, content):
        if not self.is_private(name):
            return super()._save(name, content)
        content.seek(0)
        data = encrypt(content.read())
        os.makedirs(os.path.dirname(self.path(name)), exist_ok=True)
        while True:
            try:  # created here (never an existing file), so a failed write removes only its own file
                handle = os.open(self.path(name), os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
            except FileExistsError:
                name = self.get_available_name(name)
            else:
                break
        try:  # a full disk or a folder made read-only leaves no truncated file behind
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(self.path(name), PRIVATE_FILE_MODE)
        except BaseException:
            with contextlib.suppress(OSError):
                os.remove(self.path(name))
            raise
        return name.replace("\\", "/")

    def _open(self, name, mode="rb"):
        if not self.is_private(name):
            return super()._open(name, mode)
        if mode not in ("r", "rb"):
            raise ValueError("Private files are written with save(), never opened for writing.")
        with super()._open(name, "rb") as stored:
            data = decrypt(stored.read())
        return File(ContentFile(data), name=name)

    def size(self, name):
        if not self.is_private(name):
            return super().size(name)
        with self.open(name) as file:
            return len(file.read())

    # Existing files: encrypting those stored before, re-encrypting after a key change.

    def private_files(self):
        """The names of every file under the private upload folder."""
        root = self.path(settings.PORTAL_PRIVATE_UPLOAD_DIR)
        for directory, _dirs, files in os.walk(root):
            for filename in sorted(files):
                if filename.startswith(".portal-"):  # an interrupted rewrite
                    continue
                path = os.path.join(directory, filename)
                yield os.path.relpath(path, self.location).replace(os.sep, "/")

    def unreadable_private_files(self):
        """Encrypted files none of the configured keys opens."""
        unreadable = []
        for name in self.private_files():
            with open(self.path(name), "rb") as stored:
                data = stored.read()
            try:
                decrypt(data)
            except InvalidToken:
                unreadable.append(name)
        return unreadable

    def encrypt_in_place(self, name, rotate=False):
        """Encrypt a file stored in plaintext (True), or leave an encrypted one as it is (False);
        with `rotate`, an encrypted one is encrypted again with the first key (True)."""
        path = self.path(name)
        with open(path, "rb") as stored:
            data = stored.read()
        if data.startswith(HEADER):
            if not rotate:
                os.chmod(path, PRIVATE_FILE_MODE)
                return False
            new = HEADER + fernet().rotate(data[len(HEADER) :])
        else:
            new = encrypt(data)
        # Written next to the file and renamed over it: the file is never half written.
        handle, temporary = tempfile.mkstemp(prefix=".portal-", dir=os.path.dirname(path))
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(new)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, PRIVATE_FILE_MODE)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.remove(temporary)
            raise
        return True


def referenced_files():
    """Every file name a file field of an installed model holds."""
    names = set()
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                rows = model._base_manager.exclude(**{field.attname: ""}).exclude(**{f"{field.attname}__isnull": True})
                names.update(rows.values_list(field.attname, flat=True).iterator())
    return names


def delete_orphaned_private_files(hours):
    """Delete the files under the private upload folder that no record names (left by a worker killed
    while storing, or by a disk that filled up) and that are older than `hours`, so that an upload
    still being stored is kept. Every model's file fields count, so no app can forget to name its
    files. Returns how many were deleted."""
    storage = portal_storage()
    if storage is None:
        return 0
    cutoff = time.time() - hours * 3600
    old = []
    for directory, _dirs, files in os.walk(storage.path(settings.PORTAL_PRIVATE_UPLOAD_DIR)):
        for filename in files:
            path = os.path.join(directory, filename)
            with contextlib.suppress(FileNotFoundError):
                if os.lstat(path).st_mtime < cutoff:
                    old.append((path, os.path.relpath(path, storage.location).replace(os.sep, "/")))
    referenced = referenced_files() if old else set()  # after listing: a file stored meanwhile is newer
    deleted = 0
    for path, name in old:
        if name not in referenced:
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)
                deleted += 1
    return deleted


def media_has_room():
    """Whether MEDIA_ROOT takes a new file (one is written and deleted) and has at least
    `PORTAL_MEDIA_MIN_FREE_MB` free."""
    root = str(settings.MEDIA_ROOT)
    try:
        os.makedirs(root, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=root, prefix=".healthz-") as probe:
            probe.write(b"ok")
            probe.flush()
            os.fsync(probe.fileno())
        free = shutil.disk_usage(root).free
    except OSError:
        return False
    return free >= settings.PORTAL_MEDIA_MIN_FREE_MB * 1024 * 1024


def portal_storage():
    """The default storage if it is the portal's (it is unless the settings name another)."""
    return default_storage if isinstance(default_storage, PortalStorage) else None


@contextlib.contextmanager
def atomic_with_files(field):
    """Store a submission and its uploaded files together. The block gets a list and appends the
    name of every file it stores; if storing fails, the rows are rolled back, the files already
    written are deleted, and a `ValidationError` for the form's `field` says so (the public forms
    show it at the field, with everything typed kept)."""
    written = []
    try:
        with transaction.atomic():
            yield written
    except BaseException as error:
        for name in written:
            with contextlib.suppress(OSError):
                default_storage.delete(name)
        if not isinstance(error, OSError | SuspiciousFileOperation):
            raise
        logger.exception("An upload could not be stored; nothing of the submission was kept.")
        raise ValidationError(
            {field: _("This file could not be stored. Please send the form again, or without the file.")}
        ) from error


def save_with_photos(record, uploads, photo_of):
    """Save `record` (a public submission) and one photo row per upload, `photo_of(upload)` giving the
    unsaved row, as one unit (see `atomic_with_files`; errors land at the form's field "fotos")."""
    with atomic_with_files("fotos") as written:
        record.save()
        for upload in uploads:
            foto = photo_of(upload)
            foto.datei.save(upload.name, upload, save=False)
            written.append(foto.datei.name)
            foto.save()
