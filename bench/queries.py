"""SQL queries per request for the benchmark's URLs, cold (the first request after a publish) and warm
(the next one), and the feed's uncached build time (JSON)."""

import json
import statistics
import sys
import time

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

import portal.wsgi  # noqa: E402, F401 - the worker's garbage-collector set-up (gc.freeze), as gunicorn loads it
from portal.pagecache import invalidate  # noqa: E402

settings.PORTAL_PAGE_CACHE_SECONDS = 0
COLD_BUDGET = 15
counts, cold_counts, over_budget = {}, {}, {}
samples = json.loads(sys.argv[1])
# A running server has served each page type before: what a process keeps for its whole life
# (content types, compiled templates) is not part of the first request after a publish. The warm-up
# starts a generation of its own, so that it computes rather than finds what an earlier process kept.
invalidate()
for _label, path, session in samples:
    client = Client(HTTP_HOST="127.0.0.1")
    if session:
        client.cookies[settings.SESSION_COOKIE_NAME] = session
    client.get(path)
for label, path, session in samples:
    client = Client(HTTP_HOST="127.0.0.1")
    if session:
        client.cookies[settings.SESSION_COOKIE_NAME] = session
    invalidate()  # as a publish does: nothing is kept for the new content generation
    with CaptureQueriesContext(connection) as cold:
        client.get(path)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    assert status == 200, f"{path} answered {status}"
    counts[label] = len(queries.captured_queries)
    cold_counts[label] = len(cold.captured_queries)
    if len(cold.captured_queries) > COLD_BUDGET:
        # What a request over the budget asked, for bench/work/cold-over-budget.txt.
        over_budget[label] = [query["sql"] for query in cold.captured_queries]

client = Client(HTTP_HOST="127.0.0.1")
timings = []
for _ in range(7):
    invalidate()
    started = time.perf_counter()
    assert client.get("/de/veranstaltungen/ical/").status_code == 200
    timings.append((time.perf_counter() - started) * 1000)
print(
    json.dumps(
        {
            "counts": counts,
            "cold_counts": cold_counts,
            "cold_over_budget": over_budget,
            "feed_uncached_ms": {"median": statistics.median(timings), "max": max(timings)},
        }
    )
)
