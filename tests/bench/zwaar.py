"""A heavy demo household: three years of casework, for the dossier, its tests and its
benchmark (`tests/bench/bench_dossier.py`).

At `schaal=1`: 5 members (one left the household), 40 assessments, a plan with 6 settled
versions and their diffs, 12 goals with 60 actions, statutory deadlines, 2 safety
concerns, 10 omgekeerde toetsen (5 maatwerk with a request, 4 within the rules, 1 ended
after step 1) and 300 access-log entries. `schaal=2` doubles every count ("twice the
content"); a fraction (the benchmark's smoke run) shrinks it, never below a household
with a mother, a child and one of everything. Deterministic and idempotent: the same
`nummer` gives the same household, and seeding it again returns the existing one.

Toetsen are written as the toets services leave them (parts while the toets is open, the
motivation from `toetsing.motivering.schrijf_motivering` on submission), in bulk; the
immutability triggers of the toets apply as usual.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from casussen.models import Actie, Doel, Plan, Planversie, Planwijziging, Termijn, Veiligheidszorg
from huishoudens.models import Beoordeling, Huishouden, Leefdomein, Lid
from huishoudens.validators import is_valid_bsn
from sociaaldomein.models import Team, Toegangslog, User
from toetsing.models import (
    Artikel,
    Effect,
    Grondwaarde,
    MaatwerkVerzoek,
    Toets,
    ToetsArtikel,
    ToetsGrondwaarde,
)
from toetsing.motivering import schrijf_motivering
from toetsing.services import gegevens_van

PREFIX = "ZWAAR-"
DAG = datetime.timedelta(days=1)

# voornamen, achternaam, relatie, leeftijd in jaren, vertrokken (dagen geleden) of None
LEDEN = [
    ("Ayşe", "Demir", "hoofdbewoner", 41, None),
    ("Mark", "Jansen", "partner", 44, 380),
    ("Lina", "Demir-Jansen", "kind", 15, None),
    ("Noah", "Demir-Jansen", "kind", 11, None),
    ("Sara", "Demir-Jansen", "kind", 4, None),
    ("Fatma", "Demir", "overig", 68, None),
    ("Youssef", "Demir", "overig", 19, None),
    ("Mila", "Demir-Jansen", "kind", 8, None),
    ("Daan", "Demir-Jansen", "kind", 13, None),
    ("Ibrahim", "Demir", "overig", 35, 200),
]
TOELICHTINGEN = [
    "Huurachterstand van twee maanden; de verhuurder heeft een brief gestuurd.",
    "Gaat weer naar school, maar verzuimt op maandag.",
    "Regelt de post zelf sinds de budgetcoaching; betaalt vaste lasten op tijd.",
    "Slaapt slecht door zorgen over geld; huisarts is op de hoogte.",
    "Heeft een klein netwerk: een zus in de stad, contact met de buurvrouw.",
    "Werkt twintig uur per week in de thuiszorg; wil uitbreiden.",
    "Speelt voetbal bij de club in de wijk; trainer is betrokken.",
]
VISIES = [
    "Het gaat met kleine stapjes beter.",
    "Ik wil het zelf doen, maar soms lukt het niet.",
    "Wij zien vooral de zorgen over geld.",
    "",
]
DOELEN = [
    ("Wij hebben overzicht over onze geldzaken en maken geen nieuwe schulden", ["financien"]),
    ("Wij kunnen in ons huis blijven wonen", ["huisvesting", "financien"]),
    ("De kinderen gaan elke dag met plezier naar school", ["werk-opleiding", "sociaal-netwerk"]),
    ("Ayşe heeft werk dat bij haar past", ["werk-opleiding", "tijdsbesteding"]),
    ("Er is rust in huis en niemand is bang", ["huiselijke-relaties"]),
    ("Wij hebben mensen om ons heen op wie we kunnen rekenen", ["sociaal-netwerk"]),
]
ACTIES = [
    ("Budgetcoaching: samen de post en de rekeningen doorlopen", "wijkteam", "", "wgs", "0"),
    ("Schuldregeling via de kredietbank", "aanbieder", "Kredietbank Voorbeeldstad", "wgs", "450"),
    ("Eén maand huur uit het maatwerkbudget", "wijkteam", "", "participatiewet", "725.00"),
    ("Gesprek met school over verzuim", "wijkteam", "", "geen", "0"),
    ("Oma haalt de kinderen twee middagen uit school", "netwerk", "", "geen", "0"),
    ("Sollicitatietraining in het buurthuis", "voorliggend", "Buurthuis De Kastanje", "geen", "0"),
    ("Gezinscoach, wekelijks", "aanbieder", "Jeugdhulp Samen", "jeugdwet", "1800"),
]
BESLISVRAGEN = [
    "Een maand huur betalen om huisuitzetting te voorkomen",
    "De eigen bijdrage voor de gezinscoach niet innen",
    "Een deel van de schuld bij de gemeente kwijtschelden",
    "Tijdelijk bijverdienen toestaan met behoud van uitkering",
    "Een laptop voor school vergoeden buiten de regeling om",
    "Budgetcoaching verlengen met drie maanden",
    "Kinderopvang vergoeden zodat Ayşe kan werken",
    "Vervoer naar de dagbesteding van oma vergoeden",
    "Een opruimhulp voor twee dagen inzetten",
    "Een fiets voor Lina om naar school te gaan",
]
LOG_ONDERWERPEN = [
    ("huishouden", Toegangslog.Actie.BEKEKEN),
    ("plan", Toegangslog.Actie.BEKEKEN),
    ("beoordeling", Toegangslog.Actie.GEWIJZIGD),
    ("huishoudens", Toegangslog.Actie.GEZOCHT),
    ("actie", Toegangslog.Actie.GEWIJZIGD),
    ("lid", Toegangslog.Actie.BEKEKEN),
]


def _aantal(n: int, schaal: float, *, minimum: int = 1) -> int:
    return max(minimum, round(n * schaal))


def _bsns(nummer: int):
    candidate = 888_000_000 + nummer * 1_000
    while True:
        candidate += 1
        text = f"{candidate:09d}"
        if is_valid_bsn(text):
            yield text


def _verjaard(vandaag: datetime.date, jaren: int, extra: int) -> datetime.date:
    return vandaag.replace(year=vandaag.year - jaren, month=1, day=1) + extra * DAG


def _dt(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 15)))


@transaction.atomic
def seed_zwaar_huishouden(
    *,
    team: Team,
    professional: User,
    teamleider: User | None = None,
    auditor: User | None = None,
    nummer: int = 1,
    schaal: float = 1,
    vandaag: datetime.date | None = None,
) -> Huishouden:
    """The heavy household `ZWAAR-<nummer>` of the team (created once)."""
    referentie = f"{PREFIX}{nummer:04d}"
    bestaand = Huishouden.objects.filter(referentie=referentie).first()
    if bestaand is not None:
        return bestaand
    vandaag = vandaag or timezone.localdate()
    rng = random.Random(f"{referentie}-{schaal}")
    begin = vandaag - datetime.timedelta(days=3 * 365)
    teamleider = teamleider or professional
    auditor = auditor or teamleider
    huishouden = Huishouden(
        referentie=referentie,
        naam=f"Gezin Demir-Jansen ({referentie})",
        straat="Lindelaan",
        huisnummer=str(10 + nummer),
        postcode="7411 KL",
        woonplaats="Voorbeeldstad",
        wijk=team.wijk,
        team=team,
        casusregisseur=professional,
        status=Huishouden.Status.ACTIEF,
        aangemeld_op=begin,
        actief_sinds=begin + 14 * DAG,
    )
    huishouden.save()

    # --- members ------------------------------------------------------------------------
    bsns = _bsns(nummer)
    leden = []
    for index in range(_aantal(5, schaal, minimum=3)):
        voornamen, achternaam, relatie, leeftijd, vertrokken = LEDEN[index % len(LEDEN)]
        if index >= len(LEDEN):
            voornamen = f"{voornamen} {index // len(LEDEN) + 1}"
        leden.append(
            Lid(
                huishouden=huishouden,
                voornamen=voornamen,
                achternaam=achternaam,
                geboortedatum=_verjaard(vandaag, leeftijd, index * 17),
                relatie=relatie,
                bsn=next(bsns),
                eigen_kracht=rng.choice(["Kan goed koken en organiseren.", "Sportief.", ""]),
                lid_sinds=begin,
                einddatum=vandaag - vertrokken * DAG if vertrokken else None,
                reden_vertrek="Uit elkaar gegaan; woont nu in een andere wijk."
                if vertrokken
                else "",
            )
        )
    Lid.objects.bulk_create(leden)
    huishouden.zoektekst = huishouden.build_zoektekst([lid for lid in leden if lid.is_actief])
    Huishouden.objects.filter(pk=huishouden.pk).update(zoektekst=huishouden.zoektekst)

    # --- assessments over three years -----------------------------------------------------
    domeinen = list(Leefdomein.objects.filter(actief=True).order_by("volgorde"))
    per_code = {d.code: d for d in domeinen}
    aantal = _aantal(40, schaal)
    beoordelingen = []
    for i in range(aantal):
        lid = leden[i % len(leden)]
        domein = domeinen[(i * 5 + i // len(leden)) % len(domeinen)]
        op = begin + datetime.timedelta(days=(3 * 365 - 1) * i // aantal)
        if lid.einddatum and op > lid.einddatum:
            op = lid.einddatum
        jong = (op - lid.geboortedatum).days < 12 * 365
        nvt = jong and domein.code in {"werk-opleiding", "middelengebruik", "justitie"}
        beoordelingen.append(
            Beoordeling(
                lid=lid,
                leefdomein=domein,
                score=None if nvt else 1 + (i * 3 + lid.pk) % 5,
                niet_van_toepassing=nvt,
                reden_nvt="Past niet bij de leeftijd." if nvt else "",
                toelichting="" if nvt else TOELICHTINGEN[i % len(TOELICHTINGEN)],
                eigen_visie=VISIES[i % len(VISIES)],
                beoordeeld_op=op,
                beoordeeld_door=professional,
            )
        )
    Beoordeling.objects.bulk_create(beoordelingen)

    # --- the plan, its versions and history -------------------------------------------------
    versies = _aantal(6, schaal)
    plan = Plan.objects.create(
        huishouden=huishouden,
        hulpvraag="We willen in ons huis blijven wonen en weer grip op ons geld krijgen.",
        probleem="Sinds Mark weg is, komt er minder geld binnen en stapelen de rekeningen op.",
        oplossing="Iemand die meekijkt met de post, en rust zodat de kinderen naar school gaan.",
        perspectief="Over een jaar hebben we een regeling, werk voor Ayşe en gaan de kinderen "
        "met plezier naar school.",
        eigen_woorden_op=_dt(begin + 14 * DAG),
        analyse="Geldzorgen en spanning in huis versterken elkaar; eerst bestaanszekerheid "
        "(inkomen en wonen), dan school en werk. Oma is een belangrijke steun.",
        status=Plan.Status.VASTGESTELD,
        versienummer=versies,
    )
    duur = (vandaag - begin).days
    versie_rows, wijzigingen = [], []
    for nummer_versie in range(1, versies + 1):
        gestart = begin + datetime.timedelta(days=duur * (nummer_versie - 1) // versies + 14)
        vastgesteld = gestart + 10 * DAG
        versie_rows.append(
            Planversie(
                plan=plan,
                nummer=nummer_versie,
                status=Plan.Status.VASTGESTELD,
                aangemaakt_op=_dt(gestart),
                aangemaakt_door=professional,
                vastgesteld_op=_dt(vastgesteld, 15),
                vastgesteld_door=professional,
                akkoord_datum=vastgesteld,
                wijze=Planversie.Wijze.IN_PERSOON,
                akkoord_lid=leden[0],
                matrix_compleet=nummer_versie > 1,
                reden_onvolledig=""
                if nummer_versie > 1
                else "Eerst de huur; de kinderen worden volgende maand beoordeeld.",
            )
        )
        doel_naam = DOELEN[nummer_versie % len(DOELEN)][0]
        wijzigingen += [
            Planwijziging(
                plan=plan,
                versienummer=nummer_versie,
                tijdstip=_dt(gestart, 11),
                gebruiker=professional,
                soort=Planwijziging.Soort.INHOUD,
                handeling=Planwijziging.Handeling.TOEGEVOEGD,
                onderwerp=f"Doel ‘{doel_naam}’",
                wijzigingen=[
                    {"veld": "Doel", "oud": "", "nieuw": doel_naam},
                    {"veld": "Voor wie", "oud": "", "nieuw": "het hele huishouden"},
                ],
            ),
            Planwijziging(
                plan=plan,
                versienummer=nummer_versie,
                tijdstip=_dt(gestart + 2 * DAG, 11),
                gebruiker=professional,
                soort=Planwijziging.Soort.INHOUD,
                handeling=Planwijziging.Handeling.GEWIJZIGD,
                onderwerp=f"Actie ‘{ACTIES[nummer_versie % len(ACTIES)][0]}’",
                wijzigingen=[
                    {"veld": "Status", "oud": "Gepland", "nieuw": "Loopt"},
                    {"veld": "Geplande einddatum", "oud": "01-03", "nieuw": "01-06"},
                ],
            ),
            Planwijziging(
                plan=plan,
                versienummer=nummer_versie,
                tijdstip=_dt(gestart + 4 * DAG, 11),
                gebruiker=professional,
                soort=Planwijziging.Soort.INHOUD,
                handeling=Planwijziging.Handeling.GEWIJZIGD,
                onderwerp="Eigen woorden",
                wijzigingen=[
                    {
                        "veld": "Waar zij over een jaar willen staan",
                        "oud": "Een regeling voor de schulden.",
                        "nieuw": "Een regeling, en werk voor Ayşe.",
                    }
                ],
            ),
            Planwijziging(
                plan=plan,
                versienummer=nummer_versie,
                tijdstip=_dt(vastgesteld, 15),
                gebruiker=professional,
                soort=Planwijziging.Soort.VASTSTELLING,
                handeling=Planwijziging.Handeling.VASTGESTELD,
                onderwerp=f"Versie {nummer_versie}",
                wijzigingen=[{"veld": "Akkoord", "oud": "", "nieuw": "Akkoord, in persoon"}],
            ),
        ]
    Planversie.objects.bulk_create(versie_rows)

    # --- goals and actions ---------------------------------------------------------------------
    doelen = []
    aantal_doelen = _aantal(12, schaal)
    for i in range(aantal_doelen):
        omschrijving, _ = DOELEN[i % len(DOELEN)]
        oud = i < aantal_doelen * 2 // 3
        status = rng.choice([Doel.Status.BEREIKT, Doel.Status.GESTOPT]) if oud else Doel.Status.OPEN
        doelen.append(
            Doel(
                plan=plan,
                omschrijving=f"{omschrijving} ({i + 1})",
                heel_huishouden=i % 3 == 0,
                status=status,
                evaluatie=""
                if status == Doel.Status.OPEN
                else "Geëvalueerd met het gezin: "
                "het doel is "
                + ("bereikt." if status == Doel.Status.BEREIKT else "niet meer nodig."),
            )
        )
    Doel.objects.bulk_create(doelen)
    actief = [lid for lid in leden if lid.is_actief]
    DoelLeefdomein = Doel.leefdomeinen.through
    DoelLid = Doel.leden.through
    DoelLeefdomein.objects.bulk_create(
        DoelLeefdomein(doel_id=doel.pk, leefdomein_id=per_code[code].pk)
        for i, doel in enumerate(doelen)
        for code in DOELEN[i % len(DOELEN)][1]
        if code in per_code
    )
    kinderen = [lid for lid in actief if lid.relatie == Lid.Relatie.KIND]
    # A goal for members is for the mother and one child: every action's law then fits
    # the age of someone it is for (the form's age rule, casussen.models.Actie).
    DoelLid.objects.bulk_create(
        DoelLid(doel_id=doel.pk, lid_id=lid.pk)
        for i, doel in enumerate(doelen)
        if not doel.heel_huishouden
        for lid in (actief[0], kinderen[i % len(kinderen)])
    )
    acties = []
    aantal_acties = _aantal(60, schaal)
    for i in range(aantal_acties):
        doel = doelen[i % len(doelen)]
        wat, uitvoerder, naam, wet, kosten = ACTIES[i % len(ACTIES)]
        start = begin + datetime.timedelta(days=(duur - 200) * i // aantal_acties + 20)
        einde = start + datetime.timedelta(days=90 + (i % 4) * 45)
        if doel.status == Doel.Status.OPEN:
            status = Actie.Status.LOPEND if einde >= vandaag else Actie.Status.AFGEROND
        else:
            status = Actie.Status.AFGEROND if i % 5 else Actie.Status.GESTOPT
        acties.append(
            Actie(
                doel=doel,
                wat=f"{wat} ({i + 1})",
                uitvoerder=uitvoerder,
                uitvoerder_naam=naam,
                wet=wet,
                startdatum=start,
                einddatum=einde,
                evaluatiedatum=start + (einde - start) / 2,
                kosten=Decimal(kosten),
                status=status,
            )
        )
    Actie.objects.bulk_create(acties)
    for termijn in (
        Termijn(
            plan=plan,
            soort=Termijn.Soort.SCHULDHULP_GESPREK,
            gemeld_op=begin,
            spoedgrond=Termijn.Spoedgrond.HUISUITZETTING,
            voldaan_op=begin + 2 * DAG,
            aangemaakt_door=professional,
        ),
        Termijn(
            plan=plan,
            soort=Termijn.Soort.WMO_ONDERZOEK,
            gemeld_op=begin + 30 * DAG,
            voldaan_op=begin + 60 * DAG,
            aangemaakt_door=professional,
        ),
    ):
        termijn.save()  # computes the statutory end date

    # --- safety concerns: all but the last one cleared ----------------------------------------
    zorgen = _aantal(2, schaal)
    for i in range(zorgen):
        gemeld = begin + datetime.timedelta(days=duur * (i + 1) // (zorgen + 1))
        laatste = i == zorgen - 1
        zorg = Veiligheidszorg(
            plan=plan,
            omschrijving="Buren hoorden geschreeuw; Noah vertelde op school dat hij bang was.",
            inschatting="Zorgelijk, niet acuut. Moeder zoekt zelf hulp; afspraken gemaakt.",
            dwangkader="" if i % 2 == 0 else Veiligheidszorg.Dwangkader.HUISVERBOD,
            gemeld_op=_dt(gemeld, 9),
            gemeld_door=professional,
            opgeheven_op=None if laatste else _dt(gemeld + 40 * DAG, 16),
            opgeheven_door=None if laatste else teamleider,
            reden_opheffing="" if laatste else "Afspraken werken; de gezinscoach ziet rust.",
        )
        zorg.save()
        wijzigingen.append(
            Planwijziging(
                plan=plan,
                versienummer=1 + versies * i // zorgen,
                tijdstip=zorg.gemeld_op,
                gebruiker=professional,
                soort=Planwijziging.Soort.VEILIGHEID,
                handeling=Planwijziging.Handeling.GEMELD,
                onderwerp="Veiligheidszorg",
                wijzigingen=[
                    {"veld": "Wat is er aan de hand", "oud": "", "nieuw": zorg.omschrijving}
                ],
            )
        )
        if not laatste:
            wijzigingen.append(
                Planwijziging(
                    plan=plan,
                    versienummer=1 + versies * i // zorgen,
                    tijdstip=zorg.opgeheven_op,
                    gebruiker=teamleider,
                    soort=Planwijziging.Soort.VEILIGHEID,
                    handeling=Planwijziging.Handeling.OPGEHEVEN,
                    onderwerp="Veiligheidszorg",
                    wijzigingen=[
                        {"veld": "Reden van opheffen", "oud": "", "nieuw": zorg.reden_opheffing}
                    ],
                )
            )
    Planwijziging.objects.bulk_create(wijzigingen)

    _toetsen(
        huishouden, acties, actief, per_code, professional, schaal=schaal, begin=begin, duur=duur
    )
    _toegangslog(
        huishouden,
        leden,
        [professional, teamleider, auditor],
        schaal=schaal,
        begin=begin,
        duur=duur,
    )
    return huishouden


def _toetsen(huishouden, acties, leden, per_code, professional, *, schaal, begin, duur) -> None:
    grondwaarden = list(
        Grondwaarde.objects.filter(
            wet__code__in=["participatiewet", "wgs", "jeugdwet"], actief=True
        ).select_related("wet")[:6]
    )
    wanted = [
        ("participatiewet", "35"),
        ("awb", "4:84"),
        ("wgs", "3"),
        ("participatiewet", "18 lid 1"),
    ]
    vrij = [
        a for code, nummer in wanted for a in Artikel.objects.filter(wet__code=code, nummer=nummer)
    ]
    vast = list(Artikel.objects.filter(altijd_toetsen=True).select_related("wet"))
    artikelen_bron = {
        a.pk: a
        for a in Artikel.objects.filter(pk__in=[a.pk for a in vrij + vast]).select_related("wet")
    }
    toetsen = []
    aantal = _aantal(10, schaal)
    for i in range(aantal):
        actie = acties[(i * 6) % len(acties)]
        soort = i % 10
        gestart = begin + datetime.timedelta(days=duur * (i + 1) // (aantal + 1))
        beeindigd = soort == 9
        kosten = Decimal(250 + (i * 137) % 2500)
        toetsen.append(
            Toets(
                huishouden=huishouden,
                actie=actie,
                vraag=f"{BESLISVRAGEN[i % len(BESLISVRAGEN)]} (vraag {i + 1})",
                status=Toets.Status.CONCEPT if beeindigd else Toets.Status.STAP2,
                behoefte="We kunnen de huur van deze maand niet betalen en de verhuurder dreigt "
                "met ontruiming.",
                analyse="Eenmalige inkomensval; de schuldhulp loopt en het netwerk helpt mee.",
                effect_kort="het gezin blijft in de woning",
                effect_lang="rust in huis; de kinderen blijven op hun school",
                effect_omgeving="de verhuurder krijgt zijn huur; school ziet de kinderen terug",
                kosten_oplossing=kosten,
                alternatief="huisuitzetting met opvang en een nieuwe woning",
                kosten_alternatief=kosten * 9,
                horizon_maanden=12 + (i % 3) * 12,
                ethisch_verantwoord=True,
                ethiek_gelijkheid="Elk gezin in deze situatie krijgt dit.",
                ethiek_autonomie="Ayşe vroeg er zelf om en houdt de regie.",
                ethiek_evenredigheid="Een klein bedrag tegenover het verlies van de woning.",
                ethiek_precedent="Alleen bij een eenmalige oorzaak en lopende schuldhulp.",
                is_nodig=not beeindigd,
                past_bij_grondwaarden=True,
                conclusie_toelichting="Zonder dit verliest het gezin de woning."
                if not beeindigd
                else "Oma betaalt dit zelf; de gemeente hoeft niets te doen.",
                reden_beeindiging="Het netwerk lost het op." if beeindigd else "",
                uitkomst="" if beeindigd else ("maatwerk" if soort < 5 else "binnen_regels"),
                financiering="" if beeindigd else "participatiewet",
                afwijking_regel="de beleidsregel bijzondere bijstand: geen vergoeding van "
                "huurschulden"
                if soort < 5
                else "",
                bijzondere_omstandigheden="eenmalige inkomensval door vertrek van de partner, "
                "drie kinderen in huis"
                if soort < 5
                else "",
                evenredigheid_afwijking="de regel zou hier leiden tot huisuitzetting, wat de regel "
                "niet beoogt"
                if soort < 5
                else "",
                aangemaakt_door=professional,
                aangemaakt_op=_dt(gestart, 9),
                gewijzigd_door=professional,
                gewijzigd_op=_dt(gestart, 9),
                stap2_op=None if beeindigd else _dt(gestart, 11),
            )
        )
    Toets.objects.bulk_create(toetsen)
    keuzes, effecten, citaten = [], [], []
    for i, toets in enumerate(toetsen):
        for grondwaarde in grondwaarden[i % 3 : i % 3 + 2]:
            keuzes.append(
                ToetsGrondwaarde(
                    toets=toets,
                    grondwaarde=grondwaarde,
                    wet=grondwaarde.wet,
                    naam=grondwaarde.naam,
                    wet_afkorting=grondwaarde.wet.afkorting,
                    toelichting="De oplossing houdt het gezin in zijn huis.",
                )
            )
        effecten += [
            Effect(
                toets=toets,
                lid=leden[i % len(leden)],
                leefdomein=per_code["financien"],
                verwachting="beter",
                toelichting="minder stress over geld",
            ),
            Effect(
                toets=toets,
                lid=None,
                leefdomein=per_code["huisvesting"],
                verwachting="beter",
                toelichting="de woning blijft behouden",
            ),
        ]
        if toets.status == Toets.Status.STAP2:
            gekozen = [
                *vast,
                *(vrij[:2] if toets.uitkomst == "maatwerk" else vrij[2:3] or vrij[:1]),
            ]
            for volgorde, artikel in enumerate(gekozen, 1):
                citaat = ToetsArtikel(
                    toets=toets,
                    automatisch=artikel.altijd_toetsen,
                    motivering=f"Realiseert bestaanszekerheid via {artikel.wet.afkorting} "
                    f"art. {artikel.nummer}.",
                    volgorde=volgorde,
                )
                citaat.neem_tekst_over(artikelen_bron[artikel.pk])
                citaten.append(citaat)
    ToetsGrondwaarde.objects.bulk_create(keuzes)
    Effect.objects.bulk_create(effecten)
    ToetsArtikel.objects.bulk_create(citaten)

    per_toets = {toets.pk: ([], [], []) for toets in toetsen}
    for keuze in keuzes:
        per_toets[keuze.toets_id][0].append(keuze)
    for effect in effecten:
        per_toets[effect.toets_id][1].append(effect)
    for citaat in citaten:
        per_toets[citaat.toets_id][2].append(citaat)
    verzoeken = []
    for toets in toetsen:
        toets.huishouden = huishouden
        klaar = toets.aangemaakt_op + datetime.timedelta(hours=4)
        gegevens = gegevens_van(toets, *per_toets[toets.pk], door=professional, datum=klaar)
        motivering = schrijf_motivering(gegevens)
        if toets.status == Toets.Status.CONCEPT:
            Toets.objects.filter(pk=toets.pk).update(
                status=Toets.Status.BEEINDIGD,
                beeindigd_op=klaar,
                beeindigd_door=professional,
                motivering=motivering,
            )
            continue
        Toets.objects.filter(pk=toets.pk).update(
            status=Toets.Status.INGEDIEND,
            ingediend_op=klaar,
            ingediend_door=professional,
            motivering=motivering,
        )
        if toets.uitkomst == "maatwerk":
            verzoeken.append(
                MaatwerkVerzoek(
                    toets=toets,
                    bedrag=toets.kosten_oplossing,
                    financiering=toets.financiering,
                    aangevraagd_door=professional,
                    aangemaakt_op=klaar,
                    team_id=huishouden.team_id,
                    jaar=klaar.year,
                )
            )
    MaatwerkVerzoek.objects.bulk_create(verzoeken)


def _toegangslog(huishouden, leden, gebruikers, *, schaal, begin, duur) -> None:
    """Three years of looks at the file: the team daily, the lead now and then, an audit,
    and one break-the-glass access by a colleague of another team (flagged)."""
    aantal = _aantal(300, schaal)
    rows = []
    for i in range(aantal):
        gebruiker = gebruikers[0] if i % 7 else gebruikers[(i // 7) % len(gebruikers)]
        onderwerp, actie = LOG_ONDERWERPEN[i % len(LOG_ONDERWERPEN)]
        if gebruiker.is_auditor:  # auditors read, they never change case data
            onderwerp, actie = "huishouden", Toegangslog.Actie.BEKEKEN
        uitzonderlijk = i == aantal // 2
        rows.append(
            Toegangslog(
                tijdstip=_dt(begin + datetime.timedelta(days=duur * i // aantal), 8 + i % 9),
                gebruiker=gebruiker,
                gebruikersnaam=gebruiker.username,
                rol=gebruiker.rol_label,
                team=", ".join(gebruiker.team_namen),
                huishoudens=[huishouden.pk],
                leden=[leden[i % len(leden)].pk] if onderwerp in {"lid", "beoordeling"} else [],
                onderwerp=onderwerp,
                object_id=str(huishouden.pk),
                actie=Toegangslog.Actie.DOORBRAAK if uitzonderlijk else actie,
                doel=(
                    Toegangslog.Doel.UITZONDERING
                    if uitzonderlijk
                    else Toegangslog.Doel.VERANTWOORDING
                    if gebruiker.is_auditor
                    else Toegangslog.Doel.CASUSREGIE
                ),
                reden="Crisisdienst: melding van de politie 's nachts, eigen team niet bereikbaar."
                if uitzonderlijk
                else "",
                uitzonderlijk=uitzonderlijk,
                pad=f"/huishoudens/{huishouden.pk}/",
                methode="POST" if actie == Toegangslog.Actie.GEWIJZIGD else "GET",
            )
        )
    Toegangslog.objects.bulk_create(rows, batch_size=500)
