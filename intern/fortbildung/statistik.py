"""The HR dashboard's figures: coverage per department and Schnittstelle, missing mandatory
courses, and the yearly figure for the Gemeinderat. A fixed number of queries, whatever the size."""

from collections import defaultdict

from django.db.models import Count, Max
from django.db.models.functions import ExtractYear
from django.utils import timezone

from .models import Erinnerung, Kurs, Kursanmeldung, Kurstermin, Mitarbeiter


def _anteil(teil, gesamt):
    return round(100 * teil / gesamt) if gesamt else 0


def belegschaft():
    return list(
        Mitarbeiter.objects.filter(aktiv=True)
        .select_related("user", "abteilung", "position")
        .order_by("abteilung__name", "user__last_name", "user__first_name", "pk")
    )


def geschulte_user_ids(bis_jahr=None):
    teilnahmen = Kursanmeldung.objects.teilgenommen()
    if bis_jahr is not None:
        teilnahmen = teilnahmen.filter(termin__beginn__year__lte=bis_jahr)
    return set(teilnahmen.values_list("user_id", flat=True).distinct())


def abdeckung(staff, geschult):
    """Rows per department, then Schnittstellen, other departments and all staff."""
    pro_abteilung = {}
    for person in staff:
        row = pro_abteilung.setdefault(person.abteilung_id, {"abteilung": person.abteilung, "gesamt": 0, "geschult": 0})
        row["gesamt"] += 1
        row["geschult"] += person.user_id in geschult
    rows = sorted(pro_abteilung.values(), key=lambda r: r["abteilung"].name)
    for row in rows:
        row["anteil"] = _anteil(row["geschult"], row["gesamt"])

    def summe(auswahl):
        gesamt = sum(r["gesamt"] for r in auswahl)
        geschult_ = sum(r["geschult"] for r in auswahl)
        return {"gesamt": gesamt, "geschult": geschult_, "anteil": _anteil(geschult_, gesamt)}

    return {
        "abteilungen": rows,
        "schnittstellen": summe([r for r in rows if r["abteilung"].schnittstelle]),
        "andere": summe([r for r in rows if not r["abteilung"].schnittstelle]),
        "alle": summe(rows),
    }


def fehlende_pflichtkurse(staff):
    """Everyone who has not attended a course mandatory for their position, with the courses."""
    pflicht = defaultdict(list)
    kurse = Kurs.objects.filter(aktiv=True).prefetch_related("pflicht_fuer")
    for kurs in kurse:
        for position in kurs.pflicht_fuer.all():
            pflicht[position.pk].append(kurs)
    besucht = set(Kursanmeldung.objects.teilgenommen().values_list("user_id", "termin__kurs_id"))
    # The coming session each person is registered or waiting for, per course (the earliest).
    angemeldet = {}
    for user_id, kurs_id, beginn, status in (
        Kursanmeldung.objects.aktiv()
        .filter(termin__beginn__gt=timezone.now(), termin__abgesagt=False)
        .order_by("-termin__beginn")
        .values_list("user_id", "termin__kurs_id", "termin__beginn", "status")
    ):
        angemeldet[user_id, kurs_id] = {"beginn": beginn, "wartet": status == Kursanmeldung.Status.WARTELISTE}
    letzte = dict(
        Erinnerung.objects.values("mitarbeiter_id")
        .annotate(letzte=Max("gesendet_am"))
        .values_list("mitarbeiter_id", "letzte")
    )
    result = []
    for person in staff:
        offen = [k for k in pflicht.get(person.position_id, []) if (person.user_id, k.pk) not in besucht]
        if offen:
            result.append(
                {
                    "mitarbeiter": person,
                    "kurse": offen,
                    "stand": [{"kurs": k, "anmeldung": angemeldet.get((person.user_id, k.pk))} for k in offen],
                    "nicht_angemeldet": [k for k in offen if (person.user_id, k.pk) not in angemeldet],
                    "letzte_erinnerung": letzte.get(person.pk),
                }
            )
    return result


def jahreszahlen(staff):
    """Per year: sessions held, attendances, staff trained that year, and the share of staff at the
    Schnittstellen trained by the end of the year (measured against today's staff)."""
    jetzt = timezone.now()
    termine = dict(
        Kurstermin.objects.filter(abgesagt=False, beginn__lte=jetzt)
        .annotate(jahr=ExtractYear("beginn"))
        .values("jahr")
        .annotate(n=Count("pk"))
        .values_list("jahr", "n")
    )
    teilnahmen = defaultdict(set)
    anzahl = defaultdict(int)
    for user_id, jahr in (
        Kursanmeldung.objects.teilgenommen().annotate(jahr=ExtractYear("termin__beginn")).values_list("user_id", "jahr")
    ):
        teilnahmen[jahr].add(user_id)
        anzahl[jahr] += 1
    schnittstelle = [p.user_id for p in staff if p.abteilung.schnittstelle]
    bisher = set()
    rows = []
    for jahr in sorted(set(termine) | set(teilnahmen)):
        bisher |= teilnahmen[jahr]
        rows.append(
            {
                "jahr": jahr,
                "termine": termine.get(jahr, 0),
                "teilnahmen": anzahl[jahr],
                "geschulte": len(teilnahmen[jahr]),
                "schnittstellen_anteil": _anteil(sum(u in bisher for u in schnittstelle), len(schnittstelle)),
            }
        )
    return rows
