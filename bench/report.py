"""Write bench/RESULTS.md from bench/work/results.json (called by bench/run.py)."""

import json
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
REFERENCE = """The reference, as given in the issue for this machine class (2 cores, `wrk -t2 -c8 -d15s`,
gunicorn with 2 sync workers, Django 5.2, Wagtail 7.4): Wagtail's *bakerydemo* serves its home page
at about 51 req/s on SQLite (p50 153 ms, p99 199 ms, 43 queries) and 41 req/s on PostgreSQL, with
about 107 MB worker RSS; nginx serves the same HTML as a static file at about 86,000 req/s and
whitenoise through gunicorn a CSS file at about 4,400 req/s. Those numbers were not measured in this
run; every ratio below is to the ceiling measured in the same run."""


def verdict(ok):
    return "met" if ok else "**missed**"


def table(rows):
    lines = [
        "| URL | req/s | p50 ms | p99 ms | queries | of whitenoise static | of nginx static | non-2xx |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {label} | {r['rps']:,.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {queries} | {r['rps'] / wn:.1%} | "
        f"{r['rps'] / ng:.2%} | {r['errors']} |"
        for label, r, queries, wn, ng in rows
    ]
    return lines


def database_section(name, data):
    wn = data["ceiling"]["whitenoise static"]["rps"]
    ng = data["ceiling"]["nginx static"]["rps"]
    counts = data["queries"]["counts"]
    lines = [f"## {name}", ""]
    lines += ["### Ceiling (the home page's HTML as a static file, same run)", ""]
    lines += table([(label, r, "–", wn, ng) for label, r in data["ceiling"].items()])
    lines += [
        "",
        "### Uncached (page cache off: every request renders)",
        "",
        "Every request is routed and its template rendered; what is kept per content generation"
        " (routes, menus, restricted sections, filter facets, dates, rendered fragments, search results of a"
        ' query asked before; docs/deploy.md, "Page cache") is in use, as in production. The first search for'
        ' a query after a publish ranks it afresh: see "Cold".',
        "",
    ]
    lines += table([(label, r, counts.get(label, "–"), wn, ng) for label, r in data["uncached"].items()])
    lines += mix_section(data) + cold_section(data)
    lines += ["", "### Anonymous pages from the page cache (gunicorn) and behind the nginx front", ""]
    lines += table([(label, r, "0", wn, ng) for label, r in data["cached"].items()])
    feed = data["queries"]["feed_uncached_ms"]
    lines += [
        "",
        f"Worker RSS after the runs: {data['rss_uncached_mb']:.0f} MB (uncached server), "
        f"{data['rss_cached_mb']:.0f} MB (page-cache server), the larger of the two workers each time.",
        f"`feed.ics` built uncached (feed cache invalidated before each of 7 requests, in-process, with the "
        f"worker's garbage-collector set-up from portal/wsgi.py): "
        f"median {feed['median']:.0f} ms, max {feed['max']:.0f} ms.",
        "",
    ]
    return lines


def mix_section(data):
    mix = data.get("mix")
    if not mix:
        return []
    lines = [
        "",
        "### URL mix (page cache off)",
        "",
        f"wrk rotates over {mix['urls']} distinct public URLs (bench/work/mix-urls.txt, written by bench/urls.py): "
        "offers, events and news in every language, the overviews, filtered offer finders, the month calendar "
        "and searches. Nothing comes from the page cache; what is kept per content generation (routes, "
        "menus, restricted sections, facets, dates, rendered fragments) is in use, as in production.",
        "",
        "| URLs | req/s | p50 ms | p99 ms | non-2xx |",
        "|---:|---:|---:|---:|---:|",
        f"| {mix['urls']} | {mix['rps']:,.0f} | {mix['p50']:.1f} | {mix['p99']:.1f} | {mix['errors']} |",
    ]
    return lines


