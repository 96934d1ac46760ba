from django.conf import settings
from django.core.management.base import BaseCommand

from sociaaldomein.accesslog import write_anchor


class Command(BaseCommand):
    help = (
        "Schrijf het nieuwste volgnummer en de hash van het toegangslog naar het anker "
        "buiten de database (TOEGANGSLOG_ANKER). Dagelijks draaien (cron of timer)."
    )

    def handle(self, *args, **options):
        punt = write_anchor(settings.TOEGANGSLOG_ANKER)
        if punt is None:
            self.stdout.write("Het toegangslog is leeg; geen anker geschreven.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Anker geschreven naar {settings.TOEGANGSLOG_ANKER}: regel {punt[0]}, {punt[1]}."
            )
        )
