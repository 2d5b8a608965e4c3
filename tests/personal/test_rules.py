"""HR's applicant tracking: its permission for every role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal import roles
from tests.conftest import ACCOUNT, ALL_ROLES, ANONYMOUS, SUPERUSER, make_user

pytestmark = pytest.mark.django_db

# role: personal.handle_applications
EXPECTED = {
    ANONYMOUS: False,
    ACCOUNT: False,
    roles.REDAKTION: False,
    roles.BEIRAT: False,
    roles.BEIRAT_VORSITZ: False,
    roles.BEIRAT_SCHRIFTFUEHRUNG: False,
    roles.VEREINSMITGLIED: False,
    roles.VORSTAND: False,
    roles.EHRENAMT: False,
    roles.EHRENAMTSKOORDINATION: False,
    roles.INTEGRATIONSMANAGEMENT: False,
    roles.TEAMLEITUNG: False,
    roles.PERSONAL: True,
    roles.VERWALTUNG: False,
    roles.DATENSCHUTZ: False,
    SUPERUSER: True,
}


def test_the_table_covers_every_role():
    assert list(EXPECTED) == ALL_ROLES


@pytest.mark.parametrize("role", ALL_ROLES)
def test_handle_applications(role):
    user = make_user(role) or AnonymousUser()
    assert user.has_perm("personal.handle_applications") is EXPECTED[role]
