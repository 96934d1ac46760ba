"""seed_demo: the sociale kaart and aanbieder.demo's referrals in every status."""

import pytest
from django.core.management import call_command

from socialekaart.models import Dienst
from verwijzingen.models import Verwijzing

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_the_sociale_kaart_and_referrals_in_every_status():
    call_command("seed_demo", households=60, verbosity=0)
    assert Dienst.objects.count() >= 40
    assert Dienst.objects.filter(voorliggend=True).count() >= 15
    assert set(Dienst.objects.values_list("locatie__wijk", flat=True)) >= {"Noord", "Zuid"}
    statussen = set(Verwijzing.objects.values_list("status", flat=True))
    assert statussen == {s.value for s in Verwijzing.Status}
    assert Verwijzing.objects.exclude(productcode="").exists()
    aantal = (Dienst.objects.count(), Verwijzing.objects.count())
    call_command("seed_demo", households=60, verbosity=0)
    assert (Dienst.objects.count(), Verwijzing.objects.count()) == aantal
