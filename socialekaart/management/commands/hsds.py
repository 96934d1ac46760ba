"""manage.py hsds export --format json|csv > file ; manage.py hsds import file.csv"""

import json

from django.core.management.base import BaseCommand, CommandError

from socialekaart import hsds


class Command(BaseCommand):
    help = "Sociale kaart: exporteer als HSDS 3 (JSON of CSV) of importeer een HSDS-CSV."

    def add_arguments(self, parser):
        parser.add_argument("actie", choices=["export", "import"])
        parser.add_argument("bestand", nargs="?")
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args, actie, bestand, format, **options):
        if actie == "export":
            data = (
                hsds.export_csv()
                if format == "csv"
                else json.dumps(hsds.export_json(), ensure_ascii=False, indent=2)
            )
            self.stdout.write(data)
            return
        if not bestand:
            raise CommandError("Geef het CSV-bestand op.")
        with open(bestand, encoding="utf-8-sig") as f:
            rapport = hsds.import_csv(f.read())
        self.stdout.write(str(rapport))
