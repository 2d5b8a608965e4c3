"""The housing team's permission for every role: the Integrationsmanagement, the Teamleitung included."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal import roles
from tests.conftest import ACCOUNT, ALL_ROLES, ANONYMOUS, SUPERUSER, make_user

pytestmark = pytest.mark.django_db

# role: wohnraum.match_housing
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
    roles.INTEGRATIONSMANAGEMENT: True,
    roles.TEAMLEITUNG: True,
    roles.PERSONAL: False,
    roles.VERWALTUNG: False,
    roles.DATENSCHUTZ: False,
    SUPERUSER: True,
}


def test_the_table_covers_every_role():
    assert list(EXPECTED) == ALL_ROLES


@pytest.mark.parametrize("role", ALL_ROLES)
def test_match_housing(role):
    user = make_user(role) or AnonymousUser()
    assert user.has_perm("wohnraum.match_housing") is EXPECTED[role]
