"""Fault check: the portal as docs/deploy.md runs it, with each dependency broken on purpose.

    .venv/bin/python deploy/faultcheck.py            # every row (the rows marked "root" need root)
    .venv/bin/python deploy/faultcheck.py --list     # the rows
    .venv/bin/python deploy/faultcheck.py --rows smtp-refuses,redis-hangs
    .venv/bin/python deploy/faultcheck.py --load-compare 45   # gunicorn settings under wrk, 45 s each

Everything it uses it starts itself and stops again (also on Ctrl-C): a redis-server on its own port,
a fake SMTP server in this process (accepting, refusing or hanging), a PostgreSQL database of its
own (`portal_faults`, created from scratch, migrated and seeded with `seed_demo`; dropped at the
end), a SQLite file for the SQLite row, gunicorn with the production settings and 4 sync workers as
documented, and the mail worker. It needs PostgreSQL on 127.0.0.1:5432 reachable as `postgres`
without a password (change with --postgres), `redis-server`, `ss` and, for the load rows, `wrk`;
the rows that mount a small tmpfs over the media folder (read-only, full) need root and are
skipped otherwise. Not run in CI: it takes a few minutes and breaks things on purpose.

Each row prints: fault | what was checked | held / degraded gracefully / FAILED (or skipped).
The exit status is 1 if a row FAILED.
"""

import argparse
import contextlib
import io
import json
import os
import random
import re
import shlex
import shutil
import signal
import socket
import sqlite3
import string
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
HELD, DEGRADED, FAILED, SKIPPED = "held", "degraded gracefully", "FAILED", "skipped"
# As the systemd unit in docs/deploy.md runs it.
GUNICORN_SETTINGS = ["--workers", "4", "--timeout", "30", "--max-requests", "100000", "--max-requests-jitter", "10000"]
# The dev key and salt: the demo's data was encrypted with them. Loopback only.
SECRETS = {
    "SECRET_KEY": "dev-only-insecure-key-never-use-in-production",
    "FIELD_ENCRYPTION_SALT": "dev-only-field-encryption-salt",
}
PUBLIC_URLS = [
    "/de/",
    "/de/angebote/",
    "/de/veranstaltungen/",
    "/de/aktuelles/",
    "/de/veranstaltungen/kalender/",
    "/en/",
    "/ar/angebote/",
    "/uk/veranstaltungen/",
    "/fa/aktuelles/",
    "/tr/",
    "/de/angebote/sprachkurse/",
    "/de/veranstaltungen/begegnungscafe/",
    "/de/aktuelles/begegnungscafe-sucht-verstarkung/",
    "/de/suche/?q=Beratung",
    "/en/angebote/?bereich=wohnen",
]


@dataclass(frozen=True)
class Row:
    key: str
    fault: str
    needs_root: bool = False


ROWS = [
    Row("smtp-refuses", "SMTP refuses"),
    Row("smtp-hangs", "SMTP hangs"),
    Row("redis-stopped", "Redis stopped"),
    Row("redis-back-old-data", "Redis back with its old data"),
    Row("redis-hangs", "Redis hangs"),
    Row("restore", "Restore of a backup"),
    Row("postgres-killed", "PostgreSQL connections killed"),
    Row("worker-killed-upload", "Worker killed during an upload"),
    Row("media-read-only", "Media folder read-only", needs_root=True),
    Row("media-full", "Media folder full", needs_root=True),
    Row("sqlite-production", "SQLite under production settings"),
    Row("cron-twice", "Cron twice"),
    Row("load", "Load, documented gunicorn settings"),
]
ROW_KEYS = [row.key for row in ROWS]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="list the rows and exit")
    parser.add_argument("--rows", default=",".join(ROW_KEYS), help="comma-separated row keys (default: all)")
    parser.add_argument("--port", type=int, default=8191, help="gunicorn's port (the SQLite one uses port+1)")
    parser.add_argument("--redis-port", type=int, default=6391)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432", help="server URL, no database")
    parser.add_argument("--database", default="portal_faults", help="the database created and dropped")
    parser.add_argument("--template", help="copy this (seeded) database instead of migrating and seeding")
    parser.add_argument("--load-seconds", type=int, default=30, help="wrk duration of the load row")
    parser.add_argument("--load-compare", type=int, metavar="SECONDS", help="compare gunicorn settings under wrk")
    parser.add_argument("--keep-logs", metavar="DIR", help="copy the servers' logs here at the end")
    args = parser.parse_args(argv)
    rows = [key.strip() for key in args.rows.split(",") if key.strip()]
    unknown = sorted(set(rows) - set(ROW_KEYS))
    if unknown:
        parser.error(f"unknown rows: {', '.join(unknown)} (see --list)")
    args.rows = [key for key in ROW_KEYS if key in rows]
    return args


# ---------------------------------------------------------------- the fake mail server


