"""Benchmark of the household screens at 1 000 and 100 000 households (`make bench`).

Measures the household list, three searches, the household page and saving an
assessment; see tests/bench/harness.py for how (separate databases, interleaved
rounds, warm-up discarded, p50/p95, ratio, JSON in bench-results/).
"""

from __future__ import annotations

from tests.bench.harness import Benchmark, Scenario, main


def prepare() -> dict:
    """After seeding: a typical household of team Noord (the same one at every size,
    since demo household number i is identical in every database) and search terms a
    professional would type for it."""
    from django.db.models import Count, Q

    from huishoudens.models import Huishouden, Leefdomein

    candidates = (
        Huishouden.objects.filter(
            referentie__startswith="DEMO-", team__naam="Wijkteam Noord", status="actief"
        )
        .annotate(leden_actief=Count("leden", filter=Q(leden__einddatum__isnull=True)))
        .order_by("referentie")
    )
    huishouden = candidates.filter(leden_actief__gte=3).first() or candidates.first()
    leden = list(
        huishouden.leden.filter(einddatum__isnull=True).order_by("id").values_list("id", flat=True)
    )
    domeinen = list(Leefdomein.objects.filter(actief=True).values_list("id", "code"))
    achternaam = huishouden.naam.removeprefix("Huishouden ").split()[-1].lower()
    return {
        "huishouden": huishouden.pk,
        "referentie": huishouden.referentie,
        "leden": leden,
        "domeinen": domeinen,
        # what a professional types to find this one household: part of the surname,
        # the start of the street and the house number (about one match at any size)
        "zoek_naam_adres": (
            f"{achternaam[:5]} {huishouden.straat[:5].lower()} {huishouden.huisnummer}"
        ),
        "zoek_postcode": huishouden.postcode,
        "zoek_achternaam": achternaam,
    }


def _cel(context: dict, ronde: int) -> tuple[int, int, str]:
    cellen = [(lid, pk, code) for lid in context["leden"] for pk, code in context["domeinen"]]
    return cellen[ronde % len(cellen)]


def _beoordeling_pad(context: dict, ronde: int) -> str:
    lid, _, code = _cel(context, ronde)
    return f"/huishoudens/{context['huishouden']}/leden/{lid}/domeinen/{code}/"


def _beoordeling_data(context: dict, ronde: int) -> dict:
    """A valid assessment that knows the latest one (no conflict), looked up untimed."""
    from django.utils import timezone

    from huishoudens.models import Beoordeling

    lid, domein, _ = _cel(context, ronde)
    vorige = (
        Beoordeling.objects.filter(lid_id=lid, leefdomein_id=domein)
        .order_by("-id")
        .values_list("id", flat=True)
        .first()
    )
    return {
        "uitkomst": str(1 + ronde % 5),
        "toelichting": "Benchmark: besproken aan de keukentafel.",
        "eigen_visie": "Het gaat met kleine stapjes beter.",
        "beoordeeld_op": timezone.localdate().isoformat(),
        "vorige": vorige or "",
    }


HUISHOUDENS = Benchmark(
    naam="huishoudens",
    prepare=prepare,
    scenarios=[
        Scenario(
            naam="lijst",
            path=lambda c, r: "/huishoudens/",
            omschrijving="Huishoudens van mijn team, eerste pagina, gesorteerd op naam",
            verwacht='<div id="resultaten"',
        ),
        Scenario(
            naam="zoeken",
            path=lambda c, r: f"/huishoudens/?q={c['zoek_naam_adres'].replace(' ', '+')}",
            htmx=True,
            omschrijving="Zoeken terwijl je typt: deel van de achternaam, straat en huisnummer",
            verwacht="gevonden voor",
        ),
        Scenario(
            naam="zoeken-postcode",
            path=lambda c, r: f"/huishoudens/?q={c['zoek_postcode'].replace(' ', '+')}",
            htmx=True,
            omschrijving="Zoeken op een volledige postcode",
            verwacht="gevonden voor",
        ),
        Scenario(
            naam="zoeken-achternaam",
            path=lambda c, r: f"/huishoudens/?q={c['zoek_achternaam']}",
            htmx=True,
            omschrijving="Zoeken op alleen een veelvoorkomende achternaam (groeit met de data)",
            verwacht="gevonden voor",
        ),
        Scenario(
            naam="huishouden",
            path=lambda c, r: f"/huishoudens/{c['huishouden']}/",
            omschrijving="De pagina van één huishouden met de domeinmatrix",
            verwacht='id="domeinmatrix"',
        ),
        Scenario(
            naam="beoordeling-opslaan",
            method="POST",
            path=_beoordeling_pad,
            data=_beoordeling_data,
            htmx=True,
            omschrijving="Een leefdomein beoordelen vanuit de matrix (htmx, met oob-swaps)",
            verwacht="Opgeslagen:",
        ),
    ],
)

if __name__ == "__main__":
    main(HUISHOUDENS, "tests.bench.bench_huishoudens")
