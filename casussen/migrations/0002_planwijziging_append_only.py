"""The plan's history is append-only (issue 4: "both logged", "who changed what and when").

The trigger rejects UPDATE always, also from raw SQL. DELETE is rejected too, except
inside a transaction that declares a lawful destruction of the file (Jeugdwet art. 7.3.9)
with `SET LOCAL sociaaldomein.vernietiging = 'aan'`, as for assessments.
"""

from django.db import migrations

SQL = """
CREATE FUNCTION casussen_planwijziging_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('sociaaldomein.vernietiging', true) = 'aan' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'De geschiedenis van een plan is onveranderlijk: % is niet toegestaan', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER casussen_planwijziging_append_only
BEFORE UPDATE OR DELETE ON casussen_planwijziging
FOR EACH ROW EXECUTE FUNCTION casussen_planwijziging_append_only();
"""

REVERSE = """
DROP TRIGGER IF EXISTS casussen_planwijziging_append_only ON casussen_planwijziging;
DROP FUNCTION IF EXISTS casussen_planwijziging_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("casussen", "0001_initial")]

    operations = [migrations.RunSQL(SQL, REVERSE)]
