"""The next status is suggested (issue 14): a household still 'aangemeld' whose plan has
an approved decision shows 'Volgende stap: actief maken' on its page and on the plan."""

import pytest
from django.urls import reverse

from huishoudens.models import Huishouden
from tests.toetsing.factories import ingediend
from toetsing.selectors.toetsen import stel_actief_maken_voor

pytestmark = pytest.mark.django_db


def _aangemeld(huishouden: Huishouden) -> Huishouden:
    Huishouden.objects.filter(pk=huishouden.pk).update(status="aangemeld", actief_sinds=None)
    huishouden.refresh_from_db()
    return huishouden


def test_actief_maken_is_suggested_once_the_plan_has_an_approved_decision(
    client_for, professional, toets
):
    huishouden = _aangemeld(toets.huishouden)
    assert not stel_actief_maken_voor(huishouden)
    ingediend(toets, professional, maatwerk=False)
    assert stel_actief_maken_voor(huishouden)
    client = client_for(professional)
    for url in (
        reverse("huishoudens:detail", args=[huishouden.pk]),
        reverse("casussen:plan", args=[huishouden.pk]),
    ):
        pagina = client.get(url).text
        assert "Volgende stap: actief maken." in pagina, url
        assert f"/huishoudens/{huishouden.pk}/status/?naar=actief" in pagina


def test_a_pending_maatwerk_request_or_an_active_household_suggests_nothing(
    professional, toets, teamleider
):
    huishouden = _aangemeld(toets.huishouden)
    ingediend(toets, professional)  # maatwerk above the mandate: waits for the lead
    assert not stel_actief_maken_voor(huishouden)
    Huishouden.objects.filter(pk=huishouden.pk).update(
        status="actief", actief_sinds=huishouden.aangemeld_op
    )
    huishouden.refresh_from_db()
    assert not stel_actief_maken_voor(huishouden)
