"""The scheduled destruction, its command, and seed_demo's signals."""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from tests.vroegsignalering.factories import PartnerFactory, rij
from vroegsignalering import tasks
from vroegsignalering.models import Vernietigingsronde, Vroegsignaal, Vroegsignaalzaak
from vroegsignalering.services import bewaar_signalen, record_eindresultaat, register_contactpoging
from vroegsignalering.services.vernietigen import maanden_terug

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def _oud_zonder_contact(team, door):
    zaak = Vroegsignaalzaak.objects.get(
        pk=bewaar_signalen(
            partner=PartnerFactory(), rijen=[rij()], standaard_team_id=team.pk
        ).zaken[0]
    )
    register_contactpoging(
        zaak=zaak, door=door, soort="brief", datum=timezone.localdate(), dagdeel="ochtend",
        bereikt=False,
    )  # fmt: skip
    record_eindresultaat(zaak=zaak, door=door, eindresultaat="niet_bereikt")
    Vroegsignaalzaak.objects.filter(pk=zaak.pk).update(
        afgerond_op=timezone.localdate() - datetime.timedelta(days=400)
    )


@override_settings(TASKS=IMMEDIATE)
def test_the_task_destroys_and_is_logged(team_noord, professional):
    _oud_zonder_contact(team_noord, professional)
    tasks.plan_vernietiging()  # the immediate backend cannot defer: runs once, now
    assert not Vroegsignaal.objects.exists()
    assert Vernietigingsronde.objects.get().zaken == 1


def test_the_command_runs_a_round_now(team_noord, professional, capsys):
    _oud_zonder_contact(team_noord, professional)
    call_command("vroegsignalen_vernietigen", "--nu")
    assert "1 zaken en 1 signalen vernietigd" in capsys.readouterr().out


def test_the_next_run_is_tonight():
    nu = timezone.make_aware(datetime.datetime(2026, 3, 31, 14, 0))
    assert timezone.localtime(tasks.volgende_nacht(nu)) == timezone.make_aware(
        datetime.datetime(2026, 4, 1, 2, 30)
    )


@override_settings(VROEGSIGNAAL_BEWAARTERMIJN_MAANDEN=6)
def test_six_months_back_clamps_to_the_end_of_the_month():
    assert maanden_terug(datetime.date(2026, 8, 31), 6) == datetime.date(2026, 2, 28)
    assert maanden_terug(datetime.date(2026, 3, 15), 6) == datetime.date(2025, 9, 15)


def test_seed_demo_adds_200_signals_some_on_demo_plans():
    call_command("seed_demo", households=30, verbosity=0)
    assert Vroegsignaal.objects.count() == 200
    assert len(set(Vroegsignaal.objects.values_list("partnersoort", flat=True))) >= 4
    assert Vroegsignaalzaak.objects.filter(via_plan=True).exists()
    assert Vroegsignaalzaak.objects.filter(status="afgerond").exists()
    call_command("seed_demo", households=30, verbosity=0)
    assert Vroegsignaal.objects.count() == 200
