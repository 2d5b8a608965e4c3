"""`make bench`: load test of the portal under production settings, written to bench/RESULTS.md.

For each database (PostgreSQL, then SQLite) it builds the data volume (`seed_bench`), starts
gunicorn (2 sync workers, Redis cache, 127.0.0.1), drives it with wrk and measures, in the same
run, the ceiling: the home page's HTML as a static file through whitenoise and through nginx.
With the page cache off it also drives a mix of at least 500 distinct public URLs (a wrk Lua script
rotates over them), and times the first request of each page type after a publish (cold: a new
content generation, nothing kept). Every run is bounded (wrk -d); every server it starts is
stopped at the end.
"""

import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
PY = sys.executable
DURATION = os.environ.get("BENCH_DURATION", "15s")
WARM_UP = "2s"
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "8")
GUNICORN_PORT = 8765
NGINX_PORT = 8766
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
DATABASES = {
    "PostgreSQL": os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/portal_bench"),
    "SQLite": f"sqlite:///{WORK / 'bench.sqlite3'}",
}
# The dev key and salt: the demo's case data was encrypted with them, and the production
# settings must read it back. Loopback only; never a real deployment's secrets.
SECRETS = {
    "SECRET_KEY": "dev-only-insecure-key-never-use-in-production",
    "FIELD_ENCRYPTION_SALT": "dev-only-field-encryption-salt",
}

ANONYMOUS_URLS = [
    ("home", "/de/"),
    ("offer finder", "/de/angebote/"),
    ("offer finder, filtered", "/de/angebote/?bereich=wohnen&status=duldung&sprache=ar"),
    ("event list", "/de/veranstaltungen/"),
    ("month calendar", "/de/veranstaltungen/kalender/"),
    ("events feed.ics", "/de/veranstaltungen/ical/"),
    ("news index", "/de/aktuelles/"),
    ("search", "/de/suche/?q=Beratung"),
    ("search, typo", "/de/suche/?q=Beratunng%20Famiile"),
    ("search, Arabic", "/ar/suche/?q=%D8%AF%D9%88%D8%B1%D8%A9%20%D9%84%D8%BA%D8%A9"),
]
SIGNED_IN_URLS = [
    ("shift list (volunteer)", "/de/ehrenamt/schichten/", "Ehrenamt"),
    ("case list (case worker)", "/de/intern/faelle/", "Integrationsmanagement"),
]
UNCACHED_TARGET_PAGES = {"home", "offer finder", "event list"}
# Page types timed cold (the first request after a publish); offer, event and article come from the data.
COLD_PAGES = [(label, path) for label, path in ANONYMOUS_URLS if "/ical/" not in path]
COLD_ROUNDS = int(os.environ.get("BENCH_COLD_ROUNDS", "5"))
MIX_SCRIPT = """-- Rotates over the URLs in {urls}; each wrk thread starts at another place in the list.
local urls = {{}}
for line in io.lines("{urls}") do urls[#urls + 1] = line end
local threads = 0
function setup(thread)
    thread:set("offset", threads)
    threads = threads + 1
end
local position = 0
function init(args)
    position = (offset or 0) * math.floor(#urls / 2)
end
function request()
    position = position % #urls + 1
    return wrk.format("GET", urls[position])
end
"""


def env_for(database_url, **extra):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    return {**env, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT), **extra}


def production_env(database_url, page_cache_seconds):
    return env_for(
        database_url,
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        REDIS_URL=REDIS_URL,
        SECURE_SSL_REDIRECT="false",
        PAGE_CACHE_SECONDS=str(page_cache_seconds),
        **SECRETS,
    )


def manage(env, *args):
    subprocess.run([PY, str(ROOT / "manage.py"), *args], env=env, check=True, cwd=ROOT)


def prepare(name, database_url):
    if name == "PostgreSQL":
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", "SELECT 1"], check=True, capture_output=True
        )
        exists = subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-tAc",
                "SELECT 1 FROM pg_database WHERE datname='portal_bench'",
            ],
            capture_output=True,
            text=True,
        ).stdout.strip()
        if not exists:
            subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", "portal_bench"], check=True)
    dev = env_for(database_url, DJANGO_SETTINGS_MODULE="portal.settings.dev")
    manage(dev, "migrate", "--noinput", "-v0")
    manage(dev, "seed_bench")


