"""Contact persons and places as a reader sees them.

Names, phone numbers, email addresses, languages and addresses are kept once, in the German
original; the texts (role, office hours, opening hours, accessibility) come from the
translation into the reader's language where there is one. So a phone number changed once
is right on every page and every Infoblatt in every language.
"""

from dataclasses import dataclass, field

from django.utils.translation import get_language

from portal.translation import live_translations, locale_codes


@dataclass
class AnsprechpartnerAnsicht:
    """An `Ansprechpartner` as a reader sees them: texts in the reader's language where translated."""

    name: str
    funktion: str
    telefon: str
    email: str
    sprechzeiten: str
    sprachen: list = field(default_factory=list)
    lang: str = ""  # set when the texts are the German original in another language's page


@dataclass
class OrtAnsicht:
    """An `Ort` (a place) as a reader sees it: texts in the reader's language where translated."""

    name: str
    adresse: str
    oeffnungszeiten: str
    barrierefrei: bool
    barrierefreiheit: str
    map_url: str
    lang: str = ""


def _lang(text, original, language):
    """The `lang` of texts shown in the German original on a page in another language."""
    code = locale_codes().get(original.locale_id) or original.locale.language_code
    if text is not original or code == language:
        return ""
    return code


def kontakte(originals, language=None, translated=None, sprachen=None):
    """The reader's views (`AnsprechpartnerAnsicht`) of German Ansprechpartner objects (with `sprachen`
    prefetched, unless `sprachen` gives the language labels of each by its id).

    `translated` may hold the translations already fetched (`portal.translation.live_translations`).
    """
    originals = list(originals)
    language = language or get_language()
    if translated is None:
        translated = live_translations(type(originals[0]), originals, language) if originals else {}
    result = []
    for original in originals:
        text = translated.get(original.translation_key, original)
        result.append(
            AnsprechpartnerAnsicht(
                name=original.name,
                funktion=text.funktion,
                telefon=original.telefon,
                email=original.email,
                sprechzeiten=text.sprechzeiten,
                sprachen=(
                    sprachen.get(original.pk, [])
                    if sprachen is not None
                    else [s.label for s in original.sprachen.all()]
                ),
                lang=_lang(text, original, language),
            )
        )
    return result


def stelle(original, language=None, translated=None):
    """The reader's view (`OrtAnsicht`) of a German `Ort`, or None."""
    if original is None:
        return None
    language = language or get_language()
    if translated is None:
        translated = live_translations(type(original), [original], language)
    text = translated.get(original.translation_key, original)
    return OrtAnsicht(
        name=text.name,
        adresse=original.adresse,
        oeffnungszeiten=text.oeffnungszeiten,
        barrierefrei=original.barrierefrei,
        barrierefreiheit=text.barrierefreiheit,
        map_url=original.map_url,
        lang=_lang(text, original, language),
    )
