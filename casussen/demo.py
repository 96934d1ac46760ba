"""Demo plans for the demo households, loaded with COPY.

Every active or closed demo household without a plan gets one, deterministically from
its number (so `seed_demo` is idempotent and reproducible): drafts, agreed plans, plans
the household did not agree with, agreed plans with overdue evaluations, safety concerns
(some within a compulsory framework), and statutory deadlines open, met and overdue.
Goals follow the household's make-up (a child's goal only for a child; Jeugdwet only for
minors), so the data obeys the same rules as the forms.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from casussen import termijnen
from casussen.models import Plan
from huishoudens.demo import PREFIX, FastRandom
from huishoudens.models import Huishouden, Leefdomein, Lid, age_on
from sociaaldomein.demo import DemoContext, copy_rows, reserve_ids, without_fk_triggers
from socialekaart.models import Dienst

HULPVRAGEN = [
    (
        "We krijgen steeds meer rekeningen en durven de post niet meer open te maken.",
        "De schulden groeien ons boven het hoofd; daardoor is er veel ruzie.",
        "Iemand die met ons meekijkt, zodat we weer rustig kunnen slapen.",
        "Over een jaar hebben we een regeling en weten we wat er elke maand binnenkomt.",
    ),
    (
        "De woningcorporatie dreigt met ontruiming. Help ons dat te voorkomen.",
        "Na het verlies van mijn baan konden we de huur niet meer betalen.",
        "Een betalingsregeling en werk, dan lukt het zelf weer.",
        "Over een jaar wonen we hier nog en heb ik weer werk.",
    ),
    (
        "Ik red het huishouden niet meer sinds mijn knieoperatie.",
        "Ik kan niet meer bukken en tillen; mijn dochter woont ver weg.",
        "Hulp bij het schoonmaken en iemand die af en toe boodschappen doet.",
        "Over een jaar woon ik nog zelfstandig en zie ik vaker mensen.",
    ),
    (
        "Onze zoon gaat niet meer naar school en zit de hele dag op zijn kamer.",
        "Hij wordt gepest en wij weten niet hoe we hem moeten helpen.",
        "Een gesprek met school en iemand die hem begrijpt.",
        "Over een jaar gaat hij weer met plezier naar school.",
    ),
    (
        "Ik voel me alleen en weet niet wat ik met mijn dagen moet doen.",
        "Sinds mijn man is overleden heb ik weinig contact meer.",
        "Vrijwilligerswerk of een club in de buurt.",
        "Over een jaar heb ik vaste afspraken in de week en nieuwe vrienden.",
    ),
]
ANALYSES = [
    "Geldzorgen en spanning in huis versterken elkaar; eerst bestaanszekerheid, dan de rest.",
    "Het netwerk is bereid te helpen maar weet niet hoe; eigen kracht zit in doorzettingsvermogen.",
    "Basisbehoeften (inkomen, wonen) staan onder druk; andere domeinen volgen daaruit.",
]

# Demo actions done by a service of the sociale kaart (issue 16): action → service name.
DIENST_VAN_ACTIE = {
    "Schuldregeling via de kredietbank": "Schuldhulpverlening",
    "Vrijwilligerswerk in het buurthuis": "Vrijwilligerswerk vinden",
    "Hulp bij het huishouden, drie uur per week": "Hulp bij het huishouden",
    "Maatje via de vrijwilligerscentrale": "Maatjesproject Eenzaamheid",
}

# (omschrijving, domain codes, for: "volwassene" | "kind" | "huishouden", actions)
# action: (wat, uitvoerder, naam, wet, kosten)
DOELEN = [
    (
        "Wij hebben overzicht over onze geldzaken en maken geen nieuwe schulden",
        ["financien"],
        "volwassene",
        [
            (
                "Budgetcoaching: samen de post en de rekeningen doorlopen",
                "wijkteam",
                "",
                "wgs",
                "0",
            ),
            (
                "Schuldregeling via de kredietbank",
                "aanbieder",
                "Kredietbank Voorbeeldstad",
                "wgs",
                "450",
            ),
        ],
    ),
    (
        "Wij kunnen in ons huis blijven wonen",
        ["huisvesting", "financien"],
        "huishouden",
        [
            ("Betalingsregeling voor de huurachterstand", "wijkteam", "", "geen", "0"),
            ("Eén maand huur uit het maatwerkbudget", "wijkteam", "", "participatiewet", "725.00"),
        ],
    ),
    (
        "Ik heb een daginvulling die bij mij past",
        ["tijdsbesteding", "maatschappelijke-participatie"],
        "volwassene",
        [
            (
                "Vrijwilligerswerk in het buurthuis",
                "voorliggend",
                "Buurthuis De Kastanje",
                "geen",
                "0",
            )
        ],
    ),
    (
        "Ik houd mijn huis zelf schoon en opgeruimd",
        ["instrumentele-adl"],
        "volwassene",
        [
            (
                "Hulp bij het huishouden, drie uur per week",
                "aanbieder",
                "Thuiszorg Samen",
                "wmo",
                "1840",
            ),
            ("Buurman doet de boodschappen op zaterdag", "netwerk", "Buurman Henk", "geen", "0"),
        ],
    ),
    (
        "Ik voel me minder alleen",
        ["sociaal-netwerk"],
        "volwassene",
        [
            (
                "Maatje via de vrijwilligerscentrale",
                "voorliggend",
                "Vrijwilligerscentrale",
                "geen",
                "0",
            )
        ],
    ),
    (
        "Ons kind gaat weer met plezier naar school",
        ["werk-opleiding", "huiselijke-relaties"],
        "kind",
        [
            ("Gesprek met mentor, ouders en kind", "wijkteam", "", "geen", "0"),
            (
                "Opvoedondersteuning thuis",
                "aanbieder",
                "Jeugdhulp Voorbeeldstad",
                "jeugdwet",
                "2400",
            ),
        ],
    ),
    (
        "Rust en veiligheid in huis",
        ["huiselijke-relaties", "geestelijke-gezondheid"],
        "huishouden",
        [
            ("Gezinsgesprekken met de wijkteammedewerker", "wijkteam", "", "geen", "0"),
            ("Oma vangt de kinderen twee middagen per week op", "netwerk", "Oma", "geen", "0"),
        ],
    ),
]
ZIENSWIJZEN = [
    "Wij willen geen bewindvoering; we willen het eerst zelf proberen met hulp van onze zus.",
    "Wij vinden hulp bij het huishouden niet nodig; de buren helpen al.",
]
VEILIGHEID = [
    (
        "Buren hoorden 's nachts geschreeuw en een klap.",
        "Zorgelijk, niet acuut; vader slaapt nu bij zijn broer.",
        "",
    ),
    (
        "De oudste vertelde op school dat hij bang is thuis.",
        "Ernstig: er is een melding bij Veilig Thuis gedaan.",
        "ots",
    ),
    (
        "Moeder heeft sinds weken niet gegeten en zegt dat het niet meer hoeft.",
        "Acuut: huisarts en crisisdienst ingeschakeld.",
        "wvggz",
    ),
]


def _doelen_voor(rng: FastRandom, leden: list[tuple[int, datetime.date, str]], vandaag) -> list:
    """Pick 1–3 goals that fit the household: (template, member ids, heel_huishouden)."""
    volwassenen = [lid for lid in leden if age_on(lid[1], vandaag) >= 18]
    kinderen = [lid for lid in leden if age_on(lid[1], vandaag) < 18]
    kandidaten = [
        index for index, (_, _, voor, _) in enumerate(DOELEN) if voor != "kind" or kinderen
    ]
    gekozen = []
    for _ in range(1 + int(rng.random() * 3)):
        index = kandidaten[int(rng.random() * len(kandidaten))]
        if index in [g[0] for g in gekozen]:
            continue
        voor = DOELEN[index][2]
        if voor == "huishouden" or not volwassenen:
            gekozen.append((index, [], True))
        elif voor == "kind":
            gekozen.append((index, [k[0] for k in kinderen[:2]], False))
        else:
            gekozen.append((index, [v[0] for v in volwassenen[: 1 + (rng.random() < 0.3)]], False))
    return gekozen


def seed(ctx: DemoContext) -> None:
    vandaag = ctx.today
    now = timezone.now()
    rows = list(
        Huishouden.objects.filter(
            referentie__startswith=PREFIX,
            status__in=[Huishouden.Status.ACTIEF, Huishouden.Status.AFGESLOTEN],
            plan__isnull=True,
        )
        .order_by("id")
        .values_list(
            "id",
            "referentie",
            "status",
            "aangemeld_op",
            "actief_sinds",
            "afgesloten_op",
            "team_id",
            "casusregisseur_id",
        )
    )
    if not rows:
        ctx.counts["plannen"] = Plan.objects.count()
        return
    leden: dict[int, list] = defaultdict(list)
    for lid_id, hh_id, geboren, voornamen in (
        Lid.objects.filter(
            huishouden__referentie__startswith=PREFIX,
            huishouden__plan__isnull=True,
            einddatum__isnull=True,
        )
        .order_by("huishouden_id", "geboortedatum", "id")
        .values_list("id", "huishouden_id", "geboortedatum", "voornamen")
        .iterator(chunk_size=20_000)
    ):
        leden[hh_id].append((lid_id, geboren, voornamen))
    domein_id = dict(Leefdomein.objects.values_list("code", "id"))
    per_naam = {
        d.naam: (d.pk, f"{d.naam} ({d.organisatie.naam})")
        for d in Dienst.objects.filter(naam__in=DIENST_VAN_ACTIE.values()).select_related(
            "organisatie"
        )
    }
    diensten = {wat: per_naam[n] for wat, n in DIENST_VAN_ACTIE.items() if n in per_naam}
    staff = {team.pk: [u.pk for u in ctx.professionals_of(team)] for team in ctx.teams.values()}
    fallback_user = next(iter(ctx.users.values())).pk

    plan_ids = iter(reserve_ids("casussen_plan", len(rows)))
    doel_ids = iter(reserve_ids("casussen_doel", 3 * len(rows)))
    plan_rows, versie_rows, doel_rows, dd_rows, dl_rows = [], [], [], [], []
    actie_rows, termijn_rows, zorg_rows, log_rows = [], [], [], []
    leeg_json = "[]"

    for hh_id, referentie, status, gemeld, actief_sinds, afgesloten_op, team_id, regisseur in rows:
        number = int(referentie.removeprefix(PREFIX))
        rng = FastRandom(number * 7 + 4)
        door = regisseur or (staff.get(team_id) or [fallback_user])[0]
        hh_leden = leden.get(hh_id, [])
        if not hh_leden:
            continue
        plan_id = next(plan_ids)
        gesloten = status == Huishouden.Status.AFGESLOTEN
        roll = rng.random()
        if gesloten:
            profiel = "vastgesteld"
        elif roll < 0.30:
            profiel = "concept"
        elif roll < 0.70:
            profiel = "vastgesteld"
        elif roll < 0.80:
            profiel = "niet_akkoord"
        else:
            profiel = "evaluatie_verlopen"
        plan_status = "vastgesteld" if profiel == "evaluatie_verlopen" else profiel
        hulp, probleem, oplossing, perspectief = HULPVRAGEN[number % len(HULPVRAGEN)]
        begin = actief_sinds or gemeld
        eind_plan = afgesloten_op or vandaag
        start_ts = timezone.make_aware(datetime.datetime.combine(begin, datetime.time(10)))
        plan_rows.append(
            (
                plan_id,
                hh_id,
                hulp,
                probleem,
                oplossing,
                perspectief,
                start_ts,
                ANALYSES[number % len(ANALYSES)] if rng.random() < 0.7 else "",
                plan_status,
                1,
                1,
                start_ts,
                now,
            )
        )
        log_rows.append((plan_id, 1, start_ts, door, "inhoud", "toegevoegd", "Plan", leeg_json))
        if plan_status == "concept":
            versie_rows.append(
                (
                    plan_id,
                    1,
                    "concept",
                    start_ts,
                    door,
                    None,
                    None,
                    None,
                    "",
                    None,
                    "",
                    "",
                    None,
                    "",
                    "{}",
                )
            )
        else:
            akkoord_op = min(begin + datetime.timedelta(days=7 + int(rng.random() * 14)), eind_plan)
            namens = next(
                (lid[0] for lid in hh_leden if age_on(lid[1], vandaag) >= 18), hh_leden[0][0]
            )
            wijze = ("in_persoon", "in_persoon", "digitaal", "vertegenwoordiger")[
                int(rng.random() * 4)
            ]
            vertegenwoordiger = "M. de Boer, bewindvoerder" if wijze == "vertegenwoordiger" else ""
            versie_rows.append(
                (
                    plan_id,
                    1,
                    plan_status,
                    start_ts,
                    door,
                    timezone.make_aware(datetime.datetime.combine(akkoord_op, datetime.time(15))),
                    door,
                    akkoord_op,
                    wijze,
                    None if vertegenwoordiger else namens,
                    vertegenwoordiger,
                    ZIENSWIJZEN[number % 2] if plan_status == "niet_akkoord" else "",
                    False,
                    "De domeinmatrix wordt in het volgende gesprek aangevuld.",
                    "{}",
                )
            )
            log_rows.append(
                (
                    plan_id,
                    1,
                    now,
                    door,
                    "vaststelling",
                    "vastgesteld",
                    f"Versie 1: {'akkoord' if plan_status == 'vastgesteld' else 'niet akkoord'}",
                    leeg_json,
                )
            )

        for index, lid_ids, heel in _doelen_voor(rng, hh_leden, vandaag):
            omschrijving, codes, _, acties = DOELEN[index]
            doel_id = next(doel_ids)
            doel_status, evaluatie = "open", ""
            if gesloten:
                doel_status, evaluatie = "bereikt", "Doel bereikt; het huishouden redt het zelf."
            doel_rows.append(
                (doel_id, plan_id, omschrijving, heel, doel_status, evaluatie, 1, start_ts, now)
            )
            dd_rows.extend((doel_id, domein_id[code]) for code in codes if code in domein_id)
            dl_rows.extend((doel_id, lid_id) for lid_id in lid_ids)
            for wat, uitvoerder, naam, wet, kosten in acties:
                dienst_id, naam = diensten.get(wat, (None, naam))
                start = begin + datetime.timedelta(days=int(rng.random() * 21))
                duur = 60 + int(rng.random() * 180)
                eind = start + datetime.timedelta(days=duur)
                evaluatie_op = start + datetime.timedelta(days=duur // 2)
                if gesloten:
                    eind = min(eind, afgesloten_op)
                    start = min(start, eind)
                    evaluatie_op = start + (eind - start) / 2
                    actie_status = "afgerond"
                elif profiel == "evaluatie_verlopen":
                    evaluatie_op = vandaag - datetime.timedelta(days=1 + int(rng.random() * 40))
                    start = min(start, evaluatie_op)
                    eind = max(eind, vandaag + datetime.timedelta(days=14 + int(rng.random() * 60)))
                    actie_status = "lopend"
                else:
                    if eind < vandaag:  # still running: the plan was extended
                        eind = vandaag + datetime.timedelta(days=7 + int(rng.random() * 120))
                    if evaluatie_op < vandaag:
                        evaluatie_op = vandaag + (eind - vandaag) * rng.random()
                    actie_status = "gepland" if start > vandaag else "lopend"
                actie_rows.append(
                    (
                        doel_id,
                        wat,
                        None,
                        uitvoerder,
                        naam,
                        dienst_id,
                        wet,
                        start,
                        eind,
                        evaluatie_op,
                        Decimal(kosten),
                        actie_status,
                        "",
                        1,
                        start_ts,
                        now,
                    )
                )

        if gesloten:
            continue
        if rng.random() < 0.35:  # a statutory deadline from the report date
            schuld = rng.random() < 0.5
            spoed = "huisuitzetting" if schuld and rng.random() < 0.3 else ""
            melding = max(gemeld, vandaag - datetime.timedelta(days=int(rng.random() * 60)))
            uiterlijk = (
                termijnen.wgs_gesprek_uiterlijk(melding, spoed=bool(spoed))
                if schuld
                else termijnen.wmo_onderzoek_uiterlijk(melding)
            )
            voldaan = None
            if uiterlijk < vandaag and rng.random() < 0.75:
                voldaan = melding + (min(uiterlijk, vandaag) - melding) * rng.random()
            termijn_rows.append(
                (
                    plan_id,
                    "schuldhulp_gesprek" if schuld else "wmo_onderzoek",
                    melding,
                    spoed,
                    uiterlijk,
                    voldaan,
                    door,
                    now,
                )
            )
        if rng.random() < 0.04:
            omschrijving, inschatting, kader = VEILIGHEID[number % len(VEILIGHEID)]
            gemeld_ts = now - datetime.timedelta(days=int(rng.random() * 30))
            zorg_rows.append(
                (plan_id, omschrijving, inschatting, kader, "", gemeld_ts, door, None, None, "")
            )
            log_rows.append(
                (plan_id, 1, gemeld_ts, door, "veiligheid", "gemeld", "Veiligheidszorg", leeg_json)
            )

    with without_fk_triggers():
        copy_rows(
            "casussen_plan",
            [
                "id",
                "huishouden_id",
                "hulpvraag",
                "probleem",
                "oplossing",
                "perspectief",
                "eigen_woorden_op",
                '"analyse"',  # a reserved word in PostgreSQL (ANALYSE): quoted
                "status",
                "versienummer",
                "versie",
                "aangemaakt_op",
                "gewijzigd_op",
            ],
            plan_rows,
        )
        copy_rows(
            "casussen_planversie",
            [
                "plan_id",
                "nummer",
                "status",
                "aangemaakt_op",
                "aangemaakt_door_id",
                "vastgesteld_op",
                "vastgesteld_door_id",
                "akkoord_datum",
                "wijze",
                "akkoord_lid_id",
                "vertegenwoordiger",
                "zienswijze",
                "matrix_compleet",
                "reden_onvolledig",
                "inhoud",
            ],
            versie_rows,
        )
        copy_rows(
            "casussen_doel",
            [
                "id",
                "plan_id",
                "omschrijving",
                "heel_huishouden",
                "status",
                "evaluatie",
                "versie",
                "aangemaakt_op",
                "gewijzigd_op",
            ],
            doel_rows,
        )
        copy_rows("casussen_doel_leefdomeinen", ["doel_id", "leefdomein_id"], dd_rows)
        copy_rows("casussen_doel_leden", ["doel_id", "lid_id"], dl_rows)
        copy_rows(
            "casussen_actie",
            [
                "doel_id",
                "wat",
                "lid_id",
                "uitvoerder",
                "uitvoerder_naam",
                "dienst_id",
                "wet",
                "startdatum",
                "einddatum",
                "evaluatiedatum",
                "kosten",
                "status",
                "leeftijd_motivering",
                "versie",
                "aangemaakt_op",
                "gewijzigd_op",
            ],
            actie_rows,
        )
        copy_rows(
            "casussen_termijn",
            [
                "plan_id",
                "soort",
                "gemeld_op",
                "spoedgrond",
                "uiterlijk_op",
                "voldaan_op",
                "aangemaakt_door_id",
                "aangemaakt_op",
            ],
            termijn_rows,
        )
        copy_rows(
            "casussen_veiligheidszorg",
            [
                "plan_id",
                "omschrijving",
                "inschatting",
                "dwangkader",
                "dwangkader_toelichting",
                "gemeld_op",
                "gemeld_door_id",
                "opgeheven_op",
                "opgeheven_door_id",
                "reden_opheffing",
            ],
            zorg_rows,
        )
        copy_rows(
            "casussen_planwijziging",
            [
                "plan_id",
                "versienummer",
                "tijdstip",
                "gebruiker_id",
                "soort",
                "handeling",
                "onderwerp",
                "wijzigingen",
            ],
            log_rows,
        )
    with connection.cursor() as cursor:
        for table in ("casussen_plan", "casussen_doel", "casussen_actie", "casussen_termijn"):
            cursor.execute(f"ANALYZE {table}")
    ctx.counts["plannen"] = Plan.objects.count()
    ctx.counts["doelen"] = len(doel_rows)
    ctx.counts["acties"] = len(actie_rows)
