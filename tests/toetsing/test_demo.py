"""seed_demo's toetsen: every state, through the services and in bulk, idempotent."""

import pytest
from django.core.management import call_command
from django.db.models import Count

from tests.casussen.factories import ActieFactory, DoelFactory, PlanFactory
from toetsing import demo
from toetsing.models import MaatwerkVerzoek, Toets

pytestmark = pytest.mark.django_db


def _staten():
    return set(
        Toets.objects.values_list("status", "uitkomst")
        .annotate(n=Count("id"))
        .values_list("status", "uitkomst")
    )


def test_seed_demo_adds_toetsen_in_every_state_and_is_idempotent():
    call_command("seed_demo", households=30, verbosity=0)
    assert _staten() >= {
        ("concept", ""),
        ("stap2", "binnen_regels"),
        ("beeindigd", ""),
        ("ingediend", "binnen_regels"),
        ("ingediend", "maatwerk"),
        ("vervangen", "maatwerk"),
    }
    vervangen = Toets.objects.filter(status="vervangen").first()
    assert vervangen.correctie.status == "ingediend"
    assert vervangen.maatwerkverzoek.status == MaatwerkVerzoek.Status.INGETROKKEN
    assert MaatwerkVerzoek.objects.filter(status="ingediend").exists()
    # issue 6: decided requests too, each with the lead's decision (the register)
    besloten = MaatwerkVerzoek.objects.filter(status__in=["goedgekeurd", "afgewezen"])
    assert besloten.exists()
    for verzoek in besloten:
        besluit = verzoek.besluiten.get()
        assert besluit.door_id != verzoek.aangevraagd_door_id and besluit.soort == verzoek.status
    aantal = Toets.objects.count()
    call_command("seed_demo", households=30, verbosity=0)
    assert Toets.objects.count() == aantal


def test_the_bulk_layer_loads_every_state_for_the_plans_of_demo_households(monkeypatch):
    call_command("seed_demo", households=24, verbosity=0)
    toon = set(Toets.objects.values_list("pk", flat=True))
    from huishoudens.models import Huishouden

    kandidaten = Huishouden.objects.filter(referentie__startswith="DEMO-").exclude(
        toetsen__isnull=False
    )
    from casussen.models import Plan

    for huishouden in kandidaten[:8]:
        # the plan demo (casussen.demo) may already have given the household its one plan
        plan = Plan.objects.filter(huishouden=huishouden).first() or PlanFactory(
            huishouden=huishouden
        )
        ActieFactory(doel=DoelFactory(plan=plan))
    monkeypatch.setattr(demo, "ELKE", 1)
    call_command("seed_demo", households=24, verbosity=0)
    bulk = Toets.objects.exclude(pk__in=toon)
    assert set(bulk.values_list("status", flat=True)) == {
        "concept",
        "stap2",
        "beeindigd",
        "ingediend",
        "vervangen",
    }
    for toets in bulk.filter(status__in=["ingediend", "beeindigd", "vervangen"]):
        assert toets.motivering and toets.motivering[0][0] == "Beslisvraag"
    ingediend = bulk.filter(status="ingediend", uitkomst="maatwerk").first()
    assert ingediend.artikelen.filter(automatisch=True).count() == 2
    assert ingediend.maatwerkverzoek.bedrag == ingediend.kosten_oplossing
    assert bulk.filter(vorige__isnull=False, vorige__status="vervangen").exists()
    aantal = Toets.objects.count()
    call_command("seed_demo", households=24, verbosity=0)
    assert Toets.objects.count() == aantal
