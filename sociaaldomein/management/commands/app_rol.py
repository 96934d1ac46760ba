"""Least privilege for the application's database role (issue 19, finding 6).

Run as the owner of the tables, after every `migrate`. It creates (or updates) a login
role that owns nothing and grants it what the application needs: reading and writing
the case data, but on the access log only SELECT and INSERT (no UPDATE, DELETE,
TRUNCATE; not the owner, so it cannot drop or disable the triggers), and on the
pseudonymisation records only SELECT (written by the destruction run, which uses the
owner's role). The web process and the worker then connect as that role; migrations,
`vernietigingslijsten_uitvoeren` and backups keep using the owner.
"""

from urllib.parse import quote

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from psycopg import sql

ALLEEN_LEZEN_EN_TOEVOEGEN = {"sociaaldomein_toegangslog"}
ALLEEN_LEZEN = {"sociaaldomein_toegangslogpseudoniem"}


class Command(BaseCommand):
    help = "Maak of werk de databaserol van de applicatie bij (geen eigenaar, minimale rechten)."

    def add_arguments(self, parser):
        parser.add_argument("rol", help="naam van de rol, bijvoorbeeld eenplan_app")
        parser.add_argument("--wachtwoord", default=None, help="wachtwoord (login-rol)")
        parser.add_argument(
            "--url",
            action="store_true",
            help="druk daarna alleen de DATABASE_URL van de rol af (make run)",
        )

    def handle(self, *args, rol: str, wachtwoord: str | None, url=False, **options):
        if not rol.replace("_", "").isalnum():
            raise CommandError("Een rolnaam bestaat uit letters, cijfers en _.")
        naam = sql.Identifier(rol)
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [rol])
            if cursor.fetchone() is None:
                cursor.execute(sql.SQL("CREATE ROLE {} LOGIN").format(naam))
            if wachtwoord:
                cursor.execute(
                    sql.SQL("ALTER ROLE {} LOGIN PASSWORD {}").format(naam, sql.Literal(wachtwoord))
                )
            cursor.execute(
                sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
                    sql.Identifier(connection.settings_dict["NAME"]), naam
                )
            )
            cursor.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(naam))
            cursor.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
            for (tabel,) in cursor.fetchall():
                t = sql.Identifier(tabel)
                cursor.execute(sql.SQL("REVOKE ALL ON {} FROM {}").format(t, naam))
                if tabel in ALLEEN_LEZEN:
                    rechten = "SELECT"
                elif tabel in ALLEEN_LEZEN_EN_TOEVOEGEN:
                    rechten = "SELECT, INSERT"
                else:
                    rechten = "SELECT, INSERT, UPDATE, DELETE"
                cursor.execute(sql.SQL(f"GRANT {rechten} ON {{}} TO {{}}").format(t, naam))
            cursor.execute(
                sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(naam)
            )
        if url:
            self.stdout.write(_url_van(rol, wachtwoord))
            return
        self.stdout.write(self.style.SUCCESS(f"Rol {rol}: rechten bijgewerkt."))


def _url_van(rol: str, wachtwoord: str | None) -> str:
    instellingen = connection.settings_dict
    login = f"{quote(rol)}:{quote(wachtwoord)}" if wachtwoord else quote(rol)
    poort = f":{instellingen['PORT']}" if instellingen.get("PORT") else ""
    return f"postgres://{login}@{instellingen['HOST']}{poort}/{instellingen['NAME']}"
