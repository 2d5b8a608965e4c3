"""Every volunteering permission for every role: who is a volunteer, who coordinates."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal import roles
from tests.conftest import ALL_ROLES, SUPERUSER, make_user

pytestmark = pytest.mark.django_db

# Written out, not read from portal/roles.py: a change to the role table must show up here.
ALLOWED = {
    "ehrenamt.volunteer": {roles.EHRENAMT, roles.EHRENAMTSKOORDINATION, SUPERUSER},
    "ehrenamt.coordinate_volunteers": {roles.EHRENAMTSKOORDINATION, SUPERUSER},
}


@pytest.mark.parametrize("permission", ALLOWED)
@pytest.mark.parametrize("role", ALL_ROLES)
def test_permission_per_role(role, permission):
    user = make_user(role) or AnonymousUser()
    assert user.has_perm(permission) is (role in ALLOWED[permission])
