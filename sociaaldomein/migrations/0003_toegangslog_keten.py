"""The access log is append-only and hash-chained, enforced in PostgreSQL.

- BEFORE INSERT: under a transaction-level advisory lock, number the entry after the last
  one and chain it: vorige_hash = hash of the previous entry, hash = SHA-256 over the
  entry's content and vorige_hash (`sociaaldomein_toegangslog_hash`, the one definition
  that `manage.py verify_toegangslog` also uses).
- BEFORE UPDATE OR DELETE: always an error, also for raw SQL.
"""

from django.db import migrations

SQL = r"""
CREATE FUNCTION sociaaldomein_toegangslog_hash(r sociaaldomein_toegangslog) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
        r.volgnummer::text,
        r.vorige_hash,
        to_char(r.tijdstip AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        coalesce(r.gebruiker_id::text, '-'),
        r.gebruikersnaam, r.rol, r.team,
        array_to_string(r.huishoudens, ','),
        array_to_string(r.leden, ','),
        r.onderwerp, r.object_id, r.actie, r.doel, r.reden,
        r.uitzonderlijk::text, r.pad, r.methode
    ), 'UTF8')), 'hex')
$$;

CREATE FUNCTION sociaaldomein_toegangslog_keten() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    laatste RECORD;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('sociaaldomein_toegangslog'));
    SELECT volgnummer, hash INTO laatste
      FROM sociaaldomein_toegangslog
     WHERE volgnummer IS NOT NULL
     ORDER BY volgnummer DESC
     LIMIT 1;
    NEW.volgnummer := coalesce(laatste.volgnummer, 0) + 1;
    NEW.vorige_hash := coalesce(laatste.hash, repeat('0', 64));
    NEW.hash := sociaaldomein_toegangslog_hash(NEW);
    RETURN NEW;
END;
$$;

CREATE TRIGGER sociaaldomein_toegangslog_keten
BEFORE INSERT ON sociaaldomein_toegangslog
FOR EACH ROW EXECUTE FUNCTION sociaaldomein_toegangslog_keten();

CREATE FUNCTION sociaaldomein_toegangslog_alleen_toevoegen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Het toegangslog is alleen aan te vullen: % is niet toegestaan', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER sociaaldomein_toegangslog_alleen_toevoegen
BEFORE UPDATE OR DELETE ON sociaaldomein_toegangslog
FOR EACH ROW EXECUTE FUNCTION sociaaldomein_toegangslog_alleen_toevoegen();
"""

REVERSE = """
DROP TRIGGER IF EXISTS sociaaldomein_toegangslog_alleen_toevoegen ON sociaaldomein_toegangslog;
DROP FUNCTION IF EXISTS sociaaldomein_toegangslog_alleen_toevoegen();
DROP TRIGGER IF EXISTS sociaaldomein_toegangslog_keten ON sociaaldomein_toegangslog;
DROP FUNCTION IF EXISTS sociaaldomein_toegangslog_keten();
DROP FUNCTION IF EXISTS sociaaldomein_toegangslog_hash(sociaaldomein_toegangslog);
"""


class Migration(migrations.Migration):
    dependencies = [("sociaaldomein", "0002_notificaties_toegangslog")]

    operations = [migrations.RunSQL(SQL, REVERSE)]
