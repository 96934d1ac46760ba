"""The toets as a process: start, step order, conclusion, submission, corrections."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sociaaldomein.concurrency import VersionConflict
from sociaaldomein.models import Notificatie
from tests.toetsing.factories import (
    artikel,
    beeindigd,
    ingediend,
    naar_stap2,
    vul_stap1,
    vul_stap2,
)
from toetsing import services
from toetsing.models import MaatwerkVerzoek, Toets

pytestmark = pytest.mark.django_db


def test_a_toets_starts_from_an_action_with_its_cost_funding_and_effect_rows_per_member(
    toets, gezin
):
    _, moeder, zoon, _, actie = gezin
    assert toets.status == Toets.Status.CONCEPT
    assert toets.actie == actie and toets.doel is None
    assert toets.kosten_oplossing == Decimal("650.00")
    assert toets.financiering == "participatiewet"
    rijen = {(e.lid_id, e.leefdomein.code) for e in toets.effecten.all()}
    assert rijen == {
        (lid.pk, code) for lid in (moeder, zoon) for code in ("financien", "huisvesting")
    }


def test_a_toets_from_a_goal_of_another_household_is_refused(gezin, professional, team_noord):
    from tests.huishoudens.factories import HuishoudenFactory

    _, _, _, doel, _ = gezin
    ander = HuishoudenFactory(team=team_noord)
    with pytest.raises(ValidationError):
        services.start_toets(huishouden=ander, door=professional, doel=doel, vraag="x")


def test_a_draft_can_be_incomplete_but_step_1_cannot_be_concluded_incomplete(toets, professional):
    toets, changed = services.save_stap1(
        toets=toets,
        door=professional,
        versie=toets.versie,
        velden={"behoefte": "Huur betalen"},
        grondwaarden={},
        effecten={},
    )
    assert changed and toets.versie == 2
    with pytest.raises(ValidationError) as error:
        services.conclude_stap1(toets=toets, door=professional, versie=toets.versie)
    problemen = error.value.message_dict
    assert "grondwaarden" in problemen
    assert "is_nodig" in problemen
    assert Toets.objects.get(pk=toets.pk).status == Toets.Status.CONCEPT


def test_step_2_stays_closed_until_step_1_is_concluded_positively(toets, professional):
    toets = vul_stap1(toets, professional)
    with pytest.raises(services.StapGesloten):
        services.save_stap2(
            toets=toets,
            door=professional,
            versie=toets.versie,
            velden={"uitkomst": "binnen_regels"},
            artikelen={},
        )
    with pytest.raises(services.StapGesloten):
        services.submit_toets(toets=toets, door=professional, versie=toets.versie)
    toets = services.conclude_stap1(toets=toets, door=professional, versie=toets.versie)
    assert toets.status == Toets.Status.STAP2
    assert Toets.objects.get(pk=toets.pk).uitkomst == ""


def test_opening_step_2_adds_proportionality_and_motivation_which_cannot_be_removed(
    toets, professional
):
    toets = naar_stap2(toets, professional)
    verplicht = {(k.wet_afkorting, k.nummer, k.automatisch) for k in toets.artikelen.all()}
    assert verplicht == {("Awb", "3:4 lid 2", True), ("Awb", "3:46", True)}
    with pytest.raises(ValidationError):
        services.save_stap2(
            toets=toets,
            door=professional,
            versie=toets.versie,
            velden={},
            artikelen={},
            verwijderen=artikel("awb", "3:46").pk,
        )


def test_a_solution_that_is_not_ethically_justifiable_cannot_conclude_positively(
    toets, professional
):
    toets = vul_stap1(toets, professional, ethisch_verantwoord=False)
    with pytest.raises(ValidationError) as error:
        services.conclude_stap1(toets=toets, door=professional, versie=toets.versie)
    assert "ethisch_verantwoord" in error.value.message_dict


def test_a_worse_effect_needs_a_note(toets, professional):
    toets = vul_stap1(toets, professional)
    effect = toets.effecten.first()
    toets, _ = services.save_stap1(
        toets=toets,
        door=professional,
        versie=toets.versie,
        velden={},
        grondwaarden={g.grondwaarde_id: g.toelichting for g in toets.grondwaarden.all()},
        effecten={effect.pk: ("slechter", "")},
    )
    with pytest.raises(ValidationError) as error:
        services.conclude_stap1(toets=toets, door=professional, versie=toets.versie)
    assert f"effect-{effect.pk}" in error.value.message_dict


def test_a_negative_conclusion_ends_the_toets_with_its_reason_and_a_motivation(toets, professional):
    toets = beeindigd(toets, professional)
    assert toets.status == Toets.Status.BEEINDIGD
    assert "zus van moeder" in toets.reden_beeindiging
    tekst = " ".join(t for _, t in toets.motivering)
    assert "beëindigd" in tekst and "zus van moeder" in tekst
    assert not toets.artikelen.exists()


def test_a_negative_conclusion_needs_a_reason(toets, professional):
    toets = vul_stap1(toets, professional, past_bij_grondwaarden=False, reden_beeindiging="")
    with pytest.raises(ValidationError) as error:
        services.conclude_stap1(toets=toets, door=professional, versie=toets.versie)
    assert "reden_beeindiging" in error.value.message_dict


def test_reopening_step_1_closes_step_2_but_keeps_its_draft(toets, professional):
    toets = vul_stap2(naar_stap2(toets, professional), professional)
    toets = services.reopen_stap1(toets=toets, door=professional, versie=toets.versie)
    assert toets.status == Toets.Status.CONCEPT
    with pytest.raises(services.StapGesloten):
        services.submit_toets(toets=toets, door=professional, versie=toets.versie)
    assert toets.artikelen.count() == 4
    assert Toets.objects.get(pk=toets.pk).uitkomst == "maatwerk"


def test_an_article_of_an_unrelated_law_is_not_saved_without_a_reason(toets, professional):
    toets = naar_stap2(toets, professional)  # core values of the Pw and the Wgs
    jeugdwet = artikel("jeugdwet", "2.3")
    with pytest.raises(ValidationError) as error:
        services.save_stap2(
            toets=toets,
            door=professional,
            versie=toets.versie,
            velden={},
            artikelen={},
            toevoegen=(jeugdwet.pk, "  "),
        )
    assert f"reden-{jeugdwet.pk}" in error.value.message_dict
    assert not toets.artikelen.filter(artikel=jeugdwet).exists()
    toets, _ = services.save_stap2(
        toets=toets,
        door=professional,
        versie=toets.versie,
        velden={},
        artikelen={},
        toevoegen=(jeugdwet.pk, "De zoon krijgt ook jeugdhulp; die blijft zo bereikbaar."),
    )
    keuze = toets.artikelen.get(artikel=jeugdwet)
    assert keuze.reden_andere_wet.startswith("De zoon")
    with pytest.raises(ValidationError):  # clearing the reason later is refused too
        services.save_stap2(
            toets=toets,
            door=professional,
            versie=toets.versie,
            velden={},
            artikelen={jeugdwet.pk: ("Motivering", "")},
        )
    assert toets.artikelen.get(artikel=jeugdwet).reden_andere_wet.startswith("De zoon")


def test_awb_articles_are_never_unrelated(toets, professional):
    toets = naar_stap2(toets, professional)
    toets, _ = services.save_stap2(
        toets=toets,
        door=professional,
        versie=toets.versie,
        velden={},
        artikelen={},
        toevoegen=(artikel("awb", "4:84").pk, ""),
    )
    assert toets.artikelen.get(artikel__nummer="4:84").reden_andere_wet == ""


def test_maatwerk_needs_the_rule_the_circumstances_proportionality_and_a_ground(
    toets, professional
):
    toets = naar_stap2(toets, professional)
    motivaties = {k.artikel_id: ("Motivering.", "") for k in toets.artikelen.all()}
    toets, _ = services.save_stap2(
        toets=toets,
        door=professional,
        versie=toets.versie,
        velden={"uitkomst": "maatwerk"},
        artikelen=motivaties,
        toevoegen=(artikel("participatiewet", "7").pk, ""),  # no ground for a deviation
    )
    toets, _ = services.save_stap2(
        toets=toets,
        door=professional,
        versie=toets.versie,
        velden={},
        artikelen={k.artikel_id: ("Motivering.", "") for k in toets.artikelen.all()},
    )
    with pytest.raises(ValidationError) as error:
        services.submit_toets(toets=toets, door=professional, versie=toets.versie)
    problemen = error.value.message_dict
    assert {"afwijking_regel", "bijzondere_omstandigheden", "evenredigheid_afwijking"} <= set(
        problemen
    )
    assert "grondslag" in " ".join(problemen["artikelen"])


def test_submitting_maatwerk_creates_a_request_and_notifies_the_team_lead(
    toets, professional, teamleider, teamleider_zuid
):
    toets = ingediend(toets, professional)
    assert toets.status == Toets.Status.INGEDIEND
    verzoek = MaatwerkVerzoek.objects.get(toets=toets)
    assert verzoek.bedrag == Decimal("650.00")
    assert verzoek.financiering == "participatiewet"
    assert verzoek.aangevraagd_door == professional
    assert verzoek.status == MaatwerkVerzoek.Status.INGEDIEND
    melding = Notificatie.objects.get(ontvanger=teamleider)
    assert "€ 650,00" in melding.tekst and toets.huishouden.referentie in melding.tekst
    assert "Yılmaz" not in melding.tekst  # the file number, not the family
    assert melding.url == verzoek.get_absolute_url()  # the decision page (issue 6)
    assert not Notificatie.objects.filter(ontvanger=teamleider_zuid).exists()


def test_within_the_rules_creates_no_maatwerk_request(toets, professional, teamleider):
    toets = ingediend(toets, professional, maatwerk=False)
    assert toets.uitkomst == "binnen_regels"
    assert not MaatwerkVerzoek.objects.exists()
    assert not Notificatie.objects.exists()


def test_concurrent_edits_of_a_draft_conflict_instead_of_overwriting(
    toets, professional, teamleider
):
    gelezen = toets.versie
    services.save_stap1(
        toets=toets,
        door=teamleider,
        versie=gelezen,
        velden={"analyse": "Analyse van de teamleider"},
        grondwaarden={},
        effecten={},
    )
    with pytest.raises(VersionConflict) as conflict:
        services.save_stap1(
            toets=toets,
            door=professional,
            versie=gelezen,
            velden={"analyse": "Mijn analyse"},
            grondwaarden={},
            effecten={},
        )
    assert conflict.value.current.analyse == "Analyse van de teamleider"
    assert Toets.objects.get(pk=toets.pk).analyse == "Analyse van de teamleider"


def test_an_unchanged_draft_keeps_its_version(toets, professional):
    toets = vul_stap1(toets, professional)
    versie = toets.versie
    _, changed = services.save_stap1(
        toets=toets,
        door=professional,
        versie=versie,
        velden={"analyse": toets.analyse},
        grondwaarden={g.grondwaarde_id: g.toelichting for g in toets.grondwaarden.all()},
        effecten={e.pk: (e.verwachting, e.toelichting) for e in toets.effecten.all()},
    )
    assert not changed
    assert Toets.objects.get(pk=toets.pk).versie == versie


def test_a_correction_copies_the_answers_and_replaces_the_old_toets_once_submitted(
    toets, professional, teamleider
):
    oud = ingediend(toets, professional)
    nieuw = services.correct_toets(toets=oud, door=professional, reden="Verkeerde huurprijs.")
    assert nieuw.vorige == oud and nieuw.status == Toets.Status.CONCEPT
    assert nieuw.kosten_oplossing == oud.kosten_oplossing
    assert nieuw.grondwaarden.count() == 2 and nieuw.artikelen.count() == 4
    assert Toets.objects.get(pk=oud.pk).status == Toets.Status.INGEDIEND  # until final
    with pytest.raises(ValidationError):
        services.correct_toets(toets=oud, door=professional, reden="Nog een keer")
    nieuw, _ = services.save_stap1(
        toets=nieuw,
        door=professional,
        versie=nieuw.versie,
        velden={"kosten_oplossing": Decimal("700.00")},
        grondwaarden={g.grondwaarde_id: g.toelichting for g in nieuw.grondwaarden.all()},
        effecten={e.pk: (e.verwachting, e.toelichting) for e in nieuw.effecten.all()},
    )
    nieuw = services.conclude_stap1(toets=nieuw, door=professional, versie=nieuw.versie)
    nieuw = services.submit_toets(toets=nieuw, door=professional, versie=nieuw.versie)
    oud.refresh_from_db()
    assert oud.status == Toets.Status.VERVANGEN and oud.vervangen_op is not None
    assert oud.maatwerkverzoek.status == MaatwerkVerzoek.Status.INGETROKKEN
    assert nieuw.maatwerkverzoek.bedrag == Decimal("700.00")
    assert any("corrigeert" in tekst for _, tekst in nieuw.motivering)
    with pytest.raises(ValidationError):
        services.correct_toets(toets=oud, door=professional, reden="Vervangen toets")


def test_only_a_final_toets_can_be_corrected(toets, professional):
    with pytest.raises(ValidationError):
        services.correct_toets(toets=toets, door=professional, reden="Te vroeg")
