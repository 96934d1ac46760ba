"""Maatwerk decisions (issue 6): mandate levels, four eyes (service, view and database),
Decimal budget arithmetic, concurrency of approvals, anonymity of the register, and who
may see and decide."""

from __future__ import annotations

import json
import re
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, connections, transaction
from django.urls import reverse
from django.utils import timezone

from sociaaldomein.models import Notificatie
from sociaaldomein.roles import Rol
from tests.sociaaldomein.factories import UserFactory
from tests.toetsing.factories import ingediend
from toetsing.models import MaatwerkBesluit, MaatwerkBudget, MaatwerkMandaat, MaatwerkVerzoek
from toetsing.services import maatwerk
from toetsing.services.maatwerk import bepaal_niveau, budget_stand

Niveau = MaatwerkVerzoek.Niveau


@pytest.fixture
def budget(team_noord):
    return MaatwerkBudget.objects.create(
        team=team_noord,
        jaar=timezone.localdate().year,
        financiering="participatiewet",
        bedrag=Decimal("10000.00"),
    )


@pytest.fixture
def verzoek(toets, professional, budget, teamleider):
    return ingediend(toets, professional).maatwerkverzoek


# --- mandate levels -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bedrag", "resterend", "eerder", "niveau"),
    [
        ("500.00", "10000", "0", Niveau.ZELF),  # at A: the professional alone
        ("500.01", "10000", "0", Niveau.TEAMLEIDER),
        ("2500.00", "10000", "0", Niveau.TEAMLEIDER),  # up to B, at the cap: one lead
        ("5000.01", "10000", "0", Niveau.TWEE_TEAMLEIDERS),
        ("400.00", "399.99", "0", Niveau.TEAMLEIDER),  # above the remaining budget: one up
        ("400.00", "10000", "2100.01", Niveau.TEAMLEIDER),  # above the household cap
        ("600.00", "100", "0", Niveau.TWEE_TEAMLEIDERS),
        ("6000.00", "0", "0", Niveau.TWEE_TEAMLEIDERS),  # never above two leads
    ],
)
def test_the_mandate_level_follows_amount_budget_and_household_cap(
    bedrag, resterend, eerder, niveau
):
    mandaat = MaatwerkMandaat()  # the defaults: A € 500, B € 5 000, cap € 2 500
    result, _, _ = bepaal_niveau(
        Decimal(bedrag), mandaat, resterend=Decimal(resterend), huishouden_eerder=Decimal(eerder)
    )
    assert result == niveau


def test_the_limits_are_data_per_team(team_noord, toets, professional, budget):
    MaatwerkMandaat.objects.create(team=team_noord, bedrag_a=Decimal("1000.00"))
    verzoek = ingediend(toets, professional).maatwerkverzoek  # € 650
    assert verzoek.niveau == Niveau.ZELF
    assert verzoek.status == MaatwerkVerzoek.Status.GOEDGEKEURD  # decided alone, registered
    besluit = verzoek.besluiten.get()
    assert besluit.soort == MaatwerkBesluit.Soort.EIGEN_MANDAAT and besluit.door == professional


def test_without_a_budget_the_request_needs_the_higher_level(toets, professional, teamleider):
    verzoek = ingediend(toets, professional).maatwerkverzoek
    assert verzoek.boven_budget and verzoek.niveau == Niveau.TWEE_TEAMLEIDERS


# --- budget arithmetic ----------------------------------------------------------------------------


def test_budget_arithmetic_is_exact_in_decimal(verzoek, team_noord, teamleider):
    jaar = timezone.localdate().year
    stand = budget_stand(team_id=team_noord.pk, jaar=jaar, financiering="participatiewet")
    assert stand.vastgelegd == Decimal("650.00") and stand.uitgegeven == Decimal("0.00")
    assert stand.resterend == Decimal("9350.00")
    maatwerk.approve_maatwerk(verzoek=verzoek, door=teamleider, reden="Voorkomt ontruiming.")
    stand = budget_stand(team_id=team_noord.pk, jaar=jaar, financiering="participatiewet")
    assert stand.uitgegeven == Decimal("650.00") and stand.vastgelegd == Decimal("0.00")
    assert isinstance(stand.resterend, Decimal) and stand.resterend == Decimal("9350.00")
    # cents add up exactly (0.1 + 0.2 would not in floats)
    MaatwerkVerzoek.objects.filter(pk=verzoek.pk).update(bedrag=Decimal("0.10"))
    stand = budget_stand(team_id=team_noord.pk, jaar=jaar, financiering="participatiewet")
    assert stand.resterend == Decimal("9999.90")


