"""Machine-translation drafts through a local fake of the providers' HTTP APIs (never the internet)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail_localize.models import StringTranslation, Translation

from portal import roles
from portal.settings.base import machine_translator
from portal.translation_states import Stand, states
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

# Answers recorded from the providers for the strings of the test page.
RECORDED = json.loads((Path(__file__).parent / "machine_translation_responses.json").read_text(encoding="utf-8"))


class FakeProvider(BaseHTTPRequestHandler):
    """DeepL's POST /v2/translate (form-encoded) and LibreTranslate's POST /translate (JSON)."""

    requests = []
    failing = False

    def log_message(self, *args):
        pass

    def _answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        if self.failing:
            return self._answer(503, {"message": "Service unavailable"})
        if self.path == "/v2/translate":
            form = parse_qs(body)
            FakeProvider.requests.append(("deepl", self.headers.get("Authorization"), form["target_lang"][0]))
            target = form["target_lang"][0].split("-")[0].lower()
            texts = [RECORDED[text][target] for text in form["text"]]
            return self._answer(200, {"translations": [{"detected_source_language": "DE", "text": t} for t in texts]})
        if self.path == "/translate":
            payload = json.loads(body)
            FakeProvider.requests.append(("libretranslate", payload["api_key"], payload["target"]))
            return self._answer(200, {"translatedText": [RECORDED[text][payload["target"]] for text in payload["q"]]})
        return self._answer(404, {"message": "Not found"})


@pytest.fixture
def provider():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeProvider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeProvider.requests = []
    FakeProvider.failing = False
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def deepl(settings, provider):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(
        {"DEEPL_AUTH_KEY": "test-key:fx", "DEEPL_API_URL": provider + "/v2/translate"}
    )
    return provider


@pytest.fixture
def page(site_pages, locales, django_capture_on_commit_callbacks):
    from portal.demo import translate_page

    for locale in (locales["ar"], locales["uk"]):
        translate_page(site_pages.home, locale, RECORDED_HOME)
    german = StandardPageFactory(parent=site_pages.home, slug="seite", title="Beratung für Neuzugewanderte")
    german.save_revision().publish()
    return german


RECORDED_HOME = {
    text: {language: RECORDED[text][language] for language in ("ar", "uk")}
    for text in RECORDED
    if text == "Integrationsportal Plochingen"
}


def machine_translate(editor, page, locale, committed):
    editor.post(f"/cms/localize/submit/page/{page.pk}/", {"locales": [locale.pk]})
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)
    response = editor.post(
        f"/cms/localize/translate/{translation.pk}/machine_translate/?next=/cms/uebersetzungen/", follow=True
    )
    assert response.status_code == 200
    return translation, [str(m) for m in response.context["messages"]]


@pytest.mark.parametrize("language", ["ar", "uk"])
def test_machine_translation_is_a_draft_marked_and_not_public_until_reviewed(
    client_as, deepl, page, locales, language, django_capture_on_commit_callbacks
):
    editor = client_as(roles.REDAKTION)
    locale = locales[language]
    translation, shown = machine_translate(editor, page, locale, django_capture_on_commit_callbacks)
    assert any("DeepL" in message for message in shown)
    assert FakeProvider.requests[-1] == ("deepl", "DeepL-Auth-Key test-key:fx", language.upper())
    strings = StringTranslation.objects.filter(locale=locale, context__object_id=page.translation_key)
    assert strings.exists() and set(strings.values_list("translation_type", flat=True)) == {"machine"}
    assert states([page])[page.translation_key, language] == Stand.MASCHINELL
    # Not public: the German page with the notice.
    public = BeautifulSoup(Client().get(f"/{language}/seite/").content, "html.parser")
    assert public.main["lang"] == "de" and public.h1.get_text() == "Beratung für Neuzugewanderte"

    # Published before review: the page says that a machine translated it.
    target = translation.get_target_instance()
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(f"/cms/pages/{target.pk}/edit/", {"action": "publish"})
    public = BeautifulSoup(Client().get(f"/{language}/seite/").content, "html.parser")
    assert public.h1.get_text() == RECORDED["Beratung für Neuzugewanderte"][language]
    assert public.find(class_="notice--translation").find("a")["href"] == "/de/seite/"
    coverage = editor.get("/cms/uebersetzungen/").content.decode()
    assert f"/cms/uebersetzungen/{translation.pk}/geprueft/" in coverage

    # Reviewed: up to date, no notice.
    editor.post(f"/cms/uebersetzungen/{translation.pk}/geprueft/")
    assert states([page])[page.translation_key, language] == Stand.AKTUELL
    public = BeautifulSoup(Client().get(f"/{language}/seite/").content, "html.parser")
    assert public.find(class_="notice--translation") is None


def test_libretranslate_from_the_environment(
    client_as, settings, provider, page, locales, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(
        {"LIBRETRANSLATE_URL": provider + "/", "LIBRETRANSLATE_API_KEY": "lt-key"}
    )
    editor = client_as(roles.REDAKTION)
    _translation, shown = machine_translate(editor, page, locales["ar"], django_capture_on_commit_callbacks)
    assert any("LibreTranslate" in message for message in shown)
    assert FakeProvider.requests == [("libretranslate", "lt-key", "ar")]
    assert states([page])[page.translation_key, "ar"] == Stand.MASCHINELL


def test_a_failing_provider_translates_nothing_and_the_editor_goes_on(
    client_as, deepl, page, locales, django_capture_on_commit_callbacks
):
    FakeProvider.failing = True
    editor = client_as(roles.REDAKTION)
    _translation, _shown = machine_translate(editor, page, locales["ar"], django_capture_on_commit_callbacks)
    assert not StringTranslation.objects.filter(locale=locales["ar"], context__object_id=page.translation_key).exists()
    assert states([page])[page.translation_key, "ar"] == Stand.IN_ARBEIT


def test_without_a_provider_the_editor_offers_no_machine_translation(client_as, page, locales):
    assert machine_translator({}) is None
    editor = client_as(roles.REDAKTION)
    editor.post(f"/cms/localize/submit/page/{page.pk}/", {"locales": [locales["ar"].pk]})
    target = page.get_translation(locales["ar"])
    response = editor.get(f"/cms/pages/{target.pk}/edit/")
    props = json.loads(
        BeautifulSoup(response.content, "html.parser").find(class_="js-translation-editor")["data-props"]
    )
    assert props["machineTranslator"] is None
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=locales["ar"])
    # (An unknown URL below /cms/ is sent on to /de/cms/…, which does not exist either.)
    response = editor.post(f"/cms/localize/translate/{translation.pk}/machine_translate/", follow=True)
    assert response.status_code == 404


def test_english_goes_to_deepl_as_british_english(client_as, deepl, page, locales, django_capture_on_commit_callbacks):
    from portal.demo import translate_page

    translate_page(page.get_parent().specific, locales["en"], RECORDED_HOME)
    editor = client_as(roles.REDAKTION)
    machine_translate(editor, page, locales["en"], django_capture_on_commit_callbacks)
    assert FakeProvider.requests[-1][2] == "EN-GB"
