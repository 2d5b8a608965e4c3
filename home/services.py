"""Writes of the start page's app: what the site search records."""

import logging

from django.db import DatabaseError
from django.db.models import F
from django.utils import timezone
from wagtail.search.utils import normalise_query_string

from portal.models import ErfolgloseSuche

logger = logging.getLogger(__name__)

MAX_RECORDED_LENGTH = 200


def record_search(query, language, *, found):
    """Count the search for the editors: every query as a hit of Wagtail's search promotions, and a
    query that found nothing per language and day. No person, address or time of day is kept.
    A failure is logged; the search answers anyway."""
    from wagtail.contrib.search_promotions.models import Query

    normalised = normalise_query_string(query)[:MAX_RECORDED_LENGTH]
    if not normalised:
        return
    try:
        _count(Query.objects.get_or_create(query_string=normalised)[0])
        if not found:
            today = timezone.localdate()
            rows = ErfolgloseSuche.objects.filter(sprache=language, suchbegriff=normalised, tag=today)
            if not rows.update(anzahl=F("anzahl") + 1):
                ErfolgloseSuche.objects.get_or_create(sprache=language, suchbegriff=normalised, tag=today)
                rows.update(anzahl=F("anzahl") + 1)
    except DatabaseError:
        logger.exception("Could not record a search")


def _count(query):
    """One more hit today for `query` (what `Query.add_hit` does, in one statement once the day's row exists)."""
    from wagtail.contrib.search_promotions.models import QueryDailyHits

    today = timezone.localdate()
    rows = QueryDailyHits.objects.filter(query=query, date=today)
    if not rows.update(hits=F("hits") + 1):
        QueryDailyHits.objects.get_or_create(query=query, date=today)
        rows.update(hits=F("hits") + 1)
