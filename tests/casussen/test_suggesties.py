"""Suggestions of the sociale kaart below the action form (issue 16): up to five active
services for the goal's life domains, voorliggend first, then the services covering most
of the domains, then those in the household's wijk; each links to the service and, on a
running action, to a referral from it. One query, whatever the number of services."""

import re

import pytest
from django.urls import reverse

from huishoudens.models import Leefdomein
from tests import gedeelde_wereld as _gedeeld
from tests.socialekaart.factories import DienstFactory, LocatieFactory

# One test world per module, each test in a savepoint of it (tests/gedeelde_wereld.py).
gedeelde_wereld, wereld = _gedeeld.gedeelde_wereld, _gedeeld.wereld

pytestmark = pytest.mark.django_db

DOMEINEN = ["huisvesting", "tijdsbesteding"]


def _kaart(w):
    w.huishouden.__class__.objects.filter(pk=w.huishouden.pk).update(wijk="Oost")
    w.doel.leefdomeinen.set(Leefdomein.objects.filter(code__in=DOMEINEN))
    elders = {"locatie__wijk": "West"}
    return {
        "een_domein": DienstFactory(
            naam="Woonbegeleiding West", domeinen=["huisvesting"], **elders
        ),
        "in_wijk": DienstFactory(
            naam="Woonspreekuur Oost", domeinen=["huisvesting"], locatie__wijk="Oost"
        ),
        "twee_domeinen": DienstFactory(naam="Thuis en dag", domeinen=DOMEINEN, **elders),
        "voorliggend": DienstFactory(
            naam="Buurthuis De Ster", domeinen=["tijdsbesteding"], voorliggend=True, **elders
        ),
        "inactief": DienstFactory(naam="Gesloten inloop", domeinen=DOMEINEN, status="inactief"),
        "ander_domein": DienstFactory(naam="Schuldhulpmaatje", domeinen=["financien"]),
    }


def _suggesties(html: str) -> list[str]:
    sectie = html[html.index("Voorzieningen van de sociale kaart") :]
    return re.findall(r'target="_blank" rel="noopener">([^<]+)<span', sectie)[:-1]


def _wijzigen(w) -> str:
    return reverse("casussen:actie_wijzigen", args=[w.huishouden.pk, w.actie.pk])


def test_the_action_form_ranks_suggestions_for_the_goal(wereld, client):
    w = wereld
    kaart = _kaart(w)
    client.force_login(w.users["professional"])
    html = client.get(_wijzigen(w), headers={"HX-Request": "true"}).content.decode()
    assert _suggesties(html) == [
        "Buurthuis De Ster",
        "Thuis en dag",
        "Woonspreekuur Oost",
        "Woonbegeleiding West",
    ]
    sectie = html[html.index("Voorzieningen van de sociale kaart") :]
    assert "Gesloten inloop" not in html and "Schuldhulpmaatje" not in sectie
    assert "In de wijk" in html and "Voorliggend" in html
    dienst = kaart["in_wijk"]
    assert f'href="{reverse("socialekaart:dienst", args=[dienst.pk])}"' in html
    verwijzen = reverse("verwijzingen:nieuw", args=[w.huishouden.pk, w.actie.pk])
    assert f'href="{verwijzen}?dienst={dienst.pk}"' in html


def test_at_most_five_suggestions(wereld, client):
    w = wereld
    _kaart(w)
    for n in range(4):
        DienstFactory(naam=f"Extra {n}", domeinen=["huisvesting"])
    client.force_login(w.users["professional"])
    html = client.get(_wijzigen(w)).content.decode()
    assert len(_suggesties(html)) == 5


def test_a_new_action_gets_suggestions_but_no_referral_link_yet(wereld, client):
    w = wereld
    _kaart(w)
    client.force_login(w.users["professional"])
    url = reverse("casussen:actie_nieuw", args=[w.huishouden.pk, w.doel.pk])
    html = client.get(url).content.decode()
    assert _suggesties(html)[0] == "Buurthuis De Ster"
    assert "/verwijzen/?dienst=" not in html


def test_a_goal_without_matching_services_says_so(wereld, client):
    w = wereld
    w.doel.leefdomeinen.set(Leefdomein.objects.filter(code="tijdsbesteding"))
    client.force_login(w.users["professional"])
    html = client.get(_wijzigen(w)).content.decode()
    assert "geen actieve voorziening voor de leefdomeinen van dit doel" in html


def test_suggestions_show_again_when_the_form_comes_back_with_errors(wereld, client):
    w = wereld
    _kaart(w)
    client.force_login(w.users["professional"])
    url = reverse("casussen:actie_nieuw", args=[w.huishouden.pk, w.doel.pk])
    response = client.post(url, {"wat": ""})
    assert response.status_code == 200
    assert "Beschrijf wat er gebeurt." in response.content.decode()
    assert _suggesties(response.content.decode())[0] == "Buurthuis De Ster"


@pytest.mark.parametrize("naam", ["actie_nieuw", "actie_wijzigen"])
def test_suggestions_cost_the_same_queries_with_many_services(
    wereld, client, django_assert_num_queries, naam
):
    w = wereld
    _kaart(w)
    args = [w.huishouden.pk, w.doel.pk if naam == "actie_nieuw" else w.actie.pk]
    url = reverse(f"casussen:{naam}", args=args)
    client.force_login(w.users["professional"])
    client.get(url)
    # 8: the form's list of active services (issue 16) is one query of its own
    with django_assert_num_queries(8) as eerst:
        client.get(url)
    locatie = LocatieFactory(wijk="Oost")
    for n in range(15):
        DienstFactory(naam=f"Meer {n}", domeinen=DOMEINEN, locatie=locatie)
    with django_assert_num_queries(len(eerst)):
        html = client.get(url).content.decode()
    assert len(_suggesties(html)) == 5
