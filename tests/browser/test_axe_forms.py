"""axe-core on every member and staff form, in German and Arabic.

The forms are found from the access matrix: every entry that anonymous visitors may not see, opened
by the first role allowed to, whose page holds a form. So a new view with a form is swept as soon as
it has its matrix entry.
"""

import re

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.test_browser import assert_no_axe_violations
from tests.conftest import ALL_ROLES, ANONYMOUS, login, make_user
from tests.test_access_matrix import ENTRIES, restricted_content  # noqa: F401 (the matrix's fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The Wagtail admin is Wagtail's own interface; its accessibility is Wagtail's checker's job.
NOT_OURS = ("/cms/", "/documents/")


def form_pages(content):
    """{role: [url, ...]}: the member and staff pages with a form, each under the first role allowed."""
    found, clients = {}, {}
    for entry in ENTRIES:
        if entry.expected[ANONYMOUS] == 200:
            continue
        role = next((r for r in ALL_ROLES if r != ANONYMOUS and entry.expected[r] == 200), None)
        url = entry.url.format(**content)
        if role is None or url.startswith(NOT_OURS) or not url.startswith("/de/"):
            continue
        if role not in clients:
            clients[role] = login(Client(), make_user(role))
        response = clients[role].get(url)
        html = response.status_code == 200 and response["Content-Type"].startswith("text/html")
        if html and not response.streaming and re.search(rb"<form\b", response.content):
            found.setdefault(role, []).append(url)
    return found, {role: client.cookies[settings.SESSION_COOKIE_NAME].value for role, client in clients.items()}


def test_every_member_and_staff_form_in_german_and_arabic(browser, live_server, restricted_content):  # noqa: F811
    pages, sessions = form_pages(restricted_content)
    assert sum(len(urls) for urls in pages.values()) >= 30, pages
    for role, urls in pages.items():
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": sessions[role], "url": live_server.url}])
        page = context.new_page()
        for url in urls:
            for lang in ("de", "ar"):
                localized = url.replace("/de/", f"/{lang}/", 1)
                response = page.goto(live_server.url + localized)
                assert response.status == 200, f"{localized} as {role}: {response.status}"
                assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
                assert_no_axe_violations(page, f"{role}-{localized.strip('/').replace('/', '_')}")
        context.close()