def cold_section(data):
    cold = data.get("cold")
    if not cold:
        return []
    counts = data["queries"].get("cold_counts", {})
    unprepared = data.get("cold_unprepared", {})
    prepare = data.get("cold_prepare_ms")
    lines = [
        "",
        "### Cold: the first request after a publish",
        "",
        "The server has served each page type before (as a running server has; templates compiled, views "
        "imported). Then before each request a new content generation starts, as a publish does, and the "
        "publishing request computes what most pages need (the dates of events) after its response has "
        "left (`pagecache.prepare_kept`); nothing else is kept for the new generation in Redis or in the "
        'workers, so the page is routed, queried and rendered from scratch (page cache off). "Nothing '
        'prepared": the same without that step, as after a change made outside a request (a management '
        "command) or a request that reaches the other worker before the publishing one is done. Queries: "
        "the same first request, in-process (bench/queries.py).",
        "",
        "| Page | median ms | max ms | rounds | nothing prepared: median ms | max ms | queries |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, r in cold.items():
        u = unprepared.get(label)
        bare = f"{u['median']:.0f} | {u['max']:.0f}" if u else "– | –"
        lines.append(
            f"| {label} | {r['median']:.0f} | {r['max']:.0f} | {r['rounds']} | {bare} | {counts.get(label, '–')} |"
        )
    if prepare:
        lines += [
            "",
            f"Preparing after a publish (in the publishing worker, after its response): median "
            f"{prepare['median']:.0f} ms, max {prepare['max']:.0f} ms.",
        ]
    return lines


def targets(results):
    lines = ["## Targets", "", "| Target | Measured | |", "|---|---|---|"]
    for name, data in results["databases"].items():
        floor = 100 if name == "SQLite" else 80
        for label in ("home", "offer finder", "event list"):
            r = data["uncached"][label]
            ok = r["rps"] >= floor and r["p99"] <= 100
            lines.append(
                f"| {name}: uncached {label} ≥ {floor} req/s, p99 ≤ 100 ms | {r['rps']:.0f} req/s, "
                f"p99 {r['p99']:.0f} ms | {verdict(ok)} |"
            )
        searches = {label: r for label, r in data["uncached"].items() if label.startswith("search")}
        slowest = max(searches, key=lambda label: searches[label]["p50"])
        lines.append(
            f"| {name}: search p50 ≤ 50 ms | slowest ({slowest}) p50 {searches[slowest]['p50']:.0f} ms, "
            f"{searches[slowest]['rps']:.0f} req/s | {verdict(searches[slowest]['p50'] <= 50)} |"
        )
        worst = max(data["queries"]["counts"].items(), key=lambda item: item[1])
        lines.append(f"| {name}: ≤ 15 queries per page | at most {worst[1]} ({worst[0]}) | {verdict(worst[1] <= 15)} |")
        if data["queries"].get("cold_counts"):
            worst = max(data["queries"]["cold_counts"].items(), key=lambda item: item[1])
            lines.append(
                f"| {name}: ≤ 15 queries per page, cold (first request after a publish) | at most {worst[1]} "
                f"({worst[0]}) | {verdict(worst[1] <= 15)} |"
            )
        if "mix" in data:
            floor = 240 if name == "SQLite" else 200
            mix = data["mix"]
            ok = mix["rps"] >= floor and mix["p99"] <= 100 and mix["errors"] == 0
            lines.append(
                f"| {name}: URL mix ({mix['urls']} URLs, page cache off) ≥ {floor} req/s, p99 ≤ 100 ms | "
                f"{mix['rps']:.0f} req/s, p99 {mix['p99']:.0f} ms, {mix['errors']} non-2xx | {verdict(ok)} |"
            )
        if "cold" in data:
            slowest = max(data["cold"], key=lambda label: data["cold"][label]["max"])
            worst_ms = data["cold"][slowest]["max"]
            lines.append(
                f"| {name}: first request after a publish ≤ 200 ms, every page type | slowest {slowest}: max "
                f"{worst_ms:.0f} ms | {verdict(worst_ms <= 200)} |"
            )
        wn = data["ceiling"]["whitenoise static"]["rps"]
        pages = {label: r for label, r in data["cached"].items() if "nginx" not in label and "feed" not in label}
        slowest = min(pages, key=lambda label: pages[label]["rps"])
        cached = pages[slowest]["rps"]
        feed = data["cached"]["events feed.ics"]["rps"]
        lines.append(
            f"| {name}: pages from the page cache ≥ 50% of whitenoise static | slowest page ({slowest}) {cached:.0f} "
            f"of {wn:.0f} req/s ({cached / wn:.0%}); the feed, 2,000 events in one response, {feed:.0f} req/s "
            f"({feed / wn:.0%}) | {verdict(cached >= wn / 2)} |"
        )
        ng = data["ceiling"]["nginx static"]["rps"]
        front = data["cached"]["home behind nginx"]["rps"]
        lines.append(
            f"| {name}: behind nginx ≥ 50% of nginx static | {front:.0f} of {ng:.0f} req/s ({front / ng:.0%}) | "
            f"{verdict(front >= ng / 2)} |"
        )
        signed_in = [data["uncached"][label] for label in data["uncached"] if "(" in label]
        worst_p99 = max(r["p99"] for r in signed_in)
        lines.append(f"| {name}: signed-in p99 ≤ 200 ms | worst p99 {worst_p99:.0f} ms | {verdict(worst_p99 <= 200)} |")
        feed = data["queries"]["feed_uncached_ms"]["max"]
        lines.append(
            f"| {name}: `feed.ics`, 2,000 events, ≤ 300 ms uncached | max {feed:.0f} ms | {verdict(feed <= 300)} |"
        )
        rss = max(data["rss_uncached_mb"], data["rss_cached_mb"])
        lines.append(f"| {name}: worker RSS ≤ 200 MB | {rss:.0f} MB | {verdict(rss <= 200)} |")
    return lines


def main(path):
    results = json.loads(Path(path).read_text())
    m = results["machine"]
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (bench/run.py); do not edit by hand.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB"
        + (f" (a pure-Python loop of 10 million additions: {m['python_loop_s']} s)" if "python_loop_s" in m else "")
        + f"; {m['os']}; Python {m['python']}, "
        f"Django {m['django']}, Wagtail {m['wagtail']}, PostgreSQL {m['postgres']}, nginx {m['nginx']}, Redis on "
        "loopback. gunicorn with production settings, 2 sync workers, bound to 127.0.0.1; "
        f"load `wrk -t2 -c{results['connections']} -d{results['duration']}` from the same machine (so wrk "
        "takes CPU from the server), each single URL after a 2 s warm-up that is not counted (the first "
        'request a worker serves compiles templates; first requests are timed in "Cold"). '
        "Data: 2,000 events (100 recurring), 300 offers, 200 news, 500 volunteers, "
        "1,000 shifts, 2,000 cases, 500 members on top of the demo content (`manage.py seed_bench`).",
        "",
        REFERENCE,
        "",
    ]
    lines += targets(results)
    lines.append("")
    for name, data in results["databases"].items():
        lines += database_section(name, data)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"Wrote {RESULTS}")


if __name__ == "__main__":
    main(sys.argv[1])
