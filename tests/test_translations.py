"""The interface is translated into every language, and the compiled catalogs are current."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != "en"]
CATALOGS = sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po")) + sorted(
    (ROOT / "locale_overrides").glob("*/LC_MESSAGES/django.po")
)


def parse_po(path):
    """{(msgctxt, msgid): [msgstr, ...]} for a gettext .po file (header left out)."""
    entries, current, field = {}, {}, None

    def flush():
        if current.get("msgid"):
            key = (current.get("msgctxt"), current["msgid"])
            entries[key] = [v for k, v in sorted(current.items()) if k.startswith("msgstr")]

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            if field and field.startswith("msgstr"):
                flush()
                current, field = {}, None
            continue
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) (".*")$', line)
        if match:
            field = match.group(1)
            current[field] = ast.literal_eval(match.group(2))
        else:
            current[field] += ast.literal_eval(line)
    flush()
    return entries


def source_messages():
    return parse_po(ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po")


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_and_compiled(language):
    po = parse_po(ROOT / "locale" / language / "LC_MESSAGES" / "django.po")
    with open(ROOT / "locale" / language / "LC_MESSAGES" / "django.mo", "rb") as mo_file:
        catalog = gettext.GNUTranslations(mo_file)._catalog
    for (context, msgid), _empty in source_messages().items():
        msgstrs = po.get((context, msgid))
        assert msgstrs and all(msgstrs), f"{language}: untranslated {msgid!r}"
        key = f"{context}\x04{msgid}" if context else msgid
        compiled = catalog.get(key, catalog.get((key, 0)))
        assert compiled == msgstrs[0], f"{language}: django.mo is older than django.po for {msgid!r}"


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_catalog_has_fuzzy_entries(catalog):
    """gettext ignores fuzzy entries: the reader would get the source text instead."""
    fuzzy = [
        number
        for number, line in enumerate(catalog.read_text(encoding="utf-8").splitlines(), 1)
        if line.startswith("#,") and "fuzzy" in line
    ]
    assert fuzzy == [], f"{catalog}: fuzzy entries at lines {fuzzy}"


def test_every_language_has_a_catalog_with_every_message():
    """English is the source language: its catalog holds every message too (msgstr = msgid), so a new
    string without its entry fails here as it does for the other five languages."""
    assert {path.parts[-3] for path in (ROOT / "locale").glob("*/LC_MESSAGES/django.po")} >= {
        code for code, _name in settings.LANGUAGES
    }
    english = source_messages()
    untranslated = [msgid for (_context, msgid), msgstrs in english.items() if not (msgstrs and all(msgstrs))]
    assert untranslated == [], f"en: untranslated {untranslated[:5]} (run `msgen` or fill them in)"


# The English catalog repeats its source text; only German domain words get an English gloss.
ENGLISH_GLOSSES = {
    "Beiblatt bei Einweisung (assignment to housing)",
    "Informationsblatt bei Anmeldung (registration)",
    "Handlungsfeld",
    "Handlungsfelder",
    "order within the Handlungsfeld",
    "Handlungsfeld %(nummer)s: %(titel)s",
    "Home, news and Handlungsfelder",
    "Handlungsfelder overview",
}


def test_the_english_catalog_says_what_the_source_says():
    """A guessed (fuzzy) entry kept in the English catalog shows another message, e.g. "Last name"
    for "Last error"."""
    different = [
        (msgid, msgstrs[0])
        for (_context, msgid), msgstrs in source_messages().items()
        if msgid not in ENGLISH_GLOSSES and msgstrs[0] != msgid
    ]
    assert different == []


def test_template_strings_are_in_the_catalog():
    msgids = {msgid for _context, msgid in source_messages()}
    pattern = re.compile(r"""{%\s*translate\s+(?:"([^"]+)"|'([^']+)')""")
    missing = []
    for template in ROOT.glob("*/templates/**/*.html"):
        for double, single in pattern.findall(template.read_text(encoding="utf-8")):
            text = double or single
            if text not in msgids:
                missing.append((template.name, text))
    assert missing == [], f"run `make messages`: {missing}"
