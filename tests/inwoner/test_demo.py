"""seed_demo: inwoner.demo is an adult member of a household with an agreed plan, a safety
concern she never sees, and access-log entries; idempotent."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from casussen.models import Actie, Plan, Veiligheidszorg
from inwoner.models import Lidaccount


@pytest.mark.django_db
def test_seed_demo_links_inwoner_demo_to_a_household_with_an_agreed_plan():
    call_command("seed_demo", households=0)
    call_command("seed_demo", households=0)
    account = Lidaccount.objects.select_related("lid__huishouden").get(
        user__username="inwoner.demo"
    )
    assert account.lid.leeftijd() >= 18
    plan = Plan.objects.get(huishouden=account.lid.huishouden)
    assert plan.status == Plan.Status.VASTGESTELD
    assert Veiligheidszorg.objects.filter(plan=plan, opgeheven_op__isnull=True).exists()
    client = Client()
    assert account.user.check_password("demo")
    client.force_login(account.user)
    html = client.get(reverse("inwoner:mijn_plan")).text
    assert "Ik heb weer een baan" in html and "Peter leert" not in html
    # the action is done by a service of the demo sociale kaart (issue 16; the demo
    # referral from it then names the referred service)
    actie = Actie.objects.get(doel__plan=plan, wat__startswith="Sollicitatietraining")
    assert actie.dienst_id and actie.dienst_naam in html
    assert "Buren melden" not in html and "huisverbod" not in html.lower()
    bekeken = client.get(reverse("inwoner:bekeken")).text
    assert "Uitzonderlijke toegang" in bekeken and "Wijkteam Noord" in bekeken
    assert "professional.zuid" not in bekeken
