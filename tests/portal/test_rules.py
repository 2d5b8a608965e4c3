"""The whole role table as permissions, implied roles included: a Vorsitz holds only the Vorsitz group and
still uses the Beirat's area, a Teamleitung only its own and still works on cases."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal import roles
from tests.conftest import ALL_ROLES, SUPERUSER, make_user

pytestmark = pytest.mark.django_db

BEIRAT = {roles.BEIRAT, roles.BEIRAT_VORSITZ, roles.BEIRAT_SCHRIFTFUEHRUNG}
CASEWORK = {roles.INTEGRATIONSMANAGEMENT, roles.TEAMLEITUNG}
VOLUNTEERS = {roles.EHRENAMT, roles.EHRENAMTSKOORDINATION}
INTERN = {roles.INTEGRATIONSMANAGEMENT, roles.TEAMLEITUNG, roles.PERSONAL, roles.VERWALTUNG, roles.DATENSCHUTZ}

# Written out, not read from portal/roles.py: a change to the role table must show up here.
ALLOWED = {
    "portal.edit_site": {roles.REDAKTION},
    "portal.use_intern_area": INTERN,
    "beirat.use_member_area": BEIRAT,
    "beirat.chair_beirat": {roles.BEIRAT_VORSITZ},
    "beirat.keep_minutes": {roles.BEIRAT_SCHRIFTFUEHRUNG},
    "beirat.prepare_meetings": {roles.BEIRAT_VORSITZ, roles.BEIRAT_SCHRIFTFUEHRUNG},
    "verein.use_member_area": {roles.VEREINSMITGLIED, roles.VORSTAND},
    "verein.manage_members": {roles.VORSTAND},
    "ehrenamt.volunteer": VOLUNTEERS,
    "ehrenamt.coordinate_volunteers": {roles.EHRENAMTSKOORDINATION},
    "patenschaften.volunteer": VOLUNTEERS,
    "patenschaften.coordinate_patenschaften": {roles.EHRENAMTSKOORDINATION},
    "patenschaften.manage_households_koordination": {roles.EHRENAMTSKOORDINATION},
    "patenschaften.manage_households_intern": CASEWORK,
    "patenschaften.see_all_households": {roles.TEAMLEITUNG},
    "angebote.handle_furniture_donations": {roles.EHRENAMTSKOORDINATION},
    "angebote.handle_neighbours_concerns": CASEWORK,
    "faelle.work_on_cases": CASEWORK,
    "faelle.see_all_cases": {roles.TEAMLEITUNG},
    "faelle.answer_data_requests": {roles.DATENSCHUTZ},
    "wohnraum.match_housing": CASEWORK,
    "fortbildung.take_training": {roles.PERSONAL, roles.VERWALTUNG},
    "fortbildung.manage_training": {roles.PERSONAL},
    "personal.handle_applications": {roles.PERSONAL},
    "audit.read_audit_log": {roles.DATENSCHUTZ},
}


def test_every_permission_of_the_table_is_checked_here():
    assert set(ALLOWED) == set().union(*roles.ROLE_PERMISSIONS.values())


@pytest.mark.parametrize("role", ALL_ROLES)
def test_permissions_of_each_role(role):
    """One user per role asked every permission: a wrong answer names the permission in the diff."""
    user = make_user(role) or AnonymousUser()
    answers = {permission: user.has_perm(permission) for permission in ALLOWED}
    expected = {permission: role == SUPERUSER or role in allowed for permission, allowed in ALLOWED.items()}
    assert answers == expected


@pytest.mark.parametrize(
    ("role", "implied"),
    [
        (roles.BEIRAT_VORSITZ, roles.BEIRAT),
        (roles.BEIRAT_SCHRIFTFUEHRUNG, roles.BEIRAT),
        (roles.TEAMLEITUNG, roles.INTEGRATIONSMANAGEMENT),
    ],
)
def test_an_implied_role_is_worked_out_not_stored(role, implied):
    user = make_user(role)
    assert list(user.groups.values_list("name", flat=True)) == [role]
    assert roles.role_names(user) == {role, implied}
    assert list(roles.users_with_role(implied)) == [user]
