"""The audit log is append-only in the database too (PostgreSQL): a trigger refuses every UPDATE and
DELETE of an entry. The one change it lets through is Django's SET_NULL when an account is deleted
(only `user_id` becomes NULL; the entry keeps the e-mail address). TRUNCATE, which only the table's
owner may run (and Django's test flush uses), is not a row change; docs/deploy.md says how to take
that right from the app's role. SQLite has no roles and its test flush deletes rows: the models
refuse changes there (models.py)."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_auditeintrag_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.user_id IS NULL
        AND ROW(NEW.id, NEW.zeitpunkt, NEW.user_email, NEW.aktion, NEW.bereich, NEW.objekt_id,
                NEW.fall_nummer, NEW.felder::text)
        IS NOT DISTINCT FROM
            ROW(OLD.id, OLD.zeitpunkt, OLD.user_email, OLD.aktion, OLD.bereich, OLD.objekt_id,
                OLD.fall_nummer, OLD.felder::text)
    THEN
        RETURN NEW;  -- the account was deleted (on_delete=SET_NULL)
    END IF;
    RAISE EXCEPTION 'The audit log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS audit_auditeintrag_append_only ON audit_auditeintrag;
CREATE TRIGGER audit_auditeintrag_append_only
    BEFORE UPDATE OR DELETE ON audit_auditeintrag
    FOR EACH ROW EXECUTE FUNCTION audit_auditeintrag_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_auditeintrag_append_only ON audit_auditeintrag;
DROP FUNCTION IF EXISTS audit_auditeintrag_append_only();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
