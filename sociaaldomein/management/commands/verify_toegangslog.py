from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sociaaldomein.accesslog import check_anchor, verify_chain


class Command(BaseCommand):
    help = (
        "Controleer de hashketen van het toegangslog (ontbrekende of gewijzigde regels) "
        "en het anker buiten de database (verwijderde nieuwste regels)."
    )

    def handle(self, *args, **options):
        count, problems, head = verify_chain()
        problems = [*problems, *((0, p) for p in check_anchor(settings.TOEGANGSLOG_ANKER))]
        if problems:
            for volgnummer, probleem in problems:
                self.stderr.write(f"regel {volgnummer}: {probleem}" if volgnummer else probleem)
            raise CommandError(f"Toegangslog NIET in orde: {len(problems)} probleem/problemen.")
        self.stdout.write(
            self.style.SUCCESS(f"Toegangslog in orde: {count} regels, laatste hash {head or '-'}.")
        )
