from django.core.management.base import BaseCommand

from vroegsignalering.services import destroy_no_contact
from vroegsignalering.tasks import plan_vernietiging


class Command(BaseCommand):
    help = (
        "Vernietig vroegsignalen zonder contact na de bewaartermijn: plant de nachtelijke "
        "taak in (de db_worker voert die uit), of voer met --nu meteen één ronde uit."
    )

    def add_arguments(self, parser):
        parser.add_argument("--nu", action="store_true", help="Nu één ronde uitvoeren.")

    def handle(self, *args, nu: bool = False, **options):
        if nu:
            ronde = destroy_no_contact()
            self.stdout.write(
                f"{ronde.zaken} zaken en {ronde.signalen} signalen vernietigd "
                f"(afgerond voor {ronde.grens:%d-%m-%Y})."
            )
            return
        plan_vernietiging()
        self.stdout.write("De nachtelijke vernietiging is ingepland.")
