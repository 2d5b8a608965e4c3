"""What the tests of the case register share: signing in, reading raw column values."""

from django.db import connection
from django.test import Client

from tests.conftest import login


def signed_in(user):
    return login(Client(), user)


def raw_values(table, column):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 - fixed names from the test
        return [row[0] for row in cursor.fetchall()]
