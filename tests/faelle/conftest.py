import pytest

from portal import roles
from tests.factories import UserFactory, activate_totp, case_worker
from tests.faelle.helpers import signed_in


@pytest.fixture
def worker(site_pages):
    return case_worker(first_name="Karin")


@pytest.fixture
def datenschutz_client(site_pages):
    user = UserFactory(roles=[roles.DATENSCHUTZ])
    activate_totp(user)
    return signed_in(user)