class Server:
    def __init__(self, args, env, log):
        self.log = open(log, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(args, env=env, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def start_gunicorn(env, label):
    server = Server(
        [
            PY,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{GUNICORN_PORT}",
            "--access-logfile",
            "-",
        ],
        env,
        WORK / f"gunicorn-{label}.log",
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{GUNICORN_PORT}/healthz", timeout=2)  # noqa: S310 - loopback
            return server
        except OSError:
            time.sleep(0.2)
    server.stop()
    raise SystemExit(f"gunicorn did not start, see {WORK}/gunicorn-{label}.log")


def worker_rss_mb(server):
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return max(sizes) if sizes else 0.0


def fetch(path, cookie=None):
    request = urllib.request.Request(f"http://127.0.0.1:{GUNICORN_PORT}{path}")
    if cookie:
        request.add_header("Cookie", cookie)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        return response.status, dict(response.headers), response.read()


def status_of(path):
    try:
        return fetch(path)[0]
    except urllib.error.HTTPError as error:
        return error.code


def to_ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, cookie=None, script=None, duration=DURATION):
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}", "--latency", url]
    if cookie:
        args[1:1] = ["-H", f"Cookie: {cookie}"]
    if script:
        args[1:1] = ["-s", str(script)]
    output = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if set(latency) != {"50", "99"}:
        raise SystemExit(f"wrk gave no latency distribution for {url}:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": to_ms(latency["50"]),
        "p99": to_ms(latency["99"]),
        "errors": int(errors.group(1)) if errors else 0,
    }


def measured(url, cookie=None):
    """wrk's figures for one URL once every worker has served it for a while: a worker's very first
    request (templates compiled, modules imported) is not part of a steady state."""
    wrk(url, cookie, duration=WARM_UP)
    return wrk(url, cookie)


def nginx_config(static_root):
    config = f"""
worker_processes 2;
pid {WORK}/nginx.pid;
error_log {WORK}/nginx-error.log;
user root;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {WORK}/nginx-tmp;
    proxy_temp_path {WORK}/nginx-tmp;
    # As deploy/nginx.conf: a micro-cache for anonymous GETs, bypassed with a session cookie.
    proxy_cache_path {WORK}/nginx-cache levels=1:2 keys_zone=portal:20m max_size=512m inactive=10m use_temp_path=off;
    map $http_cookie $portal_no_cache {{
        default 0;
        "~*(^|;\\s*)(sessionid|csrftoken)=" 1;
    }}
    upstream portal_app {{ server 127.0.0.1:{GUNICORN_PORT}; keepalive 16; }}
    server {{
        listen 127.0.0.1:{NGINX_PORT};
        location = /ceiling/home.html {{ alias {static_root}/bench-ceiling/home.html; default_type text/html; }}
        location / {{
            proxy_pass http://portal_app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host 127.0.0.1;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_cache portal;
            proxy_cache_methods GET HEAD;
            proxy_cache_key $scheme$host$request_uri;
            proxy_cache_valid 200 301 302 10s;
            proxy_cache_bypass $portal_no_cache;
            proxy_no_cache $portal_no_cache;
            proxy_cache_lock on;
            proxy_cache_use_stale updating error timeout;
        }}
    }}
}}
"""
    (WORK / "nginx-tmp").mkdir(exist_ok=True)
    path = WORK / "nginx.conf"
    path.write_text(config)
    return path


def script_output(name, database_url, *args):
    """Runs bench/<name> under the production settings with the page cache off; its last line is JSON.
    What it logs (a cache that did not answer, say) is kept in bench/work/<name>.log."""
    process = subprocess.run(
        [PY, str(ROOT / "bench" / name), *args],
        env=production_env(database_url, 0),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    with open(WORK / f"{Path(name).stem}.log", "a") as log:
        log.write(f"== {database_url}\n{process.stderr}")
    return json.loads(process.stdout.strip().splitlines()[-1])


def session_cookies(database_url):
    return script_output("sessions.py", database_url)


def query_counts(database_url, cookies, samples):
    urls = [(label, path, None) for label, path in [*ANONYMOUS_URLS, *sorted(samples.items())]] + [
        (label, path, cookies[role]) for label, path, role in SIGNED_IN_URLS
    ]
    return script_output("queries.py", database_url, json.dumps(urls))


def url_mix(database_url):
    """The mix's URLs and a page of each kind (bench/urls.py), the list and wrk's script in bench/work."""
    found = script_output("urls.py", database_url)
    urls = WORK / "mix-urls.txt"
    urls.write_text("\n".join(found["mix"]) + "\n")
    script = WORK / "mix.lua"
    script.write_text(MIX_SCRIPT.format(urls=urls))
    return found, script


def cold_first_requests(database_url, pages):
    """Milliseconds of the first request of each page after a new content generation (bench/cold.py)."""
    base = f"http://127.0.0.1:{GUNICORN_PORT}"
    return script_output("cold.py", database_url, base, str(COLD_ROUNDS), json.dumps(pages))


def bench_database(name, database_url, static_root):
    print(f"== {name}: data volume", flush=True)
    # Both databases use one Redis database: nothing kept from the other one's data may be found.
    subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], check=True, capture_output=True)
    prepare(name, database_url)
    cookies = session_cookies(database_url)
    mix, mix_script = url_mix(database_url)
    queries = query_counts(database_url, cookies, mix["samples"])
    for label, sql in queries.get("cold_over_budget", {}).items():
        with open(WORK / "cold-over-budget.txt", "a") as listing:
            listing.write(f"== {name}: {label}, {len(sql)} queries cold\n" + "\n".join(sql) + "\n\n")
    results = {"queries": queries, "uncached": {}, "cached": {}, "ceiling": {}}

    print(f"== {name}: uncached (page cache off)", flush=True)
    server = start_gunicorn(production_env(database_url, 0), f"{name}-uncached")
    try:
        status, _headers, home_html = fetch("/de/")
        assert status == 200
        ceiling_dir = static_root / "bench-ceiling"
        ceiling_dir.mkdir(parents=True, exist_ok=True)
        (ceiling_dir / "home.html").write_bytes(home_html)
        for label, path in ANONYMOUS_URLS:
            fetch(path)
            results["uncached"][label] = measured(f"http://127.0.0.1:{GUNICORN_PORT}{path}")
        for label, path, role in SIGNED_IN_URLS:
            cookie = f"sessionid={cookies[role]}"
            assert fetch(path, cookie)[0] == 200, f"{label}: the session does not open {path}"
            results["uncached"][label] = measured(f"http://127.0.0.1:{GUNICORN_PORT}{path}", cookie)

        print(f"== {name}: URL mix ({len(mix['mix'])} URLs) and cold first requests, page cache off", flush=True)
        failing = [path for path in mix["mix"] if status_of(path) != 200]
        if failing:
            raise SystemExit(f"the URL mix has pages that do not answer 200: {failing[:10]}")
        results["mix"] = {**wrk(f"http://127.0.0.1:{GUNICORN_PORT}/", script=mix_script), "urls": len(mix["mix"])}
        cold = cold_first_requests(database_url, COLD_PAGES + sorted(mix["samples"].items()))
        results["cold"], results["cold_unprepared"], results["cold_prepare_ms"] = (
            cold["pages"],
            cold["unprepared"],
            cold["prepare_ms"],
        )
        results["rss_uncached_mb"] = worker_rss_mb(server)
    finally:
        server.stop()

    print(f"== {name}: page cache, whitenoise and nginx", flush=True)
    server = start_gunicorn(production_env(database_url, 300), f"{name}-cached")
    nginx = None
    try:
        results["ceiling"]["whitenoise static"] = wrk(
            f"http://127.0.0.1:{GUNICORN_PORT}/static/bench-ceiling/home.html"
        )
        for label, path in ANONYMOUS_URLS:
            headers = fetch(path)[1]
            assert headers.get("X-Page-Cache") in {"miss", "hit"}, f"{label} is not cacheable"
            results["cached"][label] = measured(f"http://127.0.0.1:{GUNICORN_PORT}{path}")
        nginx = subprocess.run(["nginx", "-c", str(nginx_config(static_root)), "-p", str(WORK)], check=True)
        time.sleep(0.5)
        results["ceiling"]["nginx static"] = wrk(f"http://127.0.0.1:{NGINX_PORT}/ceiling/home.html")
        results["cached"]["home behind nginx"] = wrk(f"http://127.0.0.1:{NGINX_PORT}/de/")
        results["rss_cached_mb"] = worker_rss_mb(server)
    finally:
        if nginx is not None:
            subprocess.run(["nginx", "-c", str(WORK / "nginx.conf"), "-p", str(WORK), "-s", "stop"], check=False)
        server.stop()
    return results


