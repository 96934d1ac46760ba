"""Every plan form works as its own page with JavaScript on (issue 14): opened in a new
tab, a bookmark or a shared link, `#plan` does not exist there, so after a save the
browser goes to the plan (`HX-Redirect`) instead of swapping into nothing."""

import pytest
from django.urls import reverse

from casussen.models import Actie, Doel, Termijn, Veiligheidszorg
from tests.casussen import test_views
from tests.casussen.test_views import _actie_data, url
from tests.toetsing.factories import domein

pytestmark = pytest.mark.django_db

met_inhoud = test_views.met_inhoud  # the plan with a goal and an action


def _van(pagina: str) -> dict:
    return {"HX-Request": "true", "HX-Current-URL": f"http://testserver{pagina}"}


def test_each_plan_form_from_its_own_page_saves_once_and_goes_to_the_plan(
    client_for, professional, met_inhoud
):
    huishouden, plan, moeder, _, doel = met_inhoud
    client = client_for(professional)
    plan_url = reverse("casussen:plan", args=[huishouden.pk])
    formulieren = [
        ("eigen_woorden", {}, lambda: {"hulpvraag": "Rust in huis", "versie": plan.versie}),
        (
            "doel_nieuw",
            {},
            lambda: {
                "omschrijving": "Een eigen inkomen",
                "leefdomeinen": [domein("financien").pk],
                "leden": [moeder.pk],
            },
        ),
        ("actie_nieuw", {"doel_pk": doel.pk}, _actie_data),
        ("termijn_nieuw", {}, lambda: {"soort": "wmo_onderzoek", "gemeld_op": "2026-11-02"}),
        ("veiligheid", {}, lambda: {"omschrijving": "Zorgen", "inschatting": "Acuut"}),
    ]
    for naam, kwargs, data in formulieren:
        eigen = url(naam, huishouden, **kwargs)
        plan.refresh_from_db()
        response = client.post(eigen, data(), headers=_van(eigen))
        assert response.status_code == 200, (naam, response.text[:300])
        assert response["HX-Redirect"] == plan_url, naam
        assert "HX-Retarget" not in response, naam
    plan.refresh_from_db()
    assert plan.hulpvraag == "Rust in huis"
    assert Doel.objects.filter(plan=plan, omschrijving="Een eigen inkomen").count() == 1
    assert Actie.objects.filter(doel=doel).count() == 2
    assert Termijn.objects.filter(plan=plan).count() == 1
    assert Veiligheidszorg.objects.filter(plan=plan).count() == 1
    # the message of the last save waits on the plan page the browser goes to
    assert "De veiligheidszorg is vastgelegd" in client.get(plan_url).text


def test_on_the_plan_page_the_plan_is_still_swapped_in(client_for, professional, met_inhoud):
    huishouden, plan, *_ = met_inhoud
    response = client_for(professional).post(
        url("eigen_woorden", huishouden),
        {"hulpvraag": "Rust", "versie": plan.versie},
        headers=_van(url("plan", huishouden)),
    )
    assert response["HX-Retarget"] == "#plan" and "HX-Redirect" not in response


def test_the_cancel_link_of_a_form_page_is_a_plain_link(client_for, professional, met_inhoud):
    huishouden, *_ = met_inhoud
    page = client_for(professional).get(url("doel_nieuw", huishouden)).text
    assert 'hx-target="#plan"' not in page
