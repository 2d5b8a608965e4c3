from django import template

from ..selectors import offene_antraege

register = template.Library()


@register.simple_tag
def offene_mitgliedsantraege():
    """Applications waiting for the Vorstand, for the count in its navigation."""
    return offene_antraege()
