"""Demo data of vroegsignalering (a `seed_demo` step, idempotent): a signal partner of
every type, the wijkindeling of the demo postcodes, and 200 signals over the last six
months. About a third are about members of demo households (by BSN, or by address): they
show on those plans and in the casusregisseur's Mijn werk. Part of the queue has contact
attempts and an outcome, so the monitor has figures."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from huishoudens.demo import POSTCODES, WOONPLAATS
from huishoudens.models import Huishouden, Lid
from huishoudens.validators import is_valid_bsn
from sociaaldomein.demo import DemoContext
from vroegsignalering.intake import Signaalrij
from vroegsignalering.models import (
    Partnerorganisatie,
    Partnersoort,
    Vroegsignaal,
    Vroegsignaalzaak,
    Wijkindeling,
)
from vroegsignalering.services import (
    bewaar_signalen,
    record_eindresultaat,
    register_contactpoging,
)

PREFIX = "DEMO-VS-"
AANTAL = 200
PARTNERS = [
    ("Woonstichting Voorbeeldstad", Partnersoort.WONINGCORPORATIE, 60),
    ("Energiebedrijf Stroomlijn", Partnersoort.ENERGIE, 40),
    ("Waterbedrijf Helder", Partnersoort.WATER, 30),
    ("Zorgverzekeraar Zekerzorg", Partnersoort.ZORGVERZEKERAAR, 50),
    ("Telecom Verbonden", Partnersoort.TELECOM, 10),
    ("Hypotheekbank Thuis", Partnersoort.HYPOTHEEK, 10),
]
ACHTERNAMEN = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos"]
STRATEN = ["Dijkweg", "Kerkpad", "Molenstraat", "Schoolstraat", "Beukenlaan", "Marktplein"]
UITKOMSTEN = ["advies_quick_fix", "betaald_of_geregeld", "geen_hulp_gewenst", "vervolghulp"]


def _partners() -> list[tuple[Partnerorganisatie, int]]:
    result = []
    for naam, soort, aantal in PARTNERS:
        partner, _ = Partnerorganisatie.objects.get_or_create(naam=naam, defaults={"soort": soort})
        result.append((partner, aantal))
    return result


def _wijkindeling(ctx: DemoContext) -> None:
    for team in ctx.teams.values():
        for cijfers in POSTCODES.get(team.wijk, ()):
            Wijkindeling.objects.get_or_create(
                postcodecijfers=str(cijfers), defaults={"team": team}
            )


def _vrije_bsns(rng: random.Random):
    while True:
        candidate = f"8{rng.randrange(10**8):08d}"
        if is_valid_bsn(candidate):
            yield candidate


def _rijen(ctx: DemoContext, rng: random.Random, aantal: int, start: int, bekend) -> list:
    rijen, bsns = [], _vrije_bsns(rng)
    for n in range(start, start + aantal):
        signaal = ctx.today - datetime.timedelta(days=rng.randrange(1, 180))
        waarden = {
            "regel": n,
            "referentie": f"{PREFIX}{n:05d}",
            "bedrag": Decimal(rng.randrange(8000, 350000)) / 100,
            "achterstand_sinds": signaal - datetime.timedelta(days=rng.randrange(30, 120)),
            "signaaldatum": signaal,
            "crisis": rng.random() < 0.12,
            "warme_overdracht": rng.random() < 0.1,
        }
        if bekend and rng.random() < 0.35:
            lid = bekend.pop()
            hh = lid.huishouden
            waarden |= {
                "bsn": lid.bsn if rng.random() < 0.8 else "",
                "geslachtsnaam": lid.achternaam_volledig,
                "voorletters": lid.voornamen[:1] + ".",
                "geboortedatum": lid.geboortedatum,
                "straat": hh.straat, "huisnummer": hh.huisnummer.upper(),
                "postcode": hh.postcode, "woonplaats": hh.woonplaats,
            }  # fmt: skip
        else:
            wijk = rng.choice(list(POSTCODES))
            waarden |= {
                "bsn": next(bsns),
                "geslachtsnaam": rng.choice(ACHTERNAMEN),
                "voorletters": rng.choice("ABCDEHJKMNPS") + ".",
                "geboortedatum": datetime.date(rng.randrange(1950, 2004), rng.randrange(1, 13), 1),
                "straat": rng.choice(STRATEN), "huisnummer": str(rng.randrange(1, 200)),
                "postcode": f"{rng.choice(POSTCODES[wijk])} {rng.choice('ABCEGHJ')}{rng.choice('KLMNPRT')}",
                "woonplaats": WOONPLAATS,
            }  # fmt: skip
        rijen.append(Signaalrij(**waarden))
    return rijen


def _bekende_leden(rng: random.Random) -> list[Lid]:
    """Members with a BSN of active demo households with a plan, those of the demo
    professional of Noord first (so their Mijn werk shows signals)."""
    leden = list(
        Lid.objects.filter(
            einddatum__isnull=True,
            bsn__isnull=False,
            huishouden__status=Huishouden.Status.ACTIEF,
            huishouden__plan__isnull=False,
            huishouden__referentie__startswith="DEMO-",
        )
        .select_related("huishouden", "huishouden__casusregisseur")
        .order_by("huishouden_id", "id")[:2000]
    )
    eigen = [lid for lid in leden if lid.huishouden.casusregisseur
             and lid.huishouden.casusregisseur.username == "professional.noord"]  # fmt: skip
    rng.shuffle(leden)
    gekozen = {lid.huishouden_id: lid for lid in [*leden[:60], *eigen[:12]]}
    return list(gekozen.values())


def _uitkomsten(ctx: DemoContext, rng: random.Random) -> None:
    zaken = Vroegsignaalzaak.objects.filter(
        via_plan=False, status="open", signalen__referentie__startswith=PREFIX
    ).distinct()
    for zaak in zaken.select_related("team"):
        door = next(iter(ctx.professionals_of(zaak.team)), None)
        if door is None or rng.random() < 0.55:
            continue
        eerste = zaak.signalen.order_by("signaaldatum").values_list("signaaldatum", flat=True)[0]
        bereikt = rng.random() < 0.6
        register_contactpoging(
            zaak=zaak, door=door, soort=rng.choice(["brief", "telefoon", "huisbezoek"]),
            datum=max(eerste, ctx.today - datetime.timedelta(days=rng.randrange(0, 5))),
            dagdeel=rng.choice(["ochtend", "middag"]), bereikt=bereikt,
        )  # fmt: skip
        uitkomst = rng.choice(UITKOMSTEN) if bereikt else "niet_bereikt"
        record_eindresultaat(zaak=zaak, door=door, eindresultaat=uitkomst)


def seed(ctx: DemoContext) -> None:
    if ctx.households == 0:
        return  # the organisation only (benchmarks load their own signals)
    bestaand = Vroegsignaal.objects.filter(referentie__startswith=PREFIX).count()
    if bestaand >= AANTAL:
        ctx.counts["vroegsignalen"] = bestaand
        return
    rng = random.Random(17)
    _wijkindeling(ctx)
    bekend = _bekende_leden(rng)
    nummer = 1
    for partner, aantal in _partners():
        rijen = _rijen(ctx, rng, aantal, nummer, bekend)
        bewaar_signalen(partner=partner, rijen=rijen)
        nummer += aantal
    _uitkomsten(ctx, rng)
    ctx.counts["vroegsignalen"] = Vroegsignaal.objects.filter(referentie__startswith=PREFIX).count()
