"""Every Patenschaften permission for every role, the two areas of the households seeking a Pate included."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal import roles
from tests.conftest import ALL_ROLES, SUPERUSER, make_user
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Written out, not read from portal/roles.py: a change to the role table must show up here.
ALLOWED = {
    "patenschaften.volunteer": {roles.EHRENAMT, roles.EHRENAMTSKOORDINATION, SUPERUSER},
    "patenschaften.coordinate_patenschaften": {roles.EHRENAMTSKOORDINATION, SUPERUSER},
    "patenschaften.manage_households_intern": {roles.INTEGRATIONSMANAGEMENT, roles.TEAMLEITUNG, SUPERUSER},
    "patenschaften.manage_households_koordination": {roles.EHRENAMTSKOORDINATION, SUPERUSER},
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
