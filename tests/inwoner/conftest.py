import pytest

from tests.inwoner.gezin import Gezin, maak_gezin


@pytest.fixture
def gezin(professional, team_noord) -> Gezin:
    return maak_gezin(professional, team_noord)
