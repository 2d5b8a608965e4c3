"""Round tables: a decision goes to the named office and the minutes say what, but name no one."""

import pytest
from django.utils import timezone

from intern.audit.models import AuditEintrag
from intern.faelle.models import Massnahme, RunderTisch
from portal import roles
from tests.factories import (
    FallFactory,
    FallMassnahmeFactory,
    RunderTischFactory,
    UserFactory,
    activate_totp,
    case_worker,
)
from tests.faelle.helpers import signed_in

pytestmark = pytest.mark.django_db


def test_round_table_decision_goes_to_the_lbf_and_the_minutes_say_what_but_name_no_one(worker):
    fall = FallFactory(pseudonym="Haushalt Linde", bearbeitende=[worker])
    fall.personen.create(vorname="Amal", nachname="Haddad")
    fall.einwilligungen.create(erteilt_am=timezone.localdate(), empfaenger=["lbf"])
    fall.bedarfe.create(lebensbereich="wohnen", status="bedarf", prioritaet=1)
    fall.bedarfe.create(lebensbereich="arbeit", status="kein_bedarf")
    FallMassnahmeFactory(fall=fall, lebensbereich="wohnen", beschreibung="Wohnungsbesichtigung Filsweg")
    closed = FallFactory(pseudonym="Haushalt Ahorn", status="abgeschlossen", abgeschlossen_am=timezone.localdate())
    lead = UserFactory(roles=[roles.TEAMLEITUNG, roles.INTEGRATIONSMANAGEMENT])
    activate_totp(lead)
    client = signed_in(lead)
    client.post(
        "/de/intern/faelle/runder-tisch/",
        {"datum": "2026-12-02T10:00", "ort": "Rathaus, Raum 2", "teilnehmende": "Jobcenter, LBF, Sozialer Dienst"},
    )
    tisch = RunderTisch.objects.get()
    url = f"/de/intern/faelle/runder-tisch/{tisch.pk}/"
    # Cases are ticked in a list of the open cases, not typed in.
    page = client.get(url).content.decode()
    assert f'name="top-faelle" value="{fall.pk}"' in page and f"{fall.nummer} (Haushalt Linde)" in page
    assert "Haushalt Ahorn" not in page
    response = client.post(url, {"formular": "tagesordnung"})
    assert "faelle" in response.context["top_form"].errors  # nothing ticked
    response = client.post(url, {"formular": "tagesordnung", "top-faelle": [closed.pk]})
    assert "faelle" in response.context["top_form"].errors  # closed cases are not offered
    client.post(url, {"formular": "tagesordnung", "top-faelle": [fall.pk]})
    assert [t.fall for t in tisch.tagesordnung.all()] == [fall]
    response = client.post(url, {"formular": "tagesordnung", "top-faelle": [fall.pk]})
    assert "faelle" in response.context["top_form"].errors  # only once on the agenda
    # While preparing, each case shows its open needs and open measures (not the areas without need).
    page = client.get("/en" + url[3:]).content.decode()
    agenda = page[page.index('id="tagesordnung-liste"') :]
    assert "Housing: Need, priority high" in agenda and "Wohnungsbesichtigung Filsweg" in agenda
    assert "Work and training" not in agenda[: agenda.index("</ol>")]
    assert AuditEintrag.objects.filter(bereich="runder_tisch_vorbereitung", fall_nummer=fall.nummer).exists()
    decision = {
        "beschluss-tisch_fall": fall.pk,
        "beschluss-lebensbereich": "sprache",
        "beschluss-beschreibung": "Sprachpatin vermitteln",
        "beschluss-stelle": "jobcenter",
        "beschluss-verantwortlich": worker.pk,
        "beschluss-faellig_am": "2026-12-20",
    }
    response = client.post(url, decision)
    assert "stelle" in response.context["beschluss_form"].errors  # no consent for the Jobcenter
    client.post(url, {**decision, "beschluss-stelle": "lbf"})
    massnahme = Massnahme.objects.get(runder_tisch=tisch)
    assert (massnahme.fall, massnahme.stelle) == (fall, "lbf")

    minutes = client.get(url + "protokoll/").content.decode()
    assert fall.nummer in minutes and "Haushalt Linde" in minutes and "LBF" in minutes
    assert "Sprachpatin vermitteln" in minutes  # what was decided, not only who takes it
    assert "Haddad" not in minutes and "Amal" not in minutes and "Wohnungsbesichtigung" not in minutes
    assert AuditEintrag.objects.filter(aktion="export", bereich="runder_tisch_protokoll", fall_nummer=fall.nummer)
    # The case worker sees the decision in their case and tasks.
    assert massnahme in signed_in(worker).get("/de/intern/faelle/aufgaben/").context["meine"]
    # A colleague who does not work on the case reads who takes it, not what was decided.
    colleague = case_worker(first_name="Jonas")
    for path in (url, url + "protokoll/"):
        page = signed_in(colleague).get(path).content.decode()
        assert fall.nummer in page and "Sprachpatin vermitteln" not in page


def test_viewing_a_round_table_is_audited_with_every_case_number_it_shows(worker):
    """Issue 25, finding 15: the agenda and the decisions show case numbers; each is in the audit log."""
    eigener = FallFactory(nummer="2026-00011", pseudonym="Haushalt Linde", bearbeitende=[worker])
    fremder = FallFactory(nummer="2026-00012", pseudonym="Haushalt Ahorn")
    beschlossen = FallFactory(nummer="2026-00013", pseudonym="Haushalt Eibe")
    tisch = RunderTischFactory()
    tisch.tagesordnung.create(fall=eigener, reihenfolge=1)
    tisch.tagesordnung.create(fall=fremder, reihenfolge=2)
    FallMassnahmeFactory(fall=beschlossen, runder_tisch=tisch, lebensbereich="sprache", beschreibung="Kurs")
    before = AuditEintrag.objects.order_by("pk").values_list("pk", flat=True).last() or 0
    page = signed_in(worker).get(f"/de/intern/faelle/runder-tisch/{tisch.pk}/").content.decode()
    assert all(nummer in page for nummer in ("2026-00011", "2026-00012", "2026-00013"))
    entries = AuditEintrag.objects.filter(pk__gt=before, fall_nummer__startswith="2026-0001")
    logged = {(e.fall_nummer, e.bereich, e.objekt_id, e.user_id) for e in entries}
    assert logged == {
        ("2026-00011", "runder_tisch_vorbereitung", str(tisch.pk), worker.pk),
        ("2026-00012", "runder_tisch", str(tisch.pk), worker.pk),
        ("2026-00013", "runder_tisch", str(tisch.pk), worker.pk),
    }
