"""seed_demo step: closed households of both teams whose retention has passed, so a
destruction list can be run in the demo (the account `archivaris` comes with the
organisation, sociaaldomein.demo)."""

from __future__ import annotations

import datetime

from casussen.services import ensure_plan
from huishoudens.models import Huishouden, Lid, build_zoektekst
from sociaaldomein.demo import DemoContext

PREFIX = "ARCH-"
OUDE_DOSSIERS = [
    # naam, straat, huisnummer, postcode, leden (voornamen, achternaam, geboren), gesloten
    ("Gezin Verhoeven", "Lindelaan", "4", "7411 AC", [("Piet", "Verhoeven", 1950)], 2008),
    ("Gezin Kramer", "Beukstraat", "19", "7412 BD", [("Ria", "Kramer", 1944)], 2010),
]


def seed(ctx: DemoContext) -> None:
    nummer = 0
    for team in ctx.teams.values():
        for naam, straat, huisnummer, postcode, leden, jaar in OUDE_DOSSIERS:
            nummer += 1
            referentie = f"{PREFIX}{nummer:06d}"
            if Huishouden.objects.filter(referentie=referentie).exists():
                continue
            gesloten = datetime.date(jaar, 3, 1)
            namen = [f"{voornamen} {achternaam}" for voornamen, achternaam, _ in leden]
            huishouden = Huishouden.objects.create(
                referentie=referentie,
                naam=naam,
                straat=straat,
                huisnummer=huisnummer,
                postcode=postcode,
                woonplaats="Voorbeeldstad",
                wijk=team.wijk,
                team=team,
                status=Huishouden.Status.AFGESLOTEN,
                aangemeld_op=gesloten - datetime.timedelta(days=500),
                actief_sinds=gesloten - datetime.timedelta(days=480),
                afgesloten_op=gesloten,
                reden_afsluiting="Doelen bereikt",
                zoektekst=build_zoektekst(
                    naam=naam,
                    adres=f"{straat} {huisnummer}",
                    postcode=postcode,
                    woonplaats="Voorbeeldstad",
                    referentie=referentie,
                    namen=namen,
                ),
            )
            for voornamen, achternaam, geboren in leden:
                Lid.objects.create(
                    huishouden=huishouden,
                    voornamen=voornamen,
                    achternaam=achternaam,
                    geboortedatum=datetime.date(geboren, 5, 1),
                    relatie="hoofdbewoner",
                    lid_sinds=huishouden.aangemeld_op,
                )
            # the plan every household that was active has (its history goes with it)
            ensure_plan(huishouden)
            ctx.counts["oude dossiers"] = ctx.counts.get("oude dossiers", 0) + 1
