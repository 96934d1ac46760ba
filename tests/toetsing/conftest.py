import pytest

from tests.toetsing.factories import maak_gezin
from toetsing import services


@pytest.fixture
def gezin(team_noord, professional):
    return maak_gezin(team_noord, professional)


@pytest.fixture
def toets(gezin, professional):
    huishouden, _, _, _, actie = gezin
    return services.start_toets(
        huishouden=huishouden, door=professional, actie=actie, vraag=actie.wat
    )
