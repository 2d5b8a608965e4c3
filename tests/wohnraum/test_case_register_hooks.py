"""The case register asks wohnraum for its part of a case (Art. 15 export, anonymisation) through
hooks: faelle never imports wohnraum."""

from django.utils import timezone

from intern.faelle.selectors import auskunft_daten
from intern.faelle.services import anonymisieren
from tests.factories import PersonFactory, VermittlungFactory, WohnungsangebotFactory, WohnungssucheFactory
from wohnraum.models import Vermittlung


def test_a_persons_export_holds_the_households_housing_search_and_placements(db):
    person = PersonFactory()
    suche = WohnungssucheFactory(fall=person.fall, personen=4)
    VermittlungFactory(suche=suche, angebot=WohnungsangebotFactory(adresse="Filsweg 12"))

    export = auskunft_daten(person)

    assert export["housing_search"]["household_size"] == 4
    assert [p["flat"] for p in export["housing_placements"]] == ["Filsweg 12"]


def test_a_person_without_a_housing_search_has_none_in_the_export(db):
    export = auskunft_daten(PersonFactory())
    assert export["housing_search"] is None and export["housing_placements"] == []


def test_anonymising_a_case_calls_off_its_open_placements_and_drops_their_notes(db):
    suche = WohnungssucheFactory()
    VermittlungFactory(suche=suche, nachbetreuung_notiz="Kommt gut zurecht", geteilt_am=timezone.now())

    anonymisieren(suche.fall)

    vermittlung = Vermittlung.objects.get()
    assert vermittlung.status == "abgebrochen"
    assert vermittlung.nachbetreuung_notiz is None and vermittlung.geteilt_am is None
    assert vermittlung.erstellt_von is None
