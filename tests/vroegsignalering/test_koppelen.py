"""Matching, routing, grouping, the deadlines, idempotent import and destruction."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from casussen import termijnen
from tests.casussen.factories import PlanFactory
from tests.huishoudens.factories import HuishoudenFactory, LidFactory
from tests.vroegsignalering.factories import PartnerFactory, rij
from vroegsignalering import services
from vroegsignalering.models import (
    Contactpoging,
    Eindresultaat,
    Teaminstelling,
    Vernietigingsronde,
    Vroegsignaal,
    Vroegsignaalzaak,
    Wijkindeling,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner():
    return PartnerFactory(naam="Woonstichting Thuis")


@pytest.fixture
def met_plan(team_noord, professional):
    huishouden = HuishoudenFactory(
        team=team_noord, casusregisseur=professional, postcode="7411 AB", huisnummer="12"
    )
    PlanFactory(huishouden=huishouden)
    return huishouden, LidFactory(huishouden=huishouden)


def test_a_member_matched_by_bsn_goes_to_the_plan(partner, met_plan, team_zuid):
    huishouden, lid = met_plan
    resultaat = services.bewaar_signalen(
        partner=partner,
        rijen=[rij(bsn=lid.bsn, postcode="9999 ZZ")],
        standaard_team_id=team_zuid.pk,
    )
    zaak = Vroegsignaalzaak.objects.get(pk=resultaat.zaken[0])
    assert (zaak.huishouden, zaak.team_id, zaak.via_plan) == (huishouden, huishouden.team_id, True)


def test_without_bsn_the_address_matches(partner, met_plan, team_zuid):
    huishouden, _ = met_plan
    services.bewaar_signalen(partner=partner, rijen=[rij()], standaard_team_id=team_zuid.pk)
    zaak = Vroegsignaalzaak.objects.get()
    assert zaak.huishouden == huishouden and zaak.via_plan


def test_a_household_without_plan_goes_to_its_teams_queue(partner, team_noord, team_zuid):
    huishouden = HuishoudenFactory(
        team=team_noord, status="aangemeld", actief_sinds=None, postcode="7411 AB", huisnummer="12"
    )
    services.bewaar_signalen(partner=partner, rijen=[rij()], standaard_team_id=team_zuid.pk)
    zaak = Vroegsignaalzaak.objects.get()
    assert (zaak.huishouden, zaak.team, zaak.via_plan) == (huishouden, team_noord, False)


def test_no_household_goes_to_the_team_of_the_wijk(partner, team_noord, team_zuid):
    Wijkindeling.objects.create(postcodecijfers="7411", team=team_zuid)
    services.bewaar_signalen(partner=partner, rijen=[rij()], standaard_team_id=team_noord.pk)
    zaak = Vroegsignaalzaak.objects.get()
    assert (zaak.huishouden, zaak.team, zaak.via_plan) == (None, team_zuid, False)


def test_without_wijk_or_team_the_row_is_not_placed(partner):
    resultaat = services.bewaar_signalen(partner=partner, rijen=[rij()], standaard_team_id=None)
    assert resultaat.niet_geplaatst == [2] and not Vroegsignaal.objects.exists()


def test_importing_the_same_rows_again_adds_nothing(partner, team_noord):
    rijen = [rij("R1", crisis=True), rij("R2", huisnummer="14")]
    eerste = services.bewaar_signalen(partner=partner, rijen=rijen, standaard_team_id=team_noord.pk)
    tweede = services.bewaar_signalen(partner=partner, rijen=rijen, standaard_team_id=team_noord.pk)
    assert (eerste.nieuw, tweede.nieuw, tweede.al_bekend) == (2, 0, 2)
    assert Vroegsignaal.objects.count() == 2
    # another partner may use the same reference
    ander = PartnerFactory(naam="Waterbedrijf", soort="water")
    assert (
        services.bewaar_signalen(partner=ander, rijen=rijen, standaard_team_id=team_noord.pk).nieuw
        == 2
    )


def test_signals_about_one_resident_form_one_zaak(partner, team_noord):
    water = PartnerFactory(naam="Waterbedrijf", soort="water")
    services.bewaar_signalen(partner=partner, rijen=[rij("R1")], standaard_team_id=team_noord.pk)
    services.bewaar_signalen(
        partner=water, rijen=[rij("W1", crisis=True)], standaard_team_id=team_noord.pk
    )
    zaak = Vroegsignaalzaak.objects.get()
    assert zaak.signalen.count() == 2
    assert zaak.crisis  # the crisis signal made the zaak urgent
    assert zaak.uiterlijk_contact_op == termijnen.werkdagen_na(zaak.ontvangen_op, 3)


@override_settings(VROEGSIGNAAL_KOPPELTERMIJN_DAGEN=30)
def test_after_the_koppeltermijn_a_new_zaak_starts(partner, team_noord):
    services.bewaar_signalen(partner=partner, rijen=[rij("R1")], standaard_team_id=team_noord.pk)
    Vroegsignaalzaak.objects.update(
        ontvangen_op=timezone.localdate() - datetime.timedelta(days=40),
        uiterlijk_contact_op=timezone.localdate(),
    )
    services.bewaar_signalen(partner=partner, rijen=[rij("R2")], standaard_team_id=team_noord.pk)
    assert Vroegsignaalzaak.objects.count() == 2


def test_deadlines_in_working_days_per_team_setting(team_noord):
    donderdag = datetime.date(2025, 3, 6)
    assert Vroegsignaalzaak.bereken_termijn(donderdag, crisis=True) == datetime.date(2025, 3, 11)
    assert Vroegsignaalzaak.bereken_termijn(donderdag, crisis=False) == datetime.date(2025, 3, 20)
    # Easter: Good Friday is a working day, Easter Monday not
    assert Vroegsignaalzaak.bereken_termijn(datetime.date(2025, 4, 17), crisis=True) == (
        datetime.date(2025, 4, 23)
    )
    instelling = Teaminstelling.objects.create(
        team=team_noord, crisis_werkdagen=1, overig_werkdagen=5
    )
    assert Vroegsignaalzaak.bereken_termijn(donderdag, crisis=True, instelling=instelling) == (
        datetime.date(2025, 3, 7)
    )
    assert Vroegsignaalzaak.bereken_termijn(donderdag, crisis=False, instelling=instelling) == (
        datetime.date(2025, 3, 13)
    )


def test_the_team_setting_sets_the_deadline_of_new_zaken(partner, team_noord):
    Teaminstelling.objects.create(team=team_noord, crisis_werkdagen=1, overig_werkdagen=2)
    services.bewaar_signalen(partner=partner, rijen=[rij()], standaard_team_id=team_noord.pk)
    zaak = Vroegsignaalzaak.objects.get()
    assert zaak.uiterlijk_contact_op == termijnen.werkdagen_na(zaak.ontvangen_op, 2)


def _zaak(partner, team, **kwargs):
    services.bewaar_signalen(partner=partner, rijen=[rij(**kwargs)], standaard_team_id=team.pk)
    return Vroegsignaalzaak.objects.latest("id")


def test_outcome_and_contact_attempts(partner, team_noord, professional, professional_zuid):
    zaak = _zaak(partner, team_noord)
    with pytest.raises(ValidationError):  # a result that needs contact, without contact
        services.record_eindresultaat(
            zaak=zaak, door=professional, eindresultaat="advies_quick_fix"
        )
    services.register_contactpoging(
        zaak=zaak, door=professional, soort="huisbezoek", datum=timezone.localdate(),
        dagdeel="middag", bereikt=True,
    )  # fmt: skip
    zaak.refresh_from_db()
    assert zaak.opgepakt_op is not None
    assert set(zaak.signalen.values_list("status", flat=True)) == {"in_behandeling"}
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.record_eindresultaat(
            zaak=zaak, door=professional_zuid, eindresultaat="advies_quick_fix"
        )
    services.record_eindresultaat(zaak=zaak, door=professional, eindresultaat="advies_quick_fix")
    zaak.refresh_from_db()
    assert (zaak.status, zaak.eindresultaat) == ("afgerond", "advies_quick_fix")
    assert set(zaak.signalen.values_list("status", flat=True)) == {"afgehandeld"}


def test_taking_it_up_in_the_plan_means_another_trajectory(partner, met_plan, professional):
    huishouden, lid = met_plan
    zaak = _zaak(partner, huishouden.team, bsn=lid.bsn)
    services.take_up_in_plan(zaak=zaak, door=professional)
    zaak.refresh_from_db()
    assert zaak.eindresultaat == Eindresultaat.ANDER_TRAJECT and zaak.opgepakt_op


def test_a_signal_becomes_a_household_with_a_plan(partner, team_noord, professional):
    zaak = _zaak(partner, team_noord, bsn="111222333")
    huishouden = services.create_huishouden_from_zaak(
        zaak=zaak,
        door=professional,
        gegevens={"straat": "Dijkweg", "huisnummer": "12", "postcode": "7411 AB",
                  "woonplaats": "Voorbeeldstad"},
        eerste_lid={"voornamen": "Sanne", "achternaam": "Visser", "bsn": "111222333",
                    "geboortedatum": datetime.date(1990, 4, 1), "relatie": "hoofdbewoner"},
    )  # fmt: skip
    huishouden.refresh_from_db()
    assert (
        huishouden.status == "actief"
        and huishouden.plan
        and huishouden.casusregisseur == professional
    )
    zaak.refresh_from_db()
    assert (zaak.huishouden, zaak.eindresultaat) == (huishouden, Eindresultaat.VERVOLGHULP)


def test_no_contact_signals_are_destroyed_after_the_retention_period(
    partner, team_noord, professional
):
    oud = timezone.localdate() - datetime.timedelta(days=200)
    geen_contact = _zaak(partner, team_noord, referentie="G1", huisnummer="1")
    met_contact = _zaak(partner, team_noord, referentie="M1", huisnummer="2")
    recent = _zaak(partner, team_noord, referentie="N1", huisnummer="3")
    for zaak, bereikt in ((geen_contact, False), (met_contact, True), (recent, False)):
        services.register_contactpoging(
            zaak=zaak, door=professional, soort="brief", datum=timezone.localdate(),
            dagdeel="ochtend", bereikt=bereikt,
        )  # fmt: skip
        services.record_eindresultaat(zaak=zaak, door=professional, eindresultaat="niet_bereikt")
    Vroegsignaalzaak.objects.filter(pk__in=[geen_contact.pk, met_contact.pk]).update(
        afgerond_op=oud
    )
    ronde = services.destroy_no_contact()
    assert (ronde.zaken, ronde.signalen) == (1, 1)
    assert ronde.per_partnersoort == {"woningcorporatie": 1}
    assert not Vroegsignaalzaak.objects.filter(pk=geen_contact.pk).exists()
    assert not Contactpoging.objects.filter(zaak_id=geen_contact.pk).exists()
    assert Vroegsignaalzaak.objects.filter(pk__in=[met_contact.pk, recent.pk]).count() == 2
    assert Vernietigingsronde.objects.count() == 1
