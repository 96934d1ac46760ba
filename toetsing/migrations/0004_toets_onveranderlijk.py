"""Invariants of the omgekeerde toets in PostgreSQL, also against raw SQL.

1. Immutability (issue 5: "Submitting the toets makes it immutable"). A toets that is
   submitted (ingediend), ended after step 1 (beeindigd) or replaced (vervangen) cannot be
   updated or deleted, and neither can its parts (core values, effects, cited articles);
   no part can be added to it. The one change allowed is the correction: a submitted or
   ended toets becomes 'vervangen' (with the time) when its correction is final, and
   nothing else in the row may change then. A lawful destruction of the whole file
   (Jeugdwet art. 7.3.9) declares itself with `SET LOCAL sociaaldomein.vernietiging = 'aan'`,
   as for the other append-only tables.
2. Scope: the goal or action (and the corrected toets) belong to the toets's own household,
   which is what every read is scoped by.
"""

from django.db import migrations

SQL = """
CREATE FUNCTION toetsing_toets_onveranderlijk() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status IN ('ingediend', 'beeindigd', 'vervangen') THEN
        IF TG_OP = 'DELETE' AND current_setting('sociaaldomein.vernietiging', true) = 'aan' THEN
            RETURN OLD;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.status IN ('ingediend', 'beeindigd')
           AND NEW.status = 'vervangen' AND NEW.vervangen_op IS NOT NULL
           AND (to_jsonb(NEW) - 'status' - 'vervangen_op')
               = (to_jsonb(OLD) - 'status' - 'vervangen_op') THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'Toets % is afgesloten (%): % is niet toegestaan; maak een correctie',
            OLD.id, OLD.status, TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER toetsing_toets_onveranderlijk
BEFORE UPDATE OR DELETE ON toetsing_toets
FOR EACH ROW EXECUTE FUNCTION toetsing_toets_onveranderlijk();

CREATE FUNCTION toetsing_toetsdeel_onveranderlijk() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    toets_status text;
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('sociaaldomein.vernietiging', true) = 'aan' THEN
        RETURN OLD;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        -- FOR SHARE: waits for a concurrent submission of the same toets to finish.
        SELECT status INTO toets_status FROM toetsing_toets WHERE id = OLD.toets_id FOR SHARE;
        IF toets_status IN ('ingediend', 'beeindigd', 'vervangen') THEN
            RAISE EXCEPTION 'Toets % is afgesloten: % van een onderdeel is niet toegestaan',
                OLD.toets_id, TG_OP
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT status INTO toets_status FROM toetsing_toets WHERE id = NEW.toets_id FOR SHARE;
        IF toets_status IN ('ingediend', 'beeindigd', 'vervangen') THEN
            RAISE EXCEPTION 'Toets % is afgesloten: % van een onderdeel is niet toegestaan',
                NEW.toets_id, TG_OP
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END IF;
    RETURN OLD;
END;
$$;

CREATE TRIGGER toetsing_toetsgrondwaarde_onveranderlijk
BEFORE INSERT OR UPDATE OR DELETE ON toetsing_toetsgrondwaarde
FOR EACH ROW EXECUTE FUNCTION toetsing_toetsdeel_onveranderlijk();

CREATE TRIGGER toetsing_effect_onveranderlijk
BEFORE INSERT OR UPDATE OR DELETE ON toetsing_effect
FOR EACH ROW EXECUTE FUNCTION toetsing_toetsdeel_onveranderlijk();

CREATE TRIGGER toetsing_toetsartikel_onveranderlijk
BEFORE INSERT OR UPDATE OR DELETE ON toetsing_toetsartikel
FOR EACH ROW EXECUTE FUNCTION toetsing_toetsdeel_onveranderlijk();

CREATE FUNCTION toetsing_toets_samenhang() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    eigenaar bigint;
BEGIN
    IF NEW.actie_id IS NOT NULL THEN
        SELECT p.huishouden_id INTO eigenaar
          FROM casussen_actie a
          JOIN casussen_doel d ON d.id = a.doel_id
          JOIN casussen_plan p ON p.id = d.plan_id
         WHERE a.id = NEW.actie_id;
    ELSE
        SELECT p.huishouden_id INTO eigenaar
          FROM casussen_doel d JOIN casussen_plan p ON p.id = d.plan_id
         WHERE d.id = NEW.doel_id;
    END IF;
    IF eigenaar IS DISTINCT FROM NEW.huishouden_id THEN
        RAISE EXCEPTION 'Het doel of de actie van toets % hoort niet bij huishouden %',
            NEW.id, NEW.huishouden_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.vorige_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM toetsing_toets t
         WHERE t.id = NEW.vorige_id AND t.huishouden_id = NEW.huishouden_id
    ) THEN
        RAISE EXCEPTION 'De gecorrigeerde toets hoort niet bij huishouden %', NEW.huishouden_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER toetsing_toets_samenhang
BEFORE INSERT OR UPDATE OF huishouden_id, doel_id, actie_id, vorige_id ON toetsing_toets
FOR EACH ROW EXECUTE FUNCTION toetsing_toets_samenhang();
"""

REVERSE = """
DROP TRIGGER IF EXISTS toetsing_toets_samenhang ON toetsing_toets;
DROP FUNCTION IF EXISTS toetsing_toets_samenhang();
DROP TRIGGER IF EXISTS toetsing_toetsartikel_onveranderlijk ON toetsing_toetsartikel;
DROP TRIGGER IF EXISTS toetsing_effect_onveranderlijk ON toetsing_effect;
DROP TRIGGER IF EXISTS toetsing_toetsgrondwaarde_onveranderlijk ON toetsing_toetsgrondwaarde;
DROP FUNCTION IF EXISTS toetsing_toetsdeel_onveranderlijk();
DROP TRIGGER IF EXISTS toetsing_toets_onveranderlijk ON toetsing_toets;
DROP FUNCTION IF EXISTS toetsing_toets_onveranderlijk();
"""


class Migration(migrations.Migration):
    dependencies = [("toetsing", "0003_wet_algemeen_en_toets")]

    operations = [migrations.RunSQL(SQL, REVERSE)]
