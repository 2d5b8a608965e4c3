"""A Beirat member reads the minutes per agenda item, answers the invitation (with a comment and a deputy)
and downloads a document and the minutes as PDF; a volunteer cannot."""

import datetime

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Collection

from beirat.models import Beiratsmitglied, Planmassnahme, Rueckmeldung, Unterlage
from beirat.services import freigabe_entscheiden, protokoll_speichern, zur_freigabe
from portal import roles
from portal.demo import translate_page, translate_snippet
from tests.browser.test_browser import assert_no_axe_violations
from tests.browser.test_ehrenamt import sign_in
from tests.factories import (
    BeiratPageFactory,
    MonitorPageFactory,
    PlanmassnahmeFactory,
    SitzungFactory,
    UserFactory,
    volunteer,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_member_reads_minutes_answers_and_downloads_and_a_volunteer_cannot(browser, live_server, site_pages):
    vorsitz = UserFactory(roles=[roles.BEIRAT_VORSITZ])
    schrift = UserFactory(roles=[roles.BEIRAT_SCHRIFTFUEHRUNG])
    member = UserFactory(first_name="Nadia", roles=[roles.BEIRAT])
    past = SitzungFactory(
        titel="Sitzung im Frühjahr",
        beginn=timezone.now() - datetime.timedelta(days=30),
        ende=timezone.now() - datetime.timedelta(days=30, hours=-2),
    )
    punkte = [
        {"nummer": 1, "titel": "Begrüßung", "diskussion": "", "beschlossen": "", "verantwortlich": ""},
        {
            "nummer": 2,
            "titel": "Bericht",
            "diskussion": "Eltern kleiner Kinder fehlen in den Kursen.",
            "beschlossen": "Empfehlung zu Sprachkursen.",
            "verantwortlich": "Vorsitz",
        },
    ]
    protokoll = protokoll_speichern(past, "Anwesend: 6 Mitglieder.", schrift, punkte=punkte)
    deputy = Beiratsmitglied.objects.create(name="Sami Yilmaz", funktion="stellv_mitglied")
    zur_freigabe(protokoll, schrift)
    freigabe_entscheiden(protokoll, vorsitz, "approve")
    upcoming = SitzungFactory(titel="Sitzung im Herbst")
    collection = Collection.objects.get(name=settings.PORTAL_BEIRAT_COLLECTION)
    document = Document.objects.create(
        title="Bericht des Integrationsmanagements",
        collection=collection,
        file=ContentFile(b"%PDF-1.4 Bericht-3317", "bericht.pdf"),
    )
    Unterlage.objects.create(dokument=document, sitzung=past)

    page = sign_in(browser, live_server, member)
    page.goto(f"{live_server.url}/de/beirat/intern/")
    assert_no_axe_violations(page, "beirat-intern")
    page.get_by_role("link", name="Sitzung im Frühjahr").click()
    page.wait_for_url(f"**/beirat/intern/sitzungen/{past.pk}/")
    assert page.get_by_text("Empfehlung zu Sprachkursen.").count() == 1
    assert page.get_by_text("Eltern kleiner Kinder fehlen in den Kursen.").count() == 1
    assert page.get_by_text("Freigegeben", exact=True).count() == 1
    pdf = page.request.get(live_server.url + page.locator("#protokoll-pdf").get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert_no_axe_violations(page, "beirat-sitzung")
    link = page.get_by_role("link", name="Bericht des Integrationsmanagements")
    download = page.request.get(live_server.url + link.get_attribute("href"))
    assert download.ok and b"Bericht-3317" in download.body()

    page.goto(f"{live_server.url}/de/beirat/intern/sitzungen/{upcoming.pk}/")
    page.get_by_label("Ja, ich nehme teil").check()
    page.get_by_role("button", name="Antwort senden").click()
    page.wait_for_url(f"**/beirat/intern/sitzungen/{upcoming.pk}/")
    assert Rueckmeldung.objects.get(sitzung=upcoming, user=member).antwort == "ja"
    assert page.get_by_role("cell", name="nimmt teil").count() == 1
    # Plans change: no, with a comment and a deputy member who goes instead.
    page.locator('input[name="antwort"][value="nein"]').check()
    page.locator("#antwort_kommentar").fill("Dienstreise")
    page.locator("#antwort_vertretung").select_option(label="Sami Yilmaz")
    page.get_by_role("button", name="Antwort senden").click()
    page.wait_for_url(f"**/beirat/intern/sitzungen/{upcoming.pk}/")
    antwort = Rueckmeldung.objects.get(sitzung=upcoming, user=member)
    assert (antwort.antwort, antwort.kommentar, antwort.vertretung) == ("nein", "Dienstreise", deputy)
    assert page.get_by_role("cell", name="hat abgesagt").count() == 1
    assert page.locator("#antworten").get_by_text("Sami Yilmaz").count() == 1
    assert_no_axe_violations(page, "beirat-sitzung-antwort")

    outsider = sign_in(browser, live_server, volunteer())
    for url in (
        f"/de/beirat/intern/sitzungen/{past.pk}/",
        f"/ar/beirat/intern/sitzungen/{past.pk}/",
        document.url,
    ):
        response = outsider.goto(live_server.url + url)
        assert response.status == 403, url
        assert "TOP 2" not in outsider.content() and "Bericht-3317" not in outsider.content()


def test_public_beirat_page_and_monitor_have_no_axe_violations(page, live_server, site_pages, locales):
    beirat = BeiratPageFactory(parent=site_pages.home)
    monitor = MonitorPageFactory(parent=beirat)
    for nummer in range(1, 8):
        for status in ("umgesetzt", "geplant"):
            PlanmassnahmeFactory(handlungsfeld=nummer, status=status)
    erste = Planmassnahme.objects.order_by("handlungsfeld", "nummer").first()
    translate_page(site_pages.home, locales["ar"], {})
    translate_page(beirat, locales["ar"], {})
    translate_page(monitor, locales["ar"], {})
    translate_snippet(erste, locales["ar"], {erste.titel: {"ar": "صياغة مفهوم مشترك للاندماج"}})

    for lang in ("de", "ar"):
        page.goto(f"{live_server.url}/{lang}/beirat/")
        assert_no_axe_violations(page, f"beirat-{lang}")
        page.goto(f"{live_server.url}/{lang}/beirat/massnahmen/")
        assert_no_axe_violations(page, f"monitor-{lang}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.get_by_text("صياغة مفهوم مشترك للاندماج").count() == 1
