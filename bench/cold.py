"""The first request of each page type after a publish, timed against the running gunicorn (JSON).

Each page is first requested a few times (each worker has served it); then each round starts a
new content generation, as a publish does: the workers' own copies are stale and nothing is kept in
Redis for it, except what the publishing request computes after its response has left
(`pagecache.prepare_kept`, timed here as it runs in this process). So the page is routed, queried and
rendered from scratch. The same is timed once more without that preparation: a change made outside
a request (a management command), or a request that reaches the other worker before it is done.
Usage: cold.py BASE_URL ROUNDS '[[label, path], ...]'
"""

import json
import statistics
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import django

django.setup()

from portal.pagecache import invalidate, prepare_kept  # noqa: E402


def first_request_ms(url):
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback
        response.read()
        status = response.status
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        raise SystemExit(f"{url} answered {status}")
    return elapsed


def main(base, rounds, pages):
    # A running server has served every page type in both workers before a publish: compiling the
    # templates and importing the views on a worker's first request of a type is start-up, not
    # what a publish costs (as in bench/queries.py).
    # Two requests at once, so that each of the two workers takes one. A generation of its own, so
    # that the workers compute rather than find what was kept before.
    invalidate()
    with ThreadPoolExecutor(max_workers=2) as pool:
        for _label, path in pages:
            for _ in range(3):
                list(pool.map(first_request_ms, [base + path] * 2))
    timings = {label: [] for label, _path in pages}
    unprepared = {label: [] for label, _path in pages}
    preparing = []
    for _ in range(rounds):
        for label, path in pages:
            invalidate()
            started = time.perf_counter()
            prepare_kept()
            preparing.append((time.perf_counter() - started) * 1000)
            timings[label].append(first_request_ms(base + path))
            time.sleep(0.2)  # the request's after-work (logging) does not overlap the next one
            invalidate()
            unprepared[label].append(first_request_ms(base + path))
            time.sleep(0.2)
    print(
        json.dumps(
            {
                "pages": {label: summary(values) for label, values in timings.items()},
                "unprepared": {label: summary(values) for label, values in unprepared.items()},
                "prepare_ms": summary(preparing),
            }
        )
    )


def summary(values):
    return {"median": statistics.median(values), "max": max(values), "rounds": len(values)}


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3]))
