"""The retention periods as reference data, each with its source. The beheerder keeps
them in /beheer/ (the Selectielijst is revised; a municipality may keep longer).

The Jeugdwet period is statutory (art. 7.3.8: 20 years after the end of jeugdhulp). The
others follow the VNG Selectielijst gemeenten en intergemeentelijke organen 2020; the
archivist checks the category and period against the list the municipality adopted.
"""

from django.db import migrations

BEWAARTERMIJNEN = [
    # wet code (None: no law recorded), jaren, afleiding, bron
    (
        "jeugdwet",
        20,
        "het einde van de jeugdhulp (de datum van afsluiten van het dossier)",
        "Jeugdwet art. 7.3.8: bewaren tot 20 jaar na het einde van de jeugdhulp",
    ),
    (
        "wmo-2015",
        15,
        "het einde van de ondersteuning (de datum van afsluiten van het dossier)",
        "Selectielijst gemeenten en intergemeentelijke organen 2020, Wmo-maatwerkvoorziening",
    ),
    (
        "participatiewet",
        10,
        "het einde van de ondersteuning (de datum van afsluiten van het dossier)",
        "Selectielijst gemeenten en intergemeentelijke organen 2020, Participatiewet",
    ),
    (
        "wgs",
        7,
        "het einde van de schuldhulpverlening (de datum van afsluiten van het dossier)",
        "Selectielijst gemeenten en intergemeentelijke organen 2020, schuldhulpverlening (Wgs)",
    ),
    (
        None,
        10,
        "de datum van afsluiten van het dossier",
        "Selectielijst gemeenten en intergemeentelijke organen 2020, "
        "dossier zonder vastgelegde wet (algemene casusregie)",
    ),
]


def add_bewaartermijnen(apps, schema_editor):
    Bewaartermijn = apps.get_model("archief", "Bewaartermijn")
    Wet = apps.get_model("toetsing", "Wet")
    for code, jaren, afleiding, bron in BEWAARTERMIJNEN:
        wet = Wet.objects.filter(code=code).first() if code else None
        if code and wet is None:
            continue
        Bewaartermijn.objects.get_or_create(
            wet=wet, defaults={"jaren": jaren, "afleiding": afleiding, "bron": bron}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("archief", "0001_initial"),
        ("toetsing", "0002_wetten_grondwaarden_artikelen"),
    ]

    operations = [migrations.RunPython(add_bewaartermijnen, migrations.RunPython.noop)]
