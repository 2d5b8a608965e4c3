"""Every Verein permission for every role: members use the members' area, the Vorstand also the register."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal import roles
from tests.conftest import ALL_ROLES, SUPERUSER, make_user

pytestmark = pytest.mark.django_db

# Written out, not read from portal/roles.py: a change to the role table must show up here.
ALLOWED = {
    "verein.use_member_area": {roles.VEREINSMITGLIED, roles.VORSTAND, SUPERUSER},
    "verein.manage_members": {roles.VORSTAND, SUPERUSER},
}


@pytest.mark.parametrize("permission", ALLOWED)
@pytest.mark.parametrize("role", ALL_ROLES)
def test_permission_per_role(role, permission):
    user = make_user(role) or AnonymousUser()
    assert user.has_perm(permission) is (role in ALLOWED[permission])
