"""Benchmark of the main screens at 1 000 and 100 000 households (`make bench`).

Measures the start page (Mijn werk), the household list and three searches, the
household page, saving an assessment, the plan page, a toets step and its autosave, the
team lead's maatwerk inbox and its header counter, and an htmx partial of each; see
tests/bench/harness.py for how (separate databases, interleaved rounds, warm-up
discarded, p50/p95, the ratio to the SQL alone and the ratio between the sizes, JSON in
bench-results/).
"""

from __future__ import annotations

from tests.bench.harness import Benchmark, Scenario, main


def prepare() -> dict:
    """After seeding: a typical household of team Noord (the same one at every size,
    since demo household number i is identical in every database) and search terms a
    professional would type for it."""
    from django.db.models import Count, Q

    from huishoudens.models import Huishouden, Leefdomein
    from toetsing.models import Toets

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
    # a toets in step 1 of team Noord: the same one at every size (demo order)
    toets = (
        Toets.objects.filter(
            huishouden__team__naam="Wijkteam Noord",
            huishouden__referentie__startswith="DEMO-",
            status=Toets.Status.CONCEPT,
        )
        .order_by("huishouden__referentie", "id")
        .values("id", "huishouden_id")
        .first()
    )
    return {
        "toets": toets["id"],
        "toets_huishouden": toets["huishouden_id"],
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


def _toets_pad(context: dict, deel: str = "") -> str:
    return f"/huishoudens/{context['toets_huishouden']}/toetsen/{context['toets']}/stap-1/{deel}"


def _autosave_data(context: dict, ronde: int) -> dict:
    """An autosave of step 1 that knows the current version (no conflict), untimed."""
    from toetsing.models import Toets

    versie = Toets.objects.values_list("versie", flat=True).get(pk=context["toets"])
    return {
        "versie": versie,
        "behoefte": f"Rust in huis en de huur op tijd betaald (benchmark, ronde {ronde}).",
        "actie": "opslaan",
    }


SCHERMEN = Benchmark(
    naam="schermen",
    prepare=prepare,
    scenarios=[
        Scenario(
            naam="start",
            path=lambda c, r: "/",
            omschrijving="Startpagina Mijn werk: eigen huishoudens, termijnen, concepten",
            verwacht="Mijn werk",
        ),
        Scenario(
            naam="meldingen-teller",
            path=lambda c, r: "/meldingen/teller/",
            htmx=True,
            omschrijving="De teller van meldingen in de kop (htmx-poll)",
            verwacht='id="meldingen-teller"',
        ),
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
            pagina=lambda c, r: f"/huishoudens/{c['huishouden']}/",
        ),
        Scenario(
            naam="plan",
            path=lambda c, r: f"/huishoudens/{c['huishouden']}/plan/",
            omschrijving="Het plan van het huishouden: eigen woorden, doelen, acties, termijnen",
            verwacht='id="plan"',
        ),
        Scenario(
            naam="plan-partial",
            path=lambda c, r: f"/huishoudens/{c['huishouden']}/plan/",
            htmx=True,
            omschrijving="Hetzelfde plan als htmx-partial (na een wijziging)",
            verwacht='id="plan"',
        ),
        Scenario(
            naam="toets-stap1",
            path=lambda c, r: _toets_pad(c),
            omschrijving="Stap 1 van de omgekeerde toets (formulier met grondwaarden en effecten)",
            verwacht="Wat is nodig",
        ),
        Scenario(
            naam="toets-stap1-partial",
            path=lambda c, r: _toets_pad(c),
            htmx=True,
            omschrijving="Het formulier van stap 1 als htmx-partial",
            verwacht="Wat is nodig",
        ),
        Scenario(
            naam="toets-autosave",
            method="POST",
            path=lambda c, r: _toets_pad(c, "opslaan/"),
            data=_autosave_data,
            htmx=True,
            omschrijving="Automatisch opslaan van stap 1 bij elke wijziging (htmx)",
            verwacht="Concept opgeslagen om",
        ),
        Scenario(
            naam="maatwerk-inbox",
            path=lambda c, r: "/maatwerk/",
            gebruiker="teamleider.noord",
            omschrijving="Inbox van de teamleider: open maatwerkverzoeken met precedenten",
            verwacht='id="inbox-lijst"',
        ),
        Scenario(
            naam="maatwerk-inbox-partial",
            path=lambda c, r: "/maatwerk/?pagina=1",
            htmx=True,
            gebruiker="teamleider.noord",
            omschrijving="Een pagina van de inbox als htmx-partial (bladeren)",
            verwacht='id="inbox-lijst"',
        ),
        Scenario(
            naam="maatwerk-teller",
            path=lambda c, r: "/maatwerk/teller/",
            htmx=True,
            gebruiker="teamleider.noord",
            omschrijving="Teller van te beslissen maatwerk in de kop (htmx-poll)",
            verwacht="maatwerk-teller",
        ),
    ],
)

if __name__ == "__main__":
    main(SCHERMEN, "tests.bench.bench_schermen")
