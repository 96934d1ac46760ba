from pathlib import Path

import dj_database_url
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from sociaaldomein.accesslog import verify_chain
from sociaaldomein.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Zet een back-up terug in een lege database (standaard de geconfigureerde) "
        "en controleer daarna de hashketen van het toegangslog."
    )

    def add_arguments(self, parser):
        parser.add_argument("dump", type=Path, help="back-upbestand van `manage.py backup`")
        parser.add_argument(
            "--database-url", default=None, help="doel-database (leeg); standaard DATABASE_URL"
        )

    def handle(self, *args, dump: Path, database_url: str | None, **options):
        if not dump.exists():
            raise CommandError(f"{dump} bestaat niet")
        target = dj_database_url.parse(database_url) if database_url else connection.settings_dict
        try:
            restore(dump, settings_dict=target)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Teruggezet in database {target['NAME']}."))
        if not database_url:
            count, problems, _ = verify_chain()
            if problems:
                raise CommandError(f"Toegangslog na terugzetten NIET in orde: {problems[:5]}")
            self.stdout.write(f"Toegangslog in orde: {count} regels.")
