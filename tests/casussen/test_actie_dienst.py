"""An action links to a service of the sociale kaart (issue 16): chosen on the action form
(or by 'Kies deze dienst' at a suggestion, also without JavaScript via ?dienst=<id>),
checked (active, fits who does it), shown on the plan with a link to the service, kept in
the plan's history, and taken over by a referral from the action."""

import re

import pytest
from django.urls import reverse

from casussen.models import Actie, Planwijziging
from tests.casussen.conftest import domeinen
from tests.casussen.factories import ActieFactory, DoelFactory
from tests.casussen.test_views import _actie_data, url
from tests.socialekaart.factories import DienstFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kaart(gezin, professional):
    huishouden, plan, moeder, _zoon = gezin
    doel = DoelFactory(plan=plan, leden=[moeder], leefdomeinen=domeinen("financien"))
    return {
        "huishouden": huishouden,
        "doel": doel,
        "maatje": DienstFactory(
            naam="Schuldhulpmaatje",
            organisatie__naam="Humanitas Voorbeeldstad",
            voorliggend=True,
            domeinen=["financien"],
        ),
        "bewind": DienstFactory(naam="Budgetbeheer", organisatie__naam="Gemeente Voorbeeldstad"),
        "gesloten": DienstFactory(naam="Gesloten inloop", status="inactief"),
    }


def _nieuw(k):
    return url("actie_nieuw", k["huishouden"], doel_pk=k["doel"].pk)


def test_choosing_a_service_saves_it_and_the_plan_shows_the_service(
    client_for, professional, kaart
):
    k = kaart
    client = client_for(professional)
    data = _actie_data(uitvoerder="voorliggend", uitvoerder_naam="", dienst=k["maatje"].pk)
    response = client.post(_nieuw(k), data)
    assert response.status_code == 302
    actie = k["doel"].acties.get()
    assert actie.dienst == k["maatje"]
    # the name is filled in from the service: the figures and the history keep it as text
    assert actie.uitvoerder_naam == "Schuldhulpmaatje (Humanitas Voorbeeldstad)"
    html = client.get(url("plan", k["huishouden"])).content.decode()
    link = reverse("socialekaart:dienst", args=[k["maatje"].pk])
    assert f'href="{link}">Schuldhulpmaatje</a> (Humanitas Voorbeeldstad)' in html
    wijziging = Planwijziging.objects.filter(onderwerp__startswith="Actie").latest("id")
    assert {
        "veld": "Dienst van de sociale kaart",
        "oud": "",
        "nieuw": "Schuldhulpmaatje (Humanitas Voorbeeldstad)",
    } in wijziging.wijzigingen


def test_a_chosen_service_shows_instead_of_the_free_text(client_for, professional, kaart):
    k = kaart
    ActieFactory(
        doel=k["doel"],
        uitvoerder="aanbieder",
        uitvoerder_naam="oude vrije tekst",
        dienst=k["bewind"],
    )
    html = client_for(professional).get(url("plan", k["huishouden"])).content.decode()
    assert "Budgetbeheer</a> (Gemeente Voorbeeldstad)" in html
    assert "oude vrije tekst" not in html


@pytest.mark.parametrize(
    "waarde",
    ["gesloten", "999999", "99999999999999999999", "geen-getal", "1 OR 1=1"],
)
def test_an_inactive_or_unknown_service_gets_a_dutch_error(client_for, professional, kaart, waarde):
    k = kaart
    dienst = str(k["gesloten"].pk) if waarde == "gesloten" else waarde
    data = _actie_data(uitvoerder="aanbieder", uitvoerder_naam="", dienst=dienst)
    response = client_for(professional).post(_nieuw(k), data)
    assert response.status_code == 200
    assert "Deze dienst staat niet (meer) actief op de sociale kaart" in response.text
    assert not k["doel"].acties.exists()


def test_the_household_or_its_network_is_no_service(client_for, professional, kaart):
    k = kaart
    data = _actie_data(uitvoerder="netwerk", uitvoerder_naam="Buurman", dienst=k["maatje"].pk)
    response = client_for(professional).post(_nieuw(k), data)
    assert response.status_code == 200
    assert "geen dienst van de sociale kaart" in response.text
    assert not k["doel"].acties.exists()


def test_informal_help_stays_free_text(client_for, professional, kaart):
    k = kaart
    response = client_for(professional).post(_nieuw(k), _actie_data())
    assert response.status_code == 302
    actie = k["doel"].acties.get()
    assert actie.dienst is None and actie.uitvoerder_naam == "Zus Fatma"


