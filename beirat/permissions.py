"""Who may do what in the Beirat's private area. Superusers may do everything."""

from portal.permissions import role_required
from portal.roles import BEIRAT_ROLES, BEIRAT_SCHRIFTFUEHRUNG, BEIRAT_VORSITZ, has_role

member_required = role_required(*BEIRAT_ROLES)


def ist_mitglied(user):
    return user.is_authenticated and (user.is_superuser or has_role(user, *BEIRAT_ROLES))


def ist_vorsitz(user):
    return user.is_authenticated and (user.is_superuser or has_role(user, BEIRAT_VORSITZ))


def ist_schriftfuehrung(user):
    return user.is_authenticated and (user.is_superuser or has_role(user, BEIRAT_SCHRIFTFUEHRUNG))


def darf_vorbereiten(user):
    """Meetings, invitations, documents and decisions: the Vorsitz and the Schriftführung."""
    return ist_vorsitz(user) or ist_schriftfuehrung(user)
