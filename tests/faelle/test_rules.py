"""The case register's permissions for every role: the role table's permissions and who opens which case."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from intern.faelle.forms import case_workers
from intern.faelle.selectors import faelle_fuer, fall_fuer
from portal import roles
from tests.conftest import ACCOUNT, ALL_ROLES, ANONYMOUS, SUPERUSER, make_user
from tests.factories import FallFactory, UserFactory

pytestmark = pytest.mark.django_db

# role: (faelle.work_on_cases, faelle.see_all_cases, faelle.answer_data_requests)
TABLE = {
    ANONYMOUS: (False, False, False),
    ACCOUNT: (False, False, False),
    roles.REDAKTION: (False, False, False),
    roles.BEIRAT: (False, False, False),
    roles.BEIRAT_VORSITZ: (False, False, False),
    roles.BEIRAT_SCHRIFTFUEHRUNG: (False, False, False),
    roles.VEREINSMITGLIED: (False, False, False),
    roles.VORSTAND: (False, False, False),
    roles.EHRENAMT: (False, False, False),
    roles.EHRENAMTSKOORDINATION: (False, False, False),
    roles.INTEGRATIONSMANAGEMENT: (True, False, False),
    roles.TEAMLEITUNG: (True, True, False),
    roles.PERSONAL: (False, False, False),
    roles.VERWALTUNG: (False, False, False),
    roles.DATENSCHUTZ: (False, False, True),
    SUPERUSER: (True, True, True),
}
PERMISSIONS = ["faelle.work_on_cases", "faelle.see_all_cases", "faelle.answer_data_requests"]

# role: may open (a case assigned to them, someone else's case, an anonymised case assigned to them)
OPEN_CASE = {
    ANONYMOUS: (False, False, False),
    ACCOUNT: (False, False, False),
    roles.REDAKTION: (False, False, False),
    roles.BEIRAT: (False, False, False),
    roles.BEIRAT_VORSITZ: (False, False, False),
    roles.BEIRAT_SCHRIFTFUEHRUNG: (False, False, False),
    roles.VEREINSMITGLIED: (False, False, False),
    roles.VORSTAND: (False, False, False),
    roles.EHRENAMT: (False, False, False),
    roles.EHRENAMTSKOORDINATION: (False, False, False),
    roles.INTEGRATIONSMANAGEMENT: (True, False, False),
    roles.TEAMLEITUNG: (True, True, False),
    roles.PERSONAL: (False, False, False),
    roles.VERWALTUNG: (False, False, False),
    roles.DATENSCHUTZ: (False, False, False),
    # Django grants superusers every permission; the register's queries still keep anonymised cases closed.
    SUPERUSER: (True, True, True),
}


def user_for(role):
    return make_user(role) or AnonymousUser()


def test_the_tables_cover_every_role():
    assert list(TABLE) == ALL_ROLES
    assert list(OPEN_CASE) == ALL_ROLES


@pytest.mark.parametrize("permission", PERMISSIONS)
@pytest.mark.parametrize("role", ALL_ROLES)
def test_role_permissions(role, permission):
    expected = TABLE[role][PERMISSIONS.index(permission)]
    assert user_for(role).has_perm(permission) is expected


@pytest.fixture
def cases():
    """For a user: a case assigned to them, someone else's case and an anonymised case assigned to them."""

    def _cases(user):
        mine = [user] if user.is_authenticated else []
        assigned = FallFactory(bearbeitende=mine)
        foreign = FallFactory(bearbeitende=[make_user(roles.INTEGRATIONSMANAGEMENT)])
        anonymised = FallFactory(bearbeitende=mine, anonymisiert_am=timezone.now())
        return assigned, foreign, anonymised

    return _cases


@pytest.mark.parametrize("role", ALL_ROLES)
def test_open_case(role, cases):
    user = user_for(role)
    assigned, foreign, anonymised = cases(user)
    answers = tuple(user.has_perm("faelle.open_case", fall) for fall in (assigned, foreign, anonymised))
    assert answers == OPEN_CASE[role]


@pytest.mark.parametrize("role", ALL_ROLES)
def test_the_register_lists_the_cases_the_user_may_open(role, cases):
    user = user_for(role)
    assigned, foreign, anonymised = cases(user)
    may_open = {fall for fall in (assigned, foreign) if user.has_perm("faelle.open_case", fall)}
    assert set(faelle_fuer(user)) == may_open
    for fall in may_open:
        assert fall_fuer(user, fall.pk) == fall
    for fall in {assigned, foreign, anonymised} - may_open:
        with pytest.raises(Http404):
            fall_fuer(user, fall.pk)


def test_the_case_permission_needs_a_case():
    assert not make_user(roles.TEAMLEITUNG).has_perm("faelle.open_case")


def test_a_teamleitung_holding_only_its_own_group_works_on_cases_and_can_be_assigned():
    lead = UserFactory(roles=[roles.TEAMLEITUNG])
    worker = UserFactory(roles=[roles.INTEGRATIONSMANAGEMENT])
    UserFactory(roles=[roles.INTEGRATIONSMANAGEMENT], is_active=False)
    UserFactory(roles=[roles.DATENSCHUTZ])
    assert lead.has_perm("faelle.work_on_cases") and lead.has_perm("faelle.see_all_cases")
    assert set(case_workers()) == {lead, worker}
