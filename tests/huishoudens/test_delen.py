"""Sharing a household with one colleague of another team (django-guardian, direct FK)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from huishoudens.models import Huishouden, HuishoudenUserObjectPermission
from sociaaldomein.models import Notificatie, Toegangslog

pytestmark = pytest.mark.django_db


def _delen(client, huishouden, gebruiker, **extra):
    data = {"gebruiker": gebruiker.pk, "recht": "view", "reden": "Verhuizing naar Zuid"}
    data.update(extra)
    return client.post(reverse("huishoudens:delen", args=[huishouden.pk]), data)


def test_the_team_lead_shares_and_the_colleague_sees_the_household(
    client_for, teamleider, professional_zuid, huishouden, ouder
):
    colleague = client_for(professional_zuid)
    assert colleague.get(huishouden.get_absolute_url()).status_code == 404
    response = _delen(client_for(teamleider), huishouden, professional_zuid)
    assert response.status_code == 302
    assert colleague.get(huishouden.get_absolute_url()).status_code == 200
    assert (
        escape(huishouden.naam) in colleague.get(reverse("huishoudens:lijst"), {"q": "jansen"}).text
    )
    notificatie = Notificatie.objects.get(ontvanger=professional_zuid)
    assert huishouden.referentie in notificatie.tekst
    # a proper django-guardian object permission, and logged as ordinary casework
    assert professional_zuid.has_perm("huishoudens.view_huishouden", huishouden)
    entry = Toegangslog.objects.filter(gebruiker=professional_zuid, actie="bekeken").latest(
        "volgnummer"
    )
    assert (entry.uitzonderlijk, entry.reden) == (False, "Verhuizing naar Zuid")


def test_a_view_share_is_read_only(client_for, teamleider, professional_zuid, huishouden, ouder):
    _delen(client_for(teamleider), huishouden, professional_zuid)
    colleague = client_for(professional_zuid)
    assert colleague.get(reverse("huishoudens:wijzigen", args=[huishouden.pk])).status_code == 403
    url = reverse("huishoudens:beoordelen", args=[huishouden.pk, ouder.pk, "financien"])
    assert colleague.post(url, {"uitkomst": "3", "toelichting": "x"}).status_code == 403


def test_a_change_share_lets_the_colleague_assess(
    client_for, teamleider, professional_zuid, huishouden, ouder
):
    _delen(client_for(teamleider), huishouden, professional_zuid, recht="change")
    url = reverse("huishoudens:beoordelen", args=[huishouden.pk, ouder.pk, "financien"])
    data = {"uitkomst": "3", "toelichting": "Lukt met hulp", "beoordeeld_op": "2024-01-01"}
    assert client_for(professional_zuid).post(url, data).status_code == 302


def test_a_share_ends_on_its_end_date(client_for, teamleider, professional_zuid, huishouden):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    _delen(client_for(teamleider), huishouden, professional_zuid, geldig_tot=morgen.isoformat())
    grant = HuishoudenUserObjectPermission.objects.get()
    assert timezone.localtime(grant.geldig_tot).date() == morgen + datetime.timedelta(days=1)
    assert Huishouden.objects.visible_to(professional_zuid).filter(pk=huishouden.pk).exists()
    grant.geldig_tot = timezone.now() - datetime.timedelta(seconds=1)
    grant.save()
    colleague = client_for(professional_zuid)
    assert colleague.get(huishouden.get_absolute_url()).status_code == 404


def test_revoking_ends_access_at_once(client_for, teamleider, professional_zuid, huishouden):
    lead = client_for(teamleider)
    _delen(lead, huishouden, professional_zuid)
    grant = HuishoudenUserObjectPermission.objects.get()
    url = reverse("huishoudens:delen_intrekken", args=[huishouden.pk, grant.pk])
    assert lead.post(url).status_code == 302
    assert not HuishoudenUserObjectPermission.objects.exists()
    assert client_for(professional_zuid).get(huishouden.get_absolute_url()).status_code == 404


def test_sharing_again_replaces_the_earlier_share(
    client_for, teamleider, professional_zuid, huishouden
):
    lead = client_for(teamleider)
    _delen(lead, huishouden, professional_zuid)
    _delen(lead, huishouden, professional_zuid, recht="change", reden="Samen optrekken")
    grant = HuishoudenUserObjectPermission.objects.get()
    assert (grant.mag_wijzigen, grant.reden) == (True, "Samen optrekken")


def test_a_reason_is_required_and_the_end_date_cannot_be_past(
    client_for, teamleider, professional_zuid, huishouden
):
    lead = client_for(teamleider)
    assert "Dit veld is verplicht" in _delen(lead, huishouden, professional_zuid, reden="").text
    gisteren = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = _delen(lead, huishouden, professional_zuid, geldig_tot=gisteren)
    assert "in het verleden" in response.text
    assert not HuishoudenUserObjectPermission.objects.exists()


def test_only_colleagues_outside_the_team_can_be_chosen(
    client_for, teamleider, professional, professional_zuid, huishouden
):
    lead = client_for(teamleider)
    page = lead.get(reverse("huishoudens:delen", args=[huishouden.pk])).text
    assert f'value="{professional_zuid.pk}"' in page
    assert f'value="{professional.pk}"' not in page
    response = _delen(lead, huishouden, professional)
    assert "Deze keuze is niet beschikbaar" in response.text


def test_a_professional_cannot_share_and_another_team_lead_sees_nothing(
    client_for, professional, teamleider_zuid, professional_zuid, huishouden
):
    assert _delen(client_for(professional), huishouden, professional_zuid).status_code == 403
    assert _delen(client_for(teamleider_zuid), huishouden, professional_zuid).status_code == 404
    assert not HuishoudenUserObjectPermission.objects.exists()


def test_a_grant_of_another_household_cannot_be_revoked_through_mine(
    client_for, teamleider, professional_zuid, huishouden, team_noord
):
    from tests.huishoudens.factories import HuishoudenFactory, HuishoudenUserObjectPermissionFactory

    ander = HuishoudenUserObjectPermissionFactory(
        content_object=HuishoudenFactory(team=team_noord), user=professional_zuid
    )
    url = reverse("huishoudens:delen_intrekken", args=[huishouden.pk, ander.pk])
    assert client_for(teamleider).post(url).status_code == 404
    assert HuishoudenUserObjectPermission.objects.filter(pk=ander.pk).exists()
