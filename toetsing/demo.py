"""Demo omgekeerde toetsen in every state, from the cases in the seeds (DOMAIN.md).

Two layers, both idempotent:
- Showcase: per team, six households get one seed case each, written through the real
  services (plan, goal, action, toets), so every state is there to click through:
  concept (stap 1), stap 2 open, beëindigd na stap 1, ingediend binnen de regels,
  ingediend maatwerk (with its MaatwerkVerzoek and a notification for the team lead) and
  vervangen (a corrected maatwerk toets).
- Bulk: every 25th open action of a demo household that has no toets yet gets one, in
  the same six states round-robin, loaded with COPY (rows inserted as drafts, then one
  UPDATE makes them final, as the immutability trigger requires). It scales with the
  plans the casussen demo step creates; 100 000 households stay well within the budget.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone
from psycopg.types.json import Jsonb

from casussen import services as plan_services
from casussen.models import Actie, Doel, Plan
from huishoudens.models import Huishouden, Leefdomein
from sociaaldomein.demo import DemoContext, copy_rows, reserve_ids
from toetsing import services
from toetsing.models import Artikel, Grondwaarde, MaatwerkBudget, MaatwerkVerzoek, Toets
from toetsing.motivering import (
    ArtikelRegel,
    EffectRegel,
    Gegevens,
    GrondwaardeRegel,
    schrijf_motivering,
)

PREFIX = "DEMO-"
ELKE = 25  # bulk: one toets per this many open actions


@dataclass(frozen=True)
class Casus:
    staat: str  # concept, stap2, beeindigd, binnen_regels, maatwerk, vervangen
    doel: str
    domeinen: tuple[str, ...]
    actie: str
    wet: str
    kosten: Decimal
    uitvoerder: str
    vraag: str
    behoefte: str
    analyse: str
    effect_kort: str
    effect_lang: str
    effect_omgeving: str
    alternatief: str
    kosten_alternatief: Decimal
    horizon: int
    ethiek: tuple[str, str, str, str]
    grondwaarden: tuple[tuple[str, str, str], ...]
    artikelen: tuple[tuple[str, str, str], ...]
    afwijking: tuple[str, str, str] | None = None
    negatief: tuple[str, str] | None = None  # (toelichting, reden)


CASUSSEN = [
    Casus(
        staat="maatwerk",
        doel="Wij blijven in ons huis wonen",
        domeinen=("huisvesting", "financien"),
        actie="Eén maand huur betalen uit het maatwerkbudget",
        wet="participatiewet",
        kosten=Decimal("725.00"),
        uitvoerder="wijkteam",
        vraag="Een maand huur betalen om huisuitzetting te voorkomen",
        behoefte="We lopen één maand achter met de huur en de verhuurder heeft de deurwaarder ingeschakeld.",
        analyse="Eenmalige achterstand na ontslag; nieuw werk begint volgende maand. Zonder betaling volgt ontruiming.",
        effect_kort="de ontruiming wordt ingetrokken en het gezin blijft in de woning",
        effect_lang="de kinderen blijven op hun school en het gezin bouwt geen nieuwe schulden op",
        effect_omgeving="de verhuurder krijgt de huur; de school hoeft geen overplaatsing te regelen",
        alternatief="huisuitzetting met maatschappelijke opvang en een nieuwe woning",
        kosten_alternatief=Decimal("9500.00"),
        horizon=24,
        ethiek=(
            "Elk huishouden met een eenmalige achterstand door inkomensval komt hiervoor in aanmerking.",
            "Het gezin vroeg er zelf om en regelt de betaalafspraak met de verhuurder.",
            "Eén maand huur staat in verhouding tot het verlies van de woning.",
            "Het precedent is gewenst: vroeg betalen is goedkoper dan ontruimen (Zaanstad).",
        ),
        grondwaarden=(
            ("participatiewet", "bestaanszekerheid (vangnet)", "de woning is het vangnet"),
            ("wgs", "aandacht voor kinderen in het gezin", "de kinderen houden hun thuis"),
            (
                "wmo-2015",
                "zo lang mogelijk in de eigen leefomgeving",
                "het gezin blijft in de wijk",
            ),
        ),
        artikelen=(
            (
                "participatiewet",
                "35",
                "bijzondere bijstand dekt de noodzakelijke huur in deze bijzondere omstandigheid",
            ),
            (
                "awb",
                "4:84",
                "de beleidsregel wordt hier niet gevolgd omdat de gevolgen onevenredig zijn",
            ),
        ),
        afwijking=(
            "de beleidsregel bijzondere bijstand: geen vergoeding van huurschulden",
            "eenmalige inkomensval, nieuw werk over een maand, twee kinderen in huis",
            "de regel wil schulden niet belonen, maar zou hier tot ontruiming leiden",
        ),
    ),
    Casus(
        staat="vervangen",
        doel="Wij zijn schuldenvrij en houden overzicht",
        domeinen=("financien",),
        actie="Deel van de schuld kwijtschelden bij vroege aanpak",
        wet="wgs",
        kosten=Decimal("1800.00"),
        uitvoerder="wijkteam",
        vraag="Een deel van de gemeentelijke schuld kwijtschelden omdat vroeg ingrijpen goedkoper is",
        behoefte="We willen van de schulden af en weer gewoon de post openen.",
        analyse="Schulden zijn nog beperkt; een minnelijk traject lukt als de gemeente een deel kwijtscheldt.",
        effect_kort="de incasso's stoppen en er komt rust",
        effect_lang="het huishouden blijft uit de schulden en heeft geen bewind nodig",
        effect_omgeving="schuldeisers krijgen een deel terug in plaats van niets",
        alternatief="een jarenlang schuldhulptraject met beschermingsbewind",
        kosten_alternatief=Decimal("6200.00"),
        horizon=36,
        ethiek=(
            "Wie zich vroeg meldt, krijgt dit aanbod; dat geldt voor iedereen.",
            "Het huishouden houdt zelf de regie; geen bewind.",
            "Een deel kwijtschelden staat in verhouding tot de kosten van een lang traject.",
            "Dit moedigt vroeg melden aan (Deventer).",
        ),
        grondwaarden=(
            ("wgs", "preventie en vroegsignalering", "vroeg ingrijpen voorkomt een lang traject"),
            ("wgs", "financiële zelfredzaamheid en nazorg", "het huishouden houdt zelf overzicht"),
        ),
        artikelen=(
            ("wgs", "3", "integrale schuldhulp: de oorzaak én de schuld worden aangepakt"),
            (
                "awb",
                "4:84",
                "de invorderingsregel wordt hier niet gevolgd omdat die onevenredig uitpakt",
            ),
        ),
        afwijking=(
            "de invorderingsregel: geen kwijtschelding buiten een wettelijk traject",
            "de schulden zijn nog klein en het huishouden meldde zich zelf",
            "volledige invordering kost de gemeente meer dan zij oplevert",
        ),
    ),
    Casus(
        staat="binnen_regels",
        doel="Ik krijg de zorg die ik nodig heb",
        domeinen=("geestelijke-gezondheid", "financien"),
        actie="Geen eigen bijdrage innen voor de begeleiding",
        wet="wmo",
        kosten=Decimal("0.00"),
        uitvoerder="aanbieder",
        vraag="De eigen bijdrage voor psychiatrische begeleiding niet innen, zodat de cliënt zorg accepteert",
        behoefte="Ik wil wel hulp, maar ik kan die bijdrage er niet ook nog bij hebben.",
        analyse="Zorgmijding door de eigen bijdrage; zonder zorg dreigen crisis en overlast.",
        effect_kort="de cliënt start met begeleiding",
        effect_lang="geen crisisopname; de cliënt woont zelfstandig en veilig",
        effect_omgeving="minder overlast voor de buren",
        alternatief="zorgmijding met een crisisopname",
        kosten_alternatief=Decimal("14000.00"),
        horizon=12,
        ethiek=(
            "Geldt voor iedere cliënt bij wie de bijdrage aantoonbaar tot zorgmijding leidt.",
            "De cliënt kiest zelf voor de begeleiding.",
            "Afzien van een bijdrage tegenover een opname.",
            "De verordening laat dit toe; geen nieuw precedent.",
        ),
        grondwaarden=(
            ("wmo-2015", "zelfredzaamheid", "met begeleiding redt de cliënt zich"),
            ("wmo-2015", "veiligheid (huiselijk geweld)", "crisis en overlast worden voorkomen"),
        ),
        artikelen=(
            (
                "wmo-2015",
                "2.1.4",
                "de gemeente kán een bijdrage vragen en ziet er hier van af (seed 004)",
            ),
        ),
    ),
    Casus(
        staat="stap2",
        doel="Mijn kinderen groeien veilig thuis op",
        domeinen=("huiselijke-relaties", "sociaal-netwerk"),
        actie="Buurvrouw helpt met de opvoeding, in ruil voor hulp in huis",
        wet="jeugdwet",
        kosten=Decimal("1200.00"),
        uitvoerder="netwerk",
        vraag="De buurvrouw een vergoeding geven voor opvoedsteun in plaats van uithuisplaatsing",
        behoefte="Ik wil mijn kinderen bij me houden; de buurvrouw helpt graag.",
        analyse="Moeder heeft een licht verstandelijke beperking; de buurvrouw voedde zelf drie kinderen op.",
        effect_kort="dagelijkse steun bij de opvoeding",
        effect_lang="de kinderen blijven thuis en moeder groeit in haar rol",
        effect_omgeving="de buurvrouw krijgt hulp bij boodschappen en huishouden",
        alternatief="uithuisplaatsing van de twee kinderen",
        kosten_alternatief=Decimal("120000.00"),
        horizon=24,
        ethiek=(
            "Vergelijkbare gezinnen met een sterk netwerk krijgen dezelfde ruimte.",
            "Moeder koos zelf voor de buurvrouw.",
            "Een kleine vergoeding tegenover een uithuisplaatsing.",
            "Precedent: informele steun kan voorgaan, met toezicht van het wijkteam (seed 004).",
        ),
        grondwaarden=(
            ("jeugdwet", "versterken van de opvoedomgeving", "de buurvrouw versterkt het gezin"),
            ("jeugdwet", "gezond en veilig opgroeien", "de kinderen blijven veilig thuis"),
        ),
        artikelen=(("jeugdwet", "2.3", "jeugdhulp in de vorm van steun uit het netwerk"),),
    ),
    Casus(
        staat="concept",
        doel="Ik woon zelfstandig als ik 18 ben",
        domeinen=("huisvesting",),
        actie="Voorrang voor een eigen woning bij het verlaten van begeleid wonen",
        wet="jeugdwet",
        kosten=Decimal("0.00"),
        uitvoerder="voorliggend",
        vraag="Voorrang geven voor zelfstandige huisvesting bij 18 jaar",
        behoefte="Ik wil niet terug naar de opvang als ik 18 word.",
        analyse="",
        effect_kort="",
        effect_lang="",
        effect_omgeving="",
        alternatief="",
        kosten_alternatief=Decimal("0"),
        horizon=12,
        ethiek=("", "", "", ""),
        grondwaarden=(),
        artikelen=(),
    ),
    Casus(
        staat="beeindigd",
        doel="Wij komen sneller uit de schulden",
        domeinen=("financien", "werk-opleiding"),
        actie="Tijdelijk bijverdienen met behoud van uitkering",
        wet="participatiewet",
        kosten=Decimal("0.00"),
        uitvoerder="huishouden",
        vraag="Tijdelijk bijverdienen toestaan met behoud van uitkering",
        behoefte="Ik kan extra uren werken en wil daarmee mijn schulden aflossen.",
        analyse="De schuldhulp regelt al een vrijlating van inkomsten; een uitzondering is niet nodig.",
        effect_kort="",
        effect_lang="",
        effect_omgeving="",
        alternatief="",
        kosten_alternatief=Decimal("0"),
        horizon=12,
        ethiek=("", "", "", ""),
        grondwaarden=(),
        artikelen=(),
        negatief=(
            "De bestaande vrijlatingsregeling geeft deze ruimte al.",
            "Binnen het schuldhulptraject mag de cliënt bijverdienen; geen besluit buiten de regels nodig.",
        ),
    ),
]


# --- showcase through the services -------------------------------------------------------------


def seed(ctx: DemoContext) -> None:
    if not (Grondwaarde.objects.exists() and Leefdomein.objects.filter(actief=True).exists()):
        return  # no reference data (a flushed test database): nothing to build toetsen on
    created = 0
    _budgetten(ctx)
    for team in ctx.teams.values():
        door = next(iter(ctx.professionals_of(team)), None)
        if door is None:
            continue
        huishoudens = list(
            Huishouden.objects.filter(
                team=team, referentie__startswith=PREFIX, status=Huishouden.Status.ACTIEF
            )
            .filter(leden__einddatum__isnull=True)
            .distinct()
            .order_by("referentie")[: len(CASUSSEN)]
        )
        for huishouden, casus in zip(huishoudens, CASUSSEN, strict=False):
            created += _showcase(huishouden, casus, door)
    bulk = _bulk(ctx)
    ctx.counts["maatwerkbesluiten"] = _besluiten(ctx)
    ctx.counts["toetsen"] = Toets.objects.filter(huishouden__referentie__startswith=PREFIX).count()
    ctx.counts["toetsen nieuw"] = created + bulk


DEMO_BUDGET = Decimal("20000.00")
BUDGET_WETTEN = ("participatiewet", "wmo", "jeugdwet", "wgs")


def _budgetten(ctx: DemoContext) -> None:
    """A maatwerk budget per team and funding stream for this year (issue 6)."""
    jaar = ctx.today.year
    bestaand = set(MaatwerkBudget.objects.filter(jaar=jaar).values_list("team_id", "financiering"))
    MaatwerkBudget.objects.bulk_create(
        MaatwerkBudget(team=team, jaar=jaar, financiering=wet, bedrag=DEMO_BUDGET)
        for team in ctx.teams.values()
        for wet in BUDGET_WETTEN
        if (team.pk, wet) not in bestaand
    )


def _besluiten(ctx: DemoContext) -> int:
    """Per team, the lead approves one open request and rejects another, so the inbox,
    the register and the council overview have content (issue 6). Only once: a team that
    already has decided requests keeps its open ones open (idempotent)."""
    from toetsing.services import maatwerk

    gedaan = 0
    for team in ctx.teams.values():
        lead = ctx.users.get(f"teamleider.{team.wijk.lower()}")
        if lead is None:
            continue
        verzoeken = MaatwerkVerzoek.objects.filter(
            team=team, toets__huishouden__referentie__startswith=PREFIX
        )
        if verzoeken.besloten().exists():
            continue
        open_ = list(verzoeken.filter(status="ingediend").exclude(aangevraagd_door=lead)[:3])
        for nummer, verzoek in enumerate(open_[:-1]):  # at least one stays in the inbox
            if nummer == 0:
                maatwerk.approve_maatwerk(
                    verzoek=verzoek,
                    door=lead,
                    reden="Eenmalig en goedkoper dan het alternatief; voorliggende "
                    "voorzieningen volstonden niet.",
                )
            else:
                maatwerk.reject_maatwerk(
                    verzoek=verzoek,
                    door=lead,
                    reden="Een voorliggende voorziening is nog niet benut.",
                )
            gedaan += 1
    return gedaan


@transaction.atomic
def _showcase(huishouden: Huishouden, casus: Casus, door) -> int:
    if Toets.objects.filter(huishouden=huishouden, vraag=casus.vraag).exists():
        return 0
    plan = plan_services.ensure_plan(huishouden, door=door)
    plan = Plan.objects.get(pk=plan.pk)
    if not plan.hulpvraag:
        plan_services.save_eigen_woorden(
            plan=plan, door=door, versie=plan.versie, hulpvraag=casus.behoefte
        )
    leden = list(huishouden.leden.filter(einddatum__isnull=True).order_by("geboortedatum")[:2])
    doel = Doel.objects.filter(plan=plan, omschrijving=casus.doel).first()
    if doel is None:
        doel = plan_services.add_doel(
            plan=plan,
            door=door,
            omschrijving=casus.doel,
            leefdomeinen=Leefdomein.objects.filter(code__in=casus.domeinen),
            leden=leden,
        )
    actie = Actie.objects.filter(doel=doel, wat=casus.actie).first()
    if actie is None:
        vandaag = timezone.localdate()
        actie = plan_services.add_actie(
            doel=doel,
            door=door,
            wat=casus.actie,
            uitvoerder=casus.uitvoerder,
            uitvoerder_naam="Buurt en voorzieningen"
            if casus.uitvoerder in Actie.NAAM_VERPLICHT
            else "",
            wet=_financiering(casus.wet),
            startdatum=vandaag,
            einddatum=vandaag + datetime.timedelta(days=120),
            evaluatiedatum=vandaag + datetime.timedelta(days=60),
            kosten=casus.kosten,
            leeftijd_motivering="Demo: verlengde jeugdhulp tot 23 jaar."
            if casus.wet == "jeugdwet"
            else "",
        )
    toets = services.start_toets(huishouden=huishouden, door=door, actie=actie, vraag=casus.vraag)
    _naar_staat(toets, casus, door)
    return 1


def _financiering(wet: str) -> str:
    return {"wmo": "wmo"}.get(wet, wet)


def _naar_staat(toets: Toets, casus: Casus, door) -> Toets:
    velden = {
        "behoefte": casus.behoefte,
        "analyse": casus.analyse,
        "effect_kort": casus.effect_kort,
        "effect_lang": casus.effect_lang,
        "effect_omgeving": casus.effect_omgeving,
    }
    if casus.staat == "concept":
        toets, _ = services.save_stap1(
            toets=toets, door=door, versie=toets.versie, velden=velden, grondwaarden={}, effecten={}
        )
        return toets
    if casus.negatief:
        toelichting, reden = casus.negatief
        velden.update(
            is_nodig=False,
            past_bij_grondwaarden=True,
            conclusie_toelichting=toelichting,
            reden_beeindiging=reden,
        )
        toets, _ = services.save_stap1(
            toets=toets,
            door=door,
            versie=toets.versie,
            velden=velden,
            grondwaarden={},
            effecten={},
            afronden=True,
        )
        return toets
    velden.update(
        kosten_oplossing=casus.kosten,
        alternatief=casus.alternatief,
        kosten_alternatief=casus.kosten_alternatief,
        horizon_maanden=casus.horizon,
        ethisch_verantwoord=True,
        ethiek_gelijkheid=casus.ethiek[0],
        ethiek_autonomie=casus.ethiek[1],
        ethiek_evenredigheid=casus.ethiek[2],
        ethiek_precedent=casus.ethiek[3],
        is_nodig=True,
        past_bij_grondwaarden=True,
        conclusie_toelichting=f"Zonder deze stap volgt {casus.alternatief}.",
    )
    gekozen = {
        Grondwaarde.objects.get(wet__code=wet, naam=naam).pk: toelichting
        for wet, naam, toelichting in casus.grondwaarden
    }
    effecten = {effect.pk: ("beter", casus.effect_kort) for effect in toets.effecten.all()}
    toets, _ = services.save_stap1(
        toets=toets,
        door=door,
        versie=toets.versie,
        velden=velden,
        grondwaarden=gekozen,
        effecten=effecten,
        afronden=True,
    )
    for wet, nummer, _ in casus.artikelen:
        artikel = Artikel.objects.get(wet__code=wet, nummer=nummer)
        toets, _ = services.save_stap2(
            toets=toets,
            door=door,
            versie=toets.versie,
            velden={},
            artikelen={},
            toevoegen=(artikel.pk, ""),
        )
    motivaties = {
        m.artikel_id: (_motivatie_artikel(casus, m.artikel), "")
        for m in toets.artikelen.select_related("artikel__wet")
    }
    stap2 = {"financiering": _financiering(casus.wet), "uitkomst": "binnen_regels"}
    if casus.afwijking:
        regel, omstandigheden, evenredig = casus.afwijking
        stap2.update(
            uitkomst="maatwerk",
            afwijking_regel=regel,
            bijzondere_omstandigheden=omstandigheden,
            evenredigheid_afwijking=evenredig,
            voorliggend_overwogen="Bijzondere bijstand en een betalingsregeling zijn eerst "
            "overwogen; die volstonden niet.",
        )
    klaar = casus.staat != "stap2"
    toets, _ = services.save_stap2(
        toets=toets,
        door=door,
        versie=toets.versie,
        velden=stap2,
        artikelen=motivaties,
        indienen=klaar,
    )
    if casus.staat == "vervangen":
        correctie = services.correct_toets(
            toets=toets, door=door, reden="Het bedrag van de kwijtschelding was te hoog ingeschat."
        )
        correctie, _ = services.save_stap1(
            toets=correctie,
            door=door,
            versie=correctie.versie,
            velden={"kosten_oplossing": casus.kosten - Decimal("300.00")},
            grondwaarden={g.grondwaarde_id: g.toelichting for g in correctie.grondwaarden.all()},
            effecten={e.pk: (e.verwachting, e.toelichting) for e in correctie.effecten.all()},
            afronden=True,
        )
        services.submit_toets(toets=correctie, door=door, versie=correctie.versie)
    return toets


# --- bulk over the plans of all demo households ------------------------------------------------

STATEN = ["concept", "stap2", "beeindigd", "binnen_regels", "maatwerk", "vervangen"]

SELECT_ACTIES = """
SELECT a.id, a.wat, a.kosten, a.wet, d.omschrijving, p.huishouden_id, h.referentie,
       h.team_id, h.casusregisseur_id,
       (SELECT min(dl.leefdomein_id) FROM casussen_doel_leefdomeinen dl WHERE dl.doel_id = d.id)
  FROM casussen_actie a
  JOIN casussen_doel d ON d.id = a.doel_id
  JOIN casussen_plan p ON p.id = d.plan_id
  JOIN huishoudens_huishouden h ON h.id = p.huishouden_id
 WHERE h.referentie LIKE %s
   AND a.id %% %s = 0
   AND a.status IN ('gepland', 'lopend')
   AND d.status IN ('open', 'bijgesteld')
   AND NOT EXISTS (SELECT 1 FROM toetsing_toets t WHERE t.huishouden_id = h.id)
 ORDER BY a.id
