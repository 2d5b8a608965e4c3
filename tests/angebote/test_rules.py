"""Every permission of the offers app's staff inboxes for every role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal import roles
from tests.conftest import ALL_ROLES, SUPERUSER, make_user
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Written out, not read from portal/roles.py: a change to the role table must show up here.
ALLOWED = {
    "angebote.handle_furniture_donations": {roles.EHRENAMTSKOORDINATION, SUPERUSER},
    "angebote.handle_neighbours_concerns": {roles.INTEGRATIONSMANAGEMENT, roles.TEAMLEITUNG, SUPERUSER},
}


@pytest.mark.parametrize("permission", ALLOWED)
@pytest.mark.parametrize("role", ALL_ROLES)
def test_permission_per_role(role, permission):
    user = make_user(role) or AnonymousUser()
    assert user.has_perm(permission) is (role in ALLOWED[permission])


def test_the_teamleitung_handles_neighbours_concerns_through_the_role_it_implies():
    """A Teamleitung holds only its own group; the Integrationsmanagement's inbox comes with it."""
    assert UserFactory(roles=[roles.TEAMLEITUNG]).has_perm("angebote.handle_neighbours_concerns")
