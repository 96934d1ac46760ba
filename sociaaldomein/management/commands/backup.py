from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from sociaaldomein.backup import BackupError, backup


class Command(BaseCommand):
    help = "Maak een volledige back-up van de database met pg_dump (custom format)."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=None, help="bestand voor de back-up")

    def handle(self, *args, output: Path | None, **options):
        output = output or Path("backups") / f"eenplan-{timezone.now():%Y%m%d-%H%M%S}.dump"
        try:
            backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Back-up gemaakt: {output}"))
