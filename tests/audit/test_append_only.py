"""The audit log is append-only in the database too: on PostgreSQL a trigger refuses UPDATE and
DELETE of entries, even as raw SQL past the models (issue 25, finding 15)."""

import pytest
from django.db import DatabaseError, connection, transaction

from intern.audit.models import AuditEintrag
from tests.factories import AuditEintragFactory

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")


@postgresql_only
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_auditeintrag SET fall_nummer = '2026-99999'",
        "UPDATE audit_auditeintrag SET user_id = NULL, user_email = ''",
        "DELETE FROM audit_auditeintrag",
    ],
)
def test_raw_sql_cannot_change_or_delete_entries(statement):
    eintrag = AuditEintragFactory(fall_nummer="2026-00001")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    eintrag = AuditEintrag.objects.get(pk=eintrag.pk)
    assert (eintrag.fall_nummer, eintrag.user_email) == ("2026-00001", eintrag.user.email)


def test_deleting_an_account_keeps_its_entries_with_the_address():
    eintrag = AuditEintragFactory(fall_nummer="2026-00001")
    email = eintrag.user.email
    eintrag.user.delete()
    eintrag = AuditEintrag.objects.get(pk=eintrag.pk)
    assert (eintrag.user, eintrag.user_email, eintrag.fall_nummer) == (None, email, "2026-00001")
