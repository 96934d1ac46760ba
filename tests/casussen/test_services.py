"""The plan's workflow: versions after agreement, readable diffs, agreement rules,
safety concerns, deadlines, and concurrent edits that never lose an update."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from casussen import services
from casussen.models import Actie, Doel, Financiering, Plan, Planwijziging, Termijn
from sociaaldomein.concurrency import VersionConflict
from sociaaldomein.models import Notificatie
from sociaaldomein.roles import Rol
from tests.casussen.conftest import beoordeel_alles, domeinen
from tests.huishoudens.factories import HuishoudenFactory
from tests.sociaaldomein.factories import UserFactory

VANDAAG = timezone.localdate


def _doel(plan, door, leden, **kwargs):
    return services.add_doel(
        plan=plan,
        door=door,
        omschrijving=kwargs.pop("omschrijving", "Wij hebben weer overzicht over ons geld"),
        leefdomeinen=kwargs.pop("leefdomeinen", domeinen("financien", "huisvesting")),
        leden=leden,
        **kwargs,
    )


def _actie(doel, door, **kwargs):
    vandaag = VANDAAG()
    values = {
        "wat": "Budgetcoaching",
        "uitvoerder": Actie.Uitvoerder.WIJKTEAM,
        "wet": Financiering.WGS,
        "startdatum": vandaag,
        "einddatum": vandaag + datetime.timedelta(days=90),
        "evaluatiedatum": vandaag + datetime.timedelta(days=45),
        "kosten": Decimal("0"),
        "status": Actie.Status.GEPLAND,
        **kwargs,
    }
    return services.add_actie(doel=doel, door=door, **values)


def _akkoord(plan, door, lid, **kwargs):
    values = {
        "akkoord": True,
        "akkoord_datum": VANDAAG(),
        "wijze": "in_persoon",
        "akkoord_lid": lid,
        "reden_onvolledig": "Eerst de huur; de rest van de matrix volgt.",
        "gezien_tot": services.laatste_inhoudswijziging(plan),
        **kwargs,
    }
    return services.record_agreement(plan=plan, door=door, **values)


def _eigen_woorden(plan, door):
    plan.refresh_from_db()
    return services.save_eigen_woorden(
        plan=plan, door=door, versie=plan.versie, hulpvraag="Help ons met de huurschuld."
    )


@pytest.mark.django_db
def test_ensure_plan_is_idempotent_and_starts_version_one(gezin, professional):
    huishouden, plan, *_ = gezin
    assert services.ensure_plan(huishouden) == plan
    assert Plan.objects.filter(huishouden=huishouden).count() == 1
    assert list(plan.versies.values_list("nummer", "status")) == [(1, "concept")]
    assert plan.wijzigingen.get().onderwerp == "Plan"


@pytest.mark.django_db
def test_a_closed_household_cannot_start_a_plan(team_noord, professional):
    huishouden = HuishoudenFactory(team=team_noord, status="afgesloten", afgesloten_op=VANDAAG())
    with pytest.raises(ValidationError):
        services.start_plan(huishouden=huishouden, door=professional)
    assert not Plan.objects.filter(huishouden=huishouden).exists()


@pytest.mark.django_db
def test_a_goal_for_two_members_on_two_domains_is_logged_with_its_values(gezin, professional):
    _, plan, moeder, zoon = gezin
    doel = _doel(plan, professional, [moeder, zoon])
    assert set(doel.leden.all()) == {moeder, zoon}
    assert {d.code for d in doel.leefdomeinen.all()} == {"financien", "huisvesting"}
    wijziging = plan.wijzigingen.latest("id")
    assert wijziging.handeling == "toegevoegd"
    velden = {regel["veld"]: regel["nieuw"] for regel in wijziging.wijzigingen}
    assert velden["Leefdomeinen"] == "Financiën, Huisvesting"
    assert velden["Voor wie"] == "Ayşe Yılmaz, Emre Yılmaz"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kwargs", "veld"),
    [
        ({"leefdomeinen": []}, "leefdomeinen"),
        ({"leden": []}, "leden"),
        ({"heel_huishouden": True}, "leden"),  # members and the whole household
        ({"omschrijving": "   "}, "omschrijving"),
    ],
)
def test_an_invalid_goal_is_not_half_saved(gezin, professional, kwargs, veld):
    _, plan, moeder, _ = gezin
    leden = kwargs.pop("leden", [moeder])
    before = Planwijziging.objects.count()
    with pytest.raises(ValidationError) as error:
        _doel(plan, professional, leden, **kwargs)
    assert veld in error.value.message_dict
    assert not Doel.objects.filter(plan=plan).exists()
    assert Planwijziging.objects.count() == before


@pytest.mark.django_db
def test_an_invalid_action_is_not_saved(gezin, professional):
    _, plan, moeder, _ = gezin
    doel = _doel(plan, professional, [moeder])
    before = Planwijziging.objects.count()
    with pytest.raises(ValidationError) as error:
        _actie(doel, professional, einddatum=VANDAAG() - datetime.timedelta(days=1))
    assert "einddatum" in error.value.message_dict
    assert not Actie.objects.exists()
    assert Planwijziging.objects.count() == before


@pytest.mark.django_db
def test_changes_before_agreement_stay_in_version_one(gezin, professional):
    _, plan, moeder, _ = gezin
    doel = _doel(plan, professional, [moeder])
    _actie(doel, professional)
    plan.refresh_from_db()
    assert (plan.versienummer, plan.status) == (1, "concept")
    assert plan.versies.count() == 1


@pytest.mark.django_db
def test_agreement_needs_the_households_own_words_and_an_open_goal(gezin, professional):
    _, plan, moeder, _ = gezin
    with pytest.raises(ValidationError) as error:
        _akkoord(plan, professional, moeder)
    assert error.value.messages == [
        "Leg eerst de hulpvraag in de eigen woorden van het huishouden vast.",
        "Een plan zonder open doel kan niet worden vastgesteld.",
    ]


@pytest.mark.django_db
def test_settling_with_an_incomplete_matrix_needs_a_reason_that_is_logged(gezin, professional):
    _, plan, moeder, _ = gezin
    _eigen_woorden(plan, professional)
    _doel(plan, professional, [moeder])
    with pytest.raises(ValidationError) as error:
        _akkoord(plan, professional, moeder, reden_onvolledig="")
    assert "reden_onvolledig" in error.value.message_dict
    versie = _akkoord(plan, professional, moeder)
    assert versie.matrix_compleet is False
    log = plan.wijzigingen.get(soort="vaststelling")
    assert {
        "veld": "Vastgesteld zonder complete domeinmatrix, omdat",
        "oud": "",
        "nieuw": "Eerst de huur; de rest van de matrix volgt.",
    } in log.wijzigingen


@pytest.mark.django_db
def test_a_complete_matrix_needs_no_reason(gezin, professional):
    _, plan, moeder, zoon = gezin
    beoordeel_alles([moeder, zoon], professional)
    _eigen_woorden(plan, professional)
    _doel(plan, professional, [moeder])
    versie = _akkoord(plan, professional, moeder, reden_onvolledig="")
    assert versie.matrix_compleet is True
    assert versie.reden_onvolledig == ""


@pytest.mark.django_db
def test_every_change_after_agreement_creates_a_new_version_with_a_diff(gezin, professional):
    _, plan, moeder, _ = gezin
    _eigen_woorden(plan, professional)
    doel = _doel(plan, professional, [moeder])
    actie = _actie(doel, professional)
    versie1 = _akkoord(plan, professional, moeder)
    plan.refresh_from_db()
    assert (plan.status, plan.versienummer) == ("vastgesteld", 1)
    assert versie1.inhoud["doelen"][0]["acties"][0]["Wat"] == "Budgetcoaching"

    nieuwe_eind = actie.einddatum + datetime.timedelta(days=30)
    services.change_actie(
        actie=actie, door=professional, versie=actie.versie, einddatum=nieuwe_eind
    )
    plan.refresh_from_db()
    assert (plan.status, plan.versienummer) == ("concept", 2)
    assert list(plan.versies.values_list("nummer", "status")) == [
        (2, "concept"),
        (1, "vastgesteld"),
    ]
    diff = plan.wijzigingen.filter(versienummer=2).get()
    assert diff.gebruiker == professional
    assert diff.wijzigingen == [
        {
            "veld": "Geplande einddatum",
            "oud": f"{actie.einddatum:%d-%m-%Y}",
            "nieuw": f"{nieuwe_eind:%d-%m-%Y}",
        }
    ]
    # A second change belongs to the same new version.
    actie.refresh_from_db()
    services.change_actie(
        actie=actie, door=professional, versie=actie.versie, kosten=Decimal("250.5")
    )
    plan.refresh_from_db()
    assert plan.versienummer == 2
    assert plan.wijzigingen.filter(versienummer=2).count() == 2
    assert plan.wijzigingen.latest("id").wijzigingen[0] == {
        "veld": "Verwachte kosten (euro)",
        "oud": "€ 0,00",
        "nieuw": "€ 250,50",
    }


@pytest.mark.django_db
def test_saving_without_changes_creates_no_version(gezin, professional):
    _, plan, moeder, _ = gezin
    _eigen_woorden(plan, professional)
    doel = _doel(plan, professional, [moeder])
    actie = _actie(doel, professional)
    _akkoord(plan, professional, moeder)
    services.change_actie(actie=actie, door=professional, versie=actie.versie, wat="Budgetcoaching")
    plan.refresh_from_db()
    assert (plan.status, plan.versienummer) == ("vastgesteld", 1)


@pytest.mark.django_db
def test_disagreement_records_the_households_view_and_a_new_round_is_a_new_version(
    gezin, professional
):
    _, plan, moeder, _ = gezin
    _eigen_woorden(plan, professional)
    _doel(plan, professional, [moeder])
    with pytest.raises(ValidationError) as error:
        _akkoord(plan, professional, moeder, akkoord=False)
    assert "zienswijze" in error.value.message_dict
    _akkoord(plan, professional, moeder, akkoord=False, zienswijze="Wij willen geen bewindvoering.")
    plan.refresh_from_db()
    assert plan.status == "niet_akkoord"
    _akkoord(
        plan, professional, moeder, wijze="vertegenwoordiger", vertegenwoordiger="J. de Boer, zus"
    )
    plan.refresh_from_db()
    assert (plan.status, plan.versienummer) == ("vastgesteld", 2)
    assert plan.versies.get(nummer=2).akkoord_door == "J. de Boer, zus"


@pytest.mark.django_db
def test_the_household_agrees_only_to_what_was_shown(gezin, professional):
    _, plan, moeder, _ = gezin
    _eigen_woorden(plan, professional)
    doel = _doel(plan, professional, [moeder])
    gezien = services.laatste_inhoudswijziging(plan)
    _actie(doel, professional)  # a colleague adds an action meanwhile
    with pytest.raises(services.PlanGewijzigd):
        _akkoord(plan, professional, moeder, gezien_tot=gezien)
    plan.refresh_from_db()
    assert plan.status == "concept"


@pytest.mark.django_db
def test_an_agreed_version_cannot_be_agreed_twice(gezin, professional):
    _, plan, moeder, _ = gezin
    _eigen_woorden(plan, professional)
    _doel(plan, professional, [moeder])
    _akkoord(plan, professional, moeder)
    with pytest.raises(ValidationError, match="al vastgesteld"):
        _akkoord(plan, professional, moeder)


@pytest.mark.django_db
def test_concurrent_action_edits_never_lose_an_update(gezin, professional, teamleider):
    _, plan, moeder, _ = gezin
    actie = _actie(_doel(plan, professional, [moeder]), professional)
    gelezen = actie.versie
    services.change_actie(actie=actie, door=teamleider, versie=gelezen, wat="Budgetcoaching (2x)")
    with pytest.raises(VersionConflict) as conflict:
        services.change_actie(actie=actie, door=professional, versie=gelezen, wat="Budgetbeheer")
    assert conflict.value.current.wat == "Budgetcoaching (2x)"
    actie.refresh_from_db()
    assert actie.wat == "Budgetcoaching (2x)"


@pytest.mark.django_db
def test_concurrent_goal_and_own_words_edits_are_refused(gezin, professional, teamleider):
    _, plan, moeder, zoon = gezin
    doel = _doel(plan, professional, [moeder])
    gelezen = doel.versie
    velden = {
        "omschrijving": doel.omschrijving,
        "leefdomeinen": domeinen("financien"),
        "status": "open",
        "evaluatie": "",
    }
    services.change_doel(doel=doel, door=teamleider, versie=gelezen, leden=[zoon], **velden)
    with pytest.raises(VersionConflict):
        services.change_doel(doel=doel, door=professional, versie=gelezen, leden=[moeder], **velden)
    assert list(Doel.objects.get(pk=doel.pk).leden.all()) == [zoon]

    plan.refresh_from_db()
    gelezen = plan.versie
    services.save_eigen_woorden(plan=plan, door=teamleider, versie=gelezen, hulpvraag="Eén")
    with pytest.raises(VersionConflict):
        services.save_eigen_woorden(plan=plan, door=professional, versie=gelezen, hulpvraag="Twee")
    plan.refresh_from_db()
    assert plan.hulpvraag == "Eén"
    assert plan.eigen_woorden_op is not None


@pytest.mark.django_db
def test_a_safety_concern_notifies_the_team_leads_of_the_household_only(
    gezin, professional, teamleider, teamleider_zuid
):
    _, plan, *_ = gezin
    zorg = services.report_safety_concern(
        plan=plan,
        door=professional,
        omschrijving="Zoon vertelde op school over klappen.",
        inschatting="Zorgelijk; vader woont nog thuis.",
        dwangkader="ots",
    )
    melding = Notificatie.objects.get()
    assert melding.ontvanger == teamleider
    assert melding.soort == "veiligheid"
    assert plan.huishouden.referentie in melding.tekst
    assert plan.huishouden.naam not in melding.tekst  # no family name on a shared screen
    assert melding.url == plan.get_absolute_url()
    log = plan.wijzigingen.get(soort="veiligheid")
    assert {
        "veld": "Dwangkader",
        "oud": "",
        "nieuw": "Ondertoezichtstelling (OTS)",
    } in log.wijzigingen
    assert zorg.is_actief


@pytest.mark.django_db
def test_clearing_a_safety_concern_needs_a_reason_and_is_logged(gezin, professional, teamleider):
    _, plan, *_ = gezin
    zorg = services.report_safety_concern(
        plan=plan, door=professional, omschrijving="Zorgen", inschatting="Niet acuut"
    )
    with pytest.raises(ValidationError) as error:
        services.clear_safety_concern(zorg=zorg, door=professional, reden=" ")
    assert "reden_opheffing" in error.value.message_dict
    services.clear_safety_concern(zorg=zorg, door=professional, reden="Vader woont elders.")
    zorg.refresh_from_db()
    assert not zorg.is_actief
    assert plan.wijzigingen.filter(soort="veiligheid").count() == 2
    with pytest.raises(ValidationError, match="al opgeheven"):
        services.clear_safety_concern(zorg=zorg, door=professional, reden="Nogmaals")


@pytest.mark.django_db
def test_every_team_lead_is_notified_also_the_one_who_reports(gezin, team_noord):
    _, plan, *_ = gezin
    tweede = UserFactory(rol=Rol.TEAMLEIDER, teams=[team_noord])
    services.report_safety_concern(
        plan=plan, door=tweede, omschrijving="Zorgen", inschatting="Niet acuut"
    )
    assert Notificatie.objects.filter(ontvanger=tweede).exists()


@pytest.mark.django_db
def test_a_deadline_is_added_computed_and_met_once(gezin, professional):
    _, plan, *_ = gezin
    termijn = services.add_termijn(
        plan=plan,
        door=professional,
        soort=Termijn.Soort.SCHULDHULP_GESPREK,
        gemeld_op=datetime.date(2025, 4, 18),
        spoedgrond=Termijn.Spoedgrond.HUISUITZETTING,
    )
    assert termijn.uiterlijk_op == datetime.date(2025, 4, 24)
    services.meet_termijn(termijn=termijn, door=professional, voldaan_op=datetime.date(2025, 4, 23))
    with pytest.raises(ValidationError, match="al voldaan"):
        services.meet_termijn(termijn=termijn, door=professional, voldaan_op=VANDAAG())
    assert plan.wijzigingen.filter(soort="termijn").count() == 2


@pytest.mark.django_db
def test_a_deadline_cannot_start_in_the_future_nor_twice(gezin, professional):
    _, plan, *_ = gezin
    with pytest.raises(ValidationError) as error:
        services.add_termijn(
            plan=plan,
            door=professional,
            soort=Termijn.Soort.WMO_ONDERZOEK,
            gemeld_op=VANDAAG() + datetime.timedelta(days=3),
        )
    assert "gemeld_op" in error.value.message_dict
    services.add_termijn(plan=plan, door=professional, soort="wmo_onderzoek", gemeld_op=VANDAAG())
    with pytest.raises(ValidationError, match="Er loopt al een termijn"):
        services.add_termijn(
            plan=plan, door=professional, soort="wmo_onderzoek", gemeld_op=VANDAAG()
        )
