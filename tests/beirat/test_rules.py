"""Every Beirat permission for every role: the Vorsitz and the Schriftführung are members through their own
group alone (the Beirat role is implied, not stored)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal import roles
from tests.conftest import ALL_ROLES, SUPERUSER, make_user

pytestmark = pytest.mark.django_db

# Written out, not read from portal/roles.py: a change to the role table must show up here.
ALLOWED = {
    "beirat.use_member_area": {roles.BEIRAT, roles.BEIRAT_VORSITZ, roles.BEIRAT_SCHRIFTFUEHRUNG, SUPERUSER},
    "beirat.prepare_meetings": {roles.BEIRAT_VORSITZ, roles.BEIRAT_SCHRIFTFUEHRUNG, SUPERUSER},
    "beirat.chair_beirat": {roles.BEIRAT_VORSITZ, SUPERUSER},
    "beirat.keep_minutes": {roles.BEIRAT_SCHRIFTFUEHRUNG, SUPERUSER},
}


@pytest.mark.parametrize("permission", ALLOWED)
@pytest.mark.parametrize("role", ALL_ROLES)
def test_permission_per_role(role, permission):
    user = make_user(role) or AnonymousUser()
    assert user.has_perm(permission) is (role in ALLOWED[permission])
