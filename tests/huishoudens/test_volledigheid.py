"""Completeness of many households in one query, and demo data that shows every kind."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from huishoudens.models import Huishouden, Leefdomein, months_ago
from huishoudens.selectors import domeinmatrix, volledigheid_per_huishouden
from tests.huishoudens.conftest import beoordeel_alles
from tests.huishoudens.factories import BeoordelingFactory, HuishoudenFactory, LidFactory

pytestmark = pytest.mark.django_db


def test_agrees_with_the_domain_matrix_in_one_query(
    professional, huishouden, ouder, kind, team_noord, settings, django_assert_num_queries
):
    oud = months_ago(timezone.localdate(), settings.LEEFDOMEIN_ACTUEEL_MAANDEN)
    beoordeel_alles(ouder, professional, op=oud - datetime.timedelta(days=1))  # outdated
    beoordeel_alles(kind, professional)
    BeoordelingFactory(lid=ouder, score=2, beoordeeld_door=professional)  # one current again
    leeg = HuishoudenFactory(team=team_noord)
    zonder_leden = HuishoudenFactory(team=team_noord)
    LidFactory(huishouden=leeg)
    LidFactory(huishouden=huishouden, einddatum=timezone.localdate(), reden_vertrek="Weg")
    ids = [huishouden.pk, leeg.pk, zonder_leden.pk]
    with django_assert_num_queries(1):
        result = volledigheid_per_huishouden(ids)
    for pk in ids:
        matrix = domeinmatrix(Huishouden.objects.get(pk=pk))
        assert (result[pk].compleet, result[pk].totaal) == (matrix.aantal_compleet, matrix.totaal)
    assert (result[huishouden.pk].compleet, result[huishouden.pk].niveau) == (14, "deels")
    assert result[leeg.pk].niveau == "onvolledig"
    assert result[zonder_leden.pk].niveau == "geen-leden"


def test_an_inactive_domain_does_not_count(professional, huishouden, ouder):
    beoordeel_alles(ouder, professional)
    Leefdomein.objects.filter(code="justitie").update(actief=False)
    result = volledigheid_per_huishouden([huishouden.pk])[huishouden.pk]
    assert (result.compleet, result.totaal, result.niveau) == (12, 12, "compleet")


def test_seeded_demo_households_show_complete_partial_and_incomplete_matrices():
    call_command("seed_demo", households=60, password="demo-wachtwoord-lang")
    ids = list(
        Huishouden.objects.filter(referentie__startswith="DEMO-").values_list("pk", flat=True)
    )
    assert len(ids) == 60
    niveaus = {v.niveau for v in volledigheid_per_huishouden(ids).values()}
    assert {"compleet", "deels", "onvolledig"} <= niveaus
    statussen = set(Huishouden.objects.filter(pk__in=ids).values_list("status", flat=True))
    assert statussen == {"aangemeld", "actief", "afgesloten"}
    # idempotent: a second run adds nothing
    call_command("seed_demo", households=60)
    assert Huishouden.objects.filter(referentie__startswith="DEMO-").count() == 60


def test_the_beheerder_manages_the_life_domains_as_reference_data(client_for, beheerder):
    client = client_for(beheerder)
    response = client.get("/beheer/huishoudens/leefdomein/")
    assert response.status_code == 200
    assert "Werk &amp; opleiding" in response.text
    justitie = Leefdomein.objects.get(code="justitie")
    assert client.get(f"/beheer/huishoudens/leefdomein/{justitie.pk}/delete/").status_code == 403
