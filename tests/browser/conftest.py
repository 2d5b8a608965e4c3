"""Browser tests: Debian's Chromium driven by Playwright, axe-core for accessibility.

Without Chromium they are skipped with a reason; under CI=true a missing browser fails.
"""

import json
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import totp_code

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# Playwright's sync API runs an event loop in this thread; the ORM calls in the test's
# own setup are synchronous all the same.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists() or shutil.which("chromium"):
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"CI=true but Chromium is missing at {CHROMIUM}: browser tests must run in CI.")
    skip = pytest.mark.skip(reason=f"Chromium not installed at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def browser():
    """One Chromium per test, started after the test's database setup and closed before its flush.
    While Playwright's sync API runs, its event loop counts as running in this thread, and Django then
    hands out other database connections than the test runner's, which do not carry the data for the
    serialized rollback: a test would start from an empty database."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def watch_csp(page):
    """Collect what the Content-Security-Policy blocked on this page: a test fails on any of it."""
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(f"{page.url}: {message.text}") if "Content Security Policy" in message.text else None
        ),
    )
    return blocked


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    blocked = watch_csp(page)
    yield page
    context.close()
    assert blocked == [], "\n".join(blocked)


@pytest.fixture
def demo(live_server, tmp_path, settings):
    """The demo content and logins, served by a live server."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.PORTAL_BASE_URL = live_server.url
    credentials = tmp_path / "logins.json"
    with open(os.devnull, "w") as devnull:
        call_command("seed_demo", credentials_json=credentials, stdout=devnull)
    return {"url": live_server.url, "logins": json.loads(credentials.read_text())}


def sign_in_to_cms(page, demo):
    """The seeded editor signs in: password, then the code from the authenticator app."""
    login = demo["logins"]["Redaktion"]
    page.goto(demo["url"] + "/cms/")
    page.get_by_label("E-Mail").fill(login["email"])
    page.get_by_label("Passwort").fill(login["password"])
    page.get_by_role("button", name="Anmeldung").click()
    page.wait_for_url("**/2fa/authenticate/**")
    page.get_by_label("Code").fill(totp_code(login["totp"]))
    page.get_by_role("button", name="Anmeldung").click()
    page.wait_for_url("**/cms/")
