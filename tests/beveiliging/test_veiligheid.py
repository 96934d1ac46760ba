"""Finding 10: a colleague of another team with a change grant may not clear a safety
concern; only the caseworkers of the owning team do."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from casussen.services import clear_safety_concern
from sociaaldomein.roles import Rol
from tests.huishoudens.factories import HuishoudenUserObjectPermissionFactory
from tests.sociaaldomein.factories import UserFactory


@pytest.mark.django_db
def test_a_colleague_with_a_change_grant_cannot_clear_a_safety_concern(wereld, client_for):
    collega = UserFactory(rol=Rol.PROFESSIONAL, teams=[wereld.team_zuid])
    HuishoudenUserObjectPermissionFactory(
        content_object=wereld.huishouden,
        user=collega,
        verleend_door=wereld.users["teamleider"],
        wijzigen=True,
    )
    zorg = wereld.veiligheidszorg
    url = reverse("casussen:veiligheid_opheffen", args=[wereld.huishouden.pk, zorg.pk])
    client = client_for(collega)
    assert client.get(url).status_code == 403
    assert client.post(url, {"reden_opheffing": "Opgelost"}).status_code == 403
    plan = client.get(reverse("casussen:plan", args=[wereld.huishouden.pk]))
    assert plan.status_code == 200
    assert "Veiligheidszorg opheffen" not in plan.text
    with pytest.raises(PermissionDenied):
        clear_safety_concern(zorg=zorg, door=collega, reden="Opgelost")
    zorg.refresh_from_db()
    assert zorg.is_actief


@pytest.mark.django_db
def test_the_owning_team_clears_it(wereld):
    zorg = clear_safety_concern(
        zorg=wereld.veiligheidszorg, door=wereld.users["professional"], reden="Opgelost"
    )
    assert not zorg.is_actief
