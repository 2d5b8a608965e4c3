"""Valid HTML: the W3C Nu HTML Checker (vnu.jar from the npm package vnu-jar, pinned in package-lock.json,
installed by `make install`; it runs on Java 17) over one page of every public page type of the demo and the
public views (search, sign-in, forms), in German and in Arabic. Errors fail the test; warnings do not.

The checker is started once for all pages: a JVM per page would take seconds each. Without Java or the jar
the test is skipped with a reason, except under CI=true, where it must run.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.browser.test_axe_sweep import one_page_per_type

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.django_db

# Public views that are not pages of their own type: search, sign-in, the calendar and the public forms.
VIEWS = [
    "/{lang}/suche/?q=Beratung",
    "/{lang}/suche/?q=Zqxwvy",
    "/{lang}/konto/login/",
    "/{lang}/konto/signup/",
    "/{lang}/veranstaltungen/kalender/",
    "/{lang}/verein/antrag/",
    "/{lang}/veranstaltungen/vortragsreihe-ankommen/anmelden/",
]


@pytest.fixture
def vnu():
    missing = []
    if not shutil.which("java"):
        missing.append("Java 17 (apt-get install openjdk-17-jre-headless)")
    if not VNU_JAR.exists():
        missing.append(f"{VNU_JAR} (make install)")
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but the HTML checker cannot run: missing {', '.join(missing)}")
        pytest.skip(f"the HTML checker needs {', '.join(missing)}")
    return validate


def validate(documents, directory):
    """{name: html} -> ["name:line: message", ...], every error the checker reports, in one JVM."""
    directory.mkdir(parents=True, exist_ok=True)
    names = {}
    for name, html in documents.items():
        path = (directory / f"{name}.html").resolve()
        path.write_bytes(html)
        names[str(path)] = name
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", "--exit-zero-always", *names],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = []
    for message in messages:
        url = message.get("url", "")  # file:/tmp/…/Name.html
        name = names.get(url.removeprefix("file:"), url)
        extract = message.get("extract", "").strip().replace("\n", " ")
        errors.append(f"{name}:{message.get('lastLine', '?')}: {message['message']}  [{extract}]")
    return errors


def test_the_checker_reports_errors(vnu, tmp_path):
    """So that the test below cannot pass because the checker did not look."""
    broken = b'<!DOCTYPE html><html lang="de"><head><title>x</title></head><body><p><div>x</div></p></body></html>'
    valid = b'<!DOCTYPE html><html lang="de"><head><title>x</title></head><body><p>x</p></body></html>'
    errors = vnu({"broken": broken, "valid": valid}, tmp_path)
    assert errors, "the checker reported nothing for a p element closed twice"
    assert all(error.startswith("broken:") for error in errors), errors


def test_every_public_page_type_in_german_and_arabic_is_valid_html(vnu, client, tmp_path):
    call_command("seed_demo", credentials_json=tmp_path / "logins.json", stdout=open(os.devnull, "w"))  # noqa: SIM115
    pages = one_page_per_type()
    assert len(pages) >= 20, f"the demo shows too few page types: {sorted(t.__name__ for t in pages)}"
    urls = {
        f"{page_type.__name__}-{{lang}}": page.get_url().replace("/de/", "/{lang}/", 1)
        for page_type, page in pages.items()
    }
    urls.update({view.strip("/").replace("/", "_").replace("?", "_"): view for view in VIEWS})
    documents = {}
    for name, url in urls.items():
        for lang in ("de", "ar"):
            response = client.get(url.format(lang=lang))
            assert response.status_code == 200, f"{name}: {url.format(lang=lang)} answered {response.status_code}"
            assert response["Content-Type"].startswith("text/html"), url
            documents[name.format(lang=lang)] = response.content
    errors = vnu(documents, tmp_path / "pages")
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(errors)