class FakeSMTP:
    """An SMTP server in a thread: `mode` "accept" (keeps each message), "refuse" (554 at once) or
    "hang" (takes the connection and never answers)."""

    def __init__(self):
        self.mode = "accept"
        self.messages = []  # (recipients, data)
        self.hanging = []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def set_mode(self, mode):
        self.mode = mode
        if mode != "hang":
            for connection in self.hanging:
                with contextlib.suppress(OSError):
                    connection.close()
            self.hanging = []

    def _serve(self):
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            if self.mode == "hang":
                self.hanging.append(connection)
            elif self.mode == "refuse":
                with contextlib.suppress(OSError):
                    connection.sendall(b"554 5.3.2 Service not available\r\n")
                    connection.close()
            else:
                threading.Thread(target=self._session, args=(connection,), daemon=True).start()

    def _session(self, connection):
        reader = connection.makefile("rb")
        recipients = []
        try:
            connection.sendall(b"220 faultcheck ESMTP\r\n")
            while line := reader.readline():
                verb = line[:4].upper()
                if verb in (b"EHLO", b"HELO"):
                    connection.sendall(b"250-faultcheck\r\n250 8BITMIME\r\n")
                elif verb == b"MAIL":
                    recipients = []
                    connection.sendall(b"250 OK\r\n")
                elif verb == b"RCPT":
                    recipients.append(re.search(rb"<(.*)>", line).group(1).decode())
                    connection.sendall(b"250 OK\r\n")
                elif verb == b"DATA":
                    connection.sendall(b"354 go on\r\n")
                    data = b""
                    while (chunk := reader.readline()) not in (b".\r\n", b""):
                        data += chunk
                    self.messages.append((recipients, data))
                    connection.sendall(b"250 queued\r\n")
                elif verb == b"QUIT":
                    connection.sendall(b"221 bye\r\n")
                    break
                else:
                    connection.sendall(b"250 OK\r\n")
        except OSError:
            pass
        finally:
            connection.close()

    def recipients(self):
        return {address for recipients, _ in list(self.messages) for address in recipients}

    def close(self):
        self.set_mode("accept")
        self.server.close()


# ---------------------------------------------------------------- HTTP


@dataclass
class Answer:
    status: int
    headers: dict
    body: str
    seconds: float


def client_address():
    """Each request from another client address (X-Forwarded-For): the public forms' rate limit
    counts per address, and the fault rows send many forms."""
    return f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"


CSRF = "".join(random.choices(string.ascii_letters + string.digits, k=32))


def http(port, method, path, data=None, files=None, session=None, timeout=40, client=None):
    """One request; `data` a dict (form fields), `files` a list of (field, name, type, bytes);
    `client` the client's address (a new one if not given)."""
    headers = {"X-Forwarded-For": client or client_address(), "Cookie": f"csrftoken={CSRF}", "X-CSRFToken": CSRF}
    if session:
        headers["Cookie"] += f"; sessionid={session}"
    body = None
    if method == "POST":
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in (data or {}).items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for field, filename, content_type, content in files or []:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n".encode()
                + content
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
    started = time.monotonic()
    connection = HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read().decode("utf-8", "replace")
        return Answer(response.status, dict(response.getheaders()), content, time.monotonic() - started)
    except OSError as error:
        return Answer(0, {}, f"{type(error).__name__}: {error}", time.monotonic() - started)
    finally:
        connection.close()


def session_of(answer):
    match = re.search(r"sessionid=([^;]+)", answer.headers.get("Set-Cookie", ""))
    return match and match.group(1)


