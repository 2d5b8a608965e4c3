import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Page

from home.models import HandlungsfeldPage, IntegrationsbegriffPage, NewsArticlePage
from home.plan import read_plan
from portal import roles
from portal.models import User
from tests.conftest import totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(tmp_path):
    credentials = tmp_path / "logins.json"
    call_command("seed_demo", credentials_json=credentials, stdout=open("/dev/null", "w"))  # noqa: SIM115
    return json.loads(credentials.read_text())


def test_roles_exist_as_groups():
    assert set(Group.objects.values_list("name", flat=True)) == set(roles.ALL_ROLES)


def test_seed_is_idempotent(seeded, tmp_path):
    pages, users = Page.objects.count(), User.objects.count()
    again = tmp_path / "again.json"
    call_command("seed_demo", credentials_json=again, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Page.objects.count(), User.objects.count()) == (pages, users)
    assert json.loads(again.read_text()) == seeded, "the same TOTP secrets are printed again"


def test_seed_refuses_production(settings):
    settings.PORTAL_ENVIRONMENT = "production"
    with pytest.raises(CommandError):
        call_command("seed_demo")


def test_healthz_reveals_nothing(client):
    response = client.get("/healthz")
    assert response.json() == {"status": "ok"}


def test_seed_demo_builds_the_portal(seeded, client):
    """One seed, many checks: seeding is the slow part."""
    # seed prints one login per role with totp for staff
    assert set(seeded) == {"Konto", *roles.ALL_ROLES}
    for role, login in seeded.items():
        user = User.objects.get(email=login["email"])
        assert user.check_password(login["password"])
        assert bool(login["totp"]) == (role in roles.MFA_REQUIRED_ROLES), role
        if role in roles.ALL_ROLES:
            assert user.groups.filter(name=role).exists()
        assert user.emailaddress_set.filter(verified=True).exists()

    # seed builds the plan
    plan = read_plan()
    begriff = IntegrationsbegriffPage.objects.get(locale__language_code="de")
    assert begriff.praeambel_paragraphs() == plan.praeambel
    assert plan.praeambel[0].startswith("In Plochingen wird Zusammenhalt gelebt")
    assert HandlungsfeldPage.objects.filter(locale__language_code="de").count() == 7
    html = client.get("/de/integrationsbegriff/").content.decode()
    for paragraph in plan.praeambel:
        assert paragraph in html
    html = client.get("/de/handlungsfelder/handlungsfeld-2/").content.decode()
    assert "Betreuung der Unterkunft „Filsweg 7“ durch einen „Sozialhausmeister“" in html

    # seed translates the core pages
    response = client.get("/ar/integrationsbegriff/")
    assert response.context["page"].locale.language_code == "ar"
    assert "notice--translation" not in response.content.decode()
    assert client.get("/uk/").context["page"].locale.language_code == "uk"

    # seed dates are relative to today
    from django.utils import timezone

    newest = NewsArticlePage.objects.order_by("-date").first()
    assert 0 <= (timezone.localdate() - newest.date).days <= 7

    # seeded staff can log in with the printed secret
    login = seeded[roles.REDAKTION]
    response = client.post("/de/konto/login/?next=/cms/", {"login": login["email"], "password": login["password"]})
    assert response.url.startswith("/de/konto/2fa/authenticate/")
    response = client.post("/de/konto/2fa/authenticate/", {"code": totp_code(login["totp"])})
    assert response.url == "/cms/"
    assert client.get("/cms/").status_code == 200

    # demo totp prints current codes
    from io import StringIO

    out = StringIO()
    call_command("demo_totp", stdout=out)
    lines = dict(line.split() for line in out.getvalue().splitlines())
    login = seeded[roles.PERSONAL]
    assert lines[login["email"]] == totp_code(login["totp"])

    # the offers from the plan, translated, with both Infoblatt variants
    from angebote.models import AngebotPage, InfoblattPage

    assert AngebotPage.objects.filter(locale__language_code="de").count() == 11
    assert InfoblattPage.objects.filter(locale__language_code="de").count() == 2
    assert client.get("/ar/angebote/").context["page"].locale.language_code == "ar"

    # the Beirat: members, a past meeting with approved minutes and documents, an upcoming one
    # with an invitation, two public recommendations, and every measure of the plan
    from beirat.models import EmpfehlungPage, Planmassnahme, Sitzung

    past, upcoming = Sitzung.objects.order_by("beginn")
    assert past.protokoll.live and past.unterlagen.count() == 2
    assert upcoming.beginn > timezone.now() and upcoming.einladung_versendet_am is not None
    assert EmpfehlungPage.objects.filter(locale__language_code="de").live().count() == 2
    measures = Planmassnahme.objects.filter(locale__language_code="de")
    assert measures.count() == 1 + sum(len(feld.massnahmen) for feld in plan.handlungsfelder)
    assert set(measures.values_list("handlungsfeld", flat=True)) == set(range(1, 8))
    assert Planmassnahme.objects.filter(locale__language_code="ar").count() == measures.count()
    html = client.get("/ar/beirat/massnahmen/").content.decode()
    assert 'lang="ar" dir="rtl"' in html and "RAUMTEILER" in html
    assert client.get("/ar/beirat/").context["page"].locale.language_code == "ar"
    from django.test import Client

    member = Client()
    login = seeded[roles.BEIRAT]
    member.post("/de/konto/login/", {"login": login["email"], "password": login["password"]})
    html = member.get(f"/de/beirat/intern/sitzungen/{past.pk}/").content.decode()
    assert "Das Integrationsmanagement berichtet" in html  # the minutes of TOP 2
    assert past.protokoll.punkte.count() == past.tagesordnung.count()

    # the case register and housing: households, a round table, landlords' offers, one placement
    from intern.faelle.models import Fall, RunderTisch
    from wohnraum.models import Vermittlung, Wohnungsangebot

    assert Fall.objects.count() >= 20 and RunderTisch.objects.filter(beschluesse__isnull=False).exists()
    assert Wohnungsangebot.objects.count() == 3
    assert Vermittlung.objects.filter(status="eingezogen").count() == 1
    assert client.get("/ar/wohnraum/").context["page"].locale.language_code == "ar"

    # training and recruitment: courses with sessions, staff in several departments with partial
    # completion, two job postings and applicants at different stages
    from intern.fortbildung.models import Kurs, Kursanmeldung, Kurstermin, Mitarbeiter
    from stellen.models import Bewerbung, StellenangebotPage

    assert Kurs.objects.count() >= 3 and Kurstermin.objects.filter(beginn__gt=timezone.now()).exists()
    assert Mitarbeiter.objects.values("abteilung").distinct().count() >= 3
    trained = set(Kursanmeldung.objects.teilgenommen().values_list("user", flat=True))
    assert 0 < len(trained & set(Mitarbeiter.objects.values_list("user", flat=True))) < Mitarbeiter.objects.count()
    postings = StellenangebotPage.objects.filter(locale__language_code="de").live()
    assert postings.count() == 2
    assert len(set(Bewerbung.objects.values_list("status", flat=True))) >= 3
    assert client.get(postings.first().url.replace("/de/", "/ar/", 1)).status_code == 200
