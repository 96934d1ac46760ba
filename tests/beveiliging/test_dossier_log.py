"""Finding 2: the PDF dossier holds the household's access log only for who may read it
on screen (`Toegangslog.can_read`: the team's leads and auditors)."""

from types import SimpleNamespace

import pytest

from sociaaldomein.accesslog import Actie, log_access
from tests.huishoudens.factories import HuishoudenFactory, LidFactory
from tests.verantwoording.conftest import pdf_tekst
from verantwoording import services

pytestmark = pytest.mark.django_db


def _maak(huishouden, door):
    export = services.request_dossier(huishouden=huishouden, door=door, doel="casusregie")
    return services.generate_dossier(export_id=export.pk)


@pytest.fixture
def gezin(team_noord):
    huishouden = HuishoudenFactory(team=team_noord, naam="Gezin Mol")
    LidFactory(huishouden=huishouden, voornamen="Anna", achternaam="Mol")
    return huishouden


def _bekeken(huishouden, door):
    request = SimpleNamespace(user=door, META={}, path="/", method="GET")
    log_access(request, actie=Actie.BEKEKEN, onderwerp="Huishouden", huishoudens=[huishouden.pk])


def test_a_professionals_dossier_leaves_out_the_access_log(gezin, professional, auditor):
    _bekeken(gezin, auditor)  # an entry in the log about this household
    export = _maak(gezin, professional)
    tekst = pdf_tekst(export.pdf)
    assert "Het toegangslog is weggelaten" in tekst
    assert auditor.weergavenaam not in tekst
    assert export.log_volgnummer is None


def test_a_team_leads_dossier_holds_it(gezin, teamleider, auditor):
    _bekeken(gezin, auditor)
    export = _maak(gezin, teamleider)
    tekst = pdf_tekst(export.pdf)
    assert "Het toegangslog is weggelaten" not in tekst
    assert auditor.weergavenaam in tekst
    assert export.log_volgnummer is not None