def png(size=8, seed=0):
    """A PNG photo: small, or `size` pixels square of noise (~3 bytes a pixel)."""
    from PIL import Image

    rng = random.Random(seed)
    image = Image.frombytes("RGB", (size, size), rng.randbytes(size * size * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=0)
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


# ---------------------------------------------------------------- the setup


class Portal:
    """Everything the rows need, started in `start` and stopped in `stop` (whatever started)."""

    def __init__(self, args):
        self.args = args
        self.work = Path(tempfile.mkdtemp(prefix="faultcheck-"))
        self.media = self.work / "media"
        self.media.mkdir()
        self.processes = {}
        self.logs = []
        self.mounted = []
        self.database_url = f"{args.postgres.rstrip('/')}/{args.database}"
        self.database_created = False
        self.smtp = None
        self.port = args.port
        self.redis_pid = None

    # processes
    def spawn(self, name, command, env=None):
        log = open(self.work / f"{name}.log", "ab")  # noqa: SIM115 - closed in stop()
        self.logs.append(log)
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        self.processes[name] = process
        return process

    def stop_process(self, name, timeout=20):
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGCONT)
            process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def env(self, database_url=None, **extra):
        env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
        env.update(
            DJANGO_SETTINGS_MODULE="portal.settings.production",
            DATABASE_URL=database_url or self.database_url,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            REDIS_URL=f"redis://127.0.0.1:{self.args.redis_port}/0",
            SECURE_SSL_REDIRECT="false",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(self.smtp.port if self.smtp else 25),
            EMAIL_USE_TLS="false",
            MEDIA_ROOT=str(self.media),
            PYTHONPATH=str(ROOT),
            **SECRETS,
        )
        env.update(extra)
        return env

    def manage(self, *command, env=None, check=True, timeout=600):
        result = subprocess.run(
            [PY, "manage.py", *command],
            env=env or self.env(),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and result.returncode:
            raise RuntimeError(f"manage.py {' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def shell(self, code, env=None):
        """Python in the portal (production settings); its last printed line parsed as JSON."""
        output = self.manage("shell", "-c", code, env=env).stdout.strip().splitlines()
        return json.loads(output[-1]) if output else None

    def sql(self, query, database_url=None):
        result = subprocess.run(
            ["psql", database_url or self.database_url, "-v", "ON_ERROR_STOP=1", "-tAc", query],
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.strip()

    def count(self, table, where="true"):
        return int(self.sql(f"SELECT count(*) FROM {table} WHERE {where}"))

    def max_id(self, table):
        return int(self.sql(f"SELECT coalesce(max(id), 0) FROM {table}"))

    # start and stop
    def start(self, with_portal=True):
        for port in (self.args.port, self.args.port + 1, self.args.redis_port):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    raise SystemExit(f"port {port} is taken: choose others (--port, --redis-port)")
        self.smtp = FakeSMTP()
        self.start_redis()
        self.create_database()
        self.manage("collectstatic", "--noinput", "-v0")
        if with_portal:
            self.start_gunicorn()
            self.start_worker()

    def start_redis(self):
        process = self.spawn(
            "redis",
            [
                "redis-server",
                "--port",
                str(self.args.redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--dir",
                str(self.work),
                "--daemonize",
                "no",
            ],
        )
        self.redis_pid = process.pid
        for _ in range(50):
            if self.redis("PING") == "PONG":
                return
            time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def redis(self, *command):
        result = subprocess.run(
            ["redis-cli", "-p", str(self.args.redis_port), *command], capture_output=True, text=True, timeout=5
        )
        return result.stdout.strip()

    def create_database(self):
        server = f"{self.args.postgres.rstrip('/')}/postgres"
        name = self.args.database
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', server)
        template = f' TEMPLATE "{self.args.template}"' if self.args.template else ""
        self.sql(f'CREATE DATABASE "{name}"{template}', server)
        self.database_created = True
        if not self.args.template:
            dev = self.env(DJANGO_SETTINGS_MODULE="portal.settings.dev")
            self.manage("migrate", "--noinput", "-v0", env=dev)
            self.manage("seed_demo", env=dev)

    def start_gunicorn(self, name="gunicorn", port=None, settings=None, env=None):
        port = port or self.port
        self.spawn(
            name,
            [PY, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}", *(settings or GUNICORN_SETTINGS)],
            env=env or self.env(),
        )
        for _ in range(150):
            if http(port, "GET", "/healthz", timeout=5).status == 200:
                return
            if self.processes[name].poll() is not None:
                break
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not start: see {self.work / (name + '.log')}")

    def start_worker(self):
        self.spawn("worker", [PY, "manage.py", "db_worker", "--backend", "mails", "--interval", "2"], env=self.env())

    def gunicorn_workers(self, name="gunicorn"):
        arbiter = self.processes[name].pid
        return [int(pid) for pid in Path(f"/proc/{arbiter}/task/{arbiter}/children").read_text().split()]

    def stop(self):
        for name in list(self.processes)[::-1]:
            with contextlib.suppress(Exception):
                self.stop_process(name)
        for path in self.mounted[::-1]:
            subprocess.run(["umount", "-l", str(path)], check=False)
        if self.smtp:
            self.smtp.close()
        if self.database_created:
            with contextlib.suppress(Exception):
                self.sql(
                    f'DROP DATABASE IF EXISTS "{self.args.database}" WITH (FORCE)', f"{self.args.postgres}/postgres"
                )
        for log in self.logs:
            log.close()
        if self.args.keep_logs:
            target = Path(self.args.keep_logs)
            target.mkdir(parents=True, exist_ok=True)
            for log in self.work.glob("*.log"):
                shutil.copy(log, target / log.name)
        shutil.rmtree(self.work, ignore_errors=True)

    # helpers of the rows
    def get(self, path, **kwargs):
        return http(self.port, "GET", path, **kwargs)

    def post(self, path, data=None, files=None, **kwargs):
        return http(self.port, "POST", path, data, files, **kwargs)

    def login(self, email, password="Vielfalt-Demo-2026"):  # noqa: S107 - the demo's published password
        answer = self.post("/de/konto/login/", {"login": email, "password": password})
        return answer, session_of(answer)

    def wait_for(self, predicate, seconds, step=1.0):
        deadline = time.monotonic() + seconds
        while True:
            if predicate():
                return True
            if time.monotonic() > deadline:
                return False
            time.sleep(step)

    def mails_since(self, mail_id):
        return dict(
            tuple(line.split("|"))
            for line in self.sql(
                f"SELECT status, count(*) FROM portal_mail WHERE id > {mail_id} GROUP BY 1"
            ).splitlines()
        )


def public_forms(portal, tag):
    """(label, URL, fields, files, table) of the public forms of the demo, with content unique to `tag`."""
    page = portal.get("/de/veranstaltungen/begegnungscafe/anmelden/").body
    dates = re.findall(r'<option value="(\d{4}-\d\d-\d\d)"', page) or re.findall(r'value="(\d{4}-\d\d-\d\d)"', page)
    in_a_month = time.strftime("%Y-%m-%d", time.localtime(time.time() + 30 * 86400))
    return [
        (
            "furniture donation",
            "/de/begegnungszentrum/moebelspende/",
            {
                "name": f"Olena {tag}",
                "email": f"olena-{tag}@example.org",
                "gegenstaende": f"Sofa {tag}",
                "abholadresse": "Marktstraße 3",
                "wunschtermine": "Samstag",
            },
            [("fotos", "sofa.png", "image/png", png())],
            "angebote_moebelspende",
        ),
        (
            "Anwohner concern",
            "/de/sozialhausmeister/anliegen/",
            {"thema": "laerm", "nachricht": f"Laut {tag}", "kontakt": f"amal-{tag}@example.org"},
            [],
            "angebote_anwohneranliegen",
        ),
        (
            "membership application",
            "/de/verein/antrag/",
            {
                "vorname": "Sara",
                "nachname": f"Karimi {tag}",
                "strasse": "Marktstraße 3",
                "plz": "73207",
                "ort": "Plochingen",
                "email": f"sara-{tag}@example.org",
                "geburtsdatum": "1990-05-01",
                "art": "ordentlich",
                "einwilligung_satzung": "on",
                "einwilligung_datenschutz": "on",
            },
            [],
            "ehrenamt_mitglied",
        ),
        (
            "flat offer",
            "/de/wohnraum/angebot/",
            {
                "adresse": f"Filsweg {tag}",
                "stadtteil": "filstal",
                "flaeche": "75",
                "zimmer": "3",
                "kaltmiete": "600",
                "warmmiete": "780",
                "frei_ab": in_a_month,
                "name": "Ayşe",
                "email": f"ayse-{tag}@example.org",
                "einwilligung": "on",
            },
            [],
            "angebote_wohnungsangebot",
        ),
        (
            "event registration",
            "/de/veranstaltungen/begegnungscafe/anmelden/",
            {"datum": dates[0] if dates else "", "name": "Sam", "email": f"sam-{tag}@example.org"},
            [],
            "veranstaltungen_anmeldung",
        ),
        (
            "job application",
            "/de/stellen/bauhof-mitarbeit/bewerben/",
            {
                "vorname": "Samir",
                "nachname": f"Haddad {tag}",
                "email": f"samir-{tag}@example.org",
                "sprachen": "Arabisch",
                "qualifikationen": "Gärtner",
                "einwilligung": "on",
            },
            [("lebenslauf", "cv.pdf", "application/pdf", PDF)],
            "personal_bewerbung",
        ),
        (
            "accessibility report",
            "/de/barrierefreiheit/meldung/",
            {"barriere": f"Der Knopf ist zu klein ({tag}).", "email": f"olga-{tag}@example.org"},
            [],
            "home_barrierenmeldung",
        ),
    ]


def answered_success(answer):
    if answer.status == 302:
        return "/danke/" in answer.headers.get("Location", "") or "/bestaetigung" in answer.headers.get("Location", "")
    return answer.status == 200 and 'class="errorlist' not in answer.body and "aria-invalid" not in answer.body


def send_every_form(portal, tag, twice=True):
    """Sends each public form (twice: the repeat must not be stored); problems, and the slowest answer."""
    problems, slowest = [], 0.0
    for label, url, data, files, table in public_forms(portal, tag):
        before = portal.count(table)
        client = client_address()  # the repeat comes from the same person
        answers = [portal.post(url, data, files, client=client)]
        if twice:
            answers.append(portal.post(url, data, files, client=client))
        slowest = max([slowest, *(answer.seconds for answer in answers)])
        for answer in answers:
            if not answered_success(answer):
                problems.append(f"{label}: {answer.status} {answer.body[:80]!r}")
        stored = portal.count(table) - before
        if stored != 1:
            problems.append(f"{label}: stored {stored} times")
    return problems, slowest


# ---------------------------------------------------------------- the rows


def row_smtp_refuses(portal):
    portal.smtp.set_mode("refuse")
    mail_id = portal.max_id("portal_mail")
    problems, slowest = send_every_form(portal, f"r{random.randrange(10**6)}")
    # Staff: a coordinator cancels a shift with volunteers signed up; they are to be told.
    schicht, volunteers = portal.sql(
        "SELECT s.id, count(e.id) FROM ehrenamt_schicht s JOIN ehrenamt_einsatz e ON e.schicht_id = s.id "
        "WHERE s.beginn > now() AND s.abgesagt_am IS NULL GROUP BY s.id ORDER BY s.id LIMIT 1"
    ).split("|")
    answer, session = portal.login("ehrenamtskoordination@demo.plochingen.example")
    cancelled = portal.post(
        f"/de/ehrenamt/koordination/schichten/{schicht}/absagen/", {"grund": "Raum belegt"}, session=session
    )
    if cancelled.status != 302 or not portal.count("ehrenamt_schicht", f"id = {schicht} AND abgesagt_am IS NOT NULL"):
        problems.append(f"cancelling a shift answered {cancelled.status}")
    queued = sum(int(n) for n in portal.mails_since(mail_id).values())
    tried = portal.wait_for(
        lambda: portal.count("portal_mail", f"id > {mail_id} AND attempts > 0") >= queued, 60, step=2
    )
    portal.smtp.set_mode("accept")
    started = time.monotonic()
    delivered = portal.wait_for(
        lambda: portal.count("portal_mail", f"id > {mail_id} AND status = 'gesendet'") == queued > 0, 180, step=3
    )
    waited = time.monotonic() - started
    if not tried:
        problems.append("the worker did not try the mails while SMTP refused")
    if not delivered:
        problems.append(f"mails delivered after recovery: {portal.mails_since(mail_id)}")
    checked = (
        f"7 public forms sent twice: success answers (slowest {slowest:.1f} s), each stored once; a coordinator "
        f"cancels a shift of {volunteers} volunteers: saved, 302; {queued} mails queued, tried and refused, "
        f"delivered {waited:.0f} s after SMTP accepted again"
    )
    return checked, problems


def row_smtp_hangs(portal):
    portal.smtp.set_mode("hang")
    mail_id = portal.max_id("portal_mail")
    try:
        problems, slowest = send_every_form(portal, f"h{random.randrange(10**6)}", twice=False)
        time.sleep(3)  # the worker is now stuck in a connection
        health = [portal.get("/healthz") for _ in range(8)]
    finally:
        portal.smtp.set_mode("accept")
    slowest_health = max(answer.seconds for answer in health)
    if slowest > 5:
        problems.append(f"slowest form {slowest:.1f} s")
    if slowest_health > 1 or any(answer.status != 200 for answer in health):
        problems.append(f"/healthz {[answer.status for answer in health]}, slowest {slowest_health:.1f} s")
    delivered = portal.wait_for(
        lambda: portal.count("portal_mail", f"id > {mail_id} AND status <> 'gesendet'") == 0, 240, step=3
    )
    if not delivered:
        problems.append(f"mails after the hang: {portal.mails_since(mail_id)}")
    checked = (
        f"7 forms answered in at most {slowest:.1f} s, /healthz in at most {slowest_health * 1000:.0f} ms "
        "while the worker hung in SMTP; every mail delivered after it answered again (EMAIL_TIMEOUT, retry)"
    )
    return checked, problems


NEWS = "begegnungscafe-sucht-verstarkung"
OFFER = "sprachkurse"


def publish_title(portal, slug, title):
    """Publishes a new title of the German page `slug` from a management shell (as an editor would)."""
    return portal.shell(
        "import json\n"
        "from wagtail.models import Page, Locale\n"
        f"page = Page.objects.get(slug={slug!r}, locale=Locale.objects.get(language_code='de')).specific\n"
        f"page.title = {title!r}\n"
        "page.save_revision().publish()\n"
        "print(json.dumps(page.title))\n"
    )


def shows(portal, path, text, times=8):
    """`text` in `times` answers in a row (reaching each of the 4 workers)."""
    return all(text in portal.get(path).body for _ in range(times))


STATE = {}


def row_redis_stopped(portal):
    problems = []
    for path in ("/de/aktuelles/", "/de/angebote/"):  # the old pages are in Redis's cache
        for _ in range(8):
            portal.get(path)
    portal.redis("SAVE")  # Redis's data as it is, to come back with (next row)
    portal.stop_process("redis")
    time.sleep(0.5)
    pages = [portal.get(path) for path in PUBLIC_URLS for _ in range(2)]
    bad = [answer.status for answer in pages if answer.status != 200]
    slowest = max(answer.seconds for answer in pages)
    if bad:
        problems.append(f"pages answered {bad}")
    answer, session = portal.login("ehrenamt@demo.plochingen.example")
    signed_in = session and portal.get("/de/ehrenamt/schichten/", session=session).status == 200
    if answer.status != 302 or not signed_in:
        problems.append(f"login answered {answer.status}, signed-in page {'200' if signed_in else 'not 200'}")
    before = portal.count("home_barrierenmeldung")
    form = portal.post("/de/barrierefreiheit/meldung/", {"barriere": f"Rampe fehlt {uuid.uuid4().hex[:6]}"})
    if form.status != 302 or portal.count("home_barrierenmeldung") != before + 1:
        problems.append(f"form answered {form.status}")
    STATE["news"] = f"Begegnungscafé {uuid.uuid4().hex[:6]}"
    STATE["offer"] = f"Sprachkurse {uuid.uuid4().hex[:6]}"
    try:
        publish_title(portal, NEWS, STATE["news"])
        publish_title(portal, OFFER, STATE["offer"])
    except RuntimeError as error:
        problems.append(f"publishing failed: {str(error)[-200:]}")
    visible = portal.wait_for(lambda: shows(portal, "/de/aktuelles/", STATE["news"]), 45, step=2)
    if not visible:
        problems.append("the news published during the outage not visible within 45 s")
    health = portal.get("/healthz").body
    if '"degraded"' not in health:
        problems.append(f"/healthz said {health}")
    checked = (
        f"{len(pages)} anonymous pages 200 (slowest {slowest:.2f} s), login and a signed-in page, a form, "
        "publishing 2 pages (visible at once on every worker), /healthz degraded"
    )
    return checked, problems


def row_redis_back_old_data(portal):
    if "news" not in STATE:
        return "needs the row redis-stopped first", ["not run"]
    portal.start_redis()  # loads the data saved before it stopped: the old generation and old pages
    started = time.monotonic()
    stale, answers = [], 0
    while time.monotonic() - started < 50:  # every answer of both pages for 50 s
        for path, text in (("/de/aktuelles/", STATE["news"]), ("/de/angebote/", STATE["offer"])):
            answers += 1
            if text not in portal.get(path).body:
                stale.append(time.monotonic() - started)
        time.sleep(0.2)
    problems = []
    bound = 30 + 5 + 5  # PORTAL_GENERATION_CHECK_SECONDS + RETRY_SECONDS + slack
    if stale and max(stale) > bound:
        problems.append(f"old content still served {max(stale):.0f} s after Redis came back")
    health = portal.get("/healthz").body
    if '"ok"' not in health:
        problems.append(f"/healthz said {health}")
    seen = (
        f"{len(stale)} showed the old titles, the last {max(stale):.0f} s after"
        if stale
        else "none showed the old titles"
    )
    checked = (
        f"news index and offer finder after Redis came back with its data from before the outage: of {answers} "
        f"answers in 50 s {seen} (bound: PORTAL_GENERATION_CHECK_SECONDS 30 + RETRY_SECONDS 5); /healthz ok"
    )
    return checked, problems


def row_redis_hangs(portal):
    os.kill(portal.redis_pid, signal.SIGSTOP)
    try:
        pages = [portal.get(path) for path in PUBLIC_URLS for _ in range(2)]
        health = portal.get("/healthz")
        answer, session = portal.login("ehrenamt@demo.plochingen.example")
    finally:
        os.kill(portal.redis_pid, signal.SIGCONT)
    slowest = max(answer.seconds for answer in pages)
    problems = []
    if any(page.status != 200 for page in pages):
        problems.append(f"pages answered {[page.status for page in pages]}")
    if slowest > 2:
        problems.append(f"slowest page {slowest:.1f} s")
    if '"degraded"' not in health.body or health.seconds > 2:
        problems.append(f"/healthz {health.body} in {health.seconds:.1f} s")
    if answer.status != 302 or answer.seconds > 3:
        problems.append(f"login {answer.status} in {answer.seconds:.1f} s")
    checked = (
        f"{len(pages)} anonymous pages 200, slowest {slowest:.2f} s (REDIS_TIMEOUT 1 s once per worker per 5 s); "
        f"/healthz degraded in {health.seconds:.2f} s; login in {answer.seconds:.2f} s"
    )
    return checked, problems


def row_restore(portal):
    """A restored database holds other content than the cache: changed here behind the portal's back
    (SQL, no signal), then `manage.py new_generation` as deploy/restore.sh runs it last."""
    old = "Begegnungscafé sucht Verstärkung"
    publish_title(portal, NEWS, old)
    path = f"/de/aktuelles/{NEWS}/"
    portal.wait_for(lambda: shows(portal, path, old, 12), 10)  # every worker has kept the page
    restored = f"Aus der Sicherung {uuid.uuid4().hex[:6]}"
    portal.sql(f"UPDATE wagtailcore_page SET title = '{restored}', draft_title = '{restored}' WHERE slug = '{NEWS}'")
    stale_before = shows(portal, path, old, 4)
    portal.manage("new_generation")
    fresh = shows(portal, path, restored)
    in_script = "new_generation" in (ROOT / "deploy" / "restore.sh").read_text()
    problems = []
    if not fresh:
        problems.append("the restored content was not shown after new_generation")
    if not in_script:
        problems.append("deploy/restore.sh does not run new_generation")
    checked = (
        "content changed in the database behind the cache "
        f"({'still served from the cache' if stale_before else 'already fresh'}), then `manage.py new_generation` "
        "(the last step of deploy/restore.sh): every worker shows the database's content at once"
    )
    return checked, problems


def row_postgres_killed(portal):
    answer, session = portal.login("ehrenamt@demo.plochingen.example")
    for _ in range(8):  # every worker holds a connection
        portal.get("/de/ehrenamt/schichten/", session=session)
        portal.get("/healthz")
    mail_id = portal.max_id("portal_mail")
    killed = portal.sql(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
        f"WHERE datname = '{portal.args.database}' AND pid <> pg_backend_pid()"
    )
    answers = []
    for index in range(8):
        answers.append(portal.get("/de/ehrenamt/schichten/", session=session))
        answers.append(portal.get("/healthz"))
        answers.append(portal.post("/de/barrierefreiheit/meldung/", {"barriere": f"Tür {index} {uuid.uuid4().hex}"}))
    errors = [a.status for a in answers if a.status >= 500 or a.status == 0]
    delivered = portal.wait_for(
        lambda: portal.count("portal_mail", f"id > {mail_id} AND status = 'gesendet'") >= 8, 60, step=2
    )
    checked = (
        f"{killed} connections terminated; then {len(answers)} requests (signed-in page, /healthz, form): "
        f"{len(errors)} errors; the mail worker delivered the forms' mails"
    )
    problems = [] if delivered else [f"mail worker: {portal.mails_since(mail_id)}"]
    if len(errors) > 4:
        problems.append(f"{len(errors)} errors: {errors}")
    elif errors and not problems:
        return checked, DEGRADED
    return checked, problems


def row_worker_killed_upload(portal):
    photos = [("fotos", f"foto{i}.png", "image/png", png(700, seed=i)) for i in range(5)]
    spende = portal.max_id("angebote_moebelspende")
    delays = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.7, 1.0]
    kills = 0
    for delay in delays:
        tag = uuid.uuid4().hex[:8]
        data = {
            "name": f"Olena {tag}",
            "email": f"olena-{tag}@example.org",
            "gegenstaende": f"Schrank {tag}",
            "abholadresse": "Marktstraße 3",
            "wunschtermine": "Samstag",
        }
        result = {}

        def send(data=data, result=result):
            result["answer"] = portal.post("/de/begegnungszentrum/moebelspende/", data, photos)

        sender = threading.Thread(target=send)
        sender.start()
        pid = None
        deadline = time.monotonic() + 3
        while pid is None and time.monotonic() < deadline:
            time.sleep(0.005)
            for line in subprocess.run(
                ["ss", "-tnpH", "state", "established", f"( sport = :{portal.port} )"], capture_output=True, text=True
            ).stdout.splitlines():
                if match := re.search(r"pid=(\d+)", line):
                    pid = int(match.group(1))
        time.sleep(delay)
        if pid and sender.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
                kills += 1
        sender.join(60)
    time.sleep(3)  # the arbiter starts new workers
    rows = portal.sql(
        "SELECT s.id, count(f.id) FROM angebote_moebelspende s LEFT JOIN angebote_moebelspendefoto f "
        f"ON f.spende_id = s.id WHERE s.id > {spende} GROUP BY s.id"
    ).splitlines()
    counts = [int(line.split("|")[1]) for line in rows]
    half = [count for count in counts if count != len(photos)]
    named = set(portal.sql("SELECT datei FROM angebote_moebelspendefoto").splitlines())
    folder = portal.media / "privat" / "moebelspenden"
    on_disk = {f"privat/moebelspenden/{p.name}" for p in folder.glob("*")} if folder.exists() else set()
    orphans = len(on_disk - named)
    checked = (
        f"{len(delays)} uploads of 5 photos, {kills} killed mid-request (SIGKILL of the worker): "
        f"{len(counts)} donation(s) stored, each with all 5 photos; {orphans} files of killed requests left "
        "for purge_submissions"
    )
    return checked, [f"donations with {half} of 5 photos"] if half else []


def mount_media(portal, options):
    portal.media.mkdir(exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "faultcheck", str(portal.media)], capture_output=True, text=True
    )
    if result.returncode:
        return result.stderr.strip() or "mount failed"
    portal.mounted.append(portal.media)
    return None


def unmount_media(portal):
    subprocess.run(["umount", str(portal.media)], check=True)
    portal.mounted.remove(portal.media)


def media_row(portal, options, fill):
    if os.geteuid() != 0:
        return "needs root (mounts a tmpfs over the media folder)", SKIPPED
    error = mount_media(portal, options)
    if error:
        return f"could not mount a tmpfs ({error})", SKIPPED
    try:
        if fill:
            with contextlib.suppress(OSError), open(portal.media / "filler", "wb") as filler:
                while True:
                    filler.write(b"\0" * 65536)
                    filler.flush()
        before = portal.count("angebote_moebelspende")
        photos = [("fotos", f"foto{i}.png", "image/png", png(300, seed=i)) for i in range(3)]
        tag = uuid.uuid4().hex[:8]
        answer = portal.post(
            "/en/begegnungszentrum/moebelspende/",
            {
                "name": f"Olena {tag}",
                "email": f"olena-{tag}@example.org",
                "gegenstaende": f"Tisch {tag}",
                "abholadresse": "Marktstraße 3",
                "wunschtermine": "Samstag",
            },
            photos,
        )
        stored = portal.count("angebote_moebelspende") - before
        health = portal.get("/healthz").body
        left = [p.name for p in portal.media.rglob("*") if p.is_file() and p.name != "filler"]
    finally:
        unmount_media(portal)
    problems = []
    if answer.status != 200 or "could not be stored" not in answer.body:
        problems.append(f"the form answered {answer.status} {answer.body[:100]!r}")
    if stored:
        problems.append(f"{stored} donations stored without their photos")
    if left:
        problems.append(f"files left: {left}")
    if '"degraded"' not in health:
        problems.append(f"/healthz said {health}")
    checked = (
        "a donation with 3 photos: the form again with “This file could not be stored…”, "
        f"no record, no file left; /healthz degraded (needs root: tmpfs -o {options})"
    )
    return checked, problems


def row_media_read_only(portal):
    return media_row(portal, "size=8m,ro", fill=False)


def row_media_full(portal):
    return media_row(portal, "size=2m", fill=True)


def row_sqlite_production(portal):
    database = portal.work / "portal.sqlite3"
    url = f"sqlite:///{database}"
    env = portal.env(url, REDIS_URL=f"redis://127.0.0.1:{portal.args.redis_port}/1")
    portal.manage("migrate", "--noinput", "-v0", env=env)
    capacity = 10
    made = portal.shell(
        "import json\n"
        "from django.conf import settings\n"
        "from django.test import Client\n"
        "from tests.factories import SchichtFactory, volunteer\n"
        f"schicht = SchichtFactory(kapazitaet={capacity})\n"
        "sessions = []\n"
        f"for _ in range({3 * capacity}):\n"
        "    client = Client()\n"
        "    client.force_login(volunteer())\n"
        "    sessions.append(client.cookies[settings.SESSION_COOKIE_NAME].value)\n"
        "print(json.dumps({'schicht': schicht.pk, 'sessions': sessions}))\n",
        env=env,
    )
    port = portal.port + 1
    portal.start_gunicorn("gunicorn-sqlite", port=port, env=env)
    try:
        url_path = f"/de/ehrenamt/schichten/{made['schicht']}/anmelden/"
        start = threading.Barrier(len(made["sessions"]))

        def sign_up(session):
            start.wait()
            return http(port, "POST", url_path, session=session)

        with ThreadPoolExecutor(max_workers=len(made["sessions"])) as pool:
            answers = list(pool.map(sign_up, made["sessions"]))
    finally:
        portal.stop_process("gunicorn-sqlite")
    with contextlib.closing(sqlite3.connect(database)) as db:
        counts = dict(
            db.execute(
                "SELECT status, count(*) FROM ehrenamt_einsatz WHERE schicht_id = ? GROUP BY status", (made["schicht"],)
            ).fetchall()
        )
    locked = "database is locked" in (portal.work / "gunicorn-sqlite.log").read_text(errors="replace")
    statuses = sorted({answer.status for answer in answers})
    problems = []
    if statuses != [302]:
        problems.append(f"answers {[answer.status for answer in answers]}")
    if locked:
        problems.append('"database is locked" in the log')
    if counts.get("bestaetigt") != capacity:
        problems.append(f"places {counts}")
    checked = (
        f"{len(answers)} volunteers sign up at once for a shift of {capacity} (gunicorn, 4 workers, production "
        f"settings, SQLite): answers {statuses}, {counts.get('bestaetigt', 0)} confirmed, "
        f"{counts.get('warteliste', 0)} waiting list, no “database is locked”"
    )
    return checked, problems


def cron_commands():
    crontab = (ROOT / "deploy" / "crontab").read_text()
    return [shlex.split(line) for line in re.findall(r"^[\d*/,\- ]+\$MANAGE (.+)$", crontab, re.MULTILINE)]


def row_cron_twice(portal):
    """Every manage.py command of deploy/crontab, all in one process per run (as cron would, one after
    the other): twice in a row, then twice at once."""
    portal.shell(
        "import datetime\n"
        "from django.utils import timezone\n"
        "from ehrenamt.forms import at\n"
        "from tests import factories\n"
        "worker = factories.case_worker()\n"
        "fall = factories.FallFactory(bearbeitende=[worker])\n"
        "factories.FallMassnahmeFactory(fall=fall, verantwortlich=worker, faellig_am=timezone.localdate())\n"
        "tomorrow = timezone.localdate() + datetime.timedelta(days=1)\n"
        "schicht = factories.SchichtFactory(\n"
        "    beginn=at(tomorrow, datetime.time(10)), ende=at(tomorrow, datetime.time(12))\n"
        ")\n"
        "factories.EinsatzFactory(schicht=schicht)\n"
        "print('1')\n"
    )
    commands = cron_commands()
    code = (
        f"from django.core.management import call_command\nfor command in {commands!r}:\n    call_command(*command)\n"
    )
    kinds = "SELECT kind, count(*) FROM portal_mail WHERE kind IN ('AufgabenFaellig', 'SchichtErinnerung') GROUP BY 1"
    before = dict(line.split("|") for line in portal.sql(kinds).splitlines())
    failures = []

    def run():
        result = subprocess.run(
            [PY, "manage.py", "shell", "-c", code], env=portal.env(), cwd=ROOT, capture_output=True, text=True
        )
        if result.returncode:
            failures.append(result.stderr[-300:])

    run()
    first = dict(line.split("|") for line in portal.sql(kinds).splitlines())
    run()
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda _: run(), range(2)))
    last = dict(line.split("|") for line in portal.sql(kinds).splitlines())
    new = {
        kind: int(first.get(kind, 0)) - int(before.get(kind, 0)) for kind in ("AufgabenFaellig", "SchichtErinnerung")
    }
    problems = [f"a run failed: {failure}" for failure in failures]
    if first != last:
        problems.append(f"reminders after the first run {first}, after all four {last}")
    if not all(new.values()):
        problems.append(f"the first run queued {new}")
    checked = (
        f"the {len(commands)} manage.py commands of deploy/crontab run 4 times (twice in a row, then twice at "
        f"once): the first run queued {new['AufgabenFaellig']} case-task and {new['SchichtErinnerung']} shift "
        "reminders, the other three none"
    )
    return checked, problems


