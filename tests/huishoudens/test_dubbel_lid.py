"""A second member with the same name and date of birth needs an explicit confirmation
(issue 14): most often it is the same person entered twice."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from huishoudens import services

pytestmark = pytest.mark.django_db


def _zelfde(kind, **extra) -> dict:
    return {
        "voornamen": kind.voornamen,
        "achternaam": kind.achternaam.upper(),  # spelled with other capitals: still the same
        "geboortedatum": kind.geboortedatum.isoformat(),
        "relatie": "kind",
        **extra,
    }


def test_the_service_refuses_a_duplicate_member_unless_confirmed(huishouden, kind, professional):
    gegevens = {
        "voornamen": "Daan",
        "achternaam": "Jansen",
        "geboortedatum": kind.geboortedatum,
        "relatie": "kind",
    }
    with pytest.raises(ValidationError) as fout:
        services.add_lid(huishouden=huishouden, gegevens=gegevens, door=professional)
    assert fout.value.error_dict["dubbel_bevestigd"][0].code == services.DUBBEL_LID
    assert huishouden.leden.count() == 2
    services.add_lid(
        huishouden=huishouden, gegevens=gegevens, door=professional, dubbel_bevestigd=True
    )
    assert huishouden.leden.count() == 3


def test_the_form_asks_for_the_confirmation_then_saves(client_for, professional, huishouden, kind):
    url = reverse("huishoudens:lid_nieuw", args=[huishouden.pk])
    client = client_for(professional)
    assert 'type="checkbox" name="dubbel_bevestigd"' not in client.get(url).text
    eerst = client.post(url, _zelfde(kind))
    assert eerst.status_code == 200
    assert "is al lid van dit huishouden" in eerst.text
    assert 'type="checkbox" name="dubbel_bevestigd"' in eerst.text
    assert huishouden.leden.count() == 2
    bevestigd = client.post(url, _zelfde(kind, dubbel_bevestigd="on"))
    assert bevestigd.status_code == 302
    assert huishouden.leden.count() == 3


def test_another_date_of_birth_is_no_duplicate(client_for, professional, huishouden, kind):
    url = reverse("huishoudens:lid_nieuw", args=[huishouden.pk])
    data = _zelfde(kind, geboortedatum=kind.geboortedatum.replace(day=1).isoformat())
    if data["geboortedatum"] == kind.geboortedatum.isoformat():
        data["geboortedatum"] = kind.geboortedatum.replace(day=2).isoformat()
    assert client_for(professional).post(url, data).status_code == 302
