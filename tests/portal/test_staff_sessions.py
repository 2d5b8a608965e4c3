"""Staff sessions end after a time without a request, in the CMS as in /intern/ (issue 25, 15)."""

import pytest

from portal import roles
from tests.conftest import login
from tests.factories import UserFactory, activate_totp

pytestmark = pytest.mark.django_db

LAST_SEEN = "portal_intern_last_seen"


@pytest.fixture
def editor(client, site_pages):
    user = UserFactory(roles=[roles.REDAKTION])
    activate_totp(user)
    return login(client, user)


def idle(client, settings):
    session = client.session
    session[LAST_SEEN] -= settings.PORTAL_INTERN_SESSION_IDLE + 1
    session.save()


def test_a_cms_session_ends_after_inactivity(editor, settings):
    assert editor.get("/cms/").status_code == 200
    idle(editor, settings)
    response = editor.get("/cms/pages/")
    assert response.status_code == 302 and "/konto/login/" in response.url
    assert editor.get("/de/konto/profil/").status_code == 302, "signed out everywhere"


def test_the_cms_keeps_a_session_that_is_used(editor, settings):
    assert editor.get("/cms/").status_code == 200
    session = editor.session
    session[LAST_SEEN] -= settings.PORTAL_INTERN_SESSION_IDLE - 120
    session.save()
    assert editor.get("/cms/pages/").status_code == 200
    assert editor.get("/cms/").status_code == 200


def test_an_open_editor_pinging_in_the_background_is_no_activity(editor, settings):
    assert editor.get("/cms/").status_code == 200
    before = editor.session[LAST_SEEN]
    session = editor.session
    session[LAST_SEEN] = before - 120
    session.save()
    editor.post("/cms/editing-sessions/ping/wagtailcore/page/1/1/")
    assert editor.session[LAST_SEEN] == before - 120
