"""Invariants of the plan in the database (constraints) and in Dutch (clean())."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from casussen.models import Actie, Doel, Financiering, Plan, Planversie, Planwijziging, Termijn
from huishoudens.models import Leefdomein
from tests.casussen.factories import (
    ActieFactory,
    DoelFactory,
    PlanFactory,
    TermijnFactory,
    VeiligheidszorgFactory,
)
from tests.huishoudens.factories import HuishoudenFactory, LidFactory

VANDAAG = timezone.localdate


@pytest.fixture
def plan(team_noord):
    return PlanFactory(huishouden=HuishoudenFactory(team=team_noord))


@pytest.mark.django_db
def test_a_household_has_exactly_one_plan(plan):
    with (
        pytest.raises(IntegrityError, match="casussen_plan_huishouden_id_key"),
        transaction.atomic(),
    ):
        Plan.objects.create(huishouden=plan.huishouden)


@pytest.mark.django_db
def test_the_analysis_cannot_come_before_the_households_own_words(plan):
    plan.hulpvraag = ""
    plan.analyse = "Schulden en spanning in huis hangen samen."
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert "eigen woorden" in error.value.message_dict["analyse"][0]
    with (
        pytest.raises(IntegrityError, match="plan_eigen_woorden_voor_analyse"),
        transaction.atomic(),
    ):
        plan.save()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "veld", "melding", "constraint"),
    [
        (
            {"einddatum": -20},
            "einddatum",
            "De einddatum ligt voor de startdatum.",
            "actie_einde_na_start",
        ),
        (
            {"evaluatiedatum": 200},
            "evaluatiedatum",
            "Kies een evaluatiedatum binnen de looptijd",
            "actie_evaluatie_binnen_periode",
        ),
        (
            {"evaluatiedatum": -30},
            "evaluatiedatum",
            "Kies een evaluatiedatum binnen de looptijd",
            "actie_evaluatie_binnen_periode",
        ),
        (
            {"kosten": Decimal("-0.01")},
            "kosten",
            "Kosten kunnen niet negatief zijn.",
            "actie_kosten_niet_negatief",
        ),
    ],
)
def test_action_dates_and_costs_are_checked_in_dutch_and_in_the_database(
    plan, changes, veld, melding, constraint
):
    actie = ActieFactory(doel=DoelFactory(plan=plan))
    for name, value in changes.items():
        setattr(
            actie,
            name,
            actie.startdatum + datetime.timedelta(days=value) if isinstance(value, int) else value,
        )
    with pytest.raises(ValidationError) as error:
        actie.full_clean()
    assert error.value.message_dict[veld][0].startswith(melding)
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        actie.save()


@pytest.mark.django_db
def test_a_provider_needs_a_name(plan):
    actie = ActieFactory.build(
        doel=DoelFactory(plan=plan), uitvoerder=Actie.Uitvoerder.AANBIEDER, uitvoerder_naam=""
    )
    with pytest.raises(ValidationError) as error:
        actie.full_clean()
    assert error.value.message_dict["uitvoerder_naam"] == ["Vul de naam van de aanbieder in."]
    with pytest.raises(IntegrityError, match="actie_aanbieder_met_naam"), transaction.atomic():
        actie.save()


@pytest.mark.django_db
def test_a_goal_that_is_no_longer_open_needs_its_evaluation(plan):
    doel = DoelFactory(plan=plan)
    doel.status = Doel.Status.BEREIKT
    with pytest.raises(ValidationError) as error:
        doel.full_clean()
    assert "evaluatie" in error.value.message_dict
    with pytest.raises(IntegrityError, match="doel_status_met_evaluatie"), transaction.atomic():
        doel.save()


@pytest.mark.django_db
def test_a_goal_needs_a_domain_and_members_or_the_whole_household(plan):
    doel = Doel(plan=plan, omschrijving="Rust in huis", heel_huishouden=False)
    with pytest.raises(ValidationError) as error:
        doel.validate_links(leefdomeinen=[], leden=[])
    assert set(error.value.message_dict) == {"leefdomeinen", "leden"}
    vreemde = LidFactory()  # another household
    with pytest.raises(ValidationError) as error:
        doel.validate_links(leefdomeinen=Leefdomein.objects.all()[:1], leden=[vreemde])
    assert error.value.message_dict["leden"] == ["Kies alleen leden van dit huishouden."]


@pytest.mark.django_db
def test_jeugdwet_for_a_member_of_23_or_older_needs_a_reason(plan):
    volwassene = LidFactory(huishouden=plan.huishouden, geboortedatum=datetime.date(1990, 1, 1))
    doel = DoelFactory(plan=plan, leden=[volwassene])
    actie = ActieFactory.build(doel=doel, lid=volwassene, wet=Financiering.JEUGDWET)
    with pytest.raises(ValidationError) as error:
        actie.full_clean()
    assert (
        "Jeugdwet is bedoeld voor jeugdigen tot 23 jaar"
        in error.value.message_dict["leeftijd_motivering"][0]
    )
    actie.leeftijd_motivering = "Afronding van het traject dat op haar 17e begon."
    actie.full_clean()


@pytest.mark.django_db
def test_jeugdwet_fits_a_young_adult_and_wmo_does_not_fit_a_child(plan):
    vandaag = VANDAAG()
    jongvolwassene = LidFactory(
        huishouden=plan.huishouden, geboortedatum=vandaag.replace(year=vandaag.year - 20)
    )
    kind = LidFactory(
        huishouden=plan.huishouden, geboortedatum=vandaag.replace(year=vandaag.year - 9)
    )
    doel = DoelFactory(plan=plan, leden=[jongvolwassene, kind])
    ActieFactory.build(doel=doel, lid=jongvolwassene, wet=Financiering.JEUGDWET).full_clean()
    wmo = ActieFactory.build(doel=doel, lid=kind, wet=Financiering.WMO)
    with pytest.raises(ValidationError) as error:
        wmo.full_clean()
    assert "vanaf 18 jaar" in error.value.message_dict["leeftijd_motivering"][0]


@pytest.mark.django_db
def test_an_action_is_for_a_member_of_its_goal(plan):
    ouder = LidFactory(huishouden=plan.huishouden)
    ander = LidFactory(huishouden=plan.huishouden)
    doel = DoelFactory(plan=plan, leden=[ouder])
    with pytest.raises(ValidationError) as error:
        ActieFactory.build(doel=doel, lid=ander).full_clean()
    assert "lid" in error.value.message_dict


@pytest.mark.django_db
def test_only_one_open_deadline_of_a_kind(plan):
    TermijnFactory(plan=plan)
    with pytest.raises(IntegrityError, match="termijn_een_open_per_soort"), transaction.atomic():
        TermijnFactory(plan=plan)
    TermijnFactory(plan=plan, soort=Termijn.Soort.SCHULDHULP_GESPREK)


@pytest.mark.django_db
def test_urgency_only_applies_to_debt_help(plan):
    termijn = TermijnFactory.build(plan=plan, spoedgrond=Termijn.Spoedgrond.HUISUITZETTING)
    with pytest.raises(ValidationError) as error:
        termijn.full_clean()
    assert "spoedgrond" in error.value.message_dict
    with (
        pytest.raises(IntegrityError, match="termijn_spoed_alleen_schuldhulp"),
        transaction.atomic(),
    ):
        termijn.save()


@pytest.mark.django_db
def test_clearing_a_safety_concern_needs_a_reason_and_only_one_is_active(plan):
    zorg = VeiligheidszorgFactory(plan=plan)
    with pytest.raises(IntegrityError, match="veiligheid_een_actief"), transaction.atomic():
        VeiligheidszorgFactory(plan=plan)
    zorg.opgeheven_op = timezone.now()
    with pytest.raises(ValidationError) as error:
        zorg.full_clean()
    assert "reden_opheffing" in error.value.message_dict
    with pytest.raises(IntegrityError, match="veiligheid_opheffen_met_reden"), transaction.atomic():
        zorg.save()


@pytest.mark.django_db
def test_a_settled_version_records_when_how_and_by_whom(plan):
    versie = plan.versies.get()
    versie.status = Plan.Status.NIET_AKKOORD
    versie.matrix_compleet = True
    with pytest.raises(ValidationError) as error:
        versie.full_clean()
    assert {"akkoord_datum", "wijze", "zienswijze"} <= set(error.value.message_dict)
    with (
        pytest.raises(IntegrityError, match="planversie_niet_akkoord_met_zienswijze"),
        transaction.atomic(),
    ):
        versie.save()


@pytest.mark.django_db
def test_one_concept_version_at_a_time(plan):
    with pytest.raises(IntegrityError, match="planversie_een_concept"), transaction.atomic():
        Planversie.objects.create(plan=plan, nummer=2)


@pytest.mark.django_db
def test_the_plan_history_cannot_be_rewritten(plan):
    wijziging = Planwijziging.objects.create(
        plan=plan, versienummer=1, soort="inhoud", handeling="toegevoegd", onderwerp="Doel"
    )
    with pytest.raises(IntegrityError, match="onveranderlijk"), transaction.atomic():
        Planwijziging.objects.filter(pk=wijziging.pk).update(onderwerp="Iets anders")
    with pytest.raises(IntegrityError, match="onveranderlijk"), transaction.atomic():
        wijziging.delete()
