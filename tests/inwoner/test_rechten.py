"""'Wie heeft mijn gegevens bekeken' and the AVG requests (art. 16, 17, 18)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from inwoner.models import AvgVerzoek
from sociaaldomein.models import Toegangslog

pytestmark = pytest.mark.django_db


def _log(gezin, **kwargs):
    values = {
        "gebruikersnaam": "professional.noord",
        "rol": "Professional",
        "team": "Wijkteam Noord",
        "huishoudens": [gezin.huishouden.pk],
        "onderwerp": "plan",
        "actie": "bekeken",
        "doel": "casusregie",
        **kwargs,
    }
    return Toegangslog.objects.create(**values)


def test_the_member_sees_who_looked_by_team_role_and_purpose_not_by_name(gezin, client_for):
    _log(gezin, leden=[gezin.ik.pk])
    _log(gezin, leden=[gezin.partner.pk], onderwerp="alleen-partner", team="Team Partner")
    _log(
        gezin,
        gebruikersnaam="professional.zuid",
        team="Wijkteam Zuid",
        actie="bekeken",
        doel="uitzondering",
        uitzonderlijk=True,
        reden="Crisisdienst belde over dit gezin",
    )
    html = client_for(gezin.user).get(reverse("inwoner:bekeken")).content.decode()
    assert "Wijkteam Noord" in html and "Professional" in html
    assert "Casusregie en ondersteuning" in html
    assert "Uitzonderlijke toegang" in html and "Crisisdienst belde" in html
    assert "professional.noord" not in html and "professional.zuid" not in html
    assert "Team Partner" not in html  # a look at another member only


def test_a_setting_shows_the_names_of_staff(gezin, client_for, settings):
    settings.INWONER_NAMEN_IN_LOG = True
    _log(gezin, leden=[gezin.ik.pk])
    assert "professional.noord" in client_for(gezin.user).get(reverse("inwoner:bekeken")).text


def test_bekeken_costs_constant_queries(gezin, client_for, django_assert_num_queries):
    client = client_for(gezin.user)
    client.get(reverse("inwoner:bekeken"))  # the first request after login records activity
    for _ in range(5):
        _log(gezin)
    # session, user, account, the log entries, the access-log entry of this look
    with django_assert_num_queries(5):
        client.get(reverse("inwoner:bekeken"))


@pytest.mark.parametrize("soort", ["correctie", "wissen", "beperken"])
def test_an_avg_request_lands_in_mijn_werk_with_a_one_month_deadline_and_is_answered(
    gezin, client_for, soort
):
    client = client_for(gezin.user)
    body = {"soort": soort, "toelichting": "Mijn oude adres staat er nog in."}
    assert client.post(reverse("inwoner:rechten"), body).status_code == 302
    verzoek = AvgVerzoek.objects.get(lid=gezin.ik)
    assert verzoek.uiterlijk_op == AvgVerzoek.termijn(timezone.localdate())
    assert (verzoek.uiterlijk_op - timezone.localdate()).days in range(28, 32)
    prof = client_for(gezin.professional)
    werk = prof.get(reverse("start")).text
    assert "AVG-verzoeken" in werk and verzoek.uiterlijk_op.strftime("%d-%m-%Y") in werk
    url = reverse("inwoner:avg_antwoord", args=[gezin.huishouden.pk, verzoek.pk])
    assert "Geef een antwoord" in prof.post(url, {"status": "afgewezen", "antwoord": ""}).text
    antwoord = {"status": "deels", "antwoord": "Het adres is verbeterd; de rest blijft."}
    grond = {"correctie": "", "wissen": "deels_gewist", "beperken": "beperkt_bewaren"}[soort]
    if grond:  # erasure and restriction: the legal ground is required, and must fit
        assert "Kies de wettelijke grond" in prof.post(url, antwoord).text
        misplaatst = {"wissen": "beperkt_bewaren", "beperken": "gewist"}[soort]
        assert (
            "Selecteer een geldige keuze" in prof.post(url, {**antwoord, "grond": misplaatst}).text
        )
        past_niet = {"wissen": "gewist", "beperken": "geen_grond_18"}[soort]  # not with "deels"
        assert (
            "die bij dit verzoek en besluit past"
            in prof.post(url, {**antwoord, "grond": past_niet}).text
        )
        assert AvgVerzoek.objects.get(pk=verzoek.pk).status == "open"
    prof.post(url, {**antwoord, "grond": grond})
    verzoek.refresh_from_db()
    assert verzoek.status == "deels" and verzoek.beantwoord_door == gezin.professional
    assert verzoek.grond == grond
    if grond:  # the member and the household page show the ground
        assert verzoek.get_grond_display() in client.get(reverse("inwoner:rechten")).text
    # kept in the file: on the household page, and the member reads the answer
    detail = prof.get(reverse("huishoudens:detail", args=[gezin.huishouden.pk])).text
    assert "Het adres is verbeterd" in detail
    assert "Het adres is verbeterd" in client.get(reverse("inwoner:rechten")).text


def test_an_empty_request_gets_a_dutch_message(gezin, client_for):
    response = client_for(gezin.user).post(reverse("inwoner:rechten"), {"soort": "wissen"})
    assert "Schrijf op om welke gegevens het gaat." in response.text
    assert not AvgVerzoek.objects.exists()


def test_rechten_costs_constant_queries(gezin, client_for, django_assert_num_queries):
    client = client_for(gezin.user)
    client.get(reverse("inwoner:rechten"))
    for i in range(4):
        client.post(reverse("inwoner:rechten"), {"soort": "wissen", "toelichting": f"Notitie {i}"})
    # session, user, account, the member's requests, the access-log entry
    with django_assert_num_queries(5):
        client.get(reverse("inwoner:rechten"))


def test_the_staff_screens_cost_constant_queries(gezin, client_for, django_assert_num_queries):
    from inwoner import services

    inbreng = services.add_inbreng(account=gezin.account, soort="actie", tekst="Zus helpt")
    verzoek = services.request_avg(account=gezin.account, soort="wissen", toelichting="Oud")
    client = client_for(gezin.professional)
    hh = gezin.huishouden.pk
    client.get(reverse("start"))  # the first request after login records activity
    # session, user, the household (editable), the log entry, the object (or the members
    # to invite: asked whether there are any, then as the choices)
    for name, kwargs, queries in (
        ("inwoner:uitnodigen", {"pk": hh}, 6),
        ("inwoner:inbreng_besluit", {"pk": hh, "inbreng_pk": inbreng.pk}, 5),
        ("inwoner:avg_antwoord", {"pk": hh, "verzoek_pk": verzoek.pk}, 5),
    ):
        with django_assert_num_queries(queries):
            assert client.get(reverse(name, kwargs=kwargs)).status_code == 200
