"""Reference data for the omgekeerde toets, from DOMAIN.md.

Core values are derived from each law's purpose articles. Article meanings are short
paraphrases in plain Dutch, not quotations; check the lid numbers on wetten.overheid.nl
before quoting an article in a generated text. The local verordening is an example that a
municipality replaces with its own.
"""

from django.db import migrations

WETTEN = [
    # code, afkorting, naam, soort, bwbr, doel, grondwaarden
    (
        "wmo-2015",
        "Wmo 2015",
        "Wet maatschappelijke ondersteuning 2015",
        "wet",
        "BWBR0035362",
        "Mensen zo lang mogelijk zelfstandig en meedoend in hun eigen omgeving laten leven, met steun van hun netwerk en de gemeente waar dat nodig is.",
        [
            "zelfredzaamheid",
            "participatie",
            "zo lang mogelijk in de eigen leefomgeving",
            "sociale samenhang, mantelzorg en vrijwilligers",
            "veiligheid (huiselijk geweld)",
            "beschermd wonen en opvang",
        ],
    ),
    (
        "jeugdwet",
        "Jeugdwet",
        "Jeugdwet",
        "wet",
        "BWBR0034925",
        "Kinderen gezond en veilig laten opgroeien tot zelfstandige volwassenen, met ouders die zelf de opvoeding dragen en hulp die vroeg, gewoon en integraal is.",
        [
            "gezond en veilig opgroeien",
            "groeien naar zelfstandigheid en talenten ontwikkelen",
            "naar vermogen participeren",
            "eigen verantwoordelijkheid en opvoedkracht van ouders",
            "versterken van de opvoedomgeving",
            "preventie en vroegsignalering",
            "normaliseren",
            "integrale hulp (één gezin, één plan)",
        ],
    ),
    (
        "participatiewet",
        "Pw",
        "Participatiewet",
        "wet",
        "BWBR0015703",
        "Iedereen die kan werken aan het werk helpen, en wie niet in het eigen bestaan kan voorzien een vangnet bieden dat past bij zijn omstandigheden.",
        [
            "eigen verantwoordelijkheid om in het bestaan te voorzien",
            "werk boven uitkering",
            "naar vermogen meedoen",
            "bestaanszekerheid (vangnet)",
            "afstemming op de omstandigheden van de persoon",
        ],
    ),
    (
        "wgs",
        "Wgs",
        "Wet gemeentelijke schuldhulpverlening",
        "wet",
        "BWBR0031147",
        "Problematische schulden én hun oorzaken oplossen, snel en breed toegankelijk, met aandacht voor de kinderen in het gezin.",
        [
            "oplossen van schulden én hun oorzaken (integraal)",
            "preventie en vroegsignalering",
            "snelle, brede toegang",
            "aandacht voor kinderen in het gezin",
            "financiële zelfredzaamheid en nazorg",
        ],
    ),
    (
        "awb",
        "Awb",
        "Algemene wet bestuursrecht",
        "wet",
        "BWBR0005537",
        "Besluiten van de overheid zorgvuldig, evenredig en goed gemotiveerd nemen, zodat burgers ze kunnen begrijpen en aanvechten.",
        [
            "zorgvuldigheid",
            "evenredigheid",
            "deugdelijke motivering",
            "gelijke behandeling",
            "rechtszekerheid",
        ],
    ),
    (
        "verordening-sociaal-domein",
        "Verordening SD",
        "Verordening sociaal domein (voorbeeld)",
        "verordening",
        "",
        "Lokale uitwerking: één plan per huishouden en ruimte voor maatwerk binnen een mandaat.",
        [
            "integrale ondersteuning van het huishouden (één plan)",
            "voorliggende en algemene voorzieningen eerst",
            "maatwerk dat past bij de situatie",
        ],
    ),
]

