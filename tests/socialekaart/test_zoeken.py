"""The sociale kaart: search (Dutch full text, trigram), filters, the overdue flag."""

import datetime

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from socialekaart.models import Dienst
from socialekaart.selectors import suggesties, zoek_diensten
from tests.socialekaart.factories import DienstFactory, LocatieFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kaart():
    return {
        "schuld": DienstFactory(
            naam="Schuldhulpmaatje",
            beschrijving="Een vrijwilliger helpt met rekeningen en schulden.",
            voorliggend=True,
            leeftijd_min=18,
        ),
        "wgs": DienstFactory(
            naam="Schuldhulpverlening",
            beschrijving="Wettelijke schuldregeling.",
            wetten=["wgs"],
            leeftijd_min=18,
        ),
        "jeugd": DienstFactory(
            naam="Ambulante gezinsbegeleiding",
            beschrijving="Opvoeden en rust in huis.",
            wetten=["jeugdwet"],
            leeftijd_max=18,
            domeinen=["huiselijke-relaties"],
            locatie=LocatieFactory(wijk="Zuid"),
        ),
        "oud": DienstFactory(
            naam="Voedselpakket",
            gecontroleerd_op=timezone.localdate() - datetime.timedelta(days=400),
            voorliggend=True,
        ),
        "inactief": DienstFactory(naam="Schuldenwinkel", status="inactief"),
    }


def namen(diensten):
    return [d.naam for d in diensten]


def test_dutch_full_text_finds_stems_and_voorliggend_comes_first(kaart):
    # 'schulden' and 'rekening' stem to the words of the description
    gevonden = namen(zoek_diensten({"q": "schulden"}))
    assert gevonden[0] == "Schuldhulpmaatje"
    assert "Voedselpakket" not in gevonden
    assert namen(zoek_diensten({"q": "rekening"})) == ["Schuldhulpmaatje"]


def test_trigram_forgives_a_typo_in_the_name(kaart):
    assert "Voedselpakket" in namen(zoek_diensten({"q": "voedselpaket"}))


def test_filters_domain_wijk_age_law(kaart):
    assert namen(zoek_diensten({"domein": "huiselijke-relaties"})) == [
        "Ambulante gezinsbegeleiding"
    ]
    assert namen(zoek_diensten({"wijk": "Zuid"})) == ["Ambulante gezinsbegeleiding"]
    assert "Ambulante gezinsbegeleiding" not in namen(zoek_diensten({"leeftijd": 30}))
    assert "Schuldhulpmaatje" not in namen(zoek_diensten({"leeftijd": 12}))
    assert namen(zoek_diensten({"wet": "wgs"})) == ["Schuldhulpverlening"]
    # inactive services are never offered
    assert "Schuldenwinkel" not in namen(zoek_diensten({}))
    # voorliggend first
    alle = zoek_diensten({})
    assert [d.voorliggend for d in alle] == sorted([d.voorliggend for d in alle], reverse=True)


def test_overdue_flag_after_twelve_months(kaart):
    vandaag = timezone.localdate()
    assert kaart["oud"].is_verouderd(vandaag)
    assert not kaart["schuld"].is_verouderd(vandaag)
    assert list(Dienst.objects.verouderd(vandaag)) == [kaart["oud"]]


def test_age_range_is_a_database_constraint():
    with pytest.raises(IntegrityError, match="dienst_leeftijd_volgorde"):
        DienstFactory(leeftijd_min=20, leeftijd_max=10)


def test_suggestions_for_domains_voorliggend_first(kaart):
    from huishoudens.models import Leefdomein

    financien = Leefdomein.objects.get(code="financien")
    gevonden = suggesties([financien.pk])
    assert gevonden[0].voorliggend
    assert kaart["inactief"] not in gevonden


def test_page_shows_results_and_flag_with_constant_queries(
    client_for, professional, kaart, django_assert_num_queries
):
    client = client_for(professional)
    url = reverse("socialekaart:zoeken")
    client.get(url)  # warm the session
    with django_assert_num_queries(5):  # the services and their domains: one query
        response = client.get(url, {"q": "schuld"})
    assert response.status_code == 200
    DienstFactory.create_batch(10)
    with django_assert_num_queries(5):
        response = client.get(url)
    html = response.content.decode()
    assert "Meer dan 12 maanden niet gecontroleerd" in html
    # each result names its organisation, wijk and life domains (read in the same query)
    dienst = kaart["oud"]
    regel = f"{escape(dienst.organisatie.naam)} · {escape(dienst.locatie.wijk)}"
    assert regel in html
    for domein in dienst.leefdomeinen.all():
        assert f'<span class="badge badge--domein">{escape(domein.naam)}</span>' in html
    assert "Schuldenwinkel" not in html


def test_bad_age_gives_a_dutch_message(client_for, professional, kaart):
    response = client_for(professional).get(reverse("socialekaart:zoeken"), {"leeftijd": "-3"})
    assert response.status_code == 200
    assert "Een leeftijd kan niet negatief zijn." in response.content.decode()


def test_htmx_returns_only_the_results(client_for, professional, kaart, htmx_headers):
    response = client_for(professional).get(
        reverse("socialekaart:zoeken"), {"q": "schuld"}, headers=htmx_headers
    )
    html = response.content.decode()
    assert 'id="sk-resultaten"' in html and "<form" not in html


def test_service_page(client_for, professional, kaart):
    response = client_for(professional).get(reverse("socialekaart:dienst", args=[kaart["oud"].pk]))
    assert "meer dan 12 maanden niet gecontroleerd" in response.content.decode()
