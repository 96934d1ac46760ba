"""Assessments are never overwritten (issue: dated snapshots, a visible trend).

The trigger rejects UPDATE always, also from raw SQL. DELETE is rejected too, except
inside a transaction that declares a lawful destruction (Jeugdwet art. 7.3.9, destruction
on request) with `SET LOCAL sociaaldomein.vernietiging = 'aan'`.
"""

from django.db import migrations

SQL = """
CREATE FUNCTION huishoudens_beoordeling_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('sociaaldomein.vernietiging', true) = 'aan' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'Beoordelingen zijn onveranderlijk: % is niet toegestaan', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER huishoudens_beoordeling_append_only
BEFORE UPDATE OR DELETE ON huishoudens_beoordeling
FOR EACH ROW EXECUTE FUNCTION huishoudens_beoordeling_append_only();
"""

REVERSE = """
DROP TRIGGER IF EXISTS huishoudens_beoordeling_append_only ON huishoudens_beoordeling;
DROP FUNCTION IF EXISTS huishoudens_beoordeling_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("huishoudens", "0002_leefdomeinen_zrm")]

    operations = [migrations.RunSQL(SQL, REVERSE)]
