"""Extension points (sociaaldomein.extensions): a page of a lower app shows what a higher
app contributes, in order, and the navigation is what each app registers per role."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from sociaaldomein.extensions import Panel, panels, provides


def test_panels_come_by_place_in_provider_order_and_an_empty_place_is_empty():
    @provides("test-slot", order=20)
    def tweede(*, waarde):
        return Panel("hoofd", "t2.html", waarde * 2, huishoudens=(3, 1))

    @provides("test-slot", order=10)
    def eerste(*, waarde):
        return [Panel("hoofd", "t1.html", waarde), Panel("zijkant", "z.html", huishoudens=(1,))]

    @provides("test-slot", order=30)
    def niets(*, waarde):
        return None

    result = panels("test-slot", waarde=2)
    assert [p.template for p in result["hoofd"]] == ["t1.html", "t2.html"]
    assert [p.data for p in result["hoofd"]] == [2, 4]
    assert result["knoppen"] == []
    assert result.huishoudens == [1, 3]


def _nav(client) -> list[str]:
    html = client.get(reverse("start")).content.decode()
    menu = html[html.index('aria-label="Hoofdmenu"') :]
    return re.findall(r'class="site-nav__link"[^>]*>([^<]+)</a>', menu)


@pytest.mark.parametrize(
    ("rol", "verwacht"),
    [
        (
            "professional",
            [
                "Mijn werk",
                "Huishoudens",
                "Sociale kaart",
                "Vroegsignalering",
                "Precedenten",
                "Sociale makelaar",
            ],
        ),
        (
            "teamleider",
            [
                "Mijn werk",
                "Huishoudens",
                "Sociale kaart",
                "Vroegsignalering",
                "Maatwerk",
                "Precedenten",
                "Archief",
                "Raad en budget",
                "Wijkbeeld",
                "Sociale makelaar",
                "Verhalen",
            ],
        ),
        (
            "auditor",
            [
                "Mijn werk",
                "Huishoudens",
                "Toegangslog",
                "Sociale kaart",
                "Dossier controleren",
                "Vroegsignalering",
                "Maatwerk",
                "Precedenten",
                "Archief",
                "Raad en budget",
            ],
        ),
        (
            "beheerder",
            ["Mijn werk", "Sociale kaart", "Precedenten", "Archief", "Wijkbeeld", "Beheer"],
        ),
    ],
)
def test_every_role_sees_the_navigation_its_apps_registered(client_for, rol, verwacht, request):
    gebruiker = request.getfixturevalue(rol)
    assert _nav(client_for(gebruiker)) == verwacht


def test_the_household_page_shows_the_plan_and_accountability_through_their_panels(
    client_for, gezin, professional, teamleider
):
    huishouden = gezin[0]
    url = reverse("huishoudens:detail", args=[huishouden.pk])
    professional_page = client_for(professional).get(url).content.decode()
    assert 'id="plan-samenvatting-kop"' in professional_page  # casussen
    assert reverse("casussen:status", args=[huishouden.pk]) in professional_page
    assert reverse("verantwoording:dossier", args=[huishouden.pk]) in professional_page
    # the access log of a household is for its team leads (and auditors)
    assert reverse("verantwoording:huishouden_toegangslog", args=[huishouden.pk]) not in (
        professional_page
    )
    lead_page = client_for(teamleider).get(url).content.decode()
    assert reverse("verantwoording:huishouden_toegangslog", args=[huishouden.pk]) in lead_page