# --- four eyes ---------------------------------------------------------------------------


def test_the_requester_cannot_approve_their_own_request(verzoek, professional):
    professional.groups.add(*UserFactory(rol=Rol.TEAMLEIDER).groups.all())
    professional = type(professional).objects.get(pk=professional.pk)
    with pytest.raises(PermissionDenied):
        maatwerk.approve_maatwerk(verzoek=verzoek, door=professional, reden="Zelf goed")
    assert not verzoek.besluiten.exists()


def test_the_database_refuses_a_self_approval_bypassing_the_orm(verzoek, professional):
    with (
        pytest.raises(IntegrityError, match="besluit_vier_ogen"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "INSERT INTO toetsing_maatwerkbesluit "
            "(verzoek_id, soort, door_id, aangevraagd_door_id, reden, op) "
            "VALUES (%s, 'goedgekeurd', %s, %s, 'zelf', now())",
            [verzoek.pk, professional.pk, professional.pk],
        )


def test_the_database_refuses_a_forged_requester(verzoek, professional, teamleider):
    with (
        pytest.raises(IntegrityError, match="de aanvrager klopt niet"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(  # claims the lead asked for it, so the CHECK would pass
            "INSERT INTO toetsing_maatwerkbesluit "
            "(verzoek_id, soort, door_id, aangevraagd_door_id, reden, op) "
            "VALUES (%s, 'goedgekeurd', %s, %s, 'ok', now())",
            [verzoek.pk, professional.pk, teamleider.pk],
        )


def test_decisions_are_final_and_need_a_reason(verzoek, teamleider):
    with pytest.raises(ValidationError):
        maatwerk.reject_maatwerk(verzoek=verzoek, door=teamleider, reden="   ")
    maatwerk.approve_maatwerk(verzoek=verzoek, door=teamleider, reden="Voorkomt ontruiming.")
    besluit = MaatwerkBesluit.objects.get(verzoek=verzoek)
    for sql in (
        "UPDATE toetsing_maatwerkbesluit SET reden = 'anders' WHERE id = %s",
        "DELETE FROM toetsing_maatwerkbesluit WHERE id = %s",
    ):
        with (
            pytest.raises(IntegrityError, match="Een maatwerkbesluit is definitief"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [besluit.pk])


def test_above_b_a_second_other_lead_approves(toets, professional, budget, team_noord):
    leads = [
        UserFactory(username=f"lead{i}", rol=Rol.TEAMLEIDER, teams=[team_noord]) for i in (1, 2)
    ]
    MaatwerkMandaat.objects.create(team=team_noord, bedrag_b=Decimal("600.00"))
    verzoek = ingediend(toets, professional).maatwerkverzoek
    assert verzoek.niveau == Niveau.TWEE_TEAMLEIDERS
    verzoek = maatwerk.approve_maatwerk(verzoek=verzoek, door=leads[0], reden="Akkoord.")
    assert verzoek.status == MaatwerkVerzoek.Status.INGEDIEND
    with pytest.raises(ValidationError):  # the same lead twice is not four eyes
        maatwerk.approve_maatwerk(verzoek=verzoek, door=leads[0], reden="Nog eens.")
    verzoek = maatwerk.approve_maatwerk(verzoek=verzoek, door=leads[1], reden="Ook akkoord.")
    assert verzoek.status == MaatwerkVerzoek.Status.GOEDGEKEURD


def test_ask_and_answer_go_back_and_forth_with_notifications(verzoek, professional, teamleider):
    maatwerk.ask_information(verzoek=verzoek, door=teamleider, vraag="Is bijstand aangevraagd?")
    assert Notificatie.objects.filter(ontvanger=professional, soort="maatwerk").exists()
    with pytest.raises(maatwerk.AlBesloten):
        maatwerk.approve_maatwerk(verzoek=verzoek, door=teamleider, reden="Te vroeg.")
    maatwerk.answer_information(verzoek=verzoek, door=professional, antwoord="Ja, afgewezen.")
    verzoek = maatwerk.reject_maatwerk(verzoek=verzoek, door=teamleider, reden="Eerst bezwaar.")
    assert verzoek.status == MaatwerkVerzoek.Status.AFGEWEZEN
    soorten = list(verzoek.besluiten.values_list("soort", flat=True))
    assert soorten == ["vraag", "antwoord", "afgewezen"]


# --- concurrency --------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_leads_approving_at_once_make_exactly_one_decision(
    transactional_db, toets, professional, budget, team_noord, teamleider
):
    # `transactional_db` by name: the shared conftest then reloads the reference data a
    # previous transactional test may have flushed
    tweede = UserFactory(username="lead.twee", rol=Rol.TEAMLEIDER, teams=[team_noord])
    verzoek = ingediend(toets, professional).maatwerkverzoek
    start = threading.Barrier(2)
    uitkomsten = []

    def keur_goed(lead):
        try:
            start.wait()
            maatwerk.approve_maatwerk(verzoek=verzoek, door=lead, reden="Akkoord.")
            uitkomsten.append("besloten")
        except maatwerk.AlBesloten:
            uitkomsten.append("al besloten")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=keur_goed, args=(lead,)) for lead in (teamleider, tweede)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(uitkomsten) == ["al besloten", "besloten"]
    assert MaatwerkBesluit.objects.filter(verzoek=verzoek, soort="goedgekeurd").count() == 1


# --- anonymity of the register ------------------------------------------------------------------


def test_the_register_never_shows_the_household(client_for, verzoek, teamleider, gezin):
    huishouden = gezin[0]
    lid = huishouden.leden.first()
    with pytest.raises(ValidationError):  # a reason naming the family is refused
        maatwerk.reject_maatwerk(
            verzoek=verzoek, door=teamleider, reden=f"Familie {lid.achternaam} krijgt niets"
        )
    maatwerk.approve_maatwerk(verzoek=verzoek, door=teamleider, reden="Voorkomt ontruiming.")
    client = client_for(teamleider)
    paginas = [
        client.get(reverse("maatwerk:register")),
        client.get(reverse("maatwerk:register"), {"q": "huisuitzetting"}),
        client.get(reverse("maatwerk:raad")),
        client.get(reverse("maatwerk:raad_csv")),
    ]
    verboden = [huishouden.naam, huishouden.straat, huishouden.postcode]
    for lid in huishouden.leden.all():
        verboden += [lid.voornamen, lid.achternaam] + ([lid.bsn] if lid.bsn else [])
    assert "ontruiming" in paginas[0].content.decode()
    for response in paginas:
        tekst = response.content.decode()
        assert response.status_code == 200
        for woord in verboden:
            assert woord not in tekst, woord


# --- who may see and decide ----------------------------------------------------------------------


def test_permissions_of_the_decision(client_for, verzoek, professional, teamleider_zuid, auditor):
    url = reverse("maatwerk:besluiten", args=[verzoek.pk])
    data = {"actie": "goedkeuren", "reden": "Akkoord"}
    assert client_for(professional).post(url, data).status_code == 403
    assert client_for(teamleider_zuid).post(url, data).status_code == 404
    assert client_for(teamleider_zuid).get(verzoek.get_absolute_url()).status_code == 404
    assert client_for(auditor).post(url, data).status_code == 403
    assert client_for(auditor).get(verzoek.get_absolute_url()).status_code == 200
    assert not verzoek.besluiten.exists()


def test_the_lead_decides_from_the_page_and_htmx(client_for, verzoek, teamleider, htmx_headers):
    client = client_for(teamleider)
    url = reverse("maatwerk:besluiten", args=[verzoek.pk])
    leeg = client.post(url, {"actie": "goedkeuren", "reden": ""}, headers=htmx_headers)
    assert leeg.status_code == 200 and "verplicht" in leeg.content.decode()
    response = client.post(url, {"actie": "goedkeuren", "reden": "Akkoord."}, headers=htmx_headers)
    assert response.status_code == 200 and 'id="besluit"' in response.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.status == MaatwerkVerzoek.Status.GOEDGEKEURD


def test_inbox_and_pages_cost_a_fixed_number_of_queries(
    client_for, verzoek, teamleider, django_assert_num_queries
):
    client = client_for(teamleider)
    client.get(reverse("maatwerk:inbox"))
    with django_assert_num_queries(7) as inbox:
        response = client.get(reverse("maatwerk:inbox"))
    assert verzoek.toets.huishouden.referentie in response.content.decode()
    gemeten = {}
    for pagina in ("budget", "register", "raad"):
        with django_assert_num_queries(99, exact=False) as q:
            client.get(reverse(f"maatwerk:{pagina}"))
        gemeten[pagina] = len(q.captured_queries)
    # session+user (2), then: budget 2 (budgets, sums); register 1; council 5 (with the
    # reference list of beleidsregels)
    assert gemeten == {"budget": 4, "register": 3, "raad": 7}
    # session+user, count, requests (whether this lead approved one: in the same query),
    # the latest escalation of the page's rows, access-log chain + insert, the
    # professionals of the filter (decisions and precedents load when a row's details open)
    assert len(inbox.captured_queries) == 7


def test_the_header_count_shows_pending_requests_to_leads(client_for, verzoek, teamleider):
    response = client_for(teamleider).get(reverse("maatwerk:teller"))
    assert '<span class="nav-teller">1</span>' in response.content.decode()


def _teller(client) -> str:
    return client.get(reverse("maatwerk:teller")).content.decode()


def test_after_approving_a_two_lead_request_it_counts_only_for_the_second_lead(
    client_for, toets, professional, budget, team_noord
):
    eerste, tweede = (
        UserFactory(username=f"lead{i}", rol=Rol.TEAMLEIDER, teams=[team_noord]) for i in (1, 2)
    )
    MaatwerkMandaat.objects.create(team=team_noord, bedrag_b=Decimal("600.00"))
    verzoek = ingediend(toets, professional).maatwerkverzoek
    maatwerk.approve_maatwerk(verzoek=verzoek, door=eerste, reden="Akkoord.")

    assert "nav-teller" not in _teller(client_for(eerste))
    assert '<span class="nav-teller">1</span>' in _teller(client_for(tweede))
    inbox = client_for(eerste).get(reverse("maatwerk:inbox")).content.decode()
    assert "U keurde dit verzoek al goed; het wacht op een tweede teamleider." in inbox
    inbox = client_for(tweede).get(reverse("maatwerk:inbox")).content.decode()
    assert f"verzoek-{verzoek.pk}" in inbox and "U keurde dit verzoek al goed" not in inbox


def test_the_inbox_shows_a_page_at_a_time_newest_first_at_a_constant_cost(
    client_for, team_noord, professional, teamleider, budget, monkeypatch,
    django_assert_num_queries,
):  # fmt: skip
    from tests.toetsing.factories import maak_gezin
    from toetsing import services as toets_services
    from toetsing.views import maatwerk as maatwerk_views

    monkeypatch.setattr(maatwerk_views, "PER_PAGINA", 2)
    verzoeken = []
    for _ in range(3):
        huishouden, _, _, _, actie = maak_gezin(team_noord, professional)
        toets = toets_services.start_toets(
            huishouden=huishouden, door=professional, actie=actie, vraag=actie.wat
        )
        verzoeken.append(ingediend(toets, professional).maatwerkverzoek)
    client = client_for(teamleider)
    client.get(reverse("maatwerk:inbox"))
    # decisions and similar decisions load when a row's details open: not among these
    with django_assert_num_queries(7):
        eerste = client.get(reverse("maatwerk:inbox")).content.decode()
    with django_assert_num_queries(7):
        tweede = client.get(reverse("maatwerk:inbox"), {"pagina": "2"}).content.decode()
    assert "3 openstaand; verzoek 1 tot en met 2." in eerste and "Pagina 1 van 2" in eerste
    assert [f"verzoek-{v.pk}" in eerste for v in verzoeken] == [False, True, True]
    assert [f"verzoek-{v.pk}" in tweede for v in verzoeken] == [True, False, False]
    assert eerste.index(f"verzoek-{verzoeken[2].pk}") < eerste.index(f"verzoek-{verzoeken[1].pk}")
    # htmx swaps the list of the next page alone, with the same queries
    with django_assert_num_queries(6):
        partial = client.get(
            reverse("maatwerk:inbox"), {"pagina": "2"}, headers={"HX-Request": "true"}
        ).content.decode()
    assert partial.lstrip().startswith('<div id="inbox-lijst">') and "<html" not in partial
    assert f"verzoek-{verzoeken[0].pk}" in partial and 'hx-get="?pagina=1"' in partial
    # nonsense page numbers fall back to a real page, never an error
    for pagina in ("x", "-1", "999", "1" * 40):
        assert client.get(reverse("maatwerk:inbox"), {"pagina": pagina}).status_code == 200


def test_a_colleague_of_another_team_with_a_grant_reads_the_request_but_does_not_decide(
    client_for, verzoek, teamleider, teamleider_zuid, professional_zuid
):
    from huishoudens.services import share_huishouden

    url = verzoek.get_absolute_url()
    besluiten = reverse("maatwerk:besluiten", args=[verzoek.pk])
    assert client_for(professional_zuid).get(url).status_code == 404
    for gebruiker in (professional_zuid, teamleider_zuid):
        share_huishouden(
            huishouden=verzoek.toets.huishouden,
            gebruiker=gebruiker,
            recht="view",
            geldig_tot=None,
            reden="Samen met wijkteam Zuid (verhuizing)",
            door=teamleider,
        )
    response = client_for(professional_zuid).get(url)
    assert response.status_code == 200
    assert verzoek.toets.huishouden.referentie in response.content.decode()
    # the lead of the other team reads it too, but it is not in their inbox or count
    assert client_for(teamleider_zuid).get(url).status_code == 200
    data = {"actie": "goedkeuren", "reden": "Akkoord"}
    assert client_for(teamleider_zuid).post(besluiten, data).status_code == 403
    inbox = client_for(teamleider_zuid).get(reverse("maatwerk:inbox")).content.decode()
    assert f"verzoek-{verzoek.pk}" not in inbox
    assert "nav-teller" not in _teller(client_for(teamleider_zuid))
    assert not verzoek.besluiten.exists()


def test_without_htmx_a_missing_reason_shows_next_to_the_field_and_keeps_the_choice(
    client_for, verzoek, teamleider
):
    url = reverse("maatwerk:besluiten", args=[verzoek.pk])
    response = client_for(teamleider).post(url, {"actie": "afwijzen", "reden": "   "})
    assert response.status_code == 200  # the page again, not a redirect with a flash
    html = response.content.decode()
    assert 'aria-invalid="true"' in html and "verplicht" in html
    assert re.search(r'<input type="radio" name="actie" value="afwijzen"[^>]* checked>', html)
    verzoek.refresh_from_db()
    assert verzoek.status == MaatwerkVerzoek.Status.INGEDIEND and not verzoek.besluiten.exists()


# --- accountability hooks (issue 7): the dossier and the decision letter -------------------------


def test_the_dossier_shows_requester_approvers_times_and_reasons(verzoek, teamleider, gezin):
    from verantwoording.dossier import maatwerk_voor_dossier

    maatwerk.ask_information(verzoek=verzoek, door=teamleider, vraag="Is bijstand aangevraagd?")
    maatwerk.answer_information(
        verzoek=verzoek, door=verzoek.aangevraagd_door, antwoord="Ja, afgewezen."
    )
    maatwerk.approve_maatwerk(verzoek=verzoek, door=teamleider, reden="Voorkomt ontruiming.")
    (regel,) = maatwerk_voor_dossier(gezin[0])
    gegevens = {g.label: g.waarde for g in regel.gegevens}
    assert gegevens["Aangevraagd door"] == verzoek.aangevraagd_door.weergavenaam
    assert gegevens["Status"] == "Goedgekeurd" and gegevens["Besloten op"]
    labels = [b.label for b in regel.besluiten]
    assert labels[0].startswith(f"Meer informatie gevraagd door {teamleider.weergavenaam} op ")
    assert labels[-1].startswith(f"Goedgekeurd door {teamleider.weergavenaam} op ")
    assert [b.waarde for b in regel.besluiten][-1] == "Voorkomt ontruiming."


def test_the_letter_states_the_lead_decision(verzoek, teamleider):
    from verantwoording.beschikking import beslissing

    toets = verzoek.toets
    assert beslissing(toets, verzoek).soort == "nog_geen_besluit"
    verzoek = maatwerk.approve_maatwerk(
        verzoek=verzoek, door=teamleider, reden="Voorkomt ontruiming."
    )
    besluit = beslissing(toets, verzoek)
    assert besluit.soort == "toegekend" and besluit.is_besluit
    assert any("€ 650,00" in a for a in besluit.alineas)
    assert any("voorkomt ontruiming" in a for a in besluit.waarom)
    assert besluit.door == [teamleider.weergavenaam] and besluit.rol == "teamleider"


def test_a_rejected_request_is_a_decision_with_the_reason(verzoek, teamleider):
    from verantwoording.beschikking import beslissing

    verzoek = maatwerk.reject_maatwerk(verzoek=verzoek, door=teamleider, reden="Eerst bijstand.")
    besluit = beslissing(verzoek.toets, verzoek)
    assert besluit.soort == "afgewezen" and besluit.is_besluit
    assert any("eerst bijstand" in a for a in besluit.waarom)


def test_the_beheerder_sets_the_rules_in_the_admin(client_for, beheerder, team_noord):
    client = client_for(beheerder)
    for model in ("maatwerkmandaat", "maatwerkbudget"):
        assert client.get(reverse(f"admin:toetsing_{model}_changelist")).status_code == 200
    response = client.post(
        reverse("admin:toetsing_maatwerkmandaat_add"),
        {
            "team": team_noord.pk,
            "bedrag_a": "750.00",
            "bedrag_b": "4000.00",
            "plafond_huishouden": "3000.00",
            "voorliggend_verplicht": "on",
        },
    )
    assert response.status_code == 302
    assert MaatwerkMandaat.voor_team(team_noord.pk).bedrag_a == Decimal("750.00")


# --- precedents: similar decisions while drafting, and the professional's choice ---------------


def test_similar_precedents_rank_same_articles_first_and_skip_withdrawn(
    verzoek, teamleider, professional
):
    from toetsing.selectors.maatwerk import register_zoeken, vergelijkbare_precedenten

    maatwerk.approve_maatwerk(verzoek=verzoek, door=teamleider, reden="Voorkomt ontruiming.")
    gevonden = vergelijkbare_precedenten(
        wetten=["Pw"], artikelen=["Pw art. 35"], leefdomeinen=[], tekst="huurachterstand"
    )
    assert [p.pk for p in gevonden] == [verzoek.pk]
    assert gevonden[0].score > 0
    assert not vergelijkbare_precedenten(
        wetten=["Wmo"], artikelen=["Wmo art. 2.3.5"], leefdomeinen=["Gezondheid"], tekst=""
    )
    # Dutch full text: the stem of "huisuitzettingen" finds "huisuitzetting"
    assert [p.pk for p in register_zoeken({"q": "huisuitzettingen"})] == [verzoek.pk]
    maatwerk.mark_precedent(verzoek=verzoek, door=teamleider, register="ingetrokken")
    assert not vergelijkbare_precedenten(
        wetten=["Pw"], artikelen=["Pw art. 35"], leefdomeinen=[], tekst=""
    )


def test_the_inbox_ranks_precedents_per_request_like_the_single_search(
    gezin, professional, teamleider, budget
):
    """precedenten_voor (a page of the inbox at once) gives, per request, exactly what
    vergelijkbare_precedenten gives for that request alone: articles 3, domains 2, laws 1,
    richtinggevend +1, the most recent first among equals, withdrawn never."""
    import datetime

    from toetsing import services as toets_services
    from toetsing.selectors.maatwerk import precedenten_voor, vergelijkbare_precedenten

    huishouden, *_, actie = gezin

    def nieuw(vraag):
        toets = toets_services.start_toets(
            huishouden=huishouden, door=professional, actie=actie, vraag=vraag
        )
        return ingediend(toets, professional).maatwerkverzoek

    ontwerp = {  # name: (articles, domains, laws, register)
        "artikel": (["Pw art. 35"], [], ["Pw"], "gewoon"),  # 3 + 1 = 4
        "richtinggevend": ([], ["Financiën"], ["Pw"], "richtinggevend"),  # 2 + 1 + 1 = 4
        "wet": ([], [], ["Pw"], "gewoon"),  # 1
        "anders": (["Wmo art. 2.3.5"], ["Gezondheid"], ["Wmo"], "gewoon"),  # 0
        "ingetrokken": (["Pw art. 35"], ["Financiën"], ["Pw"], "ingetrokken"),  # never
    }
    precedenten = {}
    nu = timezone.now()
    for uur, (naam, (artikelen, domeinen, wetten, register)) in enumerate(ontwerp.items()):
        verzoek = maatwerk.reject_maatwerk(verzoek=nieuw(naam), door=teamleider, reden="Nee.")
        MaatwerkVerzoek.objects.filter(pk=verzoek.pk).update(
            artikelen=artikelen,
            leefdomeinen=domeinen,
            wetten=wetten,
            register=register,
            # "artikel" is the most recent: it wins the tie with "richtinggevend"
            besloten_op=nu - datetime.timedelta(hours=uur),
        )
        precedenten[naam] = verzoek.pk
    open_ = nieuw("Nog een maand huur")
    MaatwerkVerzoek.objects.filter(pk=open_.pk).update(
        artikelen=["Pw art. 35"], leefdomeinen=["Financiën"], wetten=["Pw"]
    )
    open_.refresh_from_db()

    per_pagina = precedenten_voor([open_])[open_.pk]
    alleen = vergelijkbare_precedenten(
        wetten=open_.wetten,
        artikelen=open_.artikelen,
        leefdomeinen=open_.leefdomeinen,
        zonder=open_.pk,
        limiet=3,
    )
    verwacht = [precedenten[n] for n in ("artikel", "richtinggevend", "wet")]
    assert [p.pk for p in per_pagina] == [p.pk for p in alleen] == verwacht
    # only anonymised register columns were loaded
    assert per_pagina[0].get_deferred_fields() >= {"toets_id", "aangevraagd_door_id"}
    assert per_pagina[0].samenvatting == alleen[0].samenvatting


def test_the_professional_follows_a_precedent_or_says_why_not(
    verzoek, teamleider, professional, gezin
):
    from tests.toetsing.factories import naar_stap2, vul_stap2
    from toetsing import services as toets_services

    maatwerk.approve_maatwerk(verzoek=verzoek, door=teamleider, reden="Voorkomt ontruiming.")
    huishouden, *_, actie = gezin
    toets = toets_services.start_toets(
        huishouden=huishouden, door=professional, actie=actie, vraag="Nog een maand huur"
    )
    toets = vul_stap2(naar_stap2(toets, professional), professional)
    with pytest.raises(ValidationError) as fout:
        toets_services.save_stap2(
            toets=toets,
            door=professional,
            versie=toets.versie,
            velden={"precedent_id": verzoek.pk, "precedent_afwijking": "Anders want"},
            artikelen={},
            indienen=True,
        )
    assert "precedent_afwijking" in fout.value.message_dict
    toets.refresh_from_db()
    toets_services.save_stap2(
        toets=toets,
        door=professional,
        versie=toets.versie,
        velden={"precedent_id": verzoek.pk, "precedent_afwijking": ""},
        artikelen={},
        indienen=True,
    )
    nieuw = MaatwerkVerzoek.objects.get(toets=toets)
    assert nieuw.precedent_id == verzoek.pk
    assert "Pw art. 35" in nieuw.artikelen and "Pw" in nieuw.wetten


def test_a_decision_with_htmx_tells_the_header_counter_to_reload(
    client_for, verzoek, teamleider, htmx_headers
):
    client = client_for(teamleider)
    assert "maatwerk-besloten from:body" in _teller(client)
    response = client.post(
        reverse("maatwerk:besluiten", args=[verzoek.pk]),
        {"actie": "goedkeuren", "reden": "Voorkomt ontruiming."},
        headers=htmx_headers,
    )
    assert response.status_code == 200
    assert json.loads(response["HX-Trigger"]) == {"maatwerk-besloten": {}}
    assert "nav-teller" not in _teller(client)  # what the reload shows: nothing left
    fout = client.post(
        reverse("maatwerk:besluiten", args=[verzoek.pk]),
        {"actie": "goedkeuren"},
        headers=htmx_headers,
    )
    assert "HX-Trigger" not in fout
