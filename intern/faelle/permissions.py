"""Case workers see the cases assigned to them; the Teamleitung sees every case."""

from portal.permissions import role_required
from portal.roles import INTEGRATIONSMANAGEMENT, TEAMLEITUNG, has_role

from .models import Fall

fallarbeit_required = role_required(INTEGRATIONSMANAGEMENT, TEAMLEITUNG)


def ist_teamleitung(user):
    return user.is_superuser or has_role(user, TEAMLEITUNG)


def faelle_fuer(user):
    """The cases this user may open. Anything else answers 404, as if it did not exist.
    Anonymised cases are closed for good: nobody opens or changes them any more."""
    offen = Fall.objects.filter(anonymisiert_am__isnull=True)
    if ist_teamleitung(user):
        return offen
    if has_role(user, INTEGRATIONSMANAGEMENT):
        return offen.filter(bearbeitende=user)
    return Fall.objects.none()
