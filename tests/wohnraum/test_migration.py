"""The move of the Wohnraum page and the landlords' offers from `angebote` to `wohnraum` keeps every
row, its values and its links (tables stay, content types are renamed)."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import Page

from tests.factories import FallFactory
from wohnraum.models import (
    Vermieterkontakt,
    Vermittlung,
    WohnraumPage,
    Wohnungsangebot,
    WohnungsangebotFoto,
    Wohnungssuche,
)

BEFORE = [("angebote", "0007_snippet_drafts"), ("wohnraum", "0001_initial")]


def app_label_of(page):
    """The app label of the page's content type, from the database (not the content type cache)."""
    content_type_id = Page.objects.filter(pk=page.pk).values_list("content_type_id", flat=True).get()
    return ContentType.objects.filter(pk=content_type_id).values_list("app_label", flat=True).get()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_move_keeps_offers_photos_placements_and_the_page(site_pages):
    seite = WohnraumPage(title="Wohnraum", slug="wohnraum", intro="<p>Vermieten Sie an die Stadt.</p>")
    site_pages.home.add_child(instance=seite)
    fall = FallFactory()  # the case register is not part of the move
    eingang = timezone.now() - datetime.timedelta(days=3)
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps
        assert app_label_of(seite) == "angebote"
        angebot = old.get_model("angebote", "Wohnungsangebot").objects.create(
            adresse="Filsweg 12",
            stadtteil="filstal",
            flaeche=Decimal("61.5"),
            zimmer=Decimal("2.5"),
            kaltmiete=Decimal("520.00"),
            warmmiete=Decimal("680.00"),
            frei_ab=datetime.date(2026, 1, 1),
            barrierefrei=True,
            name="Frau Weber",
            email="weber@example.org",
            einwilligung_am=eingang,
            sprache="ar",
            status="besichtigung",
        )
        foto = old.get_model("angebote", "WohnungsangebotFoto").objects.create(
            angebot=angebot, datei="privat/wohnungen/abc.jpg", content_type="image/jpeg"
        )
        suche = old.get_model("wohnraum", "Wohnungssuche").objects.create(
            fall_id=fall.pk, personen=3, mietobergrenze=Decimal("750.00"), stadtteile=["filstal"]
        )
        vermittlung = old.get_model("wohnraum", "Vermittlung").objects.create(
            angebot=angebot, suche=suche, status="besichtigung", besichtigung_am=datetime.date(2026, 1, 5)
        )
        kontakt = old.get_model("wohnraum", "Kontakt").objects.create(
            angebot=angebot, datum=datetime.date(2026, 1, 2), art="email", notiz="Rückruf vereinbart"
        )
    finally:  # whatever happens, the tests after this one find the current schema
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        ContentType.objects.clear_cache()

    neu = Wohnungsangebot.objects.get(pk=angebot.pk)
    assert (neu.adresse, neu.stadtteil, neu.flaeche, neu.zimmer, neu.warmmiete, neu.barrierefrei) == (
        "Filsweg 12",
        "filstal",
        Decimal("61.5"),
        Decimal("2.5"),
        Decimal("680.00"),
        True,
    )
    assert (neu.email, neu.sprache, neu.einwilligung_am, neu.status) == (
        "weber@example.org",
        "ar",
        eingang,
        Wohnungsangebot.Status.BESICHTIGUNG,
    )
    assert list(neu.fotos.values_list("pk", "datei", "content_type")) == [
        (foto.pk, "privat/wohnungen/abc.jpg", "image/jpeg")
    ]
    assert WohnungsangebotFoto.objects.get(pk=foto.pk).angebot == neu
    placement = Vermittlung.objects.get(pk=vermittlung.pk)
    assert (placement.angebot, placement.suche, placement.status) == (
        neu,
        Wohnungssuche.objects.get(pk=suche.pk),
        Vermittlung.Status.BESICHTIGUNG,
    )
    assert placement.suche.fall == fall and list(neu.vermittlungen.all()) == [placement]
    assert (
        Vermieterkontakt.objects.get(pk=kontakt.pk).notiz == "Rückruf vereinbart" and neu.kontakte.get().angebot == neu
    )
    # The page keeps its row and now has the content type of this app.
    page = Page.objects.get(pk=seite.pk)
    assert app_label_of(page) == "wohnraum"
    assert isinstance(page.specific, WohnraumPage) and page.specific.intro == "<p>Vermieten Sie an die Stadt.</p>"
    assert not ContentType.objects.filter(app_label="angebote", model__in=["wohnungsangebot", "wohnraumpage"]).exists()
