"""deploy/backup.sh and deploy/restore.sh: a backup restored into a fresh database has the data,
encrypted fields included, and the media files. Runs on PostgreSQL (the production database)."""

import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection
from django.utils import timezone

from portal.models import Generation, User
from portal.pagecache import start_new_generation
from portal.storage import decrypt
from stellen.models import Bewerbung

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="backups are of the PostgreSQL database"),
]

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def url(settings_dict, name=None):
    user = settings_dict.get("USER") or "postgres"
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{host}:{port}/{name or settings_dict['NAME']}"


@pytest.fixture
def fresh_database():
    name = f"portal_restore_{uuid.uuid4().hex[:8]}"
    admin = url(connection.settings_dict, "postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_into_a_fresh_database(tmp_path, fresh_database):
    User.objects.create_user(email="sicherung@example.org", password="x")
    start_new_generation()
    backed_up_generation = Generation.objects.get().token
    bewerbung = Bewerbung.objects.create(
        stelle_titel="Bauhof",
        bereich="bauhof",
        sprache="ar",
        vorname="Samir",
        nachname="Haddad",
        email="s@example.org",
        sprachen="Arabisch",
        qualifikationen="Gärtner",
        lebenslauf=ContentFile(b"%PDF-1.4 cv %%EOF", "cv.pdf"),
        einwilligung_am=timezone.now(),
    )
    environment = {"PATH": "/usr/bin:/bin", "DATABASE_URL": url(connection.settings_dict)}
    environment["MEDIA_ROOT"] = str(settings.MEDIA_ROOT)
    backup = subprocess.run(
        [DEPLOY / "backup.sh", tmp_path / "backups"], env=environment, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert {p.name for p in Path(backup).iterdir()} == {"database.dump", "media.tar.gz", "SHA256SUMS"}

    restored_media = tmp_path / "restored-media"
    environment.update(DATABASE_URL=url(connection.settings_dict, fresh_database), MEDIA_ROOT=str(restored_media))
    environment.update(PYTHON=sys.executable, DJANGO_SETTINGS_MODULE="portal.settings.test")
    subprocess.run([DEPLOY / "restore.sh", backup], env=environment, capture_output=True, text=True, check=True)

    with psycopg.connect(url(connection.settings_dict, fresh_database)) as restored:
        assert restored.execute("SELECT 1 FROM portal_user WHERE email = 'sicherung@example.org'").fetchone()
        nachname, lebenslauf = restored.execute(
            "SELECT nachname, lebenslauf FROM personal_bewerbung WHERE id = %s", [bewerbung.pk]
        ).fetchone()
        # A new content generation: nothing kept after the backup is served from the restored site.
        (generation,) = restored.execute("SELECT token FROM portal_generation").fetchone()
    assert generation != backed_up_generation
    assert nachname != "Haddad"  # encrypted at rest ...
    field = Bewerbung._meta.get_field("nachname")
    assert field.from_db_value(nachname, None, connection) == "Haddad"  # ... and readable with the same keys
    stored = (restored_media / lebenslauf).read_bytes()
    assert b"%PDF" not in stored  # the backup holds only ciphertext of the CV ...
    assert decrypt(stored) == b"%PDF-1.4 cv %%EOF"  # ... which the same keys open


def test_a_tampered_backup_is_refused(tmp_path, fresh_database):
    (tmp_path / "media").mkdir()
    environment = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": url(connection.settings_dict),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    backup = subprocess.run(
        [DEPLOY / "backup.sh", tmp_path], env=environment, capture_output=True, text=True, check=True
    ).stdout.strip()
    with open(Path(backup) / "database.dump", "ab") as dump:
        dump.write(b"x")
    environment.update(DATABASE_URL=url(connection.settings_dict, fresh_database), MEDIA_ROOT=str(tmp_path / "new"))
    result = subprocess.run([DEPLOY / "restore.sh", backup], env=environment, capture_output=True, text=True)
    assert result.returncode != 0 and "FAILED" in result.stdout + result.stderr


def test_restoring_over_existing_data_is_refused(tmp_path):
    (tmp_path / "media").mkdir()
    environment = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": url(connection.settings_dict),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    backup = subprocess.run(
        [DEPLOY / "backup.sh", tmp_path / "b"], env=environment, capture_output=True, text=True, check=True
    ).stdout.strip()
    result = subprocess.run([DEPLOY / "restore.sh", backup], env=environment, capture_output=True, text=True)
    assert result.returncode != 0 and "not empty" in result.stderr


def test_a_backup_without_media_folder_is_refused(tmp_path):
    environment = {"PATH": "/usr/bin:/bin", "DATABASE_URL": url(connection.settings_dict)}
    result = subprocess.run([DEPLOY / "backup.sh", tmp_path], env=environment, capture_output=True, text=True)
    assert result.returncode != 0 and "MEDIA_ROOT" in result.stderr
