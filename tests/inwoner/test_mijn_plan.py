"""Mijn plan: the plan in plain Dutch for one member, and privacy inside the household.
Every record the member must never see carries the marker GEHEIM (see conftest)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from casussen.models import Plan, Planversie, Planwijziging
from inwoner.models import Inbreng
from sociaaldomein.models import Toegangslog

pytestmark = pytest.mark.django_db


def test_mijn_plan_shows_the_own_words_goals_actions_and_versions(gezin, client_for):
    response = client_for(gezin.user).get(reverse("inwoner:mijn_plan"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and "Mijn plan" in html
    for tekst in (
        "Wij willen rust in huis.",  # their own words
        "Wij betalen de huur weer op tijd",  # a goal for the household
        "Budgetcoaching voor het huishouden",  # an action for the whole goal
        "Ik heb weer werk",  # the member's own goal
        "Sollicitatietraining",
        "Versies van het plan",
    ):
        assert tekst in html, tekst


@pytest.mark.parametrize(
    "pagina", ["inwoner:mijn_plan", "inwoner:bekeken", "inwoner:rechten", "inwoner:inbreng"]
)
def test_no_page_of_the_member_shows_what_is_not_theirs(gezin, client_for, pagina):
    """Safety concerns, the dwangkader, the professional's analysis, another member's
    goals, actions and assessments: never, on any member page."""
    html = client_for(gezin.user).get(reverse(pagina)).content.decode()
    assert "GEHEIM" not in html
    assert "Huisverbod" not in html and "huisverbod" not in html
    assert "Geheimpartner" not in html


def test_the_inzage_pdf_holds_my_data_and_none_of_another_member(gezin, client_for):
    from tests.inwoner.test_uitnodiging import pdf_text

    # a look of the professional at the household, and one at the partner only
    client_for(gezin.professional).get(reverse("casussen:plan", args=[gezin.huishouden.pk]))
    response = client_for(gezin.user).get(reverse("inwoner:inzage"))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for tekst in ("Iris", "111222333", "MIJN-BEOORDELING", "Ik heb weer werk", "Professional"):
        assert tekst in text, tekst
    assert "GEHEIM" not in text
    assert "123456782" not in text  # the partner's BSN
    assert "Geheimpartner" not in text
    assert Toegangslog.objects.filter(onderwerp="inzage", actie="gedownload").exists()


def test_the_member_agrees_online_as_the_households_agreement(gezin, client_for):
    from casussen.services import laatste_inhoudswijziging

    client = client_for(gezin.user)
    body = {"keuze": "akkoord", "gezien_tot": laatste_inhoudswijziging(gezin.plan)}
    response = client.post(reverse("inwoner:akkoord"), body)
    assert response.status_code == 302
    versie = Planversie.objects.get(plan=gezin.plan, nummer=1)
    assert (versie.status, versie.wijze, versie.akkoord_lid, versie.vastgesteld_door) == (
        Plan.Status.VASTGESTELD,
        Planversie.Wijze.DIGITAAL,
        gezin.ik,
        gezin.user,
    )
    assert Planwijziging.objects.filter(plan=gezin.plan, soort="vaststelling").exists()
    # the professional sees it on the plan and on Mijn werk
    prof = client_for(gezin.professional)
    plan_html = prof.get(reverse("casussen:plan", args=[gezin.huishouden.pk])).content.decode()
    assert "Digitaal akkoord" in plan_html and "Iris" in plan_html
    werk = prof.get(reverse("start")).content.decode()
    assert "Digitaal akkoord of niet akkoord" in werk and gezin.huishouden.referentie in werk
    # a settled version cannot be agreed again
    assert "Keuze vastleggen" not in client.get(reverse("inwoner:mijn_plan")).content.decode()


def test_disagreeing_needs_the_members_view_and_a_stale_page_records_nothing(gezin, client_for):
    from casussen.services import laatste_inhoudswijziging

    client = client_for(gezin.user)
    gezien = laatste_inhoudswijziging(gezin.plan)
    response = client.post(
        reverse("inwoner:akkoord"), {"keuze": "niet_akkoord", "gezien_tot": gezien}
    )
    assert "Schrijf op waarom u niet akkoord gaat." in response.content.decode()
    Planwijziging.objects.create(
        plan=gezin.plan, versienummer=1, soort="inhoud", handeling="gewijzigd", onderwerp="Doel"
    )
    response = client.post(reverse("inwoner:akkoord"), {"keuze": "akkoord", "gezien_tot": gezien})
    assert response.status_code == 302
    assert Planversie.objects.get(plan=gezin.plan, nummer=1).status == Plan.Status.CONCEPT


def test_the_member_proposes_an_action_and_the_professional_accepts_it(gezin, client_for):
    client = client_for(gezin.user)
    body = {"soort": "actie", "tekst": "Mijn zus helpt met de administratie."}
    assert client.post(reverse("inwoner:inbreng"), body).status_code == 302
    inbreng = Inbreng.objects.get(plan=gezin.plan)
    prof = client_for(gezin.professional)
    plan_url = reverse("casussen:plan", args=[gezin.huishouden.pk])
    assert "Mijn zus helpt" in prof.get(plan_url).content.decode()
    url = reverse("inwoner:inbreng_besluit", args=[gezin.huishouden.pk, inbreng.pk])
    zonder = prof.post(url, {"besluit": "aanvaard", "reden": ""})
    assert "Geef een reden" in zonder.content.decode()
    assert (
        prof.post(url, {"besluit": "aanvaard", "reden": "Goed plan, ik zet het erin."}).status_code
        == 302
    )
    inbreng.refresh_from_db()
    assert inbreng.status == Inbreng.Status.AANVAARD
    # both in the plan's history; the member reads the reason
    handelingen = set(
        Planwijziging.objects.filter(plan=gezin.plan, soort="inbreng").values_list(
            "handeling", flat=True
        )
    )
    assert handelingen == {"toegevoegd", "aanvaard"}
    historie = prof.get(plan_url).text
    assert "Voorstel voor een actie: Mijn zus helpt met de administratie. overgenomen" in historie
    assert (
        "Goed plan, ik zet het erin." in client.get(reverse("inwoner:mijn_plan")).content.decode()
    )


def test_staff_get_403_on_member_pages_and_the_member_on_staff_pages(gezin, client_for, team_zuid):
    from tests.huishoudens.factories import HuishoudenFactory

    prof = client_for(gezin.professional)
    for name in ("inwoner:mijn_plan", "inwoner:bekeken", "inwoner:rechten", "inwoner:inzage"):
        assert prof.get(reverse(name)).status_code == 403
    lid = client_for(gezin.user)
    ander = HuishoudenFactory(team=team_zuid)
    for huishouden in (gezin.huishouden, ander):
        for name, kwargs in (
            ("huishoudens:detail", {"pk": huishouden.pk}),
            ("casussen:plan", {"huishouden_pk": huishouden.pk}),
            ("verantwoording:dossier", {"pk": huishouden.pk}),
            ("inwoner:uitnodigen", {"pk": huishouden.pk}),
        ):
            assert lid.get(reverse(name, kwargs=kwargs)).status_code in {403, 404}
    assert lid.get(reverse("start")).url == reverse("inwoner:mijn_plan")


def test_a_member_who_left_the_household_has_no_mijn_plan(gezin, client_for):
    import datetime

    gezin.ik.einddatum = datetime.date.today()
    gezin.ik.reden_vertrek = "Verhuisd"
    gezin.ik.save()
    assert client_for(gezin.user).get(reverse("inwoner:mijn_plan")).status_code == 403


def test_mijn_plan_costs_the_same_queries_with_more_goals(
    gezin, client_for, django_assert_num_queries
):
    from tests.casussen.factories import ActieFactory, DoelFactory

    client = client_for(gezin.user)
    client.get(reverse("inwoner:mijn_plan"))
    # session, user, the account with member, household and team, the plan, goals,
    # their domains, their actions, versions, contributions, the latest content change,
    # the access-log entry
    with django_assert_num_queries(11):
        client.get(reverse("inwoner:mijn_plan"))
    for i in range(5):
        doel = DoelFactory(
            plan=gezin.plan, omschrijving=f"Doel {i}", heel_huishouden=False, leden=[gezin.ik]
        )
        ActieFactory(doel=doel, lid=gezin.ik, wet="geen")
    with django_assert_num_queries(11):
        client.get(reverse("inwoner:mijn_plan"))


def test_without_a_plan_the_member_gets_a_message_not_an_error(
    client_for, professional, team_noord
):
    from inwoner.models import Lidaccount
    from sociaaldomein.roles import Rol
    from tests.huishoudens.factories import HuishoudenFactory, LidFactory
    from tests.sociaaldomein.factories import UserFactory

    lid = LidFactory(huishouden=HuishoudenFactory(team=team_noord))
    user = UserFactory(username="zonder.plan", rol=Rol.INWONER)
    Lidaccount.objects.create(user=user, lid=lid)
    client = client_for(user)
    assert "Nog geen plan" in client.get(reverse("inwoner:mijn_plan")).text
    response = client.post(reverse("inwoner:akkoord"), {"keuze": "akkoord", "gezien_tot": 0})
    assert response.status_code == 200 and "Er is nog geen plan" in response.text
    response = client.post(reverse("inwoner:inbreng"), {"soort": "opmerking", "tekst": "Hallo"})
    assert response.status_code == 200 and "Er is nog geen plan" in response.text


def test_mijn_plan_names_the_service_and_its_organisation_of_an_action(gezin, client_for):
    """Issue 16: an action linked to a service of the sociale kaart shows the service and
    its organisation, nothing of the catalogue's internals, and no link to the staff's
    sociale kaart."""
    from casussen.models import Actie
    from tests.socialekaart.factories import DienstFactory

    dienst = DienstFactory(
        naam="Taalhuis",
        organisatie__naam="Werkplein Voorbeeldstad",
        contact_naam="INTERN-contactpersoon",
        voorwaarden="INTERN-voorwaarden",
    )
    Actie.objects.filter(wat="Sollicitatietraining").update(
        uitvoerder="aanbieder", uitvoerder_naam="vrije tekst van de professional", dienst=dienst
    )
    html = client_for(gezin.user).get(reverse("inwoner:mijn_plan")).content.decode()
    assert "Een aanbieder: Taalhuis (Werkplein Voorbeeldstad)" in html
    assert "INTERN" not in html and "vrije tekst van de professional" not in html
    assert "/sociale-kaart/" not in html
    from tests.inwoner.test_uitnodiging import pdf_text

    pdf = pdf_text(client_for(gezin.user).get(reverse("inwoner:inzage")).content)
    assert "Taalhuis (Werkplein Voorbeeldstad)" in " ".join(pdf.split())
    assert "INTERN" not in pdf and "vrije tekst van de professional" not in pdf
