import importlib
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from sociaaldomein.demo import DemoContext, demo_steps, seed_colleagues, seed_organisation


class Command(BaseCommand):
    help = (
        "Laad demogegevens: teams, demo-accounts en N huishoudens met leden, "
        "beoordelingen en wat latere onderdelen toevoegen. Idempotent: voegt alleen toe "
        "wat ontbreekt."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--households", type=int, default=40, help="aantal demohuishoudens (standaard 40)"
        )
        parser.add_argument(
            "--password",
            default=None,
            help="wachtwoord voor alle demo-accounts (standaard 'demo'; zet het ook bij "
            "bestaande accounts)",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="ook zonder DEBUG (een benchmark- of acceptatieomgeving zonder echte gegevens)",
        )

    def handle(self, *args, households: int, password: str | None, force=False, **options):
        if not (settings.DEBUG or settings.TESTING or force):
            raise CommandError(
                "seed_demo maakt demo-accounts met een bekend wachtwoord en draait daarom "
                "alleen met DEBUG=true. Weet u zeker dat hier geen echte gegevens staan, "
                "geef dan --force."
            )
        if households < 0:
            raise CommandError("--households moet 0 of groter zijn.")
        started = time.monotonic()
        with transaction.atomic():
            teams, users = seed_organisation(password)
            ctx = DemoContext(
                today=timezone.localdate(), households=households, teams=teams, users=users
            )
            seed_colleagues(ctx)
            for module in demo_steps():
                importlib.import_module(module).seed(ctx)
        elapsed = time.monotonic() - started
        counts = ", ".join(f"{name}: {count}" for name, count in ctx.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demogegevens klaar in {elapsed:.1f} s ({counts})."))
        if password is None:
            self.stdout.write(
                self.style.WARNING(
                    "Let op: de demo-accounts hebben het wachtwoord 'demo' "
                    "(tenzij eerder met --password gezet). Alleen voor demonstratie; "
                    "nooit op een server met echte gegevens."
                )
            )
