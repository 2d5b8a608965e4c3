#!/usr/bin/env bash
# Restore a backup written by deploy/backup.sh into an (empty or existing) database and media folder.
#
#   DATABASE_URL=postgres://user@host:5432/portal_restored MEDIA_ROOT=/srv/portal/media \
#     deploy/restore.sh /srv/backups/portal-20261125-030000
#
# The checksums are verified first. Existing tables are replaced (pg_restore --clean); the media
# folder receives the backed-up files. Run `manage.py migrate` afterwards if the code is newer.
set -euo pipefail

source_dir="${1:?usage: restore.sh BACKUP_DIR}"
: "${DATABASE_URL:?DATABASE_URL must point to the database to restore into}"
media_root="${MEDIA_ROOT:-}"

(cd "$source_dir" && sha256sum --check --quiet SHA256SUMS)
pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" \
    "$source_dir/database.dump"
if [ -n "$media_root" ]; then
    mkdir -p "$media_root"
    tar --extract --gzip --file="$source_dir/media.tar.gz" --directory="$media_root"
fi
echo "Restored $source_dir"
