"""Issue 19: the access log refuses TRUNCATE as well (a statement trigger; the row
trigger of 0003 never fires for it).

One exception: a session that sets `eenplan.toegangslog_legen = 'aan'`. Only the test
suite does (tests/conftest.py): transactional tests end with Django's flush, which
truncates every table. This is no weaker than before: whoever can set it can run SQL as
the table's owner and could drop the trigger. The protection against that is the
database role the application connects as (see README, "Toegangslog").
"""

from django.db import migrations

SQL = r"""
CREATE FUNCTION sociaaldomein_toegangslog_niet_legen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('eenplan.toegangslog_legen', true) = 'aan' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'Het toegangslog is alleen aan te vullen: TRUNCATE is niet toegestaan'
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER sociaaldomein_toegangslog_niet_legen
BEFORE TRUNCATE ON sociaaldomein_toegangslog
FOR EACH STATEMENT EXECUTE FUNCTION sociaaldomein_toegangslog_niet_legen();
"""

REVERSE = """
DROP TRIGGER IF EXISTS sociaaldomein_toegangslog_niet_legen ON sociaaldomein_toegangslog;
DROP FUNCTION IF EXISTS sociaaldomein_toegangslog_niet_legen();
"""


class Migration(migrations.Migration):
    dependencies = [("sociaaldomein", "0005_dossierexport_naar_verantwoording")]

    operations = [migrations.RunSQL(SQL, REVERSE)]
