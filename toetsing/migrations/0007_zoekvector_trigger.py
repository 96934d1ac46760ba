"""The register's full-text column becomes a plain stored tsvector kept up to date by a
trigger, instead of a generated column: Django's system checks of a GeneratedField ask the
database server for its features, so `manage.py check --deploy` (without a database, at
build time) failed. Same content, same Dutch configuration, same GIN index."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

TEKST = (
    "to_tsvector('dutch'::regconfig, coalesce({t}samenvatting, '') || ' ' || "
    "coalesce({t}afwijking_regel, '') || ' ' || coalesce({t}besluit_reden, ''))"
)

SQL = f"""
CREATE FUNCTION toetsing_maatwerkverzoek_zoekvector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.zoekvector := {TEKST.format(t="NEW.")};
    RETURN NEW;
END;
$$;

CREATE TRIGGER toetsing_maatwerkverzoek_zoekvector
BEFORE INSERT OR UPDATE ON toetsing_maatwerkverzoek
FOR EACH ROW EXECUTE FUNCTION toetsing_maatwerkverzoek_zoekvector();

UPDATE toetsing_maatwerkverzoek SET zoekvector = {TEKST.format(t="")};
"""  # noqa: S608 (constant text, no input)

REVERSE = """
DROP TRIGGER IF EXISTS toetsing_maatwerkverzoek_zoekvector ON toetsing_maatwerkverzoek;
DROP FUNCTION IF EXISTS toetsing_maatwerkverzoek_zoekvector();
"""


class Migration(migrations.Migration):
    dependencies = [("toetsing", "0006_maatwerk_besluiten")]

    operations = [
        migrations.RemoveIndex(model_name="maatwerkverzoek", name="maatwerk_zoekvector"),
        migrations.RemoveField(model_name="maatwerkverzoek", name="zoekvector"),
        migrations.AddField(
            model_name="maatwerkverzoek",
            name="zoekvector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="maatwerkverzoek",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["zoekvector"], name="maatwerk_zoekvector"
            ),
        ),
        migrations.RunSQL(SQL, REVERSE),
    ]
