from tests.toetsing.conftest import gezin, toets  # noqa: F401 - a household with a toets
