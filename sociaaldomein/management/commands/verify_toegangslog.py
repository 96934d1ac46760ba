from django.core.management.base import BaseCommand, CommandError

from sociaaldomein.accesslog import verify_chain


class Command(BaseCommand):
    help = "Controleer de hashketen van het toegangslog: ontbrekende of gewijzigde regels."

    def handle(self, *args, **options):
        count, problems, head = verify_chain()
        if problems:
            for volgnummer, probleem in problems:
                self.stderr.write(f"regel {volgnummer}: {probleem}")
            raise CommandError(f"Toegangslog NIET in orde: {len(problems)} probleem/problemen.")
        self.stdout.write(
            self.style.SUCCESS(f"Toegangslog in orde: {count} regels, laatste hash {head or '-'}.")
        )
