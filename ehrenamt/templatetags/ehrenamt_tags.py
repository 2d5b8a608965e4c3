from decimal import Decimal

from django import template
from django.utils import formats

from portal.formats import day_and_hours
from portal.roles import EHRENAMT, EHRENAMTSKOORDINATION, has_role

register = template.Library()


@register.filter
def schichtzeit(schicht):
    """ "Monday, 30 November 2026, 18:00–20:00" in the current language, Plochingen time."""
    return day_and_hours(schicht.beginn, schicht.ende)


@register.simple_tag(takes_context=True)
def ehrenamt_rollen(context):
    user = context["request"].user
    return {
        "freiwillig": user.is_superuser or has_role(user, EHRENAMT, EHRENAMTSKOORDINATION),
        "koordination": user.is_superuser or has_role(user, EHRENAMTSKOORDINATION),
    }


@register.filter
def stunden(value):
    """Hours as people write them: 2, 2,5 or 2,25 (never 2,50)."""
    if value in (None, ""):
        return ""
    return formats.number_format(format(Decimal(value).normalize(), "f"))