ARTIKELEN = [
    # wet code, nummer, titel, betekenis, altijd_toetsen, afwijkingsgrond
    (
        "wmo-2015",
        "1.2.1",
        "Doelen gemeentelijk beleid",
        "De gemeente zorgt voor samenhang, mantelzorg, veiligheid, zelfredzaamheid en meedoen in de eigen omgeving, en voor beschermd wonen en opvang.",
        False,
        False,
    ),
    (
        "wmo-2015",
        "2.3.2",
        "Onderzoek na melding",
        "Binnen zes weken na een melding onderzoekt de gemeente samen met de inwoner wat nodig is: eigen kracht, mantelzorg, netwerk en algemene voorzieningen; de uitkomst staat op papier.",
        False,
        False,
    ),
    (
        "wmo-2015",
        "2.3.5",
        "Beslissing maatwerkvoorziening",
        "De gemeente kent een maatwerkvoorziening toe als eigen kracht, netwerk en algemene voorzieningen tekortschieten; die moet bijdragen aan zelfredzaamheid of meedoen.",
        False,
        True,
    ),
    (
        "wmo-2015",
        "2.3.6",
        "Persoonsgebonden budget",
        "Voorwaarden waaronder iemand de ondersteuning zelf inkoopt met een pgb.",
        False,
        False,
    ),
    (
        "wmo-2015",
        "2.1.4",
        "Bijdrage in de kosten",
        "De gemeente kan een eigen bijdrage vragen voor ondersteuning.",
        False,
        False,
    ),
    (
        "jeugdwet",
        "2.1",
        "Doelen",
        "Preventie, een sterke opvoedomgeving, gezond en veilig opgroeien, talenten ontwikkelen, meedoen en integrale hulp.",
        False,
        False,
    ),
    (
        "jeugdwet",
        "2.3",
        "Individuele voorziening",
        "De gemeente biedt jeugdhulp als de eigen mogelijkheden van kind, ouders en netwerk tekortschieten.",
        False,
        True,
    ),
    (
        "jeugdwet",
        "7.3.8",
        "Bewaartermijn dossier",
        "Het dossier blijft 20 jaar na het einde van de hulp bewaard, of langer als dat nodig is.",
        False,
        False,
    ),
    (
        "jeugdwet",
        "7.3.9",
        "Vernietiging op verzoek",
        "Op verzoek wordt het dossier vernietigd, in de regel binnen drie maanden.",
        False,
        False,
    ),
    (
        "participatiewet",
        "7",
        "Taak college",
        "Het college ondersteunt naar werk en verleent bijstand voor de noodzakelijke kosten van het bestaan.",
        False,
        False,
    ),
    (
        "participatiewet",
        "9",
        "Arbeidsverplichtingen",
        "Verplichtingen om werk te zoeken en te aanvaarden; tijdelijke ontheffing bij dringende redenen.",
        False,
        True,
    ),
    (
        "participatiewet",
        "15",
        "Voorliggende voorziening",
        "Geen bijstand waar een passende voorliggende voorziening bestaat.",
        False,
        False,
    ),
    (
        "participatiewet",
        "16",
        "Zeer dringende redenen",
        "Bijstand zonder recht daarop, alleen in acute noodsituaties (smal).",
        False,
        True,
    ),
    (
        "participatiewet",
        "18 lid 1",
        "Afstemming",
        "Bijstand en verplichtingen worden afgestemd op de omstandigheden, mogelijkheden en middelen van de persoon: de algemene maatwerknorm.",
        False,
        True,
    ),
    (
        "participatiewet",
        "35",
        "Bijzondere bijstand",
        "Noodzakelijke kosten door bijzondere omstandigheden die het inkomen niet kan dragen: het typische maatwerkinstrument.",
        False,
        True,
    ),
    (
        "participatiewet",
        "58",
        "Terugvordering",
        "Terugvordering van bijstand; daarvan kan bij dringende redenen worden afgezien.",
        False,
        True,
    ),
    (
        "wgs",
        "1",
        "Begrippen",
        "Schuldhulpverlening lost problematische schulden én hun oorzaken op.",
        False,
        False,
    ),
    (
        "wgs",
        "2",
        "Plan",
        "Het integrale schuldhulpplan van de raad, ook over hoe gezinnen met kinderen worden geholpen.",
        False,
        False,
    ),
    (
        "wgs",
        "3",
        "Taak college",
        "Het college zorgt voor integrale schuldhulpverlening.",
        False,
        False,
    ),
    (
        "wgs",
        "4",
        "Eerste gesprek en termijnen",
        "Eerste gesprek binnen vier weken; binnen drie werkdagen bij dreigende huisuitzetting, afsluiting van energie of water, of opzegging van de zorgverzekering.",
        False,
        False,
    ),
    (
        "awb",
        "3:2",
        "Zorgvuldigheid",
        "Verzamel de relevante feiten en belangen voordat je beslist.",
        False,
        False,
    ),
    (
        "awb",
        "3:4 lid 2",
        "Evenredigheid",
        "De nadelige gevolgen van een besluit mogen niet onevenredig zijn in verhouding tot de doelen (Raad van State 2 februari 2022, ECLI:NL:RVS:2022:285).",
        True,
        False,
    ),
    (
        "awb",
        "3:46",
        "Motivering",
        "Een besluit moet berusten op een deugdelijke motivering.",
        True,
        False,
    ),
    (
        "awb",
        "3:47",
        "Vermelding motivering",
        "Bij de bekendmaking worden de motivering en de wettelijke grondslag vermeld.",
        False,
        False,
    ),
    (
        "awb",
        "4:84",
        "Inherente afwijkingsbevoegdheid",
        "Een beleidsregel wordt gevolgd, tenzij de gevolgen door bijzondere omstandigheden onevenredig zijn in verhouding tot de doelen.",
        False,
        True,
    ),
    ("awb", "10:3", "Mandaat", "Wie namens het college mag beslissen over wat.", False, False),
    ("awb", "6:7", "Bezwaartermijn", "Bezwaar maken kan binnen zes weken.", False, False),
    ("awb", "7:2", "Hoorplicht", "Wie bezwaar maakt, mag gehoord worden.", False, False),
    (
        "verordening-sociaal-domein",
        "3",
        "Maatwerkbudget",
        "Professionals mogen binnen hun mandaat uit het teambudget betalen wat nodig is buiten de standaardproducten, als voorliggende voorzieningen niet volstaan.",
        False,
        True,
    ),
    (
        "verordening-sociaal-domein",
        "4",
        "Eén plan",
        "Ondersteuning vanuit verschillende wetten wordt vastgelegd in één plan per huishouden.",
        False,
        False,
    ),
]


