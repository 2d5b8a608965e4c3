"""The training area's permissions for every role: taking courses, and HR's administration of them."""

import pytest
from django.contrib.auth.models import AnonymousUser

from intern.fortbildung.forms import MitarbeiterForm
from intern.fortbildung.models import Abteilung, Mitarbeiter, Position
from portal import roles
from tests.conftest import ACCOUNT, ALL_ROLES, ANONYMOUS, SUPERUSER, make_user
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# role: (fortbildung.take_training, fortbildung.manage_training)
TABLE = {
    ANONYMOUS: (False, False),
    ACCOUNT: (False, False),
    roles.REDAKTION: (False, False),
    roles.BEIRAT: (False, False),
    roles.BEIRAT_VORSITZ: (False, False),
    roles.BEIRAT_SCHRIFTFUEHRUNG: (False, False),
    roles.VEREINSMITGLIED: (False, False),
    roles.VORSTAND: (False, False),
    roles.EHRENAMT: (False, False),
    roles.EHRENAMTSKOORDINATION: (False, False),
    roles.INTEGRATIONSMANAGEMENT: (False, False),
    roles.TEAMLEITUNG: (False, False),
    roles.PERSONAL: (True, True),
    roles.VERWALTUNG: (True, False),
    roles.DATENSCHUTZ: (False, False),
    SUPERUSER: (True, True),
}
PERMISSIONS = ["fortbildung.take_training", "fortbildung.manage_training"]


def test_the_table_covers_every_role():
    assert list(TABLE) == ALL_ROLES


@pytest.mark.parametrize("permission", PERMISSIONS)
@pytest.mark.parametrize("role", ALL_ROLES)
def test_role_permissions(role, permission):
    user = make_user(role) or AnonymousUser()
    assert user.has_perm(permission) is TABLE[role][PERMISSIONS.index(permission)]


def test_a_new_staff_record_is_for_an_active_account_that_takes_the_training_and_has_none_yet():
    verwaltung = UserFactory(roles=[roles.VERWALTUNG])
    personal = UserFactory(roles=[roles.PERSONAL])
    recorded = UserFactory(roles=[roles.VERWALTUNG])
    abteilung, _ = Abteilung.objects.get_or_create(name="Bürgeramt")
    position, _ = Position.objects.get_or_create(name="Sachbearbeitung")
    Mitarbeiter.objects.create(user=recorded, abteilung=abteilung, position=position)
    UserFactory(roles=[roles.VERWALTUNG], is_active=False)
    UserFactory(roles=[roles.INTEGRATIONSMANAGEMENT])
    UserFactory()
    assert set(MitarbeiterForm().fields["user"].queryset) == {verwaltung, personal}
