"""Renaming an event's `start`/`end` to `beginn`/`ende` (and a moved date's `neuer_start` to
`neuer_beginn`) keeps every date: in the page's columns, in its revisions (the published one and a
draft saved before the rename), in the source of its translations and in comments on the fields."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import Comment, Revision
from wagtail_localize.models import TranslationSource

from tests.factories import UserFactory, VeranstaltungenIndexPageFactory, VeranstaltungPageFactory
from veranstaltungen import recurrence
from veranstaltungen.models import VeranstaltungPage, Verschiebung

BEFORE = [("veranstaltungen", "0003_anmeldung")]


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=recurrence.BERLIN)


def stored(value):
    """A date-time as a revision's JSON holds it."""
    return datetime.datetime.fromisoformat(value)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_rename_keeps_the_dates_of_the_page_its_revisions_and_translations(site_pages, client):
    index = VeranstaltungenIndexPageFactory(parent=site_pages.home)
    day = timezone.localdate() + datetime.timedelta(days=10)
    moved_day = day + datetime.timedelta(days=7)
    event = VeranstaltungPageFactory(
        parent=index,
        slug="sprachcafe",
        title="Sprachcafé",
        beginn=at(day, 18),
        ende=at(day, 20),
        wiederholung=recurrence.WEEKLY,
        anzahl=6,
    )
    event.verschiebungen = [Verschiebung(datum=moved_day, neuer_beginn=at(moved_day, 17), neues_ende=at(moved_day, 19))]
    published = event.save_revision()
    published.publish()
    source, _created = TranslationSource.get_or_create_from_instance(event)
    comment = Comment.objects.create(page=event, user=UserFactory(), text="Stimmt die Uhrzeit?", contentpath="beginn")
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps
        # Stored as before the rename: columns, revisions, translation source and comment by the old names.
        old_event = old.get_model("veranstaltungen", "VeranstaltungPage").objects.get(pk=event.pk)
        assert (old_event.start, old_event.end) == (at(day, 18), at(day, 20))
        OldRevision = old.get_model("wagtailcore", "Revision")
        content = OldRevision.objects.get(pk=published.pk).content
        assert "beginn" not in content and stored(content["start"]) == at(day, 18)
        assert stored(content["verschiebungen"][0]["neuer_start"]) == at(moved_day, 17)
        OldSource = old.get_model("wagtail_localize", "TranslationSource")
        assert '"start"' in OldSource.objects.get(pk=source.pk).content_json
        OldSource.objects.filter(pk=source.pk).update(schema_version="0003_anmeldung")
        assert old.get_model("wagtailcore", "Comment").objects.get(pk=comment.pk).contentpath == "start"
        # A draft saved before the rename: the date an hour later, the moved date half an hour later.
        draft_content = dict(content, start=at(day, 19).isoformat(), end=at(day, 21).isoformat())
        draft_content["verschiebungen"] = [
            dict(content["verschiebungen"][0], neuer_start=at(moved_day, 17, 30).isoformat())
        ]
        draft = OldRevision.objects.create(
            content_type_id=published.content_type_id,
            base_content_type_id=published.base_content_type_id,
            object_id=str(event.pk),
            content=draft_content,
            object_str=event.title,
            created_at=timezone.now(),
        )
        old.get_model("wagtailcore", "Page").objects.filter(pk=event.pk).update(
            latest_revision_id=draft.pk, has_unpublished_changes=True
        )
    finally:  # whatever happens, the tests after this one find the current schema
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        ContentType.objects.clear_cache()

    event = VeranstaltungPage.objects.get(pk=event.pk)
    assert (event.beginn, event.ende) == (at(day, 18), at(day, 20))
    assert [(v.datum, v.neuer_beginn, v.neues_ende) for v in event.verschiebungen.all()] == [
        (moved_day, at(moved_day, 17), at(moved_day, 19))
    ]
    live = Revision.objects.get(pk=published.pk)
    assert "start" not in live.content and live.as_object().beginn == at(day, 18)
    assert live.as_object().verschiebungen.get().neuer_beginn == at(moved_day, 17)
    saved = event.latest_revision.as_object()
    assert (saved.beginn, saved.ende) == (at(day, 19), at(day, 21))
    assert saved.verschiebungen.get().neuer_beginn == at(moved_day, 17, 30)
    source.refresh_from_db()
    translated = source.as_instance()
    assert (translated.beginn, translated.ende) == (at(day, 18), at(day, 20))
    assert translated.verschiebungen.get().neuer_beginn == at(moved_day, 17)
    assert source.schema_version == "0004_beginn_ende"
    assert Comment.objects.get(pk=comment.pk).contentpath == "beginn"

    # The draft saved before the rename publishes, and the page shows its dates.
    event.latest_revision.publish()
    event = VeranstaltungPage.objects.get(pk=event.pk)
    assert (event.beginn, event.ende, event.has_unpublished_changes) == (at(day, 19), at(day, 21), False)
    assert event.verschiebungen.get().neuer_beginn == at(moved_day, 17, 30)
    page = client.get(event.url)
    assert page.status_code == 200 and "19:00" in page.content.decode() and "17:30" in page.content.decode()
