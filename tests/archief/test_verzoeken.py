"""The Jeugdwet request for early destruction (art. 7.3.9, issue 19b): who may ask (a
youth of 12 or older, or a parent), the three months, four eyes, a refusal only with a
legal ground, no grant under a legal hold, and a granted request's way through the
existing list to the verklaring."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from archief import services, verzoeken
from archief.models import JuridischeBlokkade, LijstItem, VernietigingsVerzoek
from huishoudens.models import Huishouden
from sociaaldomein.roles import Rol
from tests.databaserol import als_eigenaar
from tests.huishoudens.factories import HuishoudenFactory, LidFactory
from tests.sociaaldomein.factories import UserFactory
from tests.verantwoording.conftest import pdf_tekst

pytestmark = pytest.mark.django_db


def _jaren_terug(jaren: int) -> datetime.date:
    vandaag = timezone.localdate()
    return vandaag.replace(year=vandaag.year - jaren, day=min(vandaag.day, 28))


@pytest.fixture
def gezin(team_noord):
    huishouden = HuishoudenFactory(team=team_noord)
    huishouden.ouder = LidFactory(huishouden=huishouden, geboortedatum=_jaren_terug(40))
    huishouden.kind = LidFactory(
        huishouden=huishouden, geboortedatum=_jaren_terug(14), relatie="kind"
    )
    huishouden.klein = LidFactory(
        huishouden=huishouden, geboortedatum=_jaren_terug(9), relatie="kind"
    )
    return huishouden


def _sluit(huishouden):
    Huishouden.objects.filter(pk=huishouden.pk).update(
        status=Huishouden.Status.AFGESLOTEN,
        aangemeld_op=_jaren_terug(3),
        actief_sinds=_jaren_terug(3),
        afgesloten_op=_jaren_terug(1),
    )
    huishouden.refresh_from_db()


@pytest.fixture
def ander_team(team_zuid):
    return UserFactory(username="professional.zuid", rol=Rol.PROFESSIONAL, teams=[team_zuid])


@pytest.fixture
def ander_teamleider(team_zuid):
    return UserFactory(username="teamleider.zuid", rol=Rol.TEAMLEIDER, teams=[team_zuid])


@pytest.fixture
def archivaris(db):
    return UserFactory(username="archivaris", rol=Rol.ARCHIVARIS)


@pytest.fixture
def tweede_leider(team_noord):
    return UserFactory(username="leider2.noord", rol=Rol.TEAMLEIDER, teams=[team_noord])


def _verzoek(gezin, door, *, wie="jeugdige", jeugdige=None, ontvangen=None):
    return verzoeken.record_request(
        huishouden=gezin,
        jeugdige=jeugdige or gezin.kind,
        verzoeker=wie,
        ontvangen_op=ontvangen or timezone.localdate(),
        door=door,
    )


def test_the_deadline_is_three_months_after_receipt(gezin, professional):
    verzoek = _verzoek(gezin, professional, ontvangen=datetime.date(2026, 11, 30))
    assert verzoek.uiterlijk_op == datetime.date(2027, 2, 28)
    assert verzoek.huishouden_nummer == gezin.pk
    assert verzoek.referentie.startswith("VV-")


def test_a_youth_under_twelve_cannot_ask_but_a_parent_can(gezin, professional):
    with pytest.raises(ValidationError) as fout:
        _verzoek(gezin, professional, jeugdige=gezin.klein)
    assert "jonger dan 12 jaar" in fout.value.message_dict["verzoeker"][0]
    assert _verzoek(gezin, professional, wie="ouder", jeugdige=gezin.klein).status == "open"


def test_only_the_owning_team_records_a_request(gezin, ander_team):
    with pytest.raises(PermissionDenied):
        _verzoek(gezin, ander_team)


def test_one_open_request_at_a_time(gezin, professional):
    _verzoek(gezin, professional)
    with pytest.raises(ValidationError, match="al een verzoek"):
        _verzoek(gezin, professional, wie="ouder")


def test_the_recorder_never_decides_four_eyes(gezin, teamleider, tweede_leider):
    verzoek = _verzoek(gezin, teamleider)
    with pytest.raises(PermissionDenied, match="zelf vastgelegd"):
        verzoeken.decide_request(verzoek=verzoek, door=teamleider, toewijzen=False)
    # and the database refuses it too
    with transaction.atomic(), pytest.raises(IntegrityError, match="verzoek_vier_ogen"):
        VernietigingsVerzoek.objects.filter(pk=verzoek.pk).update(
            status="afgewezen",
            grond="wettelijk",
            motivering="x",
            beoordeeld_door=teamleider,
            beoordeeld_op=timezone.now(),
        )
    _sluit(gezin)
    assert verzoeken.decide_request(verzoek=verzoek, door=tweede_leider, toewijzen=True)


def test_another_teams_lead_and_a_professional_do_not_decide(gezin, professional, ander_teamleider):
    verzoek = _verzoek(gezin, professional)
    for user in (ander_teamleider, professional):
        with pytest.raises(PermissionDenied):
            verzoeken.decide_request(verzoek=verzoek, door=user, toewijzen=False)


def test_a_refusal_needs_a_legal_ground_and_a_motivation(gezin, professional, teamleider):
    verzoek = _verzoek(gezin, professional)
    with pytest.raises(ValidationError) as fout:
        verzoeken.decide_request(verzoek=verzoek, door=teamleider, toewijzen=False)
    assert set(fout.value.message_dict) == {"grond", "motivering"}
    verzoek = verzoeken.decide_request(
        verzoek=verzoek,
        door=teamleider,
        toewijzen=False,
        grond="belang_ander",
        motivering="De broer heeft het dossier nodig voor zijn eigen hulp.",
    )
    assert verzoek.status == "afgewezen"
    assert verzoek.get_grond_display().startswith("Aanmerkelijk belang van een ander")
    # the database refuses a refusal without a ground
    with transaction.atomic(), pytest.raises(IntegrityError, match="verzoek_afwijzing_met_grond"):
        VernietigingsVerzoek.objects.filter(pk=verzoek.pk).update(grond="")


def test_a_household_under_legal_hold_cannot_be_granted(gezin, professional, teamleider):
    _sluit(gezin)
    JuridischeBlokkade.objects.create(
        huishouden=gezin, grond="bezwaar", toelichting="Bezwaar loopt", vastgelegd_door=teamleider
    )
    verzoek = _verzoek(gezin, professional)
    with pytest.raises(ValidationError, match="juridische blokkade"):
        verzoeken.decide_request(verzoek=verzoek, door=teamleider, toewijzen=True)
    assert not LijstItem.objects.filter(huishouden=gezin).exists()


def test_an_open_file_is_closed_first(gezin, professional, teamleider):
    verzoek = _verzoek(gezin, professional)
    with pytest.raises(ValidationError, match="nog niet afgesloten"):
        verzoeken.decide_request(verzoek=verzoek, door=teamleider, toewijzen=True)


def test_a_granted_request_goes_through_the_list_to_the_verklaring(
    gezin, professional, teamleider, beheerder, archivaris
):
    """Outside the normal archiefactiedatum: the file was closed a year ago."""
    _sluit(gezin)
    verzoek = _verzoek(gezin, professional)
    verzoeken.decide_request(verzoek=verzoek, door=teamleider, toewijzen=True)
    item = LijstItem.objects.get(huishouden=gezin)
    assert item.verzoek_id == verzoek.pk
    assert item.archiefactiedatum == verzoek.uiterlijk_op
    lijst = item.lijst
    assert "Vervroegd op verzoek" in lijst.naam
    assert lijst.stappen.get().stap == "verzoek"
    assert beheerder.notificaties.get().url == reverse("archief:lijst", args=[lijst.pk])
    services.submit(lijst=lijst, door=beheerder)
    services.review(lijst=lijst, door=teamleider, akkoord=True)
    services.send_to_archivist(lijst=lijst, door=beheerder)
    services.archive(lijst=lijst, door=archivaris)
    lijst.refresh_from_db()
    lijst.vernietigen_na = timezone.now() - datetime.timedelta(minutes=1)
    lijst.save(update_fields=["vernietigen_na"])
    with als_eigenaar():  # the destruction run is the owner's (daily job)
        services.destroy(lijst=lijst)
    assert not Huishouden.objects.filter(pk=gezin.pk).exists()
    verzoek.refresh_from_db()
    assert verzoek.huishouden_id is None and verzoek.jeugdige_id is None
    assert verzoek.referentie_dossier == gezin.referentie
    lijst.refresh_from_db()
    tekst = pdf_tekst(bytes(lijst.verklaring))
    assert f"vervroegd op verzoek {verzoek.referentie}" in tekst
    assert gezin.referentie in tekst


def test_the_request_shows_in_the_team_leads_mijn_werk(
    client_for, gezin, professional, teamleider, ander_teamleider
):
    verzoek = _verzoek(gezin, professional)
    assert verzoek.referentie in client_for(teamleider).get(reverse("start")).text
    assert verzoek.referentie not in client_for(ander_teamleider).get(reverse("start")).text
    assert verzoek.referentie not in client_for(professional).get(reverse("start")).text


# --- the pages ---------------------------------------------------------------------------------


def test_the_household_page_offers_the_request_to_its_team(client_for, gezin, professional):
    pagina = client_for(professional).get(gezin.get_absolute_url()).text
    assert reverse("archief:verzoek_nieuw", args=[gezin.pk]) in pagina


def test_recording_on_the_page_refuses_a_child_under_twelve_at_the_field(
    client_for, gezin, professional
):
    url = reverse("archief:verzoek_nieuw", args=[gezin.pk])
    data = {
        "jeugdige": gezin.klein.pk,
        "verzoeker": "jeugdige",
        "ontvangen_op": timezone.localdate().isoformat(),
    }
    response = client_for(professional).post(url, data)
    assert response.status_code == 200
    assert "jonger dan 12 jaar" in response.text
    assert not VernietigingsVerzoek.objects.exists()
    data["verzoeker"] = "ouder"
    assert client_for(professional).post(url, data).status_code == 302
    assert VernietigingsVerzoek.objects.get().jeugdige == gezin.klein


def test_another_teams_lead_gets_404_and_the_team_reads(
    client_for, gezin, professional, teamleider, ander_teamleider
):
    verzoek = _verzoek(gezin, professional)
    url = reverse("archief:verzoek", args=[verzoek.pk])
    assert client_for(ander_teamleider).get(url).status_code == 404
    besluit = {"besluit": "afwijzen", "grond": "wettelijk", "motivering": "Wettelijke plicht."}
    assert client_for(ander_teamleider).post(url, besluit).status_code == 404
    assert client_for(professional).get(url).status_code == 200
    assert client_for(professional).post(url, besluit).status_code == 403
    verzoek.refresh_from_db()
    assert verzoek.status == "open"


def test_the_lead_who_recorded_it_gets_403_another_lead_decides(
    client_for, gezin, teamleider, tweede_leider
):
    verzoek = _verzoek(gezin, teamleider)
    url = reverse("archief:verzoek", args=[verzoek.pk])
    besluit = {"besluit": "afwijzen", "grond": "wettelijk", "motivering": "Wettelijke plicht."}
    assert "een andere teamleider" in client_for(teamleider).get(url).text
    assert client_for(teamleider).post(url, besluit).status_code == 403
    assert client_for(tweede_leider).post(url, besluit).status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == "afgewezen" and verzoek.beoordeeld_door == tweede_leider


def test_granting_under_legal_hold_shows_the_dutch_message(
    client_for, gezin, professional, teamleider
):
    _sluit(gezin)
    JuridischeBlokkade.objects.create(
        huishouden=gezin, grond="rechter", toelichting="Bevel", vastgelegd_door=teamleider
    )
    verzoek = _verzoek(gezin, professional)
    url = reverse("archief:verzoek", args=[verzoek.pk])
    response = client_for(teamleider).post(url, {"besluit": "toewijzen"})
    assert response.status_code == 200
    assert "juridische blokkade" in response.text
    verzoek.refresh_from_db()
    assert verzoek.status == "open"


def test_a_refusal_without_ground_is_refused_at_the_fields(
    client_for, gezin, professional, teamleider
):
    verzoek = _verzoek(gezin, professional)
    url = reverse("archief:verzoek", args=[verzoek.pk])
    response = client_for(teamleider).post(url, {"besluit": "afwijzen", "grond": ""})
    assert response.status_code == 200
    assert "Motiveer de afwijzing" in response.text
    assert "Kies de wettelijke grond" in response.text
