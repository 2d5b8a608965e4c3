"""Every public and member form, and the staff forms that choose records by id, fuzzed: whatever
arrives, the answer is never a server error.

The fields are read from the rendered form, so a new field is fuzzed without touching this test.
E-mail-like fields also get line breaks and several addresses, choice fields ids far too large for
the database; uploads include decompression bombs and files with misleading or overlong names.
"""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal import roles
from portal.public_forms import HONEYPOT_FIELD
from tests.angebote.helpers import declared_png, png
from tests.conftest import ACCOUNT, ANONYMOUS, login, make_user
from tests.test_access_matrix import restricted_content  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

FORMS = [
    (ANONYMOUS, "/de/begegnungszentrum/moebelspende/"),
    (ANONYMOUS, "/ar/sozialhausmeister/anliegen/"),
    (ANONYMOUS, "/de/wohnraum/angebot/"),
    (ANONYMOUS, "/fa/verein/antrag/"),
    (ANONYMOUS, "/de/veranstaltungen/cafe/anmelden/"),
    (ANONYMOUS, "/ar/stellen/bauhof/bewerben/"),
    (ANONYMOUS, "/de/konto/signup/"),
    (ANONYMOUS, "/de/konto/login/"),
    (ANONYMOUS, "/de/konto/password/reset/"),
    (ANONYMOUS, "/de/suche/"),
    (ANONYMOUS, "/de/angebote/"),
    (ANONYMOUS, "/de/veranstaltungen/"),
    (ANONYMOUS, "/de/stellen/"),
    (ACCOUNT, "/de/konto/profil/"),
    (ACCOUNT, "/de/ehrenamt/mein-profil/"),
    (roles.BEIRAT, "/de/beirat/intern/meine-angaben/"),
    (roles.VERWALTUNG, "/de/intern/fortbildung/"),
    (ANONYMOUS, "/de/barrierefreiheit/meldung/"),
    # Staff forms whose choice fields name records by id (issue 25, finding 14).
    (roles.TEAMLEITUNG, "{fall}bearbeiten/"),
    (roles.TEAMLEITUNG, "{fall}massnahmen/neu/"),
    (roles.TEAMLEITUNG, "{tisch}"),
    (roles.PERSONAL, "/de/intern/fortbildung/verwaltung/kurse/neu/"),
]

TEXT = st.text(max_size=400)
HUGE = "9" * 60
HUGE_IDS = st.sampled_from([HUGE, "-" + HUGE, "99999999999999999999", "9223372036854775808", "2147483648"])
EMAILISH = st.sampled_from(
    [
        "a@example.org\r\nBcc: b@example.org",
        "a@example.org\nb@example.org",
        "a@example.org\r\n",
        "a@example.org, b@example.org",
        "a@example.org b@example.org",
        "a@example.org;b@example.org",
        "A <a@example.org>",
        "a@example.org\x00",
        "=a@example.org",
    ]
)
NASTY = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "0",
        "-1",
        "99999999999999999999",
        "1e309",
        "NaN",
        "2026-02-30",
        "9999-12-31",
        "0001-01-01",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "=HYPERLINK(1)",
        "ا" * 5000,
        "a@b",
        "x@example.org",
        "../../etc/passwd",
    ]
)
FILE = st.builds(
    lambda content, name: SimpleUploadedFile(name, content),
    st.one_of(
        st.binary(max_size=2000),
        st.just(b"%PDF-1.4\n%%EOF\n"),
        st.just(b"\xff\xd8\xff\xe0"),
        st.sampled_from([declared_png(30000, 30000).read(), declared_png(8000, 6000).read(), png().read()]),
    ),
    st.sampled_from(["a.pdf", "b.jpg", "c.png", "d", "e.exe", "x.html", "f." + "x" * 300]),
)


def form_fields(html):
    """The first form in the page's main content: (method, {name: (kind, options)})."""
    form = BeautifulSoup(html, "html.parser").select_one("main form")
    assert form is not None, "no form in <main>"
    fields = {}
    for element in form.select("input[name], textarea[name], select[name]"):
        name = element["name"]
        if name in ("csrfmiddlewaretoken", HONEYPOT_FIELD):
            continue  # a filled honeypot skips validation: the fuzzer must reach the form
        kind = element.get("type", element.name)
        options = [o.get("value", o.text) for o in element.select("option")] if element.name == "select" else []
        if kind == "hidden":
            options = [element.get("value", "")]  # e.g. which of a page's forms was sent
        if kind in ("radio", "checkbox"):
            options = fields.get(name, ("choice", []))[1] + [element.get("value", "on")]
            kind = "choice"
        if kind == "email" or any(word in name for word in ("email", "kontakt")):
            kind = "email"
        fields[name] = (kind, options)
    return (form.get("method") or "get").lower(), fields


def value_for(kind, options):
    strategies = [TEXT, NASTY]
    if options:
        strategies.append(st.sampled_from(options))
        strategies.append(st.lists(st.sampled_from(options), max_size=3))
        if kind in ("choice", "select"):
            strategies.append(HUGE_IDS)
            strategies.append(st.lists(st.one_of(st.sampled_from(options), HUGE_IDS), min_size=1, max_size=3))
    if kind == "email":
        strategies.append(EMAILISH)
    if kind == "file":
        strategies = [FILE, st.lists(FILE, max_size=6), NASTY]
    return st.one_of(strategies)


@pytest.mark.parametrize("role,url", FORMS)
def test_no_input_gives_a_server_error(role, url, restricted_content, settings_override):  # noqa: F811
    url = url.format(**restricted_content)
    client = Client(raise_request_exception=False)
    user = make_user(role)
    if user is not None:
        login(client, user)
    page = client.get(url)
    assert page.status_code == 200, url
    method, fields = form_fields(page.content.decode())
    data = st.fixed_dictionaries({}, optional={name: value_for(*spec) for name, spec in fields.items()})

    statuses = []

    @settings(
        max_examples=20,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data)
    def send(values):
        if method == "post":
            response = client.post(url, {**values, HONEYPOT_FIELD: ""})
        else:
            response = client.get(url, {k: v for k, v in values.items() if not hasattr(v, "read")})
        statuses.append(response.status_code)
        assert response.status_code < 500, f"{url} {response.status_code} with {values!r}"

    send()
    # The form itself answered (errors shown at the fields), not only a redirect away from it.
    assert 200 in statuses, f"{url}: {sorted(set(statuses))}"


@pytest.fixture
def settings_override(settings):
    settings.PORTAL_PUBLIC_FORM_LIMIT = 10_000
    settings.ACCOUNT_RATE_LIMITS = False


@pytest.mark.parametrize("url", [url for role, url in FORMS if role == ANONYMOUS])
def test_every_free_text_field_of_a_public_form_has_a_length_limit(client, url, restricted_content):  # noqa: F811
    """Issue 25, finding 15: the browser and the form both stop at a limit."""
    method, _fields = form_fields(client.get(url).content.decode())
    if method != "post":
        return  # a search or filter: its one text field is limited by the search itself
    form = BeautifulSoup(client.get(url).content, "html.parser").select_one("main form")
    for element in form.select("textarea, input"):
        if element.name == "textarea" or element.get("type", "text") in ("text", "email", "tel", "search", "url"):
            assert element.get("maxlength", "").isdigit(), f"{url}: {element.get('name')} has no length limit"
