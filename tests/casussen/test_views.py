"""The plan page and its inline forms: permissions (also for htmx partials), validation in
Dutch with nothing half-saved, concurrency, and query counts that do not grow."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from casussen import services
from casussen.models import Actie, Doel, Plan, Planwijziging
from tests.casussen.conftest import domeinen
from tests.casussen.factories import ActieFactory, DoelFactory, TermijnFactory
from tests.huishoudens.factories import HuishoudenFactory, LidFactory

VANDAAG = timezone.localdate


def url(name, huishouden, **kwargs):
    return reverse(f"casussen:{name}", kwargs={"huishouden_pk": huishouden.pk, **kwargs})


def _actie_data(**changes):
    vandaag = VANDAAG()
    data = {
        "wat": "Samen de post openen",
        "uitvoerder": "netwerk",
        "uitvoerder_naam": "Zus Fatma",
        "wet": "geen",
        "startdatum": vandaag.isoformat(),
        "einddatum": (vandaag + datetime.timedelta(days=60)).isoformat(),
        "evaluatiedatum": (vandaag + datetime.timedelta(days=30)).isoformat(),
        "kosten": "0",
        "status": "gepland",
    }
    data.update(changes)
    return data


@pytest.fixture
def met_inhoud(gezin, professional):
    huishouden, plan, moeder, zoon = gezin
    plan.hulpvraag = "Wij willen niet uit ons huis."
    plan.analyse = "Huurachterstand door wegvallen inkomen."
    plan.save()
    doel = DoelFactory(
        plan=plan, leden=[moeder, zoon], leefdomeinen=domeinen("financien", "huisvesting")
    )
    ActieFactory(doel=doel, wat="Huurachterstand regelen met de corporatie", wet="wgs")
    return huishouden, plan, moeder, zoon, doel


# --- the plan page ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_plan_page_shows_own_words_first_then_analysis_and_goals(
    client_for, professional, met_inhoud
):
    huishouden, *_ = met_inhoud
    html = client_for(professional).get(url("plan", huishouden)).text
    eigen, analyse, doel = (
        html.index("Wij willen niet uit ons huis."),
        html.index("Huurachterstand door wegvallen inkomen."),
        html.index("Wij hebben weer overzicht over onze rekeningen."),
    )
    assert eigen < analyse < doel
    assert "Wgs (schuldhulp)" in html  # the law as a small tag
    assert "Ayşe Yılmaz, Emre Yılmaz" in html
    assert "Domeinmatrix niet compleet" in html
    assert "Wacht op akkoord" in html


@pytest.mark.django_db
def test_the_plan_page_costs_the_same_queries_with_many_goals_and_actions(
    client_for, professional, met_inhoud, django_assert_num_queries
):
    huishouden, plan, moeder, _zoon, _doel = met_inhoud
    client = client_for(professional)
    client.get(url("plan", huishouden))  # warm the session

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("plan", huishouden)).status_code == 200
        return len(queries)

    small = count()
    for i in range(6):
        extra = DoelFactory(plan=plan, leden=[moeder], omschrijving=f"Doel {i}")
        for _ in range(3):
            ActieFactory(doel=extra, lid=moeder)
        TermijnFactory(
            plan=plan,
            soort="schuldhulp_gesprek" if i == 0 else "wmo_onderzoek",
            voldaan_op=None if i == 0 else VANDAAG(),
        )
    LidFactory(huishouden=huishouden)
    services.save_eigen_woorden(
        plan=plan, door=professional, versie=plan.versie, perspectief="Rust"
    )
    assert count() == small
    # session, user, household with its plan, access log, matrix (3), goals with domains,
    # members and actions (4), deadlines, safety, versions, history, the omgekeerde
    # toetsen of the goals and actions (the editable check costs no query for the team),
    # the open vroegsignalen of the household (1), its contributions through Mijn plan (1),
    # the referrals of the actions (issue 16; their progress reports when there are any)
    with django_assert_num_queries(19):
        client.get(url("plan", huishouden))


@pytest.mark.django_db
def test_the_plan_partial_for_htmx(client_for, professional, met_inhoud, htmx_headers):
    huishouden, *_ = met_inhoud
    response = client_for(professional).get(url("plan", huishouden), headers=htmx_headers)
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="plan"')
    assert "<html" not in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_another_team_gets_404_and_nothing_changes(
    client_for, professional_zuid, met_inhoud, htmx_headers, htmx
):
    huishouden, _plan, _, _, doel = met_inhoud
    client = client_for(professional_zuid)
    headers = htmx_headers if htmx else {}
    assert client.get(url("plan", huishouden), headers=headers).status_code == 404
    assert client.get(url("doel_nieuw", huishouden), headers=headers).status_code == 404
    response = client.post(
        url("doel_wijzigen", huishouden, doel_pk=doel.pk),
        {
            "omschrijving": "Overgenomen",
            "leefdomeinen": [1],
            "heel_huishouden": "on",
            "status": "open",
            "versie": doel.versie,
        },
        headers=headers,
    )
    assert response.status_code == 404
    doel.refresh_from_db()
    assert doel.omschrijving == "Wij hebben weer overzicht over onze rekeningen."


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_the_auditor_reads_the_plan_but_gets_403_on_every_write(
    client_for, auditor, met_inhoud, htmx_headers, htmx
):
    huishouden, plan, _moeder, _, doel = met_inhoud
    client = client_for(auditor)
    headers = htmx_headers if htmx else {}
    page = client.get(url("plan", huishouden), headers=headers)
    assert page.status_code == 200
    assert "Doel toevoegen" not in page.text
    for name, kwargs, data in [
        ("doel_nieuw", {}, {"omschrijving": "X", "leefdomeinen": [1], "heel_huishouden": "on"}),
        ("actie_nieuw", {"doel_pk": doel.pk}, _actie_data()),
        ("eigen_woorden", {}, {"hulpvraag": "Anders", "versie": plan.versie}),
        ("veiligheid", {}, {"omschrijving": "X", "inschatting": "Y"}),
    ]:
        response = client.post(url(name, huishouden, **kwargs), data, headers=headers)
        assert response.status_code == 403, name
    assert Doel.objects.filter(plan=plan).count() == 1
    assert Actie.objects.count() == 1


@pytest.mark.django_db
def test_objects_of_another_household_are_not_found_through_this_one(
    client_for, professional, met_inhoud, team_noord
):
    huishouden, *_ = met_inhoud
    ander = HuishoudenFactory(team=team_noord)
    anders_plan = services.ensure_plan(ander)
    ander_doel = DoelFactory(plan=anders_plan)
    response = client_for(professional).get(url("doel_wijzigen", huishouden, doel_pk=ander_doel.pk))
    assert response.status_code == 404


# --- starting a plan -------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_active_household_without_a_plan_offers_to_start_one_and_get_creates_nothing(
    client_for, professional, team_noord
):
    huishouden = HuishoudenFactory(team=team_noord)
    client = client_for(professional)
    page = client.get(url("plan", huishouden))
    assert "Plan starten" in page.text
    assert not Plan.objects.filter(huishouden=huishouden).exists()
    assert client.get(url("starten", huishouden)).status_code == 405
    response = client.post(url("starten", huishouden))
    assert response.status_code == 302
    assert Plan.objects.filter(huishouden=huishouden).count() == 1
    client.post(url("starten", huishouden))  # twice: still one plan
    assert Plan.objects.filter(huishouden=huishouden).count() == 1
    assert url("eigen_woorden", huishouden) in client.get(url("plan", huishouden)).text


@pytest.mark.django_db
def test_forms_of_a_household_without_a_plan_are_not_found(client_for, professional, team_noord):
    huishouden = HuishoudenFactory(team=team_noord)
    assert client_for(professional).get(url("doel_nieuw", huishouden)).status_code == 404


# --- goals -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_goal_form_is_a_full_page_and_an_htmx_partial(
    client_for, professional, gezin, htmx_headers
):
    huishouden, *_ = gezin
    client = client_for(professional)
    page = client.get(url("doel_nieuw", huishouden))
    assert "<html" in page.text and 'id="doel-nieuw"' in page.text
    partial = client.get(url("doel_nieuw", huishouden), headers=htmx_headers)
    assert partial.text.lstrip().startswith('<div id="doel-nieuw"')


def op_de_plan_pagina(htmx_headers: dict, huishouden) -> dict:
    """htmx headers of a request made from the plan page (where `#plan` exists)."""
    return {**htmx_headers, "HX-Current-URL": f"http://testserver{url('plan', huishouden)}"}


@pytest.mark.django_db
def test_adding_a_goal_with_htmx_returns_the_updated_plan(
    client_for, professional, gezin, htmx_headers
):
    huishouden, plan, moeder, zoon = gezin
    response = client_for(professional).post(
        url("doel_nieuw", huishouden),
        {
            "omschrijving": "Wij wonen over een jaar nog steeds hier",
            "leefdomeinen": [d.pk for d in domeinen("financien", "huisvesting")],
            "leden": [moeder.pk, zoon.pk],
        },
        headers=op_de_plan_pagina(htmx_headers, huishouden),
    )
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#plan"
    assert "Wij wonen over een jaar nog steeds hier" in response.text
    assert 'hx-swap-oob="innerHTML"' in response.text and "Het doel is toegevoegd." in response.text
    doel = plan.doelen.get()
    assert set(doel.leden.all()) == {moeder, zoon}


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_a_goal_without_a_domain_gets_a_dutch_error_and_is_not_saved(
    client_for, professional, gezin, htmx_headers, htmx
):
    huishouden, plan, moeder, _ = gezin
    response = client_for(professional).post(
        url("doel_nieuw", huishouden),
        {"omschrijving": "Rust in huis", "leden": [moeder.pk]},
        headers=htmx_headers if htmx else {},
    )
    assert response.status_code == 200
    assert "Kies minstens één leefdomein waar dit doel over gaat." in response.text
    assert ("<html" in response.text) is not htmx
    assert not plan.doelen.exists()


@pytest.mark.django_db
def test_a_goal_for_nobody_gets_a_dutch_error(client_for, professional, gezin):
    huishouden, plan, *_ = gezin
    response = client_for(professional).post(
        url("doel_nieuw", huishouden),
        {"omschrijving": "Rust in huis", "leefdomeinen": [domeinen("financien")[0].pk]},
    )
    assert "Kies voor wie dit doel is" in response.text
    assert not plan.doelen.exists()


# --- actions ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "melding"),
    [
        (
            {"einddatum": "2020-01-01", "startdatum": "2020-02-01", "evaluatiedatum": "2020-01-15"},
            "De einddatum ligt voor de startdatum.",
        ),
        ({"evaluatiedatum": "2099-01-01"}, "Kies een evaluatiedatum binnen de looptijd"),
        ({"kosten": "-5"}, "Kosten kunnen niet negatief zijn."),
        ({"kosten": "veel"}, "Vul een bedrag in euro&#x27;s in"),
        ({"kosten": "9" * 40}, "Dat bedrag is te hoog"),
        ({"kosten": "12,345"}, "Gebruik hoogstens twee cijfers achter de komma."),
        ({"startdatum": "2025-02-30"}, "Vul een geldige datum in"),
        ({"einddatum": ""}, "Vul een einddatum in"),
        ({"wat": "x" * 100_000}, "niet meer dan 300 tekens"),
        ({"wat": "post\x00openen"}, "Null-tekens zijn niet toegestaan"),
        ({"uitvoerder": "aanbieder", "uitvoerder_naam": ""}, "Vul de naam van de aanbieder in."),
        ({"wet": "bestaat-niet"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_action_input_gets_a_dutch_error_and_nothing_is_saved(
    client_for, professional, met_inhoud, changes, melding
):
    huishouden, _plan, _, _, doel = met_inhoud
    before = Planwijziging.objects.count()
    response = client_for(professional).post(
        url("actie_nieuw", huishouden, doel_pk=doel.pk), _actie_data(**changes)
    )
    assert response.status_code == 200
    assert melding in response.text
    assert doel.acties.count() == 1
    assert Planwijziging.objects.count() == before


@pytest.mark.django_db
def test_amounts_are_typed_the_dutch_way(client_for, professional, met_inhoud):
    huishouden, _, _, _, doel = met_inhoud
    client = client_for(professional)
    client.post(
        url("actie_nieuw", huishouden, doel_pk=doel.pk), _actie_data(wat="A", kosten="€ 1.250,50")
    )
    client.post(
        url("actie_nieuw", huishouden, doel_pk=doel.pk), _actie_data(wat="B", kosten="1.250")
    )
    client.post(
        url("actie_nieuw", huishouden, doel_pk=doel.pk), _actie_data(wat="C", kosten="99.95")
    )
    kosten = dict(doel.acties.values_list("wat", "kosten"))
    assert [str(kosten[k]) for k in "ABC"] == ["1250.50", "1250.00", "99.95"]


@pytest.mark.django_db
def test_jeugdwet_for_an_adult_needs_an_explicit_reason(client_for, professional, met_inhoud):
    huishouden, _, moeder, _, doel = met_inhoud
    client = client_for(professional)
    data = _actie_data(
        wet="jeugdwet", lid=moeder.pk, uitvoerder="aanbieder", uitvoerder_naam="Kwadraad"
    )
    response = client.post(url("actie_nieuw", huishouden, doel_pk=doel.pk), data)
    assert "Jeugdwet is bedoeld voor jeugdigen tot 23 jaar" in response.text
    assert doel.acties.count() == 1
    data["leeftijd_motivering"] = "Opvoedondersteuning voor moeder, betaald uit het jeugdbudget."
    assert client.post(url("actie_nieuw", huishouden, doel_pk=doel.pk), data).status_code == 302
    assert doel.acties.count() == 2


@pytest.mark.django_db
def test_a_concurrent_edit_shows_a_conflict_with_both_values(
    client_for, professional, teamleider, met_inhoud, htmx_headers
):
    huishouden, _, _, _, doel = met_inhoud
    actie = doel.acties.get()
    edit = url("actie_wijzigen", huishouden, actie_pk=actie.pk)
    data = _actie_data(
        startdatum=actie.startdatum.isoformat(),
        einddatum=actie.einddatum.isoformat(),
        evaluatiedatum=actie.evaluatiedatum.isoformat(),
        versie=actie.versie,
    )
    assert (
        client_for(teamleider).post(edit, {**data, "wat": "Door de teamleider"}).status_code == 302
    )
    response = client_for(professional).post(
        edit, {**data, "wat": "Door mij"}, headers=htmx_headers
    )
    assert response.status_code == 200
    assert "Iemand anders heeft dit intussen gewijzigd." in response.text
    assert "Door mij" in response.text and "Door de teamleider" in response.text
    assert f'name="versie" value="{actie.versie + 1}"' in response.text
    actie.refresh_from_db()
    assert actie.wat == "Door de teamleider"


# --- agreement, versions and diffs on the page -----------------------------------------------


@pytest.mark.django_db
def test_agreement_then_a_change_shows_a_new_version_with_its_diff(
    client_for, professional, met_inhoud
):
    huishouden, plan, moeder, _, doel = met_inhoud
    client = client_for(professional)
    form = client.get(url("akkoord", huishouden))
    assert "Domeinmatrix niet compleet." in form.text
    gezien = services.laatste_inhoudswijziging(plan)
    akkoord = {
        "uitkomst": "akkoord",
        "akkoord_datum": VANDAAG().isoformat(),
        "wijze": "in_persoon",
        "akkoord_lid": moeder.pk,
        "gezien_tot": gezien,
    }
    response = client.post(url("akkoord", huishouden), akkoord)
    assert "Geef aan waarom het plan toch nu wordt vastgesteld." in response.text
    akkoord["reden_onvolledig"] = "Huisuitzetting dreigt; de matrix volgt volgende week."
    assert client.post(url("akkoord", huishouden), akkoord).status_code == 302

    actie = doel.acties.get()
    data = _actie_data(
        wat=actie.wat,
        uitvoerder="wijkteam",
        uitvoerder_naam="",
        wet="wgs",
        startdatum=actie.startdatum.isoformat(),
        einddatum=(actie.einddatum + datetime.timedelta(days=14)).isoformat(),
        evaluatiedatum=actie.evaluatiedatum.isoformat(),
        status="lopend",
        versie=actie.versie,
    )
    assert (
        client.post(url("actie_wijzigen", huishouden, actie_pk=actie.pk), data).status_code == 302
    )
    html = client.get(url("plan", huishouden)).text
    assert "Versie 2" in html
    assert "Laatst vastgesteld: versie 1" in html
    assert f'<del class="diff__oud">{actie.einddatum:%d-%m-%Y}</del>' in html
    assert (
        f'<ins class="diff__nieuw">{actie.einddatum + datetime.timedelta(days=14):%d-%m-%Y}</ins>'
        in html
    )
    assert escape(professional.weergavenaam) in html


@pytest.mark.django_db
def test_agreement_refused_when_the_plan_changed_after_the_form_was_opened(
    client_for, professional, met_inhoud
):
    huishouden, plan, moeder, _, doel = met_inhoud
    services.add_actie(
        doel=doel,
        door=professional,
        **{k: v for k, v in _actie_data().items() if k not in {"kosten"}}
        | {
            "startdatum": VANDAAG(),
            "einddatum": VANDAAG() + datetime.timedelta(days=9),
            "evaluatiedatum": VANDAAG(),
        },
    )
    response = client_for(professional).post(
        url("akkoord", huishouden),
        {
            "uitkomst": "akkoord",
            "akkoord_datum": VANDAAG().isoformat(),
            "wijze": "digitaal",
            "akkoord_lid": moeder.pk,
            "reden_onvolledig": "Spoed",
            "gezien_tot": 0,
        },
    )
    assert "Het plan is gewijzigd nadat u dit formulier opende." in response.text
    plan.refresh_from_db()
    assert plan.status == "concept"


# --- safety and deadlines --------------------------------------------------------------------


@pytest.mark.django_db
def test_reporting_and_clearing_a_safety_concern_through_the_pages(
    client_for, professional, teamleider, met_inhoud, htmx_headers
):
    huishouden, plan, *_ = met_inhoud
    client = client_for(professional)
    response = client.post(
        url("veiligheid", huishouden),
        {
            "omschrijving": "Buren belden de politie.",
            "inschatting": "Acuut",
            "dwangkader": "huisverbod",
        },
        headers=op_de_plan_pagina(htmx_headers, huishouden),
    )
    assert "Dwangkader: Tijdelijk huisverbod" in response.text
    assert teamleider.notificaties.count() == 1
    zorg = plan.veiligheidszorgen.get()
    opheffen = url("veiligheid_opheffen", huishouden, zorg_pk=zorg.pk)
    assert "Geef een reden" in client.post(opheffen, {"reden": ""}).text
    assert client.post(opheffen, {"reden": "Huisverbod verlopen, hulp loopt."}).status_code == 302
    assert client.get(opheffen).status_code == 404  # already cleared
    assert "Geen actieve veiligheidszorg." in client.get(url("plan", huishouden)).text


@pytest.mark.django_db
def test_a_deadline_through_the_pages_overdue_stands_out_then_met(
    client_for, professional, met_inhoud
):
    huishouden, plan, *_ = met_inhoud
    client = client_for(professional)
    gemeld = VANDAAG() - datetime.timedelta(days=60)
    client.post(
        url("termijn_nieuw", huishouden),
        {"soort": "wmo_onderzoek", "gemeld_op": gemeld.isoformat()},
    )
    termijn = plan.termijnen.get()
    html = client.get(url("plan", huishouden)).text
    assert "Wettelijke termijn verstreken" in html and "termijn--te-laat" in html
    response = client.post(
        url("termijn_voldaan", huishouden, termijn_pk=termijn.pk), {"voldaan_op": "31-02-2025"}
    )
    assert "Vul een geldige datum in" in response.text
    client.post(
        url("termijn_voldaan", huishouden, termijn_pk=termijn.pk),
        {"voldaan_op": VANDAAG().isoformat()},
    )
    termijn.refresh_from_db()
    assert termijn.voldaan_op == VANDAAG()
    assert "Wettelijke termijn verstreken" not in client.get(url("plan", huishouden)).text
