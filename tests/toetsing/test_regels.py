"""Rules of the toets record: immutability in PostgreSQL, the generated motivation, the cost
figures in Decimal, snapshots of cited articles, and the database invariants."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from sociaaldomein.formatting import euro
from tests.toetsing.factories import artikel, beeindigd, ingediend, naar_stap2, vul_stap2
from toetsing import services
from toetsing.models import Effect, Toets, ToetsArtikel, ToetsGrondwaarde
from toetsing.motivering import EffectRegel, Gegevens, GrondwaardeRegel, schrijf_motivering

pytestmark = pytest.mark.django_db


def _weigert(func, match):
    """`func` is refused with an IntegrityError whose message names the rule (`match`)."""
    with pytest.raises(IntegrityError, match=match), transaction.atomic():
        func()


AFGESLOTEN = "afgesloten"  # the immutability triggers: "Toets N is afgesloten …"


# --- immutability --------------------------------------------------------------------------


@pytest.mark.parametrize("staat", [ingediend, beeindigd])
def test_a_final_toets_cannot_be_changed_or_deleted_through_the_orm(toets, professional, staat):
    toets = staat(toets, professional)
    toets.vraag = "Iets anders"
    _weigert(toets.save, AFGESLOTEN)
    _weigert(lambda: Toets.objects.filter(pk=toets.pk).update(analyse="Achteraf"), AFGESLOTEN)
    # the ORM itself refuses first when a maatwerk request protects the toets; the trigger
    # refuses the raw DELETE (test_a_submitted_toets_cannot_be_changed_by_raw_sql)
    _weigert(
        lambda: Toets.objects.filter(pk=toets.pk).delete(),
        f"{AFGESLOTEN}|protected foreign keys: 'MaatwerkVerzoek.toets'",
    )
    _weigert(lambda: toets.effecten.update(toelichting="Achteraf"), AFGESLOTEN)
    _weigert(lambda: toets.grondwaarden.all().delete(), AFGESLOTEN)
    _weigert(
        lambda: Effect.objects.create(
            toets=toets, leefdomein=toets.effecten.first().leefdomein, verwachting="beter"
        ),
        "INSERT van een onderdeel is niet toegestaan",
    )
    assert Toets.objects.get(pk=toets.pk).vraag != "Iets anders"


def test_a_submitted_toets_cannot_be_changed_by_raw_sql(toets, professional):
    toets = ingediend(toets, professional)
    for sql in (
        "UPDATE toetsing_toets SET \"analyse\" = 'x' WHERE id = %s",
        "UPDATE toetsing_toets SET status = 'concept' WHERE id = %s",
        "DELETE FROM toetsing_toets WHERE id = %s",
        "UPDATE toetsing_toetsartikel SET motivering = 'x' WHERE toets_id = %s",
        "DELETE FROM toetsing_toetsartikel WHERE toets_id = %s",
        "UPDATE toetsing_toetsgrondwaarde SET naam = 'x' WHERE toets_id = %s",
        "DELETE FROM toetsing_effect WHERE toets_id = %s",
    ):
        with (
            pytest.raises(IntegrityError, match=AFGESLOTEN),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [toets.pk])
    toets.refresh_from_db()
    assert toets.status == Toets.Status.INGEDIEND and toets.artikelen.count() == 4


def test_the_only_change_the_database_allows_is_being_replaced(toets, professional):
    toets = ingediend(toets, professional)
    nu = timezone.now()
    _weigert(  # replaced, and something else changed with it
        lambda: Toets.objects.filter(pk=toets.pk).update(
            status="vervangen", vervangen_op=nu, analyse="x"
        ),
        AFGESLOTEN,
    )
    Toets.objects.filter(pk=toets.pk).update(status="vervangen", vervangen_op=nu)
    _weigert(lambda: Toets.objects.filter(pk=toets.pk).update(status="ingediend"), AFGESLOTEN)


def test_a_lawful_destruction_of_the_file_may_delete_a_final_toets(toets, professional):
    toets = ingediend(toets, professional)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL sociaaldomein.vernietiging = 'aan'")
        cursor.execute("DELETE FROM toetsing_maatwerkverzoek WHERE toets_id = %s", [toets.pk])
        for tabel in ("toetsing_toetsartikel", "toetsing_toetsgrondwaarde", "toetsing_effect"):
            cursor.execute(f"DELETE FROM {tabel} WHERE toets_id = %s", [toets.pk])
        cursor.execute("DELETE FROM toetsing_toets WHERE id = %s", [toets.pk])
    assert not Toets.objects.filter(pk=toets.pk).exists()


def test_a_draft_can_still_be_edited_directly(toets):
    Toets.objects.filter(pk=toets.pk).update(analyse="concept mag")
    assert Toets.objects.get(pk=toets.pk).analyse == "concept mag"


# --- database invariants -------------------------------------------------------------------


def test_the_database_refuses_a_toets_for_both_a_goal_and_an_action(toets, gezin):
    _, _, _, doel, _ = gezin
    _weigert(lambda: Toets.objects.filter(pk=toets.pk).update(doel=doel), "toets_doel_of_actie")


def test_the_database_refuses_a_toets_whose_action_belongs_to_another_household(toets, team_noord):
    from tests.huishoudens.factories import HuishoudenFactory

    ander = HuishoudenFactory(team=team_noord)
    _weigert(
        lambda: Toets.objects.filter(pk=toets.pk).update(huishouden=ander),
        "hoort niet bij huishouden",
    )


def test_the_database_refuses_step_2_without_a_positive_step_1(toets):
    _weigert(
        lambda: Toets.objects.filter(pk=toets.pk).update(status="stap2", stap2_op=timezone.now()),
        "toets_stap2_na_positieve_stap1",
    )


def test_the_database_refuses_submitted_maatwerk_without_its_motivation(toets, professional):
    toets = vul_stap2(naar_stap2(toets, professional), professional)
    _weigert(
        lambda: Toets.objects.filter(pk=toets.pk).update(
            status="ingediend",
            ingediend_op=timezone.now(),
            ingediend_door=professional,
            motivering=[["x", "y"]],
            afwijking_regel="",
        ),
        "toets_maatwerk_gemotiveerd",
    )


# --- the motivation ------------------------------------------------------------------------


def test_the_motivation_is_prose_from_the_recorded_answers(toets, professional):
    toets = ingediend(toets, professional)
    koppen = [kop for kop, _ in toets.motivering]
    assert koppen[:4] == [
        "Beslisvraag",
        "Wat is nodig",
        "Beoogd effect",
        "Effecten in de volle breedte",
    ]
    assert "Juridische toets" in koppen and "Uitkomst" in koppen
    tekst = "\n".join(tekst for _, tekst in toets.motivering)
    for antwoord in (
        "Een maand huur betalen om huisuitzetting te voorkomen",
        "‘We kunnen de huur van maart niet betalen",
        "Voor Ayşe Yılmaz verbeteren financiën (minder stress) en huisvesting (minder stress).",
        "Voor Emre Yılmaz verbeteren",
        "Deze oplossing kost € 650,00",
        "huisuitzetting met opvang en een nieuwe woning",
        "€ 7.000,00 over 24 maanden",
        "€ 6.350,00 over 24 maanden: 10,8 keer wat zij kost",
        "van de Pw: bestaanszekerheid (vangnet) (de huur is het vangnet)",
        "Artikel 35 Pw (Bijzondere bijstand): realiseert bestaanszekerheid",
        "Artikel 3:4 lid 2 Awb (Evenredigheid)",
        "afgeweken wordt van de beleidsregel bijzondere bijstand",
        "Het maatwerkverzoek van € 650,00 (Participatiewet) is voorgelegd aan de teamleider",
        f"Ingediend door {professional.weergavenaam}",
    ):
        assert antwoord in tekst, antwoord


def test_the_motivation_changes_when_the_answers_change():
    basis = Gegevens(
        vraag="een maand huur betalen",
        onderdeel="de actie ‘huur’",
        referentie="HH-1",
        behoefte="we willen blijven wonen",
        effecten=[EffectRegel("Ayşe", "Financiën", "beter", "rust")],
        kosten_oplossing=Decimal("650"),
        alternatief="huisuitzetting",
        kosten_alternatief=Decimal("7000"),
        horizon_maanden=12,
        grondwaarden=[GrondwaardeRegel("Pw", "bestaanszekerheid", "vangnet")],
        is_nodig=True,
        past_bij_grondwaarden=True,
        uitkomst="binnen_regels",
    )
    anders = Gegevens(
        **{
            **basis.__dict__,
            "effecten": [EffectRegel("Ayşe", "Financiën", "slechter", "minder geld")],
            "kosten_alternatief": Decimal("500"),
            "uitkomst": "maatwerk",
            "afwijking_regel": "regel X",
            "bijzondere_omstandigheden": "ziekte",
            "evenredigheid_afwijking": "klein bedrag",
        }
    )
    een, twee = ("\n".join(t for _, t in schrijf_motivering(g)) for g in (basis, anders))
    assert een != twee
    assert "Voor Ayşe verbetert financiën (rust)." in een
    assert "Voor Ayşe verslechtert financiën (minder geld)." in twee
    assert "voorkomt daarmee naar schatting € 6.350,00" in een
    assert "De oplossing is € 150,00 duurder dan het alternatief" in twee
    assert "past binnen de bestaande regels" in een and "afgeweken wordt van regel X" in twee


def test_sections_without_answers_are_left_out():
    secties = schrijf_motivering(Gegevens(vraag="huur", onderdeel="het doel ‘x’", referentie="HH"))
    assert [kop for kop, _ in secties] == ["Beslisvraag"]


def test_the_motivation_of_an_ended_toets_gives_the_reason(toets, professional):
    toets = beeindigd(toets, professional)
    tekst = " ".join(t for _, t in toets.motivering)
    assert "Dit is niet wat nodig is." in tekst
    assert "De toets is daarom na stap 1 beëindigd. Reden: de zus van moeder springt bij" in tekst
    assert "Juridische toets" not in [kop for kop, _ in toets.motivering]


# --- cost figures ----------------------------------------------------------------------------


def test_the_long_term_return_is_computed_in_decimal(toets):
    toets.kosten_oplossing = Decimal("650.00")
    toets.kosten_alternatief = Decimal("7000.00")
    assert toets.besparing == Decimal("6350.00") and isinstance(toets.besparing, Decimal)
    assert toets.rendement_factor == Decimal("10.8")
    toets.kosten_oplossing, toets.kosten_alternatief = Decimal("0.10"), Decimal("0.20")
    assert toets.besparing == Decimal("0.10")  # 0.1 + 0.2 style float errors cannot happen
    toets.kosten_oplossing, toets.kosten_alternatief = Decimal("1200.00"), Decimal("1000.00")
    assert toets.besparing == Decimal("-200.00")
    toets.kosten_oplossing = Decimal("0")
    assert toets.rendement_factor is None  # nothing spent: no factor, still a saving
    toets.kosten_alternatief = None
    assert toets.besparing is None


def test_amounts_are_written_the_dutch_way():
    assert euro(Decimal("1234567.5")) == "€ 1.234.567,50"
    assert euro(Decimal("0.005")) == "€ 0,01"


# --- snapshots of cited articles -----------------------------------------------------------


def test_a_retired_or_edited_article_never_changes_a_submitted_toets(toets, professional):
    toets = ingediend(toets, professional)
    pw35 = artikel("participatiewet", "35")
    pw35.titel = "Nieuwe titel"
    pw35.betekenis = "Nieuwe tekst"
    pw35.ingetrokken_op = timezone.localdate() - datetime.timedelta(days=1)
    pw35.save()
    keuze = ToetsArtikel.objects.get(toets=toets, artikel=pw35)
    assert keuze.titel == "Bijzondere bijstand"
    assert keuze.betekenis.startswith("Noodzakelijke kosten")
    tekst = " ".join(t for _, t in Toets.objects.get(pk=toets.pk).motivering)
    assert "(Bijzondere bijstand)" in tekst


def test_a_draft_citing_an_article_retired_since_cannot_be_submitted(toets, professional):
    toets = vul_stap2(naar_stap2(toets, professional), professional)
    pw35 = artikel("participatiewet", "35")
    pw35.ingetrokken_op = timezone.localdate()
    pw35.save()
    with pytest.raises(Exception) as error:
        services.submit_toets(toets=toets, door=professional, versie=toets.versie)
    assert f"artikel-{pw35.pk}" in error.value.message_dict


def test_the_snapshot_is_taken_again_on_submission(toets, professional):
    toets = vul_stap2(naar_stap2(toets, professional), professional)
    pw35 = artikel("participatiewet", "35")
    pw35.titel = "Bijzondere bijstand (herzien)"
    pw35.save()
    toets = services.submit_toets(toets=toets, door=professional, versie=toets.versie)
    assert toets.artikelen.get(artikel=pw35).titel == "Bijzondere bijstand (herzien)"


def test_a_grondwaarde_snapshot_survives_renaming(toets, professional):
    toets = ingediend(toets, professional)
    keuze = ToetsGrondwaarde.objects.filter(toets=toets).first()
    keuze.grondwaarde.naam = "hernoemd"
    keuze.grondwaarde.save()
    assert ToetsGrondwaarde.objects.get(pk=keuze.pk).naam != "hernoemd"