def add_reference_data(apps, schema_editor):
    Wet = apps.get_model("toetsing", "Wet")
    Grondwaarde = apps.get_model("toetsing", "Grondwaarde")
    Artikel = apps.get_model("toetsing", "Artikel")
    wetten = {}
    for volgorde, (code, afkorting, naam, soort, bwbr, doel, grondwaarden) in enumerate(WETTEN, 1):
        wet, _ = Wet.objects.update_or_create(
            code=code,
            defaults={
                "afkorting": afkorting,
                "naam": naam,
                "soort": soort,
                "bwbr_id": bwbr,
                "doel": doel,
                "volgorde": volgorde,
            },
        )
        wetten[code] = wet
        for index, grondwaarde in enumerate(grondwaarden, 1):
            Grondwaarde.objects.update_or_create(
                wet=wet, naam=grondwaarde, defaults={"volgorde": index}
            )
    for index, (code, nummer, titel, betekenis, altijd, afwijking) in enumerate(ARTIKELEN, 1):
        Artikel.objects.update_or_create(
            wet=wetten[code],
            nummer=nummer,
            defaults={
                "titel": titel,
                "betekenis": betekenis,
                "altijd_toetsen": altijd,
                "afwijkingsgrond": afwijking,
                "volgorde": index,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("toetsing", "0001_initial")]

    operations = [migrations.RunPython(add_reference_data, migrations.RunPython.noop)]
