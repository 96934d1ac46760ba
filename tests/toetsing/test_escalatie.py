"""Escalation beyond the team (issue 14): a request above the mandate or with laws in
conflict goes lokaal → regio → landelijk (Landelijk Maatwerkloket / escalatieteam), with
status and dates on the request, in the inbox and in the dossier."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from tests.toetsing.factories import ingediend
from toetsing.models import MaatwerkBudget, MaatwerkEscalatie
from toetsing.services import escalatie, maatwerk
from verantwoording.dossier import maatwerk_voor_dossier

pytestmark = pytest.mark.django_db


@pytest.fixture
def verzoek(toets, professional, team_noord, teamleider):
    MaatwerkBudget.objects.create(
        team=team_noord,
        jaar=timezone.localdate().year,
        financiering="participatiewet",
        bedrag=Decimal("10000.00"),
    )
    return ingediend(toets, professional).maatwerkverzoek


def _escaleer(verzoek, door, grond="wetten_botsen"):
    return escalatie.escalate_maatwerk(
        verzoek=verzoek, door=door, grond=grond, toelichting="Pw en Wmo wijzen naar elkaar."
    )


def _antwoord(e, door, *, opgelost: bool):
    return escalatie.record_escalation_answer(
        escalatie=e, door=door, opgelost=opgelost, antwoord="Besproken in het overleg."
    )


def test_levels_go_lokaal_regio_landelijk_each_after_an_unsettled_answer(verzoek, teamleider):
    lokaal = _escaleer(verzoek, teamleider)
    assert (lokaal.niveau, lokaal.status) == ("lokaal", "open") and lokaal.voorgelegd_op
    with pytest.raises(ValidationError, match="Leg eerst het antwoord vast"):
        _escaleer(verzoek, teamleider)
    _antwoord(lokaal, teamleider, opgelost=False)
    regio = _escaleer(verzoek, teamleider)
    assert regio.niveau == "regio"
    _antwoord(regio, teamleider, opgelost=False)
    landelijk = _escaleer(verzoek, teamleider)
    assert landelijk.niveau == "landelijk"
    assert "Landelijk Maatwerkloket" in landelijk.get_niveau_display()
    _antwoord(landelijk, teamleider, opgelost=False)
    with pytest.raises(ValidationError, match="hoogste niveau"):
        _escaleer(verzoek, teamleider)
    landelijk.refresh_from_db()
    assert landelijk.beantwoord_op and landelijk.status == "niet_opgelost"


def test_a_settled_escalation_returns_the_decision_to_the_team(verzoek, teamleider):
    _antwoord(_escaleer(verzoek, teamleider), teamleider, opgelost=True)
    with pytest.raises(ValidationError, match="beslis nu zelf"):
        _escaleer(verzoek, teamleider)
    maatwerk.approve_maatwerk(verzoek=verzoek, door=teamleider, reden="Na het lokale overleg.")
    verzoek.refresh_from_db()
    assert verzoek.status == "goedgekeurd"


def test_above_mandate_only_when_the_request_is_above_it(verzoek, teamleider):
    with pytest.raises(ValidationError) as fout:
        _escaleer(verzoek, teamleider, grond="boven_mandaat")
    assert "binnen het mandaat" in fout.value.message_dict["grond"][0]
    verzoek.niveau = "twee_teamleiders"
    verzoek.save(update_fields=["niveau"])
    assert _escaleer(verzoek, teamleider, grond="boven_mandaat").grond == "boven_mandaat"


def test_only_a_lead_of_the_team_escalates_an_open_request(
    verzoek, professional, teamleider, teamleider_zuid
):
    for ander in (professional, teamleider_zuid):
        with pytest.raises(PermissionDenied):
            _escaleer(verzoek, ander)
    maatwerk.reject_maatwerk(verzoek=verzoek, door=teamleider, reden="Eerst bijstand.")
    with pytest.raises(maatwerk.AlBesloten):
        _escaleer(verzoek, teamleider)


def test_the_database_keeps_one_open_escalation_one_row_per_level_and_an_answer_when_closed(
    verzoek, teamleider
):
    eerste = _escaleer(verzoek, teamleider)
    with pytest.raises(IntegrityError, match="escalatie_een_open"), transaction.atomic():
        MaatwerkEscalatie.objects.create(
            verzoek=verzoek,
            niveau="regio",
            grond="wetten_botsen",
            toelichting="x",
            voorgelegd_door=teamleider,
        )
    with pytest.raises(IntegrityError, match="escalatie_antwoord"), transaction.atomic():
        MaatwerkEscalatie.objects.filter(verzoek=verzoek).update(status="opgelost")
    _antwoord(eerste, teamleider, opgelost=False)  # answered: no open escalation left
    with pytest.raises(IntegrityError, match="escalatie_een_per_niveau"), transaction.atomic():
        MaatwerkEscalatie.objects.create(
            verzoek=verzoek,
            niveau=eerste.niveau,
            grond="wetten_botsen",
            toelichting="Nog een keer op hetzelfde niveau.",
            voorgelegd_door=teamleider,
        )


def test_the_request_page_the_inbox_and_the_dossier_show_status_and_dates(
    client_for, verzoek, teamleider, gezin
):
    client = client_for(teamleider)
    pagina = reverse("maatwerk:verzoek", args=[verzoek.pk])
    assert "Voorleggen aan: lokaal escalatieoverleg" in client.get(pagina).text
    response = client.post(
        reverse("maatwerk:escaleren", args=[verzoek.pk]),
        {"grond": "wetten_botsen", "toelichting": "Pw en Wmo wijzen naar elkaar."},
    )
    assert response.status_code == 302
    e = MaatwerkEscalatie.objects.get(verzoek=verzoek)
    vandaag = f"{timezone.localdate():%d-%m-%Y}"
    html = client.get(pagina).text
    assert (
        "Lokaal: escalatieoverleg van de gemeente</strong> — Voorgelegd, wacht op antwoord" in html
    )
    assert f"Voorgelegd op {vandaag}" in html and "Antwoord van Lokaal" in html
    antwoord = client.post(
        reverse("maatwerk:escalatie_antwoord", args=[verzoek.pk, e.pk]),
        {"uitkomst": "nee", "antwoord": "Niet lokaal op te lossen."},
    )
    assert antwoord.status_code == 302
    assert "Voorleggen aan: regionaal escalatieteam" in client.get(pagina).text
    inbox = client.get(reverse("maatwerk:inbox")).text
    assert "Geëscaleerd" in inbox and f"voorgelegd {vandaag}, antwoord {vandaag}" in inbox
    (regel,) = maatwerk_voor_dossier(gezin[0])
    labels = [b.label for b in regel.besluiten]
    assert any(label.startswith("Geëscaleerd naar Lokaal") for label in labels)
    assert any(label.startswith("Antwoord van Lokaal") for label in labels)


def test_each_inbox_row_carries_its_latest_escalation_in_one_query(
    verzoek, teamleider, team_noord, professional, django_assert_num_queries
):
    from tests.toetsing.factories import maak_gezin
    from toetsing import services as toets_services
    from toetsing.selectors.maatwerk import met_laatste_escalatie

    _antwoord(_escaleer(verzoek, teamleider), teamleider, opgelost=False)
    regio = _escaleer(verzoek, teamleider)
    huishouden, *_, actie = maak_gezin(team_noord, professional)
    toets = toets_services.start_toets(
        huishouden=huishouden, door=professional, actie=actie, vraag=actie.wat
    )
    zonder = ingediend(toets, professional).maatwerkverzoek
    with django_assert_num_queries(1):
        rijen = met_laatste_escalatie([verzoek, zonder])
    assert (rijen[0].escalatie.pk, rijen[0].escalatie.niveau) == (regio.pk, "regio")
    assert rijen[1].escalatie is None
    with django_assert_num_queries(0):
        assert met_laatste_escalatie([]) == []


def test_a_missing_explanation_is_shown_next_to_the_field(client_for, verzoek, teamleider):
    response = client_for(teamleider).post(
        reverse("maatwerk:escaleren", args=[verzoek.pk]), {"grond": "wetten_botsen"}
    )
    assert response.status_code == 200
    assert 'id="id_toelichting_error"' in response.text
    assert not MaatwerkEscalatie.objects.exists()
