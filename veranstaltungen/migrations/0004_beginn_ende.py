"""An event's start and end are named as everywhere else: `beginn` and `ende` (and a moved date's
`neuer_beginn`). The columns are renamed; the page as Wagtail and wagtail-localize keep it as JSON
(its revisions, drafts and scheduled ones included, and the source of its translations) is rewritten
under the new names, so that no revision loses its dates and every one can still be published."""

import json

from django.db import migrations

PAGE = {"start": "beginn", "end": "ende"}
MOVE = {"neuer_start": "neuer_beginn"}
MOVES = "verschiebungen"  # the relation of the moved dates (Verschiebung.page)
COMMENTS = "wagtail_admin_comments"  # Wagtail's comments on a field, kept in each revision
# A translation source records the app's last migration when it was taken: one taken just before this
# migration fits the schema after it once rewritten (so editors are not warned of changed fields).
BEFORE, AFTER = "0003_anmeldung", "0004_beginn_ende"


def renamed_in(data, page_keys, move_keys):
    """Rename the keys of the serialized page `data` in place; True if any was renamed."""
    changed = False

    def rename(values, keys):
        nonlocal changed
        for old, new in keys.items():
            if old in values and new not in values:
                values[new] = values.pop(old)
                changed = True

    rename(data, page_keys)
    for move in data.get(MOVES) or []:
        if isinstance(move, dict):
            rename(move, move_keys)
    for comment in data.get(COMMENTS) or []:
        if isinstance(comment, dict) and comment.get("contentpath") in page_keys:
            comment["contentpath"] = page_keys[comment["contentpath"]]
            changed = True
    return changed


def rewrite(apps, page_keys, move_keys, schema_versions):
    ContentType = apps.get_model("contenttypes", "ContentType")
    event = ContentType.objects.filter(app_label="veranstaltungen", model="veranstaltungpage").first()
    if event is None:  # a new database: no event was ever saved
        return
    Revision = apps.get_model("wagtailcore", "Revision")
    ids = list(Revision.objects.filter(content_type_id=event.pk).order_by("pk").values_list("pk", flat=True))
    for first in range(0, len(ids), 500):  # each revision holds the event's whole body: 500 at a time
        changed = [
            revision
            for revision in Revision.objects.filter(pk__in=ids[first : first + 500]).only("pk", "content")
            if isinstance(revision.content, dict) and renamed_in(revision.content, page_keys, move_keys)
        ]
        Revision.objects.bulk_update(changed, ["content"])

    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    changed = []
    for source in TranslationSource.objects.filter(specific_content_type_id=event.pk):
        data = json.loads(source.content_json)
        if renamed_in(data, page_keys, move_keys):
            source.content_json = json.dumps(data)
            if source.schema_version == schema_versions[0]:
                source.schema_version = schema_versions[1]
            changed.append(source)
    TranslationSource.objects.bulk_update(changed, ["content_json", "schema_version"], batch_size=500)

    Comment = apps.get_model("wagtailcore", "Comment")
    for old, new in page_keys.items():
        Comment.objects.filter(page__content_type_id=event.pk, contentpath=old).update(contentpath=new)


def forwards(apps, schema_editor):
    rewrite(apps, PAGE, MOVE, (BEFORE, AFTER))


def backwards(apps, schema_editor):
    rewrite(apps, {new: old for old, new in PAGE.items()}, {new: old for old, new in MOVE.items()}, (AFTER, BEFORE))


class Migration(migrations.Migration):
    dependencies = [
        ("veranstaltungen", "0003_anmeldung"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RenameField(model_name="veranstaltungpage", old_name="start", new_name="beginn"),
        migrations.RenameField(model_name="veranstaltungpage", old_name="end", new_name="ende"),
        migrations.RenameField(model_name="verschiebung", old_name="neuer_start", new_name="neuer_beginn"),
        migrations.RunPython(forwards, backwards),
    ]