def _gekozen(html: str) -> list[str]:
    select = re.search(r'<select name="dienst".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="(\d+)" selected>', select)


def test_kies_deze_dienst_without_javascript_preselects_it(client_for, professional, kaart):
    k = kaart
    client = client_for(professional)
    html = client.get(_nieuw(k)).content.decode()
    kies = f'href="{_nieuw(k)}?dienst={k["maatje"].pk}#actie-nieuw-{k["doel"].pk}"'
    assert kies in html and "Kies deze dienst" in html
    html = client.get(f"{_nieuw(k)}?dienst={k['maatje'].pk}").content.decode()
    assert _gekozen(html) == [str(k["maatje"].pk)]
    assert '<option value="voorliggend" selected>' in html


@pytest.mark.parametrize("waarde", ["gesloten", "0", "99999999999999999999", "x", ""])
def test_a_bad_dienst_in_the_url_is_ignored(client_for, professional, kaart, waarde):
    k = kaart
    dienst = str(k["gesloten"].pk) if waarde == "gesloten" else waarde
    response = client_for(professional).get(f"{_nieuw(k)}?dienst={dienst}")
    assert response.status_code == 200
    assert _gekozen(response.content.decode()) == []


def test_an_inactive_service_of_the_action_itself_stays_on_editing(client_for, professional, kaart):
    """The service was set inactive after it was chosen: the action keeps it (its
    history), and saving other changes does not drop it."""
    k = kaart
    actie = ActieFactory(
        doel=k["doel"],
        uitvoerder="aanbieder",
        dienst=k["bewind"],
        uitvoerder_naam="Budgetbeheer (Gemeente Voorbeeldstad)",
    )
    k["bewind"].status = "inactief"
    k["bewind"].save()
    client = client_for(professional)
    wijzigen = url("actie_wijzigen", k["huishouden"], actie_pk=actie.pk)
    html = client.get(wijzigen).content.decode()
    assert _gekozen(html) == [str(k["bewind"].pk)] and "niet meer actief" in html
    data = _actie_data(
        wat="Nieuwe omschrijving",
        uitvoerder="aanbieder",
        uitvoerder_naam=actie.uitvoerder_naam,
        dienst=k["bewind"].pk,
        versie=actie.versie,
        status="lopend",
    )
    assert client.post(wijzigen, data).status_code == 302
    actie.refresh_from_db()
    assert actie.wat == "Nieuwe omschrijving" and actie.dienst == k["bewind"]


def test_the_name_follows_another_service(client_for, professional, kaart):
    k = kaart
    actie = ActieFactory(
        doel=k["doel"],
        uitvoerder="aanbieder",
        dienst=k["bewind"],
        uitvoerder_naam="Budgetbeheer (Gemeente Voorbeeldstad)",
    )
    data = _actie_data(
        uitvoerder="voorliggend",
        uitvoerder_naam=actie.uitvoerder_naam,
        dienst=k["maatje"].pk,
        versie=actie.versie,
    )
    wijzigen = url("actie_wijzigen", k["huishouden"], actie_pk=actie.pk)
    assert client_for(professional).post(wijzigen, data).status_code == 302
    actie.refresh_from_db()
    assert actie.dienst == k["maatje"]
    assert actie.uitvoerder_naam == "Schuldhulpmaatje (Humanitas Voorbeeldstad)"


def test_another_team_cannot_see_or_choose(client_for, professional_zuid, kaart):
    k = kaart
    ActieFactory(doel=k["doel"], uitvoerder="aanbieder", uitvoerder_naam="B", dienst=k["bewind"])
    client = client_for(professional_zuid)
    assert client.get(url("plan", k["huishouden"])).status_code == 404
    assert client.get(f"{_nieuw(k)}?dienst={k['maatje'].pk}").status_code == 404
    data = _actie_data(uitvoerder="voorliggend", dienst=k["maatje"].pk)
    assert client.post(_nieuw(k), data).status_code == 404
    assert k["doel"].acties.count() == 1


def test_a_referral_from_the_action_preselects_its_service(wereld, client_for):
    w = wereld
    Actie.objects.filter(pk=w.actie.pk).update(dienst=w.dienst)
    nieuw = reverse("verwijzingen:nieuw", args=[w.huishouden.pk, w.actie.pk])
    html = client_for(w.users["professional"]).get(nieuw).content.decode()
    assert f'<option value="{w.dienst.pk}" selected>' in html