"""

TOETS_KOLOMMEN = [
    "id", "huishouden_id", "actie_id", "vraag", "status", "vorige_id", "reden_correctie",
    "behoefte", "analyse", "effect_kort", "effect_lang", "effect_omgeving",
    "kosten_oplossing", "alternatief", "kosten_alternatief", "horizon_maanden",
    "ethisch_verantwoord", "ethiek_gelijkheid", "ethiek_autonomie", "ethiek_evenredigheid",
    "ethiek_precedent", "is_nodig", "past_bij_grondwaarden", "conclusie_toelichting",
    "reden_beeindiging", "uitkomst", "financiering", "afwijking_regel",
    "bijzondere_omstandigheden", "evenredigheid_afwijking", "motivering", "versie",
    "aangemaakt_door_id", "aangemaakt_op", "gewijzigd_door_id", "gewijzigd_op", "stap2_op",
    "ingediend_door_id", "ingediend_op", "beeindigd_door_id", "beeindigd_op", "vervangen_op",
]  # fmt: skip


@transaction.atomic
def _bulk(ctx: DemoContext) -> int:
    with connection.cursor() as cursor:
        cursor.execute(SELECT_ACTIES, [f"{PREFIX}%", ELKE])
        acties = cursor.fetchall()
    if not acties:
        return 0
    domeinen = dict(Leefdomein.objects.values_list("pk", "naam"))
    grondwaarden = {(g.wet.code, g.naam): g for g in Grondwaarde.objects.select_related("wet")}
    artikelen = {(a.wet.code, a.nummer): a for a in Artikel.objects.select_related("wet")}
    verplicht = [a for a in artikelen.values() if a.altijd_toetsen and a.is_geldig()]
    staff = {team.pk: [u.pk for u in ctx.professionals_of(team)] for team in ctx.teams.values()}
    namen = {u.pk: u.weergavenaam for u in ctx.users.values()}
    fallback = next(iter(ctx.users.values())).pk
    volledig = [c for c in CASUSSEN if c.grondwaarden]

    # a replaced toets takes two rows (the old one and its correction)
    n_toetsen = len(acties) + sum(STATEN[i % 6] == "vervangen" for i in range(len(acties)))
    ids = iter(reserve_ids("toetsing_toets", n_toetsen))
    now = timezone.now()
    toets_rijen, finaal, vervangen_rijen = [], [], []
    gw_rijen, effect_rijen, artikel_rijen, verzoek_rijen, meldingen = [], [], [], [], []
    besluit_rijen = []
    leads = _leads(ctx)
    for index, rij_actie in enumerate(acties):
        actie_id, wat, kosten, _wet, doel, hh_id, referentie, team_id, regisseur, domein_id = (
            rij_actie
        )
        staat = STATEN[index % len(STATEN)]
        casus = volledig[index % len(volledig)]
        door = regisseur or (staff.get(team_id) or [fallback])[0]
        kosten = kosten or casus.kosten
        plannen = [(next(ids), None)]
        if staat == "vervangen":
            plannen.append((next(ids), plannen[0][0]))
        for toets_id, vorige in plannen:
            eind = (
                staat
                if vorige is None and staat != "vervangen"
                else ("vervangen" if vorige is None else "maatwerk")
            )
            gekozen = [*verplicht, *(artikelen[(w, n)] for w, n, _ in casus.artikelen)]
            rij = _toets_rij(
                toets_id, hh_id, actie_id, wat, doel, referentie, kosten, casus, eind, door,
                namen.get(door, "de professional"), now, domeinen.get(domein_id, "Financiën"),
                vorige, gekozen,
            )  # fmt: skip
            toets_rijen.append(rij)
            if eind != "concept":
                finaal.append((toets_id, eind))
            if eind == "vervangen":
                vervangen_rijen.append(toets_id)
            for wet_code, naam, toelichting in casus.grondwaarden if eind != "beeindigd" else ():
                gw = grondwaarden[(wet_code, naam)]
                gw_rijen.append(
                    (toets_id, gw.pk, gw.wet_id, gw.naam, gw.wet.afkorting, toelichting)
                )
            if domein_id:
                effect_rijen.append(
                    (
                        toets_id,
                        None,
                        domein_id,
                        "" if eind == "concept" else "beter",
                        casus.effect_kort if eind != "concept" else "",
                    )
                )
            if eind in ("stap2", "binnen_regels", "maatwerk", "vervangen"):
                for volgorde, artikel in enumerate(gekozen):
                    artikel_rijen.append(
                        (
                            toets_id,
                            artikel.pk,
                            artikel.wet_id,
                            artikel.wet.afkorting,
                            artikel.nummer,
                            artikel.titel,
                            artikel.betekenis,
                            artikel.afwijkingsgrond,
                            artikel.altijd_toetsen,
                            "" if eind == "stap2" else _motivatie_artikel(casus, artikel),
                            "",
                            volgorde,
                        )
                    )
            register = (
                team_id,
                now.year,
                "teamleider",
                casus.afwijking[0] if casus.afwijking else "",
                sorted({a.wet.afkorting for a in gekozen}),
                [f"{a.wet.afkorting} art. {a.nummer}" for a in gekozen],
                [domeinen[domein_id]] if domein_id in domeinen else [],
            )
            # Every other maatwerk request is already decided by the team's lead (issue 6),
            # so the register, the budget and the council overview have content.
            lead = next((pk for pk in leads.get(team_id, []) if pk != door), None)
            besloten = eind == "maatwerk" and lead is not None and index % 4 == 0
            if eind == "maatwerk" and casus.afwijking and besloten:
                status = "goedgekeurd" if index % 8 == 0 else "afgewezen"
                reden = (
                    "Eenmalig en goedkoper dan het alternatief; voorliggende voorzieningen "
                    "volstonden niet."
                    if status == "goedgekeurd"
                    else "Een voorliggende voorziening is nog niet benut."
                )
                verzoek_rijen.append(
                    (toets_id, kosten, _financiering(casus.wet), door, status, now, *register,
                     now, reden)
                )  # fmt: skip
                besluit_rijen.append((toets_id, status, lead, door, reden, now))
            elif eind == "maatwerk" and casus.afwijking:
                verzoek_rijen.append(
                    (toets_id, kosten, _financiering(casus.wet), door, "ingediend", now, *register,
                     None, "")
                )  # fmt: skip
                for lead in leads.get(team_id, []):
                    meldingen.append(
                        (
                            lead,
                            "maatwerk",
                            f"Maatwerkverzoek voor huishouden {referentie}.",
                            f"/huishoudens/{hh_id}/toetsen/{toets_id}/",
                            now,
                        )
                    )
            if eind == "vervangen" and casus.afwijking:
                verzoek_rijen.append(
                    (toets_id, kosten, _financiering(casus.wet), door, "ingetrokken", now,
                     *register, None, "")
                )  # fmt: skip

    copy_rows("toetsing_toets", [f'"{k}"' for k in TOETS_KOLOMMEN], toets_rijen)
    copy_rows(
        "toetsing_toetsgrondwaarde",
        ["toets_id", "grondwaarde_id", "wet_id", "naam", "wet_afkorting", "toelichting"],
        gw_rijen,
    )
    copy_rows(
        "toetsing_effect",
        ["toets_id", "lid_id", "leefdomein_id", "verwachting", "toelichting"],
        effect_rijen,
    )
    copy_rows(
        "toetsing_toetsartikel",
        [
            "toets_id",
            "artikel_id",
            "wet_id",
            "wet_afkorting",
            "nummer",
            "titel",
            "betekenis",
            "afwijkingsgrond",
            "automatisch",
            "motivering",
            "reden_andere_wet",
            "volgorde",
        ],
        artikel_rijen,
    )
    # Final only now: the immutability trigger forbids parts of a final toets.
    status = {
        "stap2": "stap2",
        "beeindigd": "beeindigd",
        "binnen_regels": "ingediend",
        "maatwerk": "ingediend",
        "vervangen": "vervangen",
    }
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE toetsing_toets t SET status = v.status FROM unnest(%s::bigint[], %s::text[]) AS v(id, status) WHERE t.id = v.id",
            [[i for i, _ in finaal], [status[s] for _, s in finaal]],
        )
    copy_rows(
        "toetsing_maatwerkverzoek",
        [
            "toets_id", "bedrag", "financiering", "aangevraagd_door_id", "status",
            "aangemaakt_op", "team_id", "jaar", "niveau", "afwijking_regel", "wetten",
            "artikelen", "leefdomeinen", "besloten_op", "besluit_reden",
        ],
        verzoek_rijen,
    )  # fmt: skip
    with connection.cursor() as cursor:  # in case the load ran without triggers
        cursor.execute(
            "UPDATE toetsing_maatwerkverzoek SET besluit_reden = besluit_reden "
            "WHERE zoekvector IS NULL"
        )
    if besluit_rijen:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO toetsing_maatwerkbesluit "
                "(verzoek_id, soort, door_id, aangevraagd_door_id, reden, op) "
                "SELECT v.id, b.soort, b.door, b.aanvrager, b.reden, b.op "
                "FROM unnest(%s::bigint[], %s::text[], %s::bigint[], %s::bigint[], %s::text[],"
                " %s::timestamptz[]) AS b(toets, soort, door, aanvrager, reden, op) "
                "JOIN toetsing_maatwerkverzoek v ON v.toets_id = b.toets",
                [list(kolom) for kolom in zip(*besluit_rijen, strict=True)],
            )
    if meldingen:
        copy_rows(
            "sociaaldomein_notificatie",
            ["ontvanger_id", "soort", "tekst", "url", "aangemaakt_op"],
            meldingen,
        )
    return len(toets_rijen)


def _leads(ctx: DemoContext) -> dict[int, list[int]]:
    result: dict[int, list[int]] = {}
    for username, user in ctx.users.items():
        if username.startswith("teamleider."):
            for team in ctx.teams.values():
                if username.endswith("." + team.wijk.lower()):
                    result.setdefault(team.pk, []).append(user.pk)
    return result


def _motivatie_artikel(casus: Casus, artikel: Artikel) -> str:
    for wet, nummer, tekst in casus.artikelen:
        if artikel.nummer == nummer and artikel.wet.code == wet:
            return tekst
    if artikel.nummer == "3:4 lid 2":
        return "de nadelen voor het huishouden staan in verhouding tot het doel van het besluit"
    return "het besluit steunt op de antwoorden uit stap 1, die deze motivering vormen"


def _toets_rij(
    toets_id, hh_id, actie_id, wat, doel, referentie, kosten, casus: Casus, eind, door, naam,
    now, domein, vorige, gekozen,
):  # fmt: skip
    """One toets row in its final state (inserted as a draft; see _bulk) and its motivation."""
    concept = eind == "concept"
    negatief = eind == "beeindigd"
    positief = eind in ("stap2", "binnen_regels", "maatwerk", "vervangen")
    maatwerk = eind in ("maatwerk", "vervangen") and casus.afwijking is not None
    uitkomst = (
        ""
        if eind in ("concept", "stap2", "beeindigd")
        else ("maatwerk" if maatwerk else "binnen_regels")
    )
    afwijking = casus.afwijking if maatwerk else ("", "", "")
    reden = (
        "Het netwerk lost dit zelf op; een besluit van de gemeente is niet nodig."
        if negatief
        else ""
    )
    gegevens = Gegevens(
        vraag=wat,
        onderdeel=f"de actie ‘{wat}’ bij het doel ‘{doel}’",
        referentie=referentie,
        behoefte=casus.behoefte,
        analyse=casus.analyse,
        effect_kort=casus.effect_kort,
        effect_lang=casus.effect_lang,
        effecten=[EffectRegel("het hele huishouden", domein, "beter", casus.effect_kort)],
        effect_omgeving=casus.effect_omgeving,
        kosten_oplossing=kosten,
        alternatief=casus.alternatief,
        kosten_alternatief=casus.kosten_alternatief,
        horizon_maanden=casus.horizon,
        grondwaarden=[GrondwaardeRegel(w, n, t) for w, n, t in casus.grondwaarden]
        if positief
        else [],
        ethisch_verantwoord=True,
        ethiek=list(
            zip(
                ("Gelijke behandeling", "Autonomie", "Evenredigheid", "Precedent"),
                casus.ethiek,
                strict=True,
            )
        ),
        is_nodig=not negatief,
        past_bij_grondwaarden=True,
        conclusie_toelichting="Dit is wat nodig is."
        if not negatief
        else "Het netwerk springt bij.",
        reden_beeindiging=reden,
        artikelen=[
            ArtikelRegel(
                f"artikel {a.nummer} {a.wet.afkorting}", a.titel, _motivatie_artikel(casus, a)
            )
            for a in gekozen
        ],
        uitkomst=uitkomst,
        afwijking_regel=afwijking[0],
        bijzondere_omstandigheden=afwijking[1],
        evenredigheid_afwijking=afwijking[2],
        financiering=dict(Toets._meta.get_field("financiering").choices).get(
            _financiering(casus.wet), ""
        ),
        door=naam,
        datum=timezone.localdate(now),
        correctie_van=timezone.localdate(now) if vorige else None,
        reden_correctie="Het bedrag was te hoog ingeschat." if vorige else "",
    )
    motivering = schrijf_motivering(gegevens) if eind not in ("concept", "stap2") else []
    ingediend = eind in ("binnen_regels", "maatwerk", "vervangen")
    row = (
        toets_id, hh_id, actie_id, wat[:300], "concept", vorige, gegevens.reden_correctie,
        casus.behoefte, "" if concept else casus.analyse, "" if concept else casus.effect_kort,
        "" if concept else casus.effect_lang, "" if concept else casus.effect_omgeving,
        None if concept else kosten, "" if concept else casus.alternatief,
        None if concept else casus.kosten_alternatief, None if concept else casus.horizon,
        None if concept else True, *(("",) * 4 if concept else casus.ethiek),
        None if concept else not negatief, None if concept else True,
        "" if concept else gegevens.conclusie_toelichting, reden, uitkomst,
        _financiering(casus.wet) if maatwerk or ingediend else "", *afwijking,
        Jsonb(motivering), 1, door, now, door, now, now if positief else None,
        door if ingediend else None, now if ingediend else None,
        door if negatief else None, now if negatief else None,
        now if eind == "vervangen" else None,
    )  # fmt: skip
    return row