# ---------------------------------------------------------------- load


WRK_SCRIPT = """local urls = {}
for line in io.lines("%s") do urls[#urls + 1] = line end
local position = 0
function request()
    position = position %% #urls + 1
    return wrk.format("GET", urls[position], {["X-Forwarded-For"] = "10.0.0." .. (position %% 250 + 1)})
end
"""


def wrk(portal, seconds, connections=32):
    urls = portal.work / "urls.txt"
    urls.write_text("\n".join(PUBLIC_URLS) + "\n")
    script = portal.work / "mix.lua"
    script.write_text(WRK_SCRIPT % urls)
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(script),
            f"http://127.0.0.1:{portal.port}/",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def ms(label):
        number, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE).groups()
        return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": ms("50%"),
        "p99": ms("99%"),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": errors.group(1) if errors else "",
    }


def booted(portal, name="gunicorn"):
    return (portal.work / f"{name}.log").read_text(errors="replace").count("Booting worker with pid")


def rss_mb(pids):
    sizes = []
    for pid in pids:
        with contextlib.suppress(OSError):
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return sizes


def measure(portal, seconds, name="gunicorn"):
    for path in PUBLIC_URLS:  # warm-up, not counted
        for _ in range(4):
            portal.get(path)
    boots = booted(portal, name)
    result = wrk(portal, seconds)
    result["restarts"] = booted(portal, name) - boots
    result["rss"] = max(rss_mb(portal.gunicorn_workers(name)) or [0])
    return result