def python_speed():
    """Seconds for 10 million additions in a pure-Python loop (best of three): machines sold as the
    same class differ by more than the targets' margins, and this tells how fast this one runs Python."""
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for number in range(10_000_000):
            total += number
        timings.append(time.perf_counter() - started)
    return round(min(timings), 2)


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) // 1024 // 1024
    versions = subprocess.run(
        [PY, "-c", "import django, wagtail; print(django.get_version(), wagtail.__version__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    postgres = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", "SHOW server_version"], capture_output=True, text=True
    ).stdout.strip()
    nginx = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip()
    return {
        "python_loop_s": python_speed(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory,
        "python": platform.python_version(),
        "django": versions[0],
        "wagtail": versions[1],
        "postgres": postgres,
        "nginx": nginx.replace("nginx version: ", ""),
        "os": platform.platform(),
    }


def main():
    WORK.mkdir(parents=True, exist_ok=True)
    for previous in ("queries.log", "sessions.log", "urls.log", "cold.log", "cold-over-budget.txt"):
        (WORK / previous).unlink(missing_ok=True)
    for tool in ("wrk", "nginx", "redis-cli", "psql"):
        if shutil.which(tool) is None:
            raise SystemExit(f"bench needs {tool}: apt-get install -y wrk nginx redis-tools postgresql-client")
    static_root = ROOT / "staticfiles"
    manage(production_env(DATABASES["SQLite"], 0), "collectstatic", "--noinput", "-v0")
    results = {"machine": machine(), "duration": DURATION, "connections": CONNECTIONS, "databases": {}}
    only = os.environ.get("BENCH_DATABASES")
    for name, url in DATABASES.items():
        if only and name not in only.split(","):
            continue
        results["databases"][name] = bench_database(name, url, static_root)
    (WORK / "results.json").write_text(json.dumps(results, indent=2))
    subprocess.run([PY, str(ROOT / "bench" / "report.py"), str(WORK / "results.json")], check=True)
    shutil.rmtree(static_root / "bench-ceiling", ignore_errors=True)


if __name__ == "__main__":
    main()
