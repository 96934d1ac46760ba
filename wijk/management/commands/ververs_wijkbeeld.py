from django.core.management.base import BaseCommand

from wijk.services import ververs_wijkbeeld
from wijk.tasks import ververs_wijkbeeld as taak


class Command(BaseCommand):
    help = "Ververs de cijfers van het Wijkbeeld (standaard via de achtergrondtaak)."

    def add_arguments(self, parser):
        parser.add_argument("--nu", action="store_true", help="Nu uitvoeren, niet in de wachtrij")

    def handle(self, *args, nu: bool = False, **options):
        if nu:
            verversing = ververs_wijkbeeld()
            self.stdout.write(f"Wijkbeeld ververst: {verversing.rijen} cijfers.")
        else:
            taak.enqueue()
            self.stdout.write("Verversing van het Wijkbeeld in de wachtrij gezet.")
