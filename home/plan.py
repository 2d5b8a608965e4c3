"""Reads the texts of the integration plan ("Eins werden in Vielfalt") for the demo content.

The plan's layout is plain text: a Präambel, a short analysis of the seven Handlungsfelder
("N. Handlungsfeld: **Titel**" and one paragraph), then one section per Handlungsfeld with
its text and a "Maßnahmen:" list ("- " items, " - " sub-items).
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

PLAN_FILE = Path(__file__).parent / "demo_data" / "integrationsplan-plochingen.txt"

ANALYSIS_HEADING = re.compile(r"^(\d)\. Handlungsfeld: \*\*(.+?)\*\*\s*$")
SECTION_HEADING = re.compile(r"^(\d)\. Handlungsfeld:? (.+?)\s*$")


@dataclass
class Massnahmentext:
    """A measure as the plan lists it: its text and sub-items (see beirat.models.Planmassnahme)."""

    text: str
    details: list = field(default_factory=list)


@dataclass
class Handlungsfeldtext:
    nummer: int
    titel: str
    zusammenfassung: str
    absaetze: list = field(default_factory=list)
    massnahmen: list = field(default_factory=list)


@dataclass
class Plan:
    titel: str
    untertitel: str
    praeambel: list
    handlungsfelder: list


def _between(text, start, end):
    return text[text.index(start) + len(start) : text.index(end)]


def read_plan(path=PLAN_FILE):
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    praeambel = [p.strip() for p in _between(text, "Präambel\n", "Status Quo").split("\n") if p.strip()]

    analysis_part = _between(text, "Handlungsfeldanalyse /-beschreibung", "Handlungsfeldbezogene Maßnahmen:")
    summaries = {}
    analysis_lines = [line.strip() for line in analysis_part.splitlines() if line.strip()]
    for index, line in enumerate(analysis_lines):
        match = ANALYSIS_HEADING.match(line)
        if match:
            title = match.group(2).replace("Neuaustrichtung", "Neuausrichtung")
            summaries[int(match.group(1))] = (title, analysis_lines[index + 1])

    felder = []
    measures_part = text[text.index("Handlungsfeldbezogene Maßnahmen:") :]
    current = None
    in_massnahmen = False
    for raw in measures_part.splitlines()[1:]:
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            continue
        match = SECTION_HEADING.match(stripped)
        if match and int(match.group(1)) in summaries:
            nummer = int(match.group(1))
            title, summary = summaries[nummer]
            current = Handlungsfeldtext(nummer=nummer, titel=title, zusammenfassung=summary)
            felder.append(current)
            in_massnahmen = False
            continue
        if current is None:
            continue
        if stripped == "Maßnahmen:":
            in_massnahmen = True
        elif in_massnahmen and line.startswith(" - "):
            current.massnahmen[-1].details.append(stripped[2:].strip())
        elif in_massnahmen and stripped.startswith("- "):
            current.massnahmen.append(Massnahmentext(text=stripped[2:].strip()))
        elif not in_massnahmen:
            current.absaetze.append(stripped)
    return Plan(titel=lines[0], untertitel=f"{lines[1]} {lines[2]}", praeambel=praeambel, handlungsfelder=felder)
