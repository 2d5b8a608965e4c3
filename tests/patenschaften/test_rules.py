"""Every Patenschaften permission for every role, the two areas of the households seeking a Pate included."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal import roles
from tests.conftest import ALL_ROLES, SUPERUSER, make_user
from tests.factories import PatensucheFactory, UserFactory

pytestmark = pytest.mark.django_db

# Written out, not read from portal/roles.py: a change to the role table must show up here.
ALLOWED = {
    "patenschaften.volunteer": {roles.EHRENAMT, roles.EHRENAMTSKOORDINATION, SUPERUSER},
    "patenschaften.coordinate_patenschaften": {roles.EHRENAMTSKOORDINATION, SUPERUSER},
    "patenschaften.manage_households_intern": {roles.INTEGRATIONSMANAGEMENT, roles.TEAMLEITUNG, SUPERUSER},
    "patenschaften.manage_households_koordination": {roles.EHRENAMTSKOORDINATION, SUPERUSER},
    "patenschaften.see_all_households": {roles.TEAMLEITUNG, SUPERUSER},
}


@pytest.mark.parametrize("permission", ALLOWED)
@pytest.mark.parametrize("role", ALL_ROLES)
def test_permission_per_role(role, permission):
    user = make_user(role) or AnonymousUser()
    assert user.has_perm(permission) is (role in ALLOWED[permission])


def test_the_teamleitung_manages_households_through_the_role_it_implies():
    """A Teamleitung holds only its own group; the Integrationsmanagement's permission comes with it."""
    teamleitung = UserFactory(roles=[roles.TEAMLEITUNG])
    assert teamleitung.has_perm("patenschaften.manage_households_intern")
    assert not teamleitung.has_perm("patenschaften.manage_households_koordination")


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_opens_a_household(role):
    """The coordination opens every household (it matches them); in the Integrationsmanagement the case
    worker who registered it and the Teamleitung; nobody else."""
    user = make_user(role) or AnonymousUser()
    eigene = PatensucheFactory(erfasst_von=user if user.is_authenticated else None)
    fremde = PatensucheFactory(erfasst_von=UserFactory(roles=[roles.INTEGRATIONSMANAGEMENT]))
    opens_own = role in {roles.INTEGRATIONSMANAGEMENT, roles.TEAMLEITUNG, roles.EHRENAMTSKOORDINATION, SUPERUSER}
    opens_others = role in {roles.TEAMLEITUNG, roles.EHRENAMTSKOORDINATION, SUPERUSER}
    assert user.has_perm("patenschaften.open_household", eigene) is opens_own
    assert user.has_perm("patenschaften.open_household", fremde) is opens_others
