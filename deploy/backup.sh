#!/usr/bin/env bash
# Back up the portal: the PostgreSQL database (pg_dump, custom format) and the media folder.
#
# The password belongs in ~/.pgpass (mode 600), not in DATABASE_URL: command lines are visible
# to other local users.
#
#   DATABASE_URL=postgres://user@host:5432/portal MEDIA_ROOT=/srv/portal/media \
#     deploy/backup.sh /srv/backups
#
# Writes /srv/backups/portal-YYYYmmdd-HHMMSS/{database.dump,media.tar.gz,SHA256SUMS} and prints
# the directory. Media holds uploaded documents and private uploads (CVs, photos): keep the
# backups as protected as the server itself (encrypted storage, restricted access).
set -euo pipefail
umask 077

target_root="${1:?usage: backup.sh BACKUP_ROOT}"
: "${DATABASE_URL:?DATABASE_URL must point to the PostgreSQL database of the portal}"
media_root="${MEDIA_ROOT:?MEDIA_ROOT must name the media folder (uploads are part of the backup)}"
[ -d "$media_root" ] || { echo "MEDIA_ROOT $media_root is not a directory" >&2; exit 1; }

stamp="$(date -u +%Y%m%d-%H%M%S)"
target="${target_root%/}/portal-${stamp}"
mkdir -p "$target"

pg_dump --format=custom --no-owner --no-privileges --file="$target/database.dump" "$DATABASE_URL"
tar --create --gzip --file="$target/media.tar.gz" --directory="$media_root" .
(cd "$target" && sha256sum database.dump media.tar.gz > SHA256SUMS)
echo "$target"
