"""Laws, core values and articles as managed reference data (DOMAIN.md)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from toetsing.models import Artikel, Grondwaarde, Wet


@pytest.mark.django_db
def test_the_laws_of_the_sociaal_domein_are_seeded_with_their_core_values():
    afkortingen = set(Wet.objects.values_list("afkorting", flat=True))
    assert {"Wmo 2015", "Jeugdwet", "Pw", "Wgs", "Awb", "Verordening SD"} <= afkortingen
    wmo = Wet.objects.get(code="wmo-2015")
    assert wmo.bwbr_id == "BWBR0035362"
    assert "zelfredzaamheid" in set(wmo.grondwaarden.values_list("naam", flat=True))
    assert Grondwaarde.objects.filter(wet__code="jeugdwet").count() == 8


@pytest.mark.django_db
def test_proportionality_and_motivation_are_always_part_of_the_legal_step():
    altijd = {str(a.nummer) for a in Artikel.objects.filter(altijd_toetsen=True)}
    assert altijd == {"3:4 lid 2", "3:46"}


@pytest.mark.django_db
def test_the_inherent_power_to_deviate_is_a_ground_for_maatwerk():
    assert Artikel.objects.get(wet__code="awb", nummer="4:84").afwijkingsgrond
    assert Artikel.objects.get(wet__code="participatiewet", nummer="35").afwijkingsgrond


@pytest.mark.django_db
def test_a_retired_article_can_no_longer_be_cited_but_still_exists():
    artikel = Artikel.objects.get(wet__code="wmo-2015", nummer="2.1.4")
    artikel.ingetrokken_op = timezone.localdate() - datetime.timedelta(days=1)
    artikel.save()
    assert artikel not in Artikel.objects.geldig()
    assert Artikel.objects.filter(pk=artikel.pk).exists()


@pytest.mark.django_db
def test_the_beheerder_manages_laws_in_the_admin_but_cannot_delete_them(client_for, beheerder):
    client = client_for(beheerder)
    wet = Wet.objects.get(code="wgs")
    assert client.get(reverse("admin:toetsing_wet_change", args=[wet.pk])).status_code == 200
    assert client.get(reverse("admin:toetsing_wet_delete", args=[wet.pk])).status_code == 403


@pytest.mark.django_db
def test_a_professional_cannot_reach_the_reference_data_admin(client_for, professional):
    response = client_for(professional).get(reverse("admin:toetsing_wet_changelist"))
    assert response.status_code in {302, 403}
