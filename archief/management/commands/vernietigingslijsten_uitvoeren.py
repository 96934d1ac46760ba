from django.core.management.base import BaseCommand

from archief.services import destroy_due


class Command(BaseCommand):
    help = (
        "Voer de vernietigingslijsten uit waarvan de wachttijd na het akkoord van de "
        "archivaris voorbij is (dagelijks draaien, als de database-eigenaar)."
    )

    def handle(self, *args, **options):
        lijsten = destroy_due()
        for lijst in lijsten:
            self.stdout.write(f"Vernietigd: {lijst.naam} ({lijst.items.count()} dossiers).")
        self.stdout.write(self.style.SUCCESS(f"{len(lijsten)} lijst(en) uitgevoerd."))
