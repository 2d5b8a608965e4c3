import pytest

from portal import roles
from tests.conftest import login
from tests.factories import UserFactory, activate_totp, volunteer


@pytest.fixture
def koordination(client, db):
    """A coordinator, signed in."""
    user = UserFactory(roles=[roles.EHRENAMTSKOORDINATION], first_name="Klara", last_name="Koordinatorin")
    login(client, user)
    client.user = user
    return client


@pytest.fixture
def freiwillige(client, db):
    """An approved volunteer, signed in."""
    user = volunteer(user__first_name="Fatima", user__last_name="Haddad", user__email="fatima@example.org")
    login(client, user)
    client.user = user
    return client


__all__ = ["activate_totp"]


@pytest.fixture
def koordination_user(db):
    return UserFactory(roles=[roles.EHRENAMTSKOORDINATION], email="koordination@example.org")
