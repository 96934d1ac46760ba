import pytest

from tests.inwoner.gezin import Gezin, maak_gezin


@pytest.fixture
def gezin(professional, team_noord) -> Gezin:
    return maak_gezin(professional, team_noord)


@pytest.fixture(autouse=True)
def _geen_eerdere_pogingen():
    """Wrong activation codes are counted in the cache (per process): start clean."""
    from django.core.cache import cache

    cache.clear()
