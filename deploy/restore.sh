#!/usr/bin/env bash
# Restore a backup written by deploy/backup.sh into an EMPTY database and an empty media folder.
#
#   sudo -u postgres createdb -O portal portal_restored
#   set -a; . /srv/portal/env; set +a
#   DATABASE_URL=postgres://portal@host:5432/portal_restored MEDIA_ROOT=/srv/portal/media-restored \
#     deploy/restore.sh /srv/backups/portal-20261125-030000
#
# Stop gunicorn and cron first when restoring for the live site, then point DATABASE_URL and
# MEDIA_ROOT of the site at the restored ones. The checksums are verified first; the database is
# restored in one transaction (all or nothing). A non-empty database or media folder is refused:
# leftovers would survive the restore (tables of newer migrations, files without a record).
# Run `manage.py migrate` afterwards if the code is newer than the backup.
# Last, it starts a new content generation (`manage.py new_generation`, with the site's environment,
# PYTHON defaults to /srv/portal/venv/bin/python): nothing the cache kept from after the backup is
# served from the restored site.
set -euo pipefail

source_dir="${1:?usage: restore.sh BACKUP_DIR}"
: "${DATABASE_URL:?DATABASE_URL must point to the empty database to restore into}"
media_root="${MEDIA_ROOT:?MEDIA_ROOT must name an empty or new folder for the media}"

(cd "$source_dir" && sha256sum --check --quiet SHA256SUMS)
tables="$(psql --no-psqlrc --tuples-only --no-align --dbname="$DATABASE_URL" \
    --command="SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")"
if [ "$tables" != "0" ]; then
    echo "The database is not empty ($tables tables): restore into a new, empty database." >&2
    exit 1
fi
if [ -d "$media_root" ] && [ -n "$(ls -A "$media_root")" ]; then
    echo "MEDIA_ROOT $media_root is not empty: restore into a new, empty folder." >&2
    exit 1
fi
pg_restore --single-transaction --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" \
    "$source_dir/database.dump"
mkdir -p "$media_root"
tar --extract --gzip --file="$source_dir/media.tar.gz" --directory="$media_root"
"${PYTHON:-/srv/portal/venv/bin/python}" "$(dirname "$0")/../manage.py" new_generation \
    --settings="${DJANGO_SETTINGS_MODULE:-portal.settings.production}"
echo "Restored $source_dir"
