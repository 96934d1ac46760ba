"""Objects of the wijk app for tests and the test world."""

from __future__ import annotations

import datetime

from django.utils import timezone

from huishoudens.models import Leefdomein
from wijk.anonimiseren import Bekend, anonimiseer
from wijk.models import Aanbod, Behoefte, Hulpsoort, Match, Verhaal


def maak_aanbod(*, team, door, hulpsoort=Hulpsoort.BOODSCHAPPEN, domein="sociaal-netwerk", **kw):
    return Aanbod.objects.create(
        team=team,
        soort=kw.pop("soort", Aanbod.Soort.VRIJWILLIGER),
        naam=kw.pop("naam", "Henk"),
        omschrijving=kw.pop("omschrijving", "Doet graag boodschappen voor buren"),
        leefdomein=Leefdomein.objects.get(code=domein),
        hulpsoort=hulpsoort,
        vastgelegd_door=door,
        **kw,
    )


def maak_behoefte(*, huishouden, door, hulpsoort=Hulpsoort.BOODSCHAPPEN, domein="sociaal-netwerk"):
    return Behoefte.objects.create(
        huishouden=huishouden,
        omschrijving="Iemand die boodschappen doet",
        leefdomein=Leefdomein.objects.get(code=domein),
        hulpsoort=hulpsoort,
        vastgelegd_door=door,
    )


def maak_verhaal(*, huishouden, door, tekst="Het gaat beter met het gezin."):
    return Verhaal.objects.create(
        huishouden=huishouden,
        titel="Weer rust",
        tekst=tekst,
        geanonimiseerd=anonimiseer(tekst, Bekend.van(huishouden, huishouden.leden.all())),
        toestemming_op=timezone.localdate() - datetime.timedelta(days=3),
        toestemming_van="De hoofdbewoner",
        geschreven_door=door,
    )


def wijk_wereld(w) -> None:
    prof = w.users["professional"]
    w.objects["verhaal"] = maak_verhaal(huishouden=w.huishouden, door=prof)
    w.objects["aanbod"] = maak_aanbod(team=w.team_noord, door=prof)
    w.objects["aanbod_twee"] = maak_aanbod(team=w.team_noord, door=prof, naam="Buurthuis De Linde")
    w.objects["behoefte"] = maak_behoefte(huishouden=w.huishouden, door=prof)
    w.objects["match"] = Match.objects.create(
        aanbod=w.aanbod, behoefte=w.behoefte, voorgesteld_door=prof
    )
    w.objects["post_verhaal"] = {
        "titel": "Weer grip op geld",
        "tekst": "Mevrouw Jansen van de Dijkweg 12 heeft weer overzicht.",
        "toestemming_op": timezone.localdate().isoformat(),
        "toestemming_van": "De hoofdbewoner",
    }
    w.objects["post_aanbod"] = {
        "aanbod-soort": "talent",
        "aanbod-naam": "Ali",
        "aanbod-omschrijving": "Kan goed klussen",
        "aanbod-leefdomein": Leefdomein.objects.get(code="huisvesting").pk,
        "aanbod-hulpsoort": "klussen",
        "aanbod-team": w.team_noord.pk,
    }
    w.objects["post_behoefte"] = {
        "behoefte-huishouden": w.huishouden.pk,
        "behoefte-omschrijving": "Hulp in de tuin",
        "behoefte-leefdomein": Leefdomein.objects.get(code="huisvesting").pk,
        "behoefte-hulpsoort": "klussen",
    }
