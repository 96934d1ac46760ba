"""Reference data: the 13 life domains of the Zelfredzaamheid-Matrix (ZRM 2017).

Domain names as in DOMAIN.md; the hints are our own words (the ZRM's criteria texts
belong to its publisher). Ages below which 'niet van toepassing' is suggested: children
have no income or work of their own, and in the Netherlands criminal responsibility
starts at 12 (art. 486 Sv).
"""

from django.db import migrations

DOMEINEN = [
    ("financien", "Financiën", "Inkomen, vaste lasten, schulden en overzicht over geld.", 16, True),
    (
        "werk-opleiding",
        "Werk & opleiding",
        "Betaald werk, school of opleiding die past bij leeftijd en mogelijkheden.",
        4,
        False,
    ),
    (
        "tijdsbesteding",
        "Tijdsbesteding",
        "Een zinvolle invulling van de dag en een vast ritme.",
        4,
        False,
    ),
    (
        "huisvesting",
        "Huisvesting",
        "Een veilige, betaalbare en passende plek om te wonen.",
        18,
        True,
    ),
    (
        "huiselijke-relaties",
        "Huiselijke relaties",
        "De relaties in huis: steun, spanning en veiligheid.",
        None,
        False,
    ),
    (
        "geestelijke-gezondheid",
        "Geestelijke gezondheid",
        "Psychisch welbevinden, stress en psychische klachten.",
        None,
        False,
    ),
    (
        "lichamelijke-gezondheid",
        "Lichamelijke gezondheid",
        "Lichamelijke klachten, ziekte of beperking en de zorg daarvoor.",
        None,
        False,
    ),
    (
        "middelengebruik",
        "Middelengebruik",
        "Gebruik van alcohol, drugs, medicijnen of gokken.",
        12,
        False,
    ),
    (
        "basale-adl",
        "Basale ADL",
        "Zelfzorg: eten, wassen, aankleden en naar het toilet gaan.",
        6,
        False,
    ),
    (
        "instrumentele-adl",
        "Instrumentele ADL",
        "Het huishouden, boodschappen, administratie en vervoer regelen.",
        16,
        False,
    ),
    (
        "sociaal-netwerk",
        "Sociaal netwerk",
        "Familie, vrienden en buren om op terug te vallen.",
        None,
        False,
    ),
    (
        "maatschappelijke-participatie",
        "Maatschappelijke participatie",
        "Meedoen in de buurt, een vereniging of vrijwilligerswerk.",
        12,
        False,
    ),
    ("justitie", "Justitie", "Contact met politie of justitie, boetes en strafzaken.", 12, False),
]


def add_domains(apps, schema_editor):
    Leefdomein = apps.get_model("huishoudens", "Leefdomein")
    for volgorde, (code, naam, hint, nvt, basis) in enumerate(DOMEINEN, start=1):
        Leefdomein.objects.update_or_create(
            code=code,
            defaults={
                "naam": naam,
                "hint": hint,
                "volgorde": volgorde,
                "nvt_onder_leeftijd": nvt,
                "basisbehoefte": basis,
                "instrument": "Zelfredzaamheid-Matrix",
            },
        )


class Migration(migrations.Migration):
    dependencies = [("huishoudens", "0001_initial")]

    operations = [migrations.RunPython(add_domains, migrations.RunPython.noop)]
