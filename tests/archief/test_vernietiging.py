"""Retention and destruction (issue 19): the longest period of the laws involved, legal
holds, the list's review by the team lead and the archivist, the wait, the deletion past
the append-only triggers, the verklaring, and an access log that still verifies."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from archief import services
from archief.models import JuridischeBlokkade, Vernietigingslijst
from archief.selectors import te_vernietigen
from huishoudens.models import Huishouden
from sociaaldomein.accesslog import verify_chain
from sociaaldomein.models import Toegangslog, ToegangslogPseudoniem
from tests.databaserol import als_eigenaar
from tests.huishoudens.factories import HuishoudenFactory, LidFactory
from tests.verantwoording.conftest import pdf_tekst

pytestmark = pytest.mark.django_db
VANDAAG = datetime.date(2026, 12, 1)


def _sluit(huishouden, op: datetime.date):
    Huishouden.objects.filter(pk=huishouden.pk).update(
        status=Huishouden.Status.AFGESLOTEN,
        aangemeld_op=op - datetime.timedelta(days=400),
        actief_sinds=op - datetime.timedelta(days=300),
        afgesloten_op=op,
    )
    huishouden.refresh_from_db()
    return huishouden


def _jaren_terug(jaren: int, dagen: int = 0) -> datetime.date:
    return VANDAAG.replace(year=VANDAAG.year - jaren) - datetime.timedelta(days=dagen)


def _voorgesteld(team):
    return {b.huishouden.pk for b in te_vernietigen(team_id=team.pk, op=VANDAAG)}


def test_a_jeugdwet_file_is_kept_twenty_years_after_the_last_jeugdhulp(team_noord):
    """A member under 18 when the file closed: the Jeugdwet's 20 years, not the 10 of a
    file without a law."""
    gezin = HuishoudenFactory(team=team_noord)
    LidFactory(huishouden=gezin, geboortedatum=_jaren_terug(30))  # 11 at closing
    _sluit(gezin, _jaren_terug(19, 300))
    volwassen = HuishoudenFactory(team=team_noord)
    LidFactory(huishouden=volwassen, geboortedatum=_jaren_terug(70))
    _sluit(volwassen, _jaren_terug(19, 300))
    assert _voorgesteld(team_noord) == {volwassen.pk}
    _sluit(gezin, _jaren_terug(20, 1))
    assert _voorgesteld(team_noord) == {volwassen.pk, gezin.pk}


def test_a_household_under_legal_hold_is_never_proposed(team_noord, beheerder):
    dossier = HuishoudenFactory(team=team_noord)
    LidFactory(huishouden=dossier, geboortedatum=_jaren_terug(70))
    _sluit(dossier, _jaren_terug(30))
    JuridischeBlokkade.objects.create(
        huishouden=dossier,
        grond=JuridischeBlokkade.Grond.BEZWAAR,
        toelichting="Beroep bij de rechtbank",
        sinds=_jaren_terug(1),
        vastgelegd_door=beheerder,
    )
    assert _voorgesteld(team_noord) == set()
    JuridischeBlokkade.objects.update(tot=VANDAAG - datetime.timedelta(days=1))
    assert _voorgesteld(team_noord) == {dossier.pk}


def test_a_list_passes_lead_and_archivist_and_deletes_after_the_wait(wereld, client_for):
    """The world's household carries every kind of case data (plan, history, toetsen,
    maatwerk decisions, a dossier): all of it goes, past the append-only triggers."""
    huishouden = _sluit(wereld.huishouden, datetime.date(2001, 6, 1))
    referentie = huishouden.referentie
    client_for(wereld.users["professional"]).get(
        reverse("huishoudens:detail", args=[huishouden.pk])
    )  # an access-log entry about it
    beheerder, lead = wereld.users["beheerder"], wereld.users["teamleider"]
    archivaris = wereld.users["archivaris"]

    lijst = services.create_list(team=wereld.team_noord, door=beheerder)
    assert [i.referentie for i in lijst.items.all()] == [referentie]
    with pytest.raises(PermissionDenied):
        services.review(lijst=lijst, door=lead, akkoord=True)  # not submitted yet
    services.submit(lijst=lijst, door=beheerder)
    with pytest.raises(PermissionDenied):
        services.review(lijst=lijst, door=wereld.users["ander_team"], akkoord=True)
    services.review(lijst=lijst, door=lead, akkoord=True, toelichting="Akkoord")
    services.send_to_archivist(lijst=lijst, door=beheerder)
    with pytest.raises(PermissionDenied):
        services.archive(lijst=lijst, door=beheerder)
    lijst = services.archive(lijst=lijst, door=archivaris)
    with pytest.raises(ValidationError):
        services.destroy(lijst=lijst)  # the wait has not passed
    Vernietigingslijst.objects.filter(pk=lijst.pk).update(
        vernietigen_na=timezone.now() - datetime.timedelta(minutes=1)
    )
    # the destruction run is the owner's (`vernietigingslijsten_uitvoeren`, daily): it
    # switches the append-only triggers off, which the application's role may not
    with als_eigenaar():
        [lijst] = services.destroy_due()

    assert lijst.status == Vernietigingslijst.Status.VERNIETIGD
    assert not Huishouden.objects.filter(pk=huishouden.pk).exists()
    tekst = pdf_tekst(lijst.verklaring)
    assert referentie in tekst and "Verklaring van vernietiging" in tekst
    assert wereld.lid.achternaam not in tekst
    count, problems, _ = verify_chain()
    assert problems == [] and count > 0
    over = Toegangslog.objects.filter(huishoudens__contains=[huishouden.pk])
    assert over.exists() and not over.exclude(leden=[]).exists()
    assert ToegangslogPseudoniem.objects.count() == over.count()


def test_the_archivist_sees_the_list_but_no_case_data(wereld, client_for):
    client = client_for(wereld.users["archivaris"])
    assert client.get(reverse("archief:overzicht")).status_code == 200
    pagina = client.get(reverse("huishoudens:detail", args=[wereld.huishouden.pk]))
    assert pagina.status_code == 403


def test_seed_demo_makes_the_archivist_and_old_closed_files(db):
    from django.core.management import call_command

    from sociaaldomein.models import Team, User

    call_command("seed_demo", households=0)
    call_command("seed_demo", households=0)  # idempotent
    archivaris = User.objects.get(username="archivaris")
    assert archivaris.check_password("demo") and archivaris.is_archivaris
    noord = Team.objects.get(naam="Wijkteam Noord")
    assert len(te_vernietigen(team_id=noord.pk, op=datetime.date.today())) == 2
