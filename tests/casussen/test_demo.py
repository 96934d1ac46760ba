"""Demo plans: every state present, idempotent, and consistent with the plan's rules."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from casussen.models import Actie, Doel, Plan, Planversie, Termijn, Veiligheidszorg
from huishoudens.models import Huishouden


@pytest.mark.django_db
def test_demo_plans_in_every_state_and_idempotent():
    call_command("seed_demo", households=120)
    counts = (Plan.objects.count(), Doel.objects.count(), Actie.objects.count())
    assert counts[0] == Huishouden.objects.exclude(status="aangemeld").count()
    call_command("seed_demo", households=120)
    assert (Plan.objects.count(), Doel.objects.count(), Actie.objects.count()) == counts

    statussen = set(Plan.objects.values_list("status", flat=True))
    assert statussen == {"concept", "vastgesteld", "niet_akkoord"}
    vandaag = timezone.localdate()
    assert Actie.objects.filter(status__in=Actie.ACTIEF, evaluatiedatum__lt=vandaag).exists()
    assert Veiligheidszorg.objects.filter(opgeheven_op__isnull=True).exists()
    assert Termijn.objects.filter(voldaan_op__isnull=True).exists()
    assert not Planversie.objects.filter(status="niet_akkoord", zienswijze="").exists()
    # a few demo actions are done by a service of the demo sociale kaart (issue 16)
    gekoppeld = Actie.objects.filter(dienst__isnull=False).select_related("dienst__organisatie")
    assert gekoppeld.exists()
    for actie in gekoppeld[:50]:
        assert actie.uitvoerder in Actie.MET_DIENST
        # the service's name, or the provider's as typed before a referral linked it
        assert actie.uitvoerder_naam in {actie.dienst_naam, actie.dienst.organisatie.naam}
    # every action obeys the rules of the forms, including the age rule
    for actie in Actie.objects.select_related("doel__plan__huishouden")[:200]:
        actie.full_clean()


@pytest.mark.django_db
def test_demo_adds_plans_for_households_added_later():
    call_command("seed_demo", households=10)
    eerst = Plan.objects.count()
    call_command("seed_demo", households=30)
    assert Plan.objects.count() == Huishouden.objects.exclude(status="aangemeld").count() > eerst
