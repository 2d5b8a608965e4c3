"""The move of the Verein from `ehrenamt` to `verein` keeps every row, its values and its links
(tables stay, content types are renamed)."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import Page

from tests.factories import UserFactory
from verein.models import Beitrag, Mitglied, Sprechrunde, VereinPage, Vereinskonto

# Before the move; unapplying ehrenamt 0009 also unapplies verein 0001 and ehrenamt 0010, which need it.
BEFORE = [("ehrenamt", "0008_mitmachen_kontakt")]
MOVED = ["vereinpage", "mitglied", "beitrag", "sprechrunde", "vereinskonto"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_move_keeps_members_fees_dates_the_account_and_the_page(site_pages):
    seite = VereinPage(
        title="Verein", slug="verein", intro="<p>Werden Sie Mitglied.</p>", beitrag_ordentlich=24, beitrag_foerdernd=60
    )
    site_pages.home.add_child(instance=seite)
    konto_user = UserFactory(email="lena@example.org")
    eingang = timezone.now() - datetime.timedelta(days=3)
    beginn = timezone.now() + datetime.timedelta(days=10)
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps
        assert ContentType.objects.get_for_id(Page.objects.get(pk=seite.pk).content_type_id).app_label == "ehrenamt"
        assert not ContentType.objects.filter(app_label="verein").exists()
        mitglied = old.get_model("ehrenamt", "Mitglied").objects.create(
            user_id=konto_user.pk,
            mitgliedsnummer=1007,
            vorname="Lena",
            nachname="Berger",
            strasse="Filsweg 3",
            plz="73207",
            ort="Plochingen",
            email="lena@example.org",
            geburtsdatum=datetime.date(1980, 5, 1),
            art="foerdernd",
            status="aktiv",
            eintritt=datetime.date(2026, 1, 1),
            einwilligung_am=eingang,
            sprache="uk",
        )
        beitrag = old.get_model("ehrenamt", "Beitrag").objects.create(
            mitglied=mitglied, jahr=2026, betrag=Decimal("60.00"), bezahlt_am=datetime.date(2026, 2, 1)
        )
        sprechrunde = old.get_model("ehrenamt", "Sprechrunde").objects.create(
            beginn=beginn, ort="Begegnungszentrum", thema="Jahresplanung"
        )
        konto = old.get_model("ehrenamt", "Vereinskonto").objects.create(
            kontoinhaber="LBF Plochingen e. V.",
            iban="DE02 1203 0000 0000 2020 51",
            bic="BYLADEM1001",
            bank="Beispielbank",
            verwendungszweck="Beitrag {jahr} Nr. {nummer}",
        )
    finally:  # whatever happens, the tests after this one find the current schema
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    neu = Mitglied.objects.get(pk=mitglied.pk)
    assert (neu.user, neu.mitgliedsnummer, neu.vorname, neu.nachname, neu.email, neu.sprache) == (
        konto_user,
        1007,
        "Lena",
        "Berger",
        "lena@example.org",
        "uk",
    )
    assert (neu.art, neu.status, neu.eintritt, neu.einwilligung_am, neu.geburtsdatum) == (
        Mitglied.Art.FOERDERND,
        Mitglied.Status.AKTIV,
        datetime.date(2026, 1, 1),
        eingang,
        datetime.date(1980, 5, 1),
    )
    assert list(konto_user.mitgliedschaften.all()) == [neu]
    fee = Beitrag.objects.get(pk=beitrag.pk)
    assert (fee.mitglied, fee.jahr, fee.betrag, fee.bezahlt_am) == (
        neu,
        2026,
        Decimal("60.00"),
        datetime.date(2026, 2, 1),
    )
    assert list(neu.beitraege.all()) == [fee]
    termin = Sprechrunde.objects.get(pk=sprechrunde.pk)
    assert (termin.beginn, termin.ort, termin.thema) == (beginn, "Begegnungszentrum", "Jahresplanung")
    account = Vereinskonto.objects.get(pk=konto.pk)
    assert (account.kontoinhaber, account.iban, account.bic, account.bank) == (
        "LBF Plochingen e. V.",
        "DE02 1203 0000 0000 2020 51",
        "BYLADEM1001",
        "Beispielbank",
    )
    assert account.referenz(neu, 2026) == "Beitrag 2026 Nr. 1007"
    # The page keeps its row and now has the content type of this app.
    page = Page.objects.get(pk=seite.pk)
    assert ContentType.objects.get_for_id(page.content_type_id).app_label == "verein"
    assert isinstance(page.specific, VereinPage) and page.specific.beitrag_foerdernd == Decimal("60.00")
    assert not ContentType.objects.filter(app_label="ehrenamt", model__in=MOVED).exists()
    assert set(ContentType.objects.filter(app_label="verein").values_list("model", flat=True)) >= set(MOVED)
