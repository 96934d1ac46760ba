"""Follow or explain (issue 14): when similar decided requests exist, a maatwerk request
follows one of them or explains why this case is different before it can be submitted;
without similar decisions nothing is asked."""

import pytest
from django.core.exceptions import ValidationError

from tests.toetsing.factories import ingediend, naar_stap2, vul_stap2
from tests.toetsing.test_views import stap2_body, url
from toetsing import services
from toetsing.models import MaatwerkVerzoek, Toets
from toetsing.services import maatwerk

pytestmark = pytest.mark.django_db


@pytest.fixture
def besloten(toets, professional, teamleider):
    """An earlier maatwerk decision on the same article, law and domains."""
    verzoek = ingediend(toets, professional).maatwerkverzoek
    return maatwerk.reject_maatwerk(verzoek=verzoek, door=teamleider, reden="Eerst bijstand.")


def _tweede(gezin, professional) -> Toets:
    huishouden, *_, actie = gezin
    toets = services.start_toets(
        huishouden=huishouden, door=professional, actie=actie, vraag="Nog een maand huur"
    )
    return vul_stap2(naar_stap2(toets, professional), professional, uitleg="")


def _indienen(toets, professional, **velden):
    toets.refresh_from_db()
    return services.save_stap2(
        toets=toets,
        door=professional,
        versie=toets.versie,
        velden=velden,
        artikelen={},
        indienen=True,
    )


def test_without_following_or_explaining_a_request_is_not_submitted(besloten, gezin, professional):
    toets = _tweede(gezin, professional)
    with pytest.raises(ValidationError) as fout:
        _indienen(toets, professional)
    assert "volg er één, of leg uit" in fout.value.message_dict["precedent_afwijking"][0]
    assert not MaatwerkVerzoek.objects.filter(toets=toets).exists()


def test_explaining_the_difference_submits(besloten, gezin, professional):
    toets = _tweede(gezin, professional)
    _indienen(toets, professional, precedent_afwijking="Nu is de bijstand al afgewezen.")
    nieuw = MaatwerkVerzoek.objects.get(toets=toets)
    assert nieuw.precedent_afwijking == "Nu is de bijstand al afgewezen."


def test_following_a_precedent_submits(besloten, gezin, professional):
    toets = _tweede(gezin, professional)
    _indienen(toets, professional, precedent_id=besloten.pk)
    assert MaatwerkVerzoek.objects.get(toets=toets).precedent_id == besloten.pk


def test_without_similar_decisions_nothing_is_asked(toets, professional, teamleider):
    toets = vul_stap2(naar_stap2(toets, professional), professional, uitleg="")
    _indienen(toets, professional)
    assert MaatwerkVerzoek.objects.filter(toets=toets).exists()


def test_the_form_shows_the_rule_next_to_the_explanation(client_for, besloten, gezin, professional):
    toets = _tweede(gezin, professional)
    response = client_for(professional).post(
        url("stap2", toets), stap2_body(toets, actie="indienen")
    )
    assert response.status_code == 200
    html = response.text
    assert "De toets is nog niet ingediend" in html
    assert 'id="id_precedent_afwijking_error"' in html
    assert "volg er één, of leg uit waarom deze casus anders is" in html
