"""Issue 19b: the retention periods checked against the VNG Selectielijst gemeenten en
intergemeentelijke organen 2020, and the Jeugdwet request for early destruction.

Source of the categories and periods: the Selectielijst API of VNG/Open Zaak
(https://selectielijst.openzaak.nl/api/v1/resultaten, procestype 8 'Voorzieningen
verstrekken', jaar 2020), as recorded on 2 April 2025 in Open Archiefbeheer's test
cassette maykinmedia/open-archiefbeheer
backend/src/openarchiefbeheer/zaken/tests/cassettes/ZaakSerialisersTests.test_selectielijstklasse.yaml
(commit 28a375a1ffb9b89387bc6adbc4e78a009a81080d). What it says for our laws:

- 8.1.1 Verstrekt / 8.3.1 Beëindigd, WMO voorziening: P15Y, vernietigen (Wmo 2015 art. 5.3.4)
- 8.1.2 / 8.3.2 Individuele jeugdhulp voorziening, 3.1.4 Plan van aanpak jeugdhulp: P20Y
  (Jeugdwet art. 7.3.8 lid 3 and 7.3.9)
- 8.1.9 Verstrekt / 8.3.5 Beëindigd, Schuldhulpverlening: P5Y, vernietigen (risicoanalyse)
- 8.3 Beëindigd (generic, any voorziening): P10Y; 12.1.1 Hercontrole uitkering sociaal
  domein: P10Y. The 2020 list has no category of its own for the Participatiewet.

So Wmo (15), Jeugdwet (20) and Participatiewet (10) stand; Wgs was 7 and is 5. A row the
beheerder already changed (another period or source) is left alone.
"""

from django.db import migrations

LIJST = "Selectielijst gemeenten en intergemeentelijke organen 2020"

# wet code: (old jaren, old bron, new jaren, new bron)
CORRECTIES = {
    "jeugdwet": (
        20,
        "Jeugdwet art. 7.3.8: bewaren tot 20 jaar na het einde van de jeugdhulp",
        20,
        "Jeugdwet art. 7.3.8 lid 3: 20 jaar na het einde van de jeugdhulp; ook "
        f"{LIJST}, cat. 8.1.2 en 8.3.2 (individuele jeugdhulpvoorziening) en 3.1.4 "
        "(plan van aanpak jeugdhulp cliënt): 20 jaar, vernietigen",
    ),
    "wmo-2015": (
        15,
        f"{LIJST}, Wmo-maatwerkvoorziening",
        15,
        f"{LIJST}, cat. 8.1.1 (verstrekt) en 8.3.1 (beëindigd): WMO voorziening, 15 jaar, "
        "vernietigen (Wmo 2015 art. 5.3.4); ook 3.1.5 (plan van aanpak WMO cliënt): 15 jaar",
    ),
    "participatiewet": (
        10,
        f"{LIJST}, Participatiewet",
        10,
        f"{LIJST}, cat. 8.3 (voorziening beëindigd, generiek): 10 jaar, vernietigen; "
        "12.1.1 (hercontrole uitkering sociaal domein): 10 jaar. De lijst 2020 kent geen "
        "eigen categorie voor de Participatiewet",
    ),
    "wgs": (
        7,
        f"{LIJST}, schuldhulpverlening (Wgs)",
        5,
        f"{LIJST}, cat. 8.1.9 (verstrekt) en 8.3.5 (beëindigd): schuldhulpverlening, "
        "5 jaar, vernietigen",
    ),
    None: (
        10,
        f"{LIJST}, dossier zonder vastgelegde wet (algemene casusregie)",
        10,
        f"Keuze van de gemeente: de {LIJST} heeft geen categorie voor een huishoudplan "
        "zonder vastgelegde wet; gelijk gesteld aan cat. 8.3 (voorziening beëindigd, "
        "generiek): 10 jaar. De archivaris stelt dit vast",
    ),
}


def _apply(apps, richting: str) -> None:
    Bewaartermijn = apps.get_model("archief", "Bewaartermijn")
    for code, (oud_jaren, oude_bron, nieuw_jaren, nieuwe_bron) in CORRECTIES.items():
        if richting == "terug":
            oud_jaren, oude_bron, nieuw_jaren, nieuwe_bron = (
                nieuw_jaren,
                nieuwe_bron,
                oud_jaren,
                oude_bron,
            )
        rij = Bewaartermijn.objects.filter(
            **({"wet__code": code} if code else {"wet__isnull": True})
        ).first()
        if rij is None or rij.jaren != oud_jaren or rij.bron != oude_bron:
            continue  # not seeded, or the beheerder's own choice: left alone
        rij.jaren = nieuw_jaren
        rij.bron = nieuwe_bron
        rij.save(update_fields=["jaren", "bron"])


def correct_periods(apps, schema_editor):
    _apply(apps, "heen")


def restore_periods(apps, schema_editor):
    _apply(apps, "terug")


class Migration(migrations.Migration):
    dependencies = [
        ("archief", "0002_bewaartermijnen"),
    ]

    operations = [
        migrations.RunPython(correct_periods, restore_periods),
    ]