def row_load(portal):
    result = measure(portal, portal.args.load_seconds)
    checked = (
        f"wrk -c32 {portal.args.load_seconds} s over {len(PUBLIC_URLS)} public URLs ({' '.join(GUNICORN_SETTINGS)}): "
        f"{result['rps']:.0f} req/s, p50 {result['p50']:.0f} ms, p99 {result['p99']:.0f} ms, "
        f"{result['restarts']} worker restarts, {result['non_2xx']} non-2xx"
    )
    problems = []
    if result["p99"] > 500:
        problems.append(f"p99 {result['p99']:.0f} ms")
    if result["non_2xx"] or result["socket_errors"]:
        problems.append(f"{result['non_2xx']} non-2xx, socket errors {result['socket_errors']}")
    return checked, problems


LOAD_VARIANTS = [
    (
        "--max-requests 2000 --max-requests-jitter 200 (documented before)",
        ["--workers", "4", "--timeout", "30", "--max-requests", "2000", "--max-requests-jitter", "200"],
    ),
    ("--max-requests 100000 --max-requests-jitter 10000 (documented)", GUNICORN_SETTINGS),
    (
        "--preload --max-requests 2000 --max-requests-jitter 200",
        ["--preload", "--workers", "4", "--timeout", "30", "--max-requests", "2000", "--max-requests-jitter", "200"],
    ),
    ("no --max-requests", ["--workers", "4", "--timeout", "30"]),
]


