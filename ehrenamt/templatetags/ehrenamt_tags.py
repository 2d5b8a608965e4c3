from decimal import Decimal

from django import template
from django.conf import settings
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext, pgettext

from portal.formats import day_and_hours
from portal.translation import language_attributes

from ..selectors import mit_orten

register = template.Library()


@register.filter
def schichtzeit(schicht):
    """ "Monday, 30 November 2026, 18:00–20:00" in the current language, Plochingen time."""
    return day_and_hours(schicht.beginn, schicht.ende)


@register.filter
def stunden(value):
    """Hours as people write them: 2, 2,5 or 2,25 (never 2,50)."""
    if value in (None, ""):
        return ""
    return formats.number_format(format(Decimal(value).normalize(), "f"))


@register.filter
def stundenangabe(value):
    """ "1 hour", "3 hours", "2.5 hours" with the grammar of the reader's language. gettext counts
    whole numbers only: a fraction takes its own message."""
    value = Decimal(value or 0)
    shown = stunden(value)
    if value == value.to_integral_value():
        return ngettext("%(hours)s hour", "%(hours)s hours", int(value)) % {"hours": shown}
    return pgettext("a number of hours with a fraction, e.g. 2.5", "%(hours)s hours") % {"hours": shown}


@register.filter
def schichtenangabe(count):
    """ "1 shift", "2 shifts" with the grammar of the reader's language."""
    return ngettext("%(count)s shift", "%(count)s shifts", count) % {"count": count}


@register.simple_tag
def schichttext(text):
    """A shift's title or other text the coordination wrote (in German): isolated in direction and,
    on a page in another language, marked as German."""
    return format_html("<bdi{}>{}</bdi>", language_attributes(settings.LANGUAGE_CODE), text)


@register.simple_tag
def schichtnotizen(schicht):
    """A shift's notes as a block of lines, marked as German on a page in another language."""
    attributes = language_attributes(settings.LANGUAGE_CODE)
    lines = format_html_join(mark_safe("<br>"), "{}", ((line,) for line in schicht.notizen.splitlines()))
    return format_html('<div class="schicht-notizen"{}>{}</div>', attributes, lines)


@register.simple_tag
def schichtort(schicht):
    """Where a shift takes place: the Ort's name in the reader's language and its address, or the
    free text. Shifts from `selectors.mit_orten` carry their place; others look it up."""
    if not hasattr(schicht, "platz"):
        mit_orten([schicht])
    platz = schicht.platz
    if platz is None:
        return schichttext(schicht.ort)
    lang = language_attributes(platz.lang) if platz.lang else ""
    adresse = ", ".join(line.strip() for line in platz.adresse.splitlines() if line.strip())
    return format_html('<bdi{}>{}</bdi>, <bdi class="adresse">{}</bdi>', lang, platz.name, adresse)


@register.filter
def ortsangabe(schicht):
    """The place on one line of plain text (mails), in the active language."""
    return schicht.ortsangabe()
