"""The Dutch full-text column of a service, kept by a trigger (as toetsing's register:
a GeneratedField would make `check --deploy` ask a database at build time)."""

from django.db import migrations

TEKST = (
    "setweight(to_tsvector('dutch'::regconfig, coalesce({t}naam, '') || ' ' || "
    "coalesce({t}upl_naam, '')), 'A') || "
    "setweight(to_tsvector('dutch'::regconfig, coalesce({t}beschrijving, '') || ' ' || "
    "coalesce({t}voorwaarden, '')), 'B')"
)

SQL = f"""
CREATE FUNCTION socialekaart_dienst_zoekvector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.zoekvector := {TEKST.format(t="NEW.")};
    RETURN NEW;
END;
$$;

CREATE TRIGGER socialekaart_dienst_zoekvector
BEFORE INSERT OR UPDATE ON socialekaart_dienst
FOR EACH ROW EXECUTE FUNCTION socialekaart_dienst_zoekvector();

UPDATE socialekaart_dienst SET zoekvector = {TEKST.format(t="")};
"""  # noqa: S608 (constant text, no input)

REVERSE = """
DROP TRIGGER IF EXISTS socialekaart_dienst_zoekvector ON socialekaart_dienst;
DROP FUNCTION IF EXISTS socialekaart_dienst_zoekvector();
"""


class Migration(migrations.Migration):
    dependencies = [("socialekaart", "0001_initial")]

    operations = [migrations.RunSQL(SQL, REVERSE)]