def load_compare(portal, seconds):
    print(
        f"| gunicorn (4 sync workers, --timeout 30) | req/s | p50 ms | p99 ms | worker restarts in {seconds} s "
        "| RSS MB |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for label, settings in LOAD_VARIANTS:
        portal.stop_process("gunicorn")
        portal.start_gunicorn(settings=settings)
        result = measure(portal, seconds)
        print(
            f"| `{label}` | {result['rps']:.0f} | {result['p50']:.0f} | {result['p99']:.0f} | "
            f"{result['restarts']} | {result['rss']:.0f} |",
            flush=True,
        )


ROW_CHECKS = {
    "smtp-refuses": row_smtp_refuses,
    "smtp-hangs": row_smtp_hangs,
    "redis-stopped": row_redis_stopped,
    "redis-back-old-data": row_redis_back_old_data,
    "redis-hangs": row_redis_hangs,
    "restore": row_restore,
    "postgres-killed": row_postgres_killed,
    "worker-killed-upload": row_worker_killed_upload,
    "media-read-only": row_media_read_only,
    "media-full": row_media_full,
    "sqlite-production": row_sqlite_production,
    "cron-twice": row_cron_twice,
    "load": row_load,
}


def run_row(portal, row):
    if row.needs_root and os.geteuid() != 0:
        return "needs root", SKIPPED
    try:
        checked, outcome = ROW_CHECKS[row.key](portal)
    except Exception as error:  # noqa: BLE001 - the row failed; the others still run
        return f"{type(error).__name__}: {str(error)[-300:]}", FAILED
    if isinstance(outcome, str):
        return checked, outcome
    return (checked + ("; " + "; ".join(outcome) if outcome else "")), (FAILED if outcome else HELD)


def main(argv=None):
    args = parse_args(argv)
    if args.list:
        for row in ROWS:
            print(f"{row.key:<22} {row.fault}{'  (root)' if row.needs_root else ''}")
        return 0
    portal = Portal(args)
    failed = False
    try:
        print(f"Starting (work folder {portal.work}) …", file=sys.stderr, flush=True)
        portal.start()
        if args.load_compare:
            load_compare(portal, args.load_compare)
            return 0
        print("| Fault | Checked | Result |")
        print("|---|---|---|")
        for row in ROWS:
            if row.key not in args.rows:
                continue
            checked, result = run_row(portal, row)
            failed |= result == FAILED
            print(f"| {row.fault} | {checked} | {result} |", flush=True)
    finally:
        portal.stop()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
